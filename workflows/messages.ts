// Every message of the retention-case workflow, defined once and shared with the API.
// Human steps are updates, not signals: the caller needs a synchronous answer (accepted, or rejected
// with the reason, e.g. the case is in another stage), and validators keep bad input out of history.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { DeliveryReport } from '../domain/delivery';
import type { CaseState } from '../domain/case';
import type {
  Actor,
  CloseCaseInput,
  ExtendSlaInput,
  RetryStepInput,
  ReassignInput,
  ContactOutcomeInput,
  OfferApprovalInput,
  OfferDecisionInput,
  SurveyAnswerInput,
} from '../domain/human-steps';
import type { RiskSignalInput } from '../domain/risk';

export interface AddSignalResult {
  caseId: string;
  workflowId: string;
  joined: boolean;
}

export const addSignalUpdate = defineUpdate<AddSignalResult, [RiskSignalInput]>('addSignal');
export const contactOutcomeUpdate = defineUpdate<CaseState, [ContactOutcomeInput & Actor]>('recordContactOutcome');
export const offerApprovalUpdate = defineUpdate<CaseState, [OfferApprovalInput & Actor]>('approveOffer');
export const offerDecisionUpdate = defineUpdate<CaseState, [OfferDecisionInput & Actor]>('recordOfferDecision');
export const surveyAnswerUpdate = defineUpdate<CaseState, [SurveyAnswerInput & Actor]>('answerSurvey');

// The API resolves the agent's team before sending the update: validators cannot read the directory.
export const reassignUpdate = defineUpdate<CaseState, [ReassignInput & { teamId: string } & Actor]>('reassign');
export const extendSlaUpdate = defineUpdate<CaseState, [ExtendSlaInput & Actor]>('extendSla');
export const closeCaseUpdate = defineUpdate<CaseState, [CloseCaseInput & Actor]>('closeCase');

export const caseStateQuery = defineQuery<CaseState>('caseState');

// A supervisor resolves a case that needs attention: run the failed step again.
export const retryStepUpdate = defineUpdate<CaseState, [RetryStepInput & Actor]>('retryStep');

// Signals, not updates: the sender (a provider's webhook, the consent ledger) needs no answer and must not
// wait for a worker; Temporal keeps them until the case takes them.
export const deliveryReportSignal = defineSignal<[DeliveryReport]>('deliveryReport');
export interface ConsentChange {
  channel: string;
  granted: boolean;
  source: string;
  actor: string;
}
export const consentChangedSignal = defineSignal<[ConsentChange]>('consentChanged');
// A customer's free-text reply to a message (e.g. "call me after 6"): kept on the timeline as a task for the
// case's agent. Carries the text, never the sender's number.
export interface CustomerReply {
  channel: 'sms';
  text: string;
  receivedAt: string;
}
export const customerReplySignal = defineSignal<[CustomerReply]>('customerReplied');

// ApplicationFailure types the API maps to HTTP answers.
export const WRONG_STAGE = 'wrong_stage';
export const CASE_CLOSED = 'case_closed';
export const INVALID_INPUT = 'invalid_input';

// The Temporal Schedule that starts the detection sweeps (workflows/detection-sweep.ts): the worker creates
// and updates it, the API describes it.
export const DETECTION_SCHEDULE_ID = 'holdfast-detection';
