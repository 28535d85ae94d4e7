// Refusals about a retention case and the human steps taken on it.
import { refusal } from './domain-error';

export const caseNotFound = refusal<{ caseId: string }>(
  'not_found',
  'case_not_found',
  (p) => `no case with id ${p.caseId}`,
);

const closed = refusal<{ stage: string }>(
  'conflict',
  'wrong_stage',
  () => 'the case is closed; this step cannot be taken now',
);
// A step sent to a closed case; `stage` is where the case stood (1.0 clients read it beside `error` too).
export const caseClosed = (stage = 'closed') => closed({ stage }, { details: [{ stage }], alongside: { stage } });

const refusedByCase = refusal<{ stage: string; reason: string }>(
  'conflict',
  'wrong_stage',
  (p) => `${p.reason}; this step cannot be taken now`,
);
// The case's own guard refused the step: `reason` is the case's words (e.g. "the case is in stage assigned, not
// contacted"), `stage` the stage it is in, which a translated message can name instead.
export const stepRefused = (stage: string, reason: string) =>
  refusedByCase({ stage, reason }, { details: [{ stage }], alongside: { stage } });

// The case's own check of a step's input failed (e.g. an SLA extension that ends in the past).
export const stepInputInvalid = refusal<{ reason: string }>('invalid', 'validation_failed', (p) => p.reason);

// The case did not answer within the API's deadline: the step may still be taken (sent with Retry-After).
export const stepPending = refusal<{ deadlineSeconds: number; keyed: boolean }>(
  'unavailable',
  'step_pending',
  (p) =>
    `the case did not answer within ${p.deadlineSeconds} s (its workers are busy or down) and may still take this step: ${
      p.keyed
        ? 'send it again with the same Idempotency-Key to get its outcome; it will not be taken twice'
        : 'send it with an Idempotency-Key header next time, so a retry cannot take it twice; read the case to see whether it was taken'
    }`,
);

const alreadyOpen = refusal<{ customerId: string; caseId: string }>(
  'conflict',
  'case_already_open',
  (p) => `customer ${p.customerId} already has an open case`,
);
export const caseAlreadyOpen = (customerId: string, caseId: string) =>
  alreadyOpen({ customerId, caseId }, { alongside: { caseId } });

const alreadyOpenByHand = refusal<{ customerId: string; caseId: string }>(
  'conflict',
  'case_already_open',
  (p) =>
    `customer ${p.customerId} already has an open case, ${p.caseId}: work that case (GET /v1/cases/${p.caseId}, or #/cases/${p.caseId} on the dashboard) instead of opening another`,
);
// Opening a case by hand for a customer whose case is open: the answer points at the case to work instead.
export const caseAlreadyOpenToWork = (customerId: string, caseId: string) =>
  alreadyOpenByHand({ customerId, caseId }, { alongside: { caseId, link: `/v1/cases/${caseId}` } });

const notLost = refusal<{ caseId: string; status: string; outcome: string | null }>(
  'conflict',
  'wrong_stage',
  (p) =>
    `case ${p.caseId} is ${p.status === 'closed' ? `closed as ${p.outcome}` : 'still open'}: a churn reason is recorded for a case closed as churned or declined (an open case gets it with the step that closes it)`,
);
// A churn reason recorded afterwards, for a case not closed as lost.
export const caseNotLost = (caseId: string, status: string, outcome: string | null) =>
  notLost({ caseId, status, outcome }, { details: [{ status, outcome }] });
