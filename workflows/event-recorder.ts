// Writes a case's transitions: each event goes to PostgreSQL with the case's projection (case row + timeline
// event + CRM outbox row, one idempotent write keyed by case id + event sequence), and the search attributes
// the step changed go to Temporal. Lean cases (LEAN_TRANSITIONS_PATCH) write a step's events together and send
// its search attributes in one upsert with them; older cases write one event at a time, as their histories do.
import { upsertSearchAttributes } from '@temporalio/workflow';
import { projectCase, type CaseState } from '../domain/case';
import type { CaseEventType } from '../domain/case-events';
import type { Stage } from '../domain/vocabulary';
import { acts, type StoreActivities } from './activities';
import type { CaseEventRecord, RecordedEvents } from '../activities/case-store';
import { CRM_OUTBOX_PATCH } from './patches';
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

  constructor(
    private readonly state: CaseState,
    private readonly lean: boolean,
    private readonly store: StoreActivities,
    private readonly patched: (id: string) => boolean,
  ) {}

  // True when every recorded transition is in PostgreSQL, so an API read shows the current case.
  get projected(): boolean {
    return this.projectedSeq === this.state.eventSeq;
  }

  // `store`: where the write runs (the run's store unless a handler writes; see HANDLER_WRITES_PATCH).
  // Events deferred before are written first, in the same call.
  async recordAll(events: NewEvent[], store: StoreActivities = this.store): Promise<void> {
    if (!this.lean) {
      for (const e of events) await this.recordOne(e.type, e.data ?? {}, e.actor ?? SYSTEM_ACTOR, e.stage);
      return;
    }
    if (events.length === 0 && !this.hasDeferred) return;
    await this.carry((recorded) => store.recordCaseEvents(recorded!), this.numbered(events));
  }

  // Lean cases only (EVENTS_WITH_NEXT_CALL_PATCH): the events take effect on the state now and are written
  // by the next store call that carries them (carry) or the next recordAll, whichever comes first.
  defer(events: NewEvent[]): void {
    this.deferred.push(...this.numbered(events));
  }

  get hasDeferred(): boolean {
    return this.deferred.length > 0;
  }

  // Runs a store call with the deferred events (and `more`) for it to write first; `recorded` is undefined
  // when there are none. If the call fails or is cancelled they stay deferred for the next write (writes are
  // keyed by sequence, so one that did land is not written twice).
  // `withSearchAttributes: false` keeps the step's search attributes for the next write or send (flushSearchAttributes).
  async carry<R>(call: (recorded?: RecordedEvents) => Promise<R>, more: CaseEventRecord[] = [], withSearchAttributes = true): Promise<R> {
    const events = [...this.deferred, ...more];
    this.deferred = [];
    if (events.length === 0) return call(undefined);
    if (withSearchAttributes) this.flushSearchAttributes();
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
      return { caseId: this.state.caseId, seq: ++this.state.eventSeq, at: new Date().toISOString(), type: e.type, actor: e.actor ?? SYSTEM_ACTOR, data: e.data ?? {} };
    });
  }

  private async recordOne(type: CaseEventType, data: Record<string, unknown>, actor: string, stage?: Stage): Promise<void> {
    if (stage) {
      this.state.stage = stage;
      upsertSearchAttributes([{ key: CASE_STAGE, value: stage }]);
    }
    const seq = ++this.state.eventSeq;
    const event = { caseId: this.state.caseId, seq, at: new Date().toISOString(), type, actor, data };
    await this.store.recordCaseEvent({ event, projection: projectCase(this.state) });
    this.projectedSeq = Math.max(this.projectedSeq, seq);
    // Cases from before the CRM outbox pushed each event with its own activity.
    if (!this.patched(CRM_OUTBOX_PATCH)) await acts.pushCaseEventToCrm({ event, customerId: this.state.customerId, stage: this.state.stage });
  }

  // The case's tier, driver and team as search attributes; lean cases send them with the step's next event.
  tagSearchAttributes(): void {
    if (this.state.tier) this.tag(CUSTOMER_TIER, this.state.tier);
    if (this.state.driver) this.tag(CHURN_DRIVER, this.state.driver);
    if (this.state.teamId) this.tag(CASE_TEAM, this.state.teamId);
    if (!this.lean) this.flushSearchAttributes();
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
