// Inputs of the human steps on a case. The API validates requests with these schemas and the workflow's
// update validators check them again, so bad input never reaches workflow history.
import { z } from 'zod';
import { churnReasonInputSchema } from './churn-reasons';
import { CONTACT_OUTCOMES, OUTCOMES, OUTCOME_CHANNELS, SIGNAL_TYPES, SUPERVISOR_OUTCOMES } from './vocabulary';

const note = z.string().trim().max(2000).optional();
// Why the customer is lost: required exactly when the answer loses them (a refusal, a declined offer, a close
// as churned or declined), so the churn-reasons report has a reason for every case a person closed.
const reason = churnReasonInputSchema
  .optional()
  .describe(
    "{ code, note }: a churn reason code (GET /v1/churn-reasons) and the customer's words; required when the answer loses the customer, refused otherwise",
  );
function reasonWhen(lost: boolean, given: boolean, ctx: z.RefinementCtx, when: string): void {
  if (lost && !given)
    ctx.addIssue({
      code: 'custom',
      path: ['reason'],
      message: `reason is required when ${when}: { code: a churn reason code (GET /v1/churn-reasons), note: the customer's words }`,
    });
  if (!lost && given)
    ctx.addIssue({ code: 'custom', path: ['reason'], message: `reason is given only when ${when}; leave it out` });
}

export const contactOutcomeInputSchema = z
  .object({
    channel: z.enum(OUTCOME_CHANNELS),
    outcome: z.enum(CONTACT_OUTCOMES),
    callbackAt: z.iso.datetime({ offset: true }).optional(),
    note,
    reason,
  })
  .refine((v) => v.outcome !== 'callback_requested' || v.callbackAt !== undefined, {
    message: 'callbackAt is required when the outcome is callback_requested',
    path: ['callbackAt'],
  })
  .superRefine((v, ctx) =>
    reasonWhen(v.outcome === 'refused', v.reason !== undefined, ctx, 'the customer refused (outcome refused)'),
  );
export type ContactOutcomeInput = z.infer<typeof contactOutcomeInputSchema>;

export const offerApprovalInputSchema = z.object({ approve: z.boolean(), note });
export type OfferApprovalInput = z.infer<typeof offerApprovalInputSchema>;

export const offerDecisionInputSchema = z
  .object({ decision: z.enum(['accepted', 'declined']), note, reason })
  .superRefine((v, ctx) =>
    reasonWhen(v.decision === 'declined', v.reason !== undefined, ctx, 'the customer declined the offer'),
  );
export type OfferDecisionInput = z.infer<typeof offerDecisionInputSchema>;

export const surveyAnswerInputSchema = z.object({
  score: z.number().int().min(0).max(10),
  comment: z.string().trim().max(2000).optional(),
});
export type SurveyAnswerInput = z.infer<typeof surveyAnswerInputSchema>;

export const reassignInputSchema = z.object({ agentId: z.string().trim().min(1).max(128), note });
export type ReassignInput = z.infer<typeof reassignInputSchema>;

// The workflow's close accepts every outcome (the erasure closes with `erased`); a supervisor's close through
// the API only the outcomes a person may choose.
const closeFields = {
  note: z.string().trim().min(1, 'say why the case is closed by hand').max(2000),
  reason,
};
const closeReason = (v: { outcome: string; reason?: unknown }, ctx: z.RefinementCtx) =>
  reasonWhen(
    v.outcome === 'churned' || v.outcome === 'declined',
    v.reason !== undefined,
    ctx,
    'the case closes as churned or declined',
  );
export const closeCaseInputSchema = z.object({ outcome: z.enum(OUTCOMES), ...closeFields }).superRefine(closeReason);
export type CloseCaseInput = z.infer<typeof closeCaseInputSchema>;
export const supervisorCloseInputSchema = z
  .object({ outcome: z.enum(SUPERVISOR_OUTCOMES), ...closeFields })
  .superRefine(closeReason);

// A supervisor runs the step a case is stuck on again (after fixing what made it fail).
export const retryStepInputSchema = z.object({ note });
export type RetryStepInput = z.infer<typeof retryStepInputSchema>;

export const extendSlaInputSchema = z.object({ until: z.iso.datetime({ offset: true }), note });
export type ExtendSlaInput = z.infer<typeof extendSlaInputSchema>;

// Who did it, as recorded on the timeline: the acting API key's role and name, and the agent the key belongs
// to when it is a person's key (a contact it records is that agent's, whoever the case is assigned to).
export interface Actor {
  actor: string;
  actorAgentId?: string;
}

// A risk signal joining a running case (the addSignal update): the API stored and validated it; the update's
// validator checks it again, as any caller of the workflow could send one.
export const joiningSignalSchema = z.object({
  signalId: z.string().min(1).max(200),
  type: z.enum(SIGNAL_TYPES),
  severity: z.number().min(0).max(1).optional(),
  occurredAt: z.iso.datetime({ offset: true }),
  details: z.record(z.string(), z.unknown()).optional(),
});
