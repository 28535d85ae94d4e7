// One running case: its state and the pieces that move it. The event recorder writes transitions
// (event-recorder.ts), the answer desk takes people's answers (human-answers.ts), the SLA timer bounds and
// escalates the wait for them (sla-timer.ts); this class holds the case's state and the decisions that need
// several of them (a close, a wait for a supervisor, the deadline of a staff step).
import { condition, workflowInfo } from '@temporalio/workflow';
import type { CaseInput, CaseState } from '../domain/case';
import type { CustomerProfile } from '../domain/customer';
import type { PinnedPlaybook } from '../domain/playbook';
import type { Outcome, Stage } from '../domain/vocabulary';
import { acts, localStore, type StoreActivities } from './activities';
import { EventRecorder, SYSTEM_ACTOR } from './event-recorder';
import type { RecordedEvents } from '../activities/case-store';
import { HumanAnswerDesk, type AnswerKind, type HumanAnswers } from './human-answers';
import { SlaTimer } from './sla-timer';
import type { DeliveryReport } from '../domain/delivery';
import type { CaseEventType } from '../domain/case-events';
import type { CloseCaseInput } from '../domain/human-steps';
import type { Actor } from '../domain/human-steps';

// How a timeline event is written (CaseRun.record).
export interface RecordOptions {
  // Who took the step; the engine itself by default.
  actor?: string;
  // The stage the case moves to with this event.
  stage?: Stage;
  // Nothing waits on it: it takes effect now and is written by the step's next activity call (withRecorded)
  // or next record, one local activity fewer.
  withNextCall?: boolean;
  // Written by an update or signal handler: through a regular activity (workflows/activities.ts says why).
  fromHandler?: boolean;
}

export class CaseRun {
  readonly state: CaseState;
  customer?: CustomerProfile;
  playbook?: PinnedPlaybook;
  // In the playbook's holdout group: no treatment.
  holdout = false;
  // A balance_recovery signal arrived (ends an observation window as retained).
  recovered = false;
  // A supervisor's close: the running stage is cancelled and the case closes with this outcome.
  closeRequest?: CloseCaseInput & Actor;
  // Providers' reports that a message did not reach the customer, by attempt key.
  readonly undelivered = new Map<string, DeliveryReport>();
  // A supervisor resolved the needs-attention state: retry the step (or reassign, then retry).
  private attentionResolution?: { action: 'retry' | 'reassign'; actor: string; note?: string };

  // PostgreSQL work of the stages: local activities, so a case reaches its first send in one workflow task.
  readonly store: StoreActivities = localStore;
  private readonly recorder: EventRecorder;
  readonly answers = new HumanAnswerDesk();
  readonly sla: SlaTimer;

  constructor(
    readonly input: CaseInput,
    workflowId: string,
  ) {
    if (input.resume) {
      this.state = input.resume.state;
      this.customer = input.resume.customer;
      this.playbook = input.resume.playbook;
      this.recovered = input.resume.recovered;
    } else {
      this.state = {
        caseId: input.caseId,
        workflowId,
        customerId: input.customerId,
        reason: input.reason,
        stage: 'detected',
        status: 'open',
        signals: [...input.signals],
        contact: { attempts: 0 },
        openedAt: new Date().toISOString(),
        eventSeq: 0,
      };
    }
    this.recorder = new EventRecorder(this.state);
    this.sla = new SlaTimer(this.state);
  }

  // How long the bank's own people get for a step, by the customer's tier.
  staffSla(timeoutMs: number): number {
    const factor = (this.state.tier && this.definition.escalation.slaFactorByTier[this.state.tier]) ?? 1;
    return Math.round(timeoutMs * factor);
  }

