// Writes a case's transitions: each event goes to PostgreSQL with the case's projection (case row + timeline
// event + CRM outbox row, one idempotent write keyed by case id + event sequence), and the search attributes
// the step changed go to Temporal in one upsert with the step's events.
import { upsertSearchAttributes } from '@temporalio/workflow';
import { projectCase, type CaseState } from '../domain/case';
import type { CaseEventType } from '../domain/case-events';
import type { Stage } from '../domain/vocabulary';
import type { StoreActivities } from './activities';
import type { CaseEventRecord, RecordedEvents } from '../activities/case-store';
import { CASE_STAGE, CASE_TEAM, CHURN_DRIVER, CUSTOMER_TIER } from './search-attributes';

export const SYSTEM_ACTOR = 'holdfast';

export interface NewEvent {
  type: CaseEventType;
  data?: Record<string, unknown>;
  actor?: string;
  // The stage the case moves to with this event.
  stage?: Stage;
}

type SearchAttributeKey = typeof CASE_STAGE | typeof CASE_TEAM | typeof CHURN_DRIVER | typeof CUSTOMER_TIER;

export class EventRecorder {
  // Sequence of the last event written; equal to state.eventSeq when the projection is current.
  private projectedSeq = 0;
  private pendingSearchAttributes: { key: SearchAttributeKey; value: string }[] = [];
  // Numbered, not yet written (defer); the next write carries them.
  private deferred: CaseEventRecord[] = [];

  constructor(private readonly state: CaseState) {}

  // True when every recorded transition is in PostgreSQL, so an API read shows the current case.
  get projected(): boolean {
    return this.projectedSeq === this.state.eventSeq;
  }

  // Writes the events through `store` (local activities for the stages, regular ones for handlers), with the
  // deferred ones before them in the same call.
  async write(events: NewEvent[], store: StoreActivities): Promise<void> {
    if (events.length === 0 && this.deferred.length === 0) return;
    await this.carry((recorded) => store.recordCaseEvents(recorded!), { more: this.numbered(events) });
  }

  // The events take effect on the state now and are written by the next call that carries them (carry) or
  // the next write, whichever comes first.
  defer(events: NewEvent[]): void {
    this.deferred.push(...this.numbered(events));
  }

  // Runs a call with the deferred events (and `more`) for it to write first; `recorded` is undefined when
  // there are none. If the call fails or is cancelled they stay deferred for the next write (writes are keyed
  // by sequence, so one that did land is not written twice). `holdSearchAttributes` keeps the step's search
  // attributes for the next write or send, so they reach Temporal in one upsert.
  async carry<R>(
    call: (recorded?: RecordedEvents) => Promise<R>,
    options: { more?: CaseEventRecord[]; holdSearchAttributes?: boolean } = {},
  ): Promise<R> {
    const events = [...this.deferred, ...(options.more ?? [])];
    this.deferred = [];
    if (events.length === 0) return call(undefined);
    if (!options.holdSearchAttributes) this.flushSearchAttributes();
    try {
      const result = await call({ events, projection: projectCase(this.state) });
      this.projectedSeq = Math.max(this.projectedSeq, events.at(-1)!.seq);
      return result;
    } catch (e) {
      this.deferred = [...events, ...this.deferred];
      throw e;
    }
  }

  private numbered(events: NewEvent[]): CaseEventRecord[] {
    return events.map((e) => {
      if (e.stage) {
        this.state.stage = e.stage;
        this.tag(CASE_STAGE, e.stage);
      }
      return {
        caseId: this.state.caseId,
        seq: ++this.state.eventSeq,
        at: new Date().toISOString(),
        type: e.type,
        actor: e.actor ?? SYSTEM_ACTOR,
        data: e.data ?? {},
      };
    });
  }

  // The case's tier, driver and team as search attributes, sent with the step's next event.
  tagSearchAttributes(): void {
    if (this.state.tier) this.tag(CUSTOMER_TIER, this.state.tier);
    if (this.state.driver) this.tag(CHURN_DRIVER, this.state.driver);
    if (this.state.teamId) this.tag(CASE_TEAM, this.state.teamId);
  }

  private tag(key: SearchAttributeKey, value: string): void {
    this.pendingSearchAttributes = [...this.pendingSearchAttributes.filter((p) => p.key !== key), { key, value }];
  }

  // Sends the search attributes set since the last upsert, if any.
  flushSearchAttributes(): void {
    if (this.pendingSearchAttributes.length) upsertSearchAttributes(this.pendingSearchAttributes);
    this.pendingSearchAttributes = [];
  }
}
