// Request schemas of the HTTP API: the one source for validation and for the OpenAPI document (api/http/openapi.ts).
import { z } from 'zod';
import { CONTACT_CHANNELS, DRIVERS, TIERS } from '../../domain/vocabulary';
import { playbookIdSchema } from '../../domain/playbook';
import { idSchema, isoDateTime } from '../../domain/record-fields';
import { signalSchema } from '../../domain/risk-signal';
import { REPORT_GROUPS, REPORT_PERIODS } from '../../domain/retention-report';
import { CHURN_REPORT_PERIODS } from '../../domain/churn-reason-report';
import { churnReasonCodeSchema } from '../../domain/churn-reasons';

// The Idempotency-Key header of a human step: one key names one answer, so a retry cannot take the step twice.
export const stepHeaders = z.object({
  'idempotency-key': z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces, e.g. a UUID')
    .optional()
    .describe(
      'Names this answer: sent again (after a 503 or a lost response) it returns the first outcome instead of taking the step twice. A UUID per answer is enough.',
    ),
});

// Each signal is validated on its own, so one bad signal fails alone; only the array's size fails the batch.
export const signalBatchSchema = z.object({
  signals: z.array(signalSchema).max(1000, 'at most 1000 signals per batch'),
});

export const customerIdParams = z.object({ customerId: idSchema });

// Why a customer's data is erased: the bank's reference for the request (a ticket number, "PIPL art. 47
// request of 2026-12-01"). It is kept in the audit log, so it must not repeat the customer's data.
export const erasureRequestSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, "say why the data is erased (the request's reference), without the customer's personal data")
    .max(500),
});

export const consentChangeSchema = z.object({
  channel: z.enum(CONTACT_CHANNELS),
  granted: z.boolean(),
  // Where the customer said it: to an agent, in a signed form imported in bulk, or through another system.
  source: z.enum(['api', 'agent', 'import']),
  note: z.string().trim().min(1, 'say how the customer gave or withdrew consent').max(2000),
});
export const caseIdParams = z.object({ caseId: idSchema });
export const surveyTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'not a survey token') });

export const openCaseSchema = z.object({
  customerId: idSchema,
  reason: z.string().trim().min(1).max(500),
  playbookId: playbookIdSchema.optional(),
  note: z.string().trim().max(2000).optional(),
});

export const keyIdParams = z.object({ keyId: z.uuid('a key id as returned when the key was created') });

export const teamIdParams = z.object({ teamId: idSchema });

// A day (YYYY-MM-DD, UTC) or an ISO-8601 date-time with offset. A day as `to` includes that whole day.
export const reportBound = z.union([z.iso.date(), isoDateTime], {
  message: 'a date (2026-11-01) or an ISO-8601 date-time with offset',
});
const DAY = 86_400_000;

// [from, to) from optional bounds: 30 days back from now by default, at most `maxDays` long.
export function dateRange(
  q: { from?: string; to?: string },
  ctx: z.RefinementCtx,
  maxDays: number,
  tooLong: string,
): { from: Date; to: Date } {
  const toMs = q.to === undefined ? Date.now() : Date.parse(q.to) + (q.to.length === 10 ? DAY : 0);
  const fromMs = q.from === undefined ? toMs - 30 * DAY : Date.parse(q.from);
  if (fromMs >= toMs) ctx.addIssue({ code: 'custom', path: ['from'], message: '"from" must be before "to"' });
  if (toMs - fromMs > maxDays * DAY) ctx.addIssue({ code: 'custom', path: ['to'], message: tooLong });
  return { from: new Date(fromMs), to: new Date(toMs) };
}
export const retentionReportQuery = z
  .object({
    from: reportBound.optional(),
    to: reportBound.optional(),
    groupBy: z.enum(REPORT_GROUPS).default('driver'),
    // Adds a period column (UTC day, ISO week starting Monday, or month) for charts over time.
    period: z.enum(REPORT_PERIODS).optional(),
  })
  .transform((q, ctx) => ({
    ...dateRange(q, ctx, 3 * 366, 'a report covers at most three years; narrow from/to'),
    groupBy: q.groupBy,
    period: q.period,
  }));
// The churn-reasons report: cases lost (closed churned or declined) in [from, to), per week or month, optionally
// of one team, tier, driver or playbook; CSV with format=csv or Accept: text/csv.
export const churnReasonReportQuery = z
  .object({
    from: reportBound.optional(),
    to: reportBound.optional(),
    period: z.enum(CHURN_REPORT_PERIODS).default('month'),
    team: idSchema.optional(),
    tier: z.enum(TIERS).optional(),
    driver: z.enum(DRIVERS).optional(),
    playbook: playbookIdSchema.optional(),
    format: z.enum(['json', 'csv']).optional(),
  })
  .transform((q, ctx) => ({
    ...q,
    ...dateRange(q, ctx, 3 * 366, 'a report covers at most three years; narrow from/to'),
  }));
export const churnReasonListQuery = z.object({
  // Retired reasons too (the catalogue's history); the pickers offer active ones only.
  includeRetired: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const churnReasonCodeParams = z.object({ code: churnReasonCodeSchema });
export const playbookParams = z.object({ playbookId: playbookIdSchema });
export const outboxQuery = z.object({
  kind: z.enum(['sms', 'email', 'crm']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

// The audit export: [from, to) (defaults: the last 30 days), at most a year per request; a page holds 50,000
// entries and the X-Next-After-Id header (pass it as afterId) says there are more.
export const auditQuery = z
  .object({
    from: reportBound.optional(),
    to: reportBound.optional(),
    afterId: z
      .string()
      .regex(/^\d{1,18}$/, 'an entry id from X-Next-After-Id')
      .optional(),
  })
  .transform((q, ctx) => ({
    ...dateRange(q, ctx, 366, 'an export covers at most a year; narrow from/to'),
    afterId: q.afterId,
  }));