  // Waits for a human answer until the timeout; an answer accepted before the timeout is still honoured.
  // Past the SLA the wait escalates through the playbook's levels, each with more time, unless a
  // supervisor moved the deadline; then the caller's timeout path runs.
  // A customer's wait (escalate: false) never escalates: it ends at its own deadline. `interrupted` ends the
  // wait early without an answer (e.g. the message it waits on was reported undelivered).
  awaitAnswer<K extends AnswerKind>(
    kind: K,
    timeoutMs: number,
    options: { escalate?: boolean; interrupted?: () => boolean } = {},
  ): Promise<HumanAnswers[K] | undefined> {
    return this.answers.take(kind, options.interrupted ?? (() => false), async (arrived) => {
      if (options.escalate === false) {
        await condition(arrived, timeoutMs);
        return;
      }
      await this.sla.escalating(kind, timeoutMs, arrived, this.definition.escalation, (level, nextDeadline) =>
        this.record('sla_breached', { wait: kind, escalatedTo: level, nextDeadline }),
      );
    });
  }

  // History is long enough to carry the case over to a new run.
  get historyIsLong(): boolean {
    const info = workflowInfo();
    return (
      info.continueAsNewSuggested ||
      (this.input.historyLimit !== undefined && info.historyLength > this.input.historyLimit)
    );
  }

  // True when every recorded transition is in PostgreSQL, so an API read shows the current case.
  get projected(): boolean {
    return this.recorder.projected;
  }

  get closed(): boolean {
    return this.state.status === 'closed';
  }

  get definition() {
    if (!this.playbook) throw new Error('playbook is not pinned yet');
    return this.playbook.definition;
  }

  // The one way a timeline event is written: with the case's current projection, optionally moving it to a new
  // stage (RecordOptions). Events recorded withNextCall before it are written first, in the same call.
  record(type: CaseEventType, data: Record<string, unknown> = {}, options: RecordOptions = {}): Promise<void> {
    const event = { type, data, actor: options.actor ?? SYSTEM_ACTOR, stage: options.stage };
    if (options.withNextCall) {
      this.recorder.defer([event]);
      return Promise.resolve();
    }
    return this.recorder.write([event], options.fromHandler ? acts : this.store);
  }

  // An activity call that writes the events recorded withNextCall before it runs (it passes `recorded` on;
  // activities/case-store.ts writingCarriedEvents takes them). The search attributes set meanwhile wait for the
  // next write, or go to Temporal now when the call is a send (`send: true`), so a case's tags reach Temporal in
  // one upsert before its first message.
  withRecorded<R>(call: (recorded?: RecordedEvents) => Promise<R>, options: { send?: boolean } = {}): Promise<R> {
    if (options.send) this.recorder.flushSearchAttributes();
    return this.recorder.carry(call, { holdSearchAttributes: true });
  }

  tagSearchAttributes(): void {
    this.recorder.tagSearchAttributes();
  }

  get needsAttention(): boolean {
    return this.state.attention !== undefined;
  }

  // Nothing automatic can move the case: it shows on the board with the reason, waits for a supervisor to
  // retry (or reassign, then retry) or close it, and has no timer meanwhile: the reason is the visible task.
  async awaitSupervisor(reason: string, step: string, data: Record<string, unknown> = {}): Promise<void> {
    this.state.attention = { reason, step, since: new Date().toISOString() };
    this.state.slaDueAt = undefined;
    this.attentionResolution = undefined;
    await this.record('needs_attention', { reason, step, ...data });
    await condition(() => this.attentionResolution !== undefined);
    const { action, actor, note } = this.attentionResolution!;
    this.state.attention = undefined;
    await this.record('attention_resolved', { reason, step, action, note: note ?? null }, { actor });
  }

  resolveAttention(resolution: { action: 'retry' | 'reassign'; actor: string; note?: string }): void {
    this.attentionResolution = resolution;
  }

  setSlaDue(ms: number | undefined): void {
    this.state.slaDueAt = ms === undefined ? undefined : new Date(Date.now() + ms).toISOString();
  }

  async close(
    outcome: Outcome,
    reason: string,
    data: Record<string, unknown> = {},
    actor = SYSTEM_ACTOR,
  ): Promise<void> {
    this.state.status = 'closed';
    this.state.outcome = outcome;
    this.state.closeReason = reason;
    this.state.closedAt = new Date().toISOString();
    this.state.slaDueAt = undefined;
    await this.record('case_closed', { outcome, reason, ...data }, { actor, stage: 'closed' });
  }
}
