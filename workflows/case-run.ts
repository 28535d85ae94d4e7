// The state of one running case and its transitions. Every transition is written to PostgreSQL (case row +
// timeline event + CRM outbox row) in one idempotent activity keyed by case id + event sequence.
import { condition, patched, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { durationMs } from '../domain/duration';
import { projectCase, type CaseInput, type CaseState } from '../domain/case';
import type { CustomerProfile } from '../domain/customer';
import type { PinnedPlaybook } from '../domain/playbook';
import type { Outcome, Stage } from '../domain/vocabulary';
import { acts, storeActivities, type StoreActivities } from './activities';
import { CHANNEL_FAILURES_PATCH, CRM_OUTBOX_PATCH, LEAN_TRANSITIONS_PATCH, SLA_BY_TIER_PATCH, SLA_ESCALATION_PATCH } from './patches';
import type { DeliveryReport } from '../domain/delivery';
import { CASE_STAGE, CASE_TEAM, CHURN_DRIVER, CUSTOMER_TIER } from './search-attributes';
import type { Actor, CloseCaseInput, ContactOutcomeInput, OfferApprovalInput, OfferDecisionInput, SurveyAnswerInput } from '../domain/human-steps';

export const SYSTEM_ACTOR = 'holdfast';
// The human steps a stage can wait for.
export interface HumanAnswers {
  contact: ContactOutcomeInput & Actor;
  approval: OfferApprovalInput & Actor;
  decision: OfferDecisionInput & Actor;
  survey: SurveyAnswerInput & Actor;
}

export class CaseRun {
  readonly state: CaseState;
  customer?: CustomerProfile;
  playbook?: PinnedPlaybook;
  private readonly answers: Partial<HumanAnswers> = {};
  // The human wait in progress, whose deadline a supervisor may move (an updatable timer).
  private wait?: { kind: keyof HumanAnswers; dueMs: number; moved: number };
  // In the playbook's holdout group: no treatment.
  holdout = false;
  // A balance_recovery signal arrived (ends an observation window as retained).
  recovered = false;
  // A supervisor's close: the running stage is cancelled and the case closes with this outcome.
  closeRequest?: CloseCaseInput & Actor;
  // Sequence of the last event written to the store; equal to state.eventSeq when the projection is current.
  private projectedSeq = 0;
  // Answers accepted but still being recorded; validators reject a second answer meanwhile.
  private readonly answering = new Set<keyof HumanAnswers>();
  // The human answer the case is open for now: from the moment a stage announces the wait until it ends.
  private expecting?: keyof HumanAnswers;
  // Providers' reports that a message did not reach the customer, by attempt key.
  readonly undelivered = new Map<string, DeliveryReport>();
  // A supervisor resolved the needs-attention state: retry the step (or reassign, then retry).
  private attentionResolution?: { action: 'retry' | 'reassign'; actor: string; note?: string };

  // Lean transitions (LEAN_TRANSITIONS_PATCH), decided once when the run starts: PostgreSQL work as local
  // activities, and search attributes sent with the step's event instead of one upsert each.
  readonly lean: boolean;
  readonly store: StoreActivities;
  private pendingSearchAttributes: { key: typeof CASE_STAGE; value: string }[] = [];

  constructor(readonly input: CaseInput, workflowId: string) {
    this.lean = patched(LEAN_TRANSITIONS_PATCH);
    this.store = storeActivities(this.lean);
    if (input.resume) {
      this.state = input.resume.state;
      this.customer = input.resume.customer;
      this.playbook = input.resume.playbook;
      this.recovered = input.resume.recovered;
      return;
    }
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

  // How long the bank's own people get for a step, by the customer's tier.
  staffSla(timeoutMs: number): number {
    if (!patched(SLA_BY_TIER_PATCH)) return timeoutMs;
    const factor = (this.state.tier && this.definition.escalation.slaFactorByTier[this.state.tier]) ?? 1;
    return Math.round(timeoutMs * factor);
  }

  isAnswering(kind: keyof HumanAnswers): boolean {
    return this.answering.has(kind);
  }

  // The stage is about to announce it waits for this answer: from now on it is accepted (and kept if it
  // arrives before awaitAnswer() starts waiting).
  expect(kind: keyof HumanAnswers): void {
    this.expecting = kind;
  }

  // Whether a human answer of this kind is accepted now. Cases started before the rule only check the stage.
  isExpecting(kind: keyof HumanAnswers): boolean {
    if (this.answering.has(kind)) return false;
    return !this.strictAnswers || this.expecting === kind;
  }

  // Set once, at the start: cases from before CHANNEL_FAILURES_PATCH accept answers by stage alone and
  // treat a send's failure as the step's.
  private strictAnswers = false;
  get handlesFailures(): boolean {
    return this.strictAnswers;
  }

  // An update handler accepted an answer: it records it, then hands it over with giveAnswer().
  beginAnswer(kind: keyof HumanAnswers): void {
    this.answering.add(kind);
  }

  giveAnswer<K extends keyof HumanAnswers>(kind: K, answer: HumanAnswers[K]): void {
    this.answers[kind] = answer;
  }

  // Waits for a human answer until the timeout; an answer accepted before the timeout is still honoured.
  // Past the SLA the wait escalates through the playbook's levels, each with more time, unless a
  // supervisor moved the deadline; then the caller's timeout path runs.
  // A customer's wait (escalate: false) never escalates: it ends at its own deadline. `interrupted` ends the
  // wait early without an answer (e.g. the message it waits on was reported undelivered).
  async awaitAnswer<K extends keyof HumanAnswers>(kind: K, timeoutMs: number, options: { escalate?: boolean; interrupted?: () => boolean } = {}): Promise<HumanAnswers[K] | undefined> {
    this.expecting = kind;
    const interrupted = options.interrupted ?? (() => false);
    const arrived = () => this.answers[kind] !== undefined || (interrupted() && !this.answering.has(kind));
    if (!patched(SLA_ESCALATION_PATCH) || options.escalate === false) {
      await condition(arrived, timeoutMs);
    } else {
      const { levels, grace } = this.definition.escalation;
      let escalations = 0;
      this.wait = { kind, dueMs: Date.now() + timeoutMs, moved: 0 };
      for (;;) {
        const moved = this.wait.moved;
        await condition(() => arrived() || this.wait!.moved !== moved, Math.max(0, this.wait.dueMs - Date.now()));
        if (arrived() || this.wait.moved !== moved) {
          if (arrived()) break;
          continue;
        }
        const level = levels[escalations++];
        if (!level) break;
        this.wait.dueMs = Date.now() + durationMs(grace);
        await this.record('sla_breached', { wait: kind, escalatedTo: level, nextDeadline: new Date(this.wait.dueMs).toISOString() });
      }
      this.wait = undefined;
    }
    this.expecting = undefined;
    if (this.answering.has(kind)) await condition(() => this.answers[kind] !== undefined);
    const answer = this.answers[kind];
    delete this.answers[kind];
    this.answering.delete(kind);
    return answer;
  }

  get waitingFor(): keyof HumanAnswers | undefined {
    return this.wait?.kind;
  }

  // A supervisor moves the current wait's deadline; the SLA shown on the case moves with it.
  moveDeadline(until: Date): void {
    this.wait!.dueMs = until.getTime();
    this.wait!.moved++;
    this.state.slaDueAt = until.toISOString();
  }

  // History is long enough to carry the case over to a new run.
  get historyIsLong(): boolean {
    const info = workflowInfo();
    return info.continueAsNewSuggested || (this.input.historyLimit !== undefined && info.historyLength > this.input.historyLimit);
  }

  // True when every recorded transition is in PostgreSQL, so an API read shows the current case.
  get projected(): boolean {
    return this.projectedSeq === this.state.eventSeq;
  }

  get closed(): boolean {
    return this.state.status === 'closed';
  }

  get definition() {
    if (!this.playbook) throw new Error('playbook is not pinned yet');
    return this.playbook.definition;
  }

  // Records a timeline event with the case's current projection, optionally moving it to a new stage.
  async record(type: string, data: Record<string, unknown> = {}, actor = SYSTEM_ACTOR, stage?: Stage): Promise<void> {
    return this.recordAll([{ type, data, actor, stage }]);
  }

  // Records several events of one step together: with lean transitions in one write (and one search-attribute
  // upsert); before it, one write each, as the histories of those cases have them.
  async recordAll(events: { type: string; data?: Record<string, unknown>; actor?: string; stage?: Stage }[]): Promise<void> {
    if (!this.lean) {
      for (const e of events) await this.recordOne(e.type, e.data ?? {}, e.actor ?? SYSTEM_ACTOR, e.stage);
      return;
    }
    const records = events.map((e) => {
      if (e.stage) {
        this.state.stage = e.stage;
        this.tag(CASE_STAGE, e.stage);
      }
      return { caseId: this.state.caseId, seq: ++this.state.eventSeq, at: new Date().toISOString(), type: e.type, actor: e.actor ?? SYSTEM_ACTOR, data: e.data ?? {} };
    });
    this.flushSearchAttributes();
    await this.store.recordCaseEvents({ events: records, projection: projectCase(this.state) });
    this.projectedSeq = Math.max(this.projectedSeq, records.at(-1)!.seq);
  }

  private async recordOne(type: string, data: Record<string, unknown>, actor: string, stage?: Stage): Promise<void> {
    if (stage) {
      this.state.stage = stage;
      upsertSearchAttributes([{ key: CASE_STAGE, value: stage }]);
    }
    const seq = ++this.state.eventSeq;
    const event = { caseId: this.state.caseId, seq, at: new Date().toISOString(), type, actor, data };
    await this.store.recordCaseEvent({ event, projection: projectCase(this.state) });
    this.projectedSeq = Math.max(this.projectedSeq, seq);
    // Cases from before the CRM outbox pushed each event with its own activity.
    if (!patched(CRM_OUTBOX_PATCH)) await acts.pushCaseEventToCrm({ event, customerId: this.state.customerId, stage: this.state.stage });
  }

  // Turns on the rules of CHANNEL_FAILURES_PATCH for this case (called once, when the run starts).
  adoptStrictAnswers(): boolean {
    this.strictAnswers = patched(CHANNEL_FAILURES_PATCH);
    return this.strictAnswers;
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

  tagSearchAttributes(): void {
    if (this.state.tier) this.tag(CUSTOMER_TIER, this.state.tier);
    if (this.state.driver) this.tag(CHURN_DRIVER, this.state.driver);
    if (this.state.teamId) this.tag(CASE_TEAM, this.state.teamId);
    if (!this.lean) this.flushSearchAttributes();
  }

  // With lean transitions a search attribute waits for the step's next event, which sends them all at once.
  private tag(key: typeof CASE_STAGE, value: string): void {
    this.pendingSearchAttributes = [...this.pendingSearchAttributes.filter((p) => p.key !== key), { key, value }];
  }

  private flushSearchAttributes(): void {
    if (this.pendingSearchAttributes.length) upsertSearchAttributes(this.pendingSearchAttributes);
    this.pendingSearchAttributes = [];
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
