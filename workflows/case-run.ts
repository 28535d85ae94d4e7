// One running case: its state and the pieces that move it. The event recorder writes transitions
// (event-recorder.ts), the answer desk takes people's answers (human-answers.ts), the SLA timer bounds and
// escalates the wait for them (sla-timer.ts); this class holds the case's state and the decisions that need
// several of them (a close, a wait for a supervisor, the deadline of a staff step).
import { condition, workflowInfo } from '@temporalio/workflow';
import type { CaseInput, CaseState } from '../domain/case';
import type { CustomerProfile } from '../domain/customer';
import type { PinnedPlaybook } from '../domain/playbook';
import type { Outcome, Stage } from '../domain/vocabulary';
import { acts, storeActivities, type StoreActivities } from './activities';
import { EventRecorder, SYSTEM_ACTOR, type NewEvent } from './event-recorder';
import type { RecordedEvents } from '../activities/case-store';
import { HumanAnswerDesk, type AnswerKind, type HumanAnswers } from './human-answers';
import { CHANNEL_FAILURES_PATCH, EVENTS_WITH_NEXT_CALL_PATCH, HANDLER_WRITES_PATCH, LEAN_TRANSITIONS_PATCH, SLA_BY_TIER_PATCH, SLA_ESCALATION_PATCH } from './patches';
import { PatchGate } from './patch-gate';
import { SlaTimer } from './sla-timer';
import type { DeliveryReport } from '../domain/delivery';
import type { CaseEventType } from '../domain/case-events';
import type { CloseCaseInput } from '../domain/human-steps';
import type { Actor } from '../domain/human-steps';


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

  // Lean transitions (LEAN_TRANSITIONS_PATCH), decided once when the run starts: PostgreSQL work as local
  // activities, and search attributes sent with the step's event instead of one upsert each.
  readonly lean: boolean;
  // Events nothing waits on ride with the step's next store call (EVENTS_WITH_NEXT_CALL_PATCH).
  private readonly carriesEvents: boolean;
  readonly store: StoreActivities;
  readonly recorder: EventRecorder;
  readonly answers = new HumanAnswerDesk();
  readonly sla: SlaTimer;
  // Checks the baseline patch first, so it must be made before any other patch is checked.
  private readonly patches = new PatchGate();

  constructor(readonly input: CaseInput, workflowId: string) {
    this.lean = this.patched(LEAN_TRANSITIONS_PATCH);
    this.carriesEvents = this.lean && this.patched(EVENTS_WITH_NEXT_CALL_PATCH);
    this.store = storeActivities(this.lean);
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
    this.recorder = new EventRecorder(this.state, this.lean, this.store, (id) => this.patched(id));
    this.sla = new SlaTimer(this.state);
  }

  // Whether this run takes the code after a patch (workflows/patches.ts), through the baseline (patch-gate.ts).
  patched(id: string): boolean {
    return this.patches.has(id);
  }

  // How long the bank's own people get for a step, by the customer's tier.
  staffSla(timeoutMs: number): number {
    if (!this.patched(SLA_BY_TIER_PATCH)) return timeoutMs;
    const factor = (this.state.tier && this.definition.escalation.slaFactorByTier[this.state.tier]) ?? 1;
    return Math.round(timeoutMs * factor);
  }

  // Cases from before CHANNEL_FAILURES_PATCH treat a send's failure as the step's.
  get handlesFailures(): boolean {
    return this.answers.strictAnswers;
  }

  // Turns on the rules of CHANNEL_FAILURES_PATCH for this case (called once, when the run starts).
  adoptStrictAnswers(): boolean {
    this.answers.adoptStrictAnswers(this.patched(CHANNEL_FAILURES_PATCH));
    return this.answers.strictAnswers;
  }

  // Waits for a human answer until the timeout; an answer accepted before the timeout is still honoured.
  // Past the SLA the wait escalates through the playbook's levels, each with more time, unless a
  // supervisor moved the deadline; then the caller's timeout path runs.
  // A customer's wait (escalate: false) never escalates: it ends at its own deadline. `interrupted` ends the
  // wait early without an answer (e.g. the message it waits on was reported undelivered).
  awaitAnswer<K extends AnswerKind>(kind: K, timeoutMs: number, options: { escalate?: boolean; interrupted?: () => boolean } = {}): Promise<HumanAnswers[K] | undefined> {
    return this.answers.take(kind, options.interrupted ?? (() => false), async (arrived) => {
      if (!this.patched(SLA_ESCALATION_PATCH) || options.escalate === false) {
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
    return info.continueAsNewSuggested || (this.input.historyLimit !== undefined && info.historyLength > this.input.historyLimit);
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

  // Records a timeline event with the case's current projection, optionally moving it to a new stage.
  record(type: CaseEventType, data: Record<string, unknown> = {}, actor = SYSTEM_ACTOR, stage?: Stage): Promise<void> {
    return this.recorder.recordAll([{ type, data, actor, stage }]);
  }

  // Records several events of one step together (one write for lean cases).
  recordAll(events: NewEvent[]): Promise<void> {
    return this.recorder.recordAll(events);
  }

  // Events the step's next store call can write (withRecorded); written at once in cases from before.
  async recordWithNextCall(events: NewEvent[]): Promise<void> {
    if (this.carriesEvents) this.recorder.defer(events);
    else await this.recorder.recordAll(events);
  }

  // A store call that writes the deferred events first (it takes them as `recorded`). In a case started on the
  // baseline the search attributes set meanwhile wait for the next write or send (writeDeferred), so detect's
  // tier and driver reach Temporal in one upsert with the assignment's team and stage, not in one each.
  withRecorded<R>(call: (recorded?: RecordedEvents) => Promise<R>): Promise<R> {
    return this.recorder.carry(call, [], !this.patches.baseline);
  }

  // A send that carries the deferred events (SEND_CHECKS_POLICY_PATCH): the search attributes set since the last
  // upsert go to Temporal with it, as writeDeferred would send them.
  withRecordedSend<R>(call: (recorded?: RecordedEvents) => Promise<R>): Promise<R> {
    this.recorder.flushSearchAttributes();
    return this.recorder.carry(call);
  }

  // Before anything that reaches the customer or waits: every deferred event is written (none normally is
  // left by then; this keeps the timeline current if a path ever changes), and the search attributes set
  // since the last upsert are sent.
  async writeDeferred(): Promise<void> {
    if (this.recorder.hasDeferred) await this.recorder.recordAll([]);
    else if (this.patches.baseline) this.recorder.flushSearchAttributes();
  }

  // The store an update or signal handler writes through: regular activities (HANDLER_WRITES_PATCH), so a
  // handler's write and the main coroutine's local activities never resolve in a different order on replay.
  handlerStore(): StoreActivities {
    return this.lean && this.patched(HANDLER_WRITES_PATCH) ? acts : this.store;
  }

  // A handler's timeline event.
  recordFromHandler(type: CaseEventType, data: Record<string, unknown>, actor = SYSTEM_ACTOR): Promise<void> {
    return this.recorder.recordAll([{ type, data, actor }], this.handlerStore());
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
    await this.record('attention_resolved', { reason, step, action, note: note ?? null }, actor);
  }

  resolveAttention(resolution: { action: 'retry' | 'reassign'; actor: string; note?: string }): void {
    this.attentionResolution = resolution;
  }

  setSlaDue(ms: number | undefined): void {
    this.state.slaDueAt = ms === undefined ? undefined : new Date(Date.now() + ms).toISOString();
  }

  async close(outcome: Outcome, reason: string, data: Record<string, unknown> = {}, actor = SYSTEM_ACTOR): Promise<void> {
    this.state.status = 'closed';
    this.state.outcome = outcome;
    this.state.closeReason = reason;
    this.state.closedAt = new Date().toISOString();
    this.state.slaDueAt = undefined;
    await this.record('case_closed', { outcome, reason, ...data }, actor, 'closed');
  }
}
