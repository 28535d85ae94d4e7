// The state of one running case and its transitions. Every transition is written to PostgreSQL (case row +
// timeline event) and pushed to the CRM by idempotent activities keyed by case id + event sequence.
import { upsertSearchAttributes } from '@temporalio/workflow';
import { projectCase, type CaseInput, type CaseState } from '../domain/case';
import type { CustomerProfile } from '../domain/customer';
import type { PinnedPlaybook } from '../domain/playbook';
import type { Outcome, Stage } from '../domain/vocabulary';
import { acts } from './activities';
import { CASE_STAGE, CASE_TEAM, CHURN_DRIVER, CUSTOMER_TIER } from './search-attributes';
import type { ContactOutcomeInput, OfferApprovalInput, OfferDecisionInput, SurveyAnswerInput, Actor } from '../domain/human-steps';

export const SYSTEM_ACTOR = 'holdfast';

export class CaseRun {
  readonly state: CaseState;
  customer?: CustomerProfile;
  playbook?: PinnedPlaybook;
  // Human answers waiting for the stage that asked for them.
  pendingContactOutcome?: ContactOutcomeInput & Actor;
  pendingApproval?: OfferApprovalInput & Actor;
  pendingDecision?: OfferDecisionInput & Actor;
  pendingSurveyAnswer?: SurveyAnswerInput & Actor;

  constructor(readonly input: CaseInput, workflowId: string) {
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

  get closed(): boolean {
    return this.state.status === 'closed';
  }

  get definition() {
    if (!this.playbook) throw new Error('playbook is not pinned yet');
    return this.playbook.definition;
  }

  // Records a timeline event with the case's current projection, optionally moving it to a new stage.
  async record(type: string, data: Record<string, unknown> = {}, actor = SYSTEM_ACTOR, stage?: Stage): Promise<void> {
    if (stage) {
      this.state.stage = stage;
      upsertSearchAttributes([{ key: CASE_STAGE, value: stage }]);
    }
    const seq = ++this.state.eventSeq;
    const event = { caseId: this.state.caseId, seq, at: new Date().toISOString(), type, actor, data };
    await acts.recordCaseEvent({ event, projection: projectCase(this.state) });
    await acts.pushCaseEventToCrm({ event, customerId: this.state.customerId, stage: this.state.stage });
  }

  setSlaDue(ms: number | undefined): void {
    this.state.slaDueAt = ms === undefined ? undefined : new Date(Date.now() + ms).toISOString();
  }

  tagSearchAttributes(): void {
    const pairs = [];
    if (this.state.tier) pairs.push({ key: CUSTOMER_TIER, value: this.state.tier });
    if (this.state.driver) pairs.push({ key: CHURN_DRIVER, value: this.state.driver });
    if (this.state.teamId) pairs.push({ key: CASE_TEAM, value: this.state.teamId });
    if (pairs.length) upsertSearchAttributes(pairs);
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
