// Request schemas of the HTTP API: the one source for validation and for the OpenAPI document (api/http/openapi.ts).
import { z } from 'zod';
import { localeSchema } from '../../domain/locale';
import {
  CONTACT_CHANNELS,
  DRIVERS,
  LIFECYCLE_STAGES,
  ROLES,
  SIGNAL_TYPES,
  STAGES,
  TIERS,
} from '../../domain/vocabulary';
import { segmentCodeSchema } from '../../domain/segment';
import { isTimeZone } from '../../domain/local-time';
import { playbookIdSchema } from '../../domain/playbook';
import { REPORT_GROUPS, REPORT_PERIODS } from '../../domain/retention-report';
import { CHURN_REPORT_PERIODS } from '../../domain/churn-reason-report';
import { churnReasonCodeSchema } from '../../domain/churn-reasons';

const isoDateTime = z.iso.datetime({
  offset: true,
  message: 'an ISO-8601 date-time with offset, e.g. 2026-11-22T09:30:00+01:00',
});
export const idSchema = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, 'ids use letters, digits, ".", "_", ":" and "-"');

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

export const signalSchema = z.object({
  idempotencyKey: z.string().trim().min(1).max(200),
  customerId: idSchema,
  type: z.enum(SIGNAL_TYPES),
  occurredAt: isoDateTime,
  severity: z.number().min(0).max(1).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
  // Playbook for the case this signal opens (ignored when it joins an open case); default by tier and driver.
  playbookId: playbookIdSchema.optional(),
});
export type SignalBody = z.infer<typeof signalSchema>;
// Each signal is validated on its own, so one bad signal fails alone; only the array's size fails the batch.
export const signalBatchSchema = z.object({
  signals: z.array(signalSchema).max(1000, 'at most 1000 signals per batch'),
});

// A customer attribute's name, as the API takes it and as the customer CSV's attributes.<name> columns do.
export const ATTRIBUTE_NAME = '[A-Za-z][A-Za-z0-9_ .-]{0,63}';

export const customerSchema = z.object({
  name: z.string().trim().min(1).max(200),
  tier: z.enum(TIERS),
  // One of the bank's provisioned segment codes (checked when written: api/services/segments.ts).
  segment: segmentCodeSchema
    .optional()
    .describe("one of the bank's segment codes (PUT /v1/segments/:code); any such code while none is provisioned"),
  lifecycleStage: z
    .enum(LIFECYCLE_STAGES, {
      error: (issue) => `must be one of ${LIFECYCLE_STAGES.join(', ')} (got ${JSON.stringify(issue.input)})`,
    })
    .optional()
    .describe(`where the relationship stands: ${LIFECYCLE_STAGES.join(', ')}`),
  assetsUnderManagement: z.number().min(0).max(1e13).optional(),
  timeZone: z.string().refine(isTimeZone, 'an IANA time zone, e.g. Europe/Madrid'),
  locale: localeSchema
    .optional()
    .describe(
      "the customer's language, a BCP 47 tag (zh-CN, en): their messages and survey page; absent: the bank's default",
    ),
  salutation: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .optional()
    .describe('how the bank addresses the customer, e.g. 王先生 or Ms Ng; absent: the full name'),
  // Spaces, dots, dashes and brackets are dropped ("+34 600-111 222" is +34600111222): an inbound STOP
  // carries the E.164 form and must find this customer.
  phone: z
    .string()
    .transform((p) => p.replace(/[\s().-]/g, ''))
    .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, 'a phone number in E.164 form, e.g. +34600111222'))
    .optional(),
  email: z.email('an email address').optional(),
  preferredChannels: z.array(z.enum(CONTACT_CHANNELS)).min(1, 'at least one preferred channel'),
  consent: z.object({ sms: z.boolean(), email: z.boolean(), phone: z.boolean() }),
  // What the early-warning model reads (docs/early-warning.md): named values, numbers or text. Absent: kept as
  // they are.
  attributes: z
    .record(
      z
        .string()
        .regex(
          new RegExp(`^${ATTRIBUTE_NAME}$`),
          'an attribute name: a letter, then up to 63 letters, digits, _ . - or spaces',
        ),
      z.union([z.number(), z.string().max(200), z.null()]),
    )
    .refine((a) => Object.keys(a).length <= 100, 'at most 100 attributes')
    .optional(),
});
export type CustomerBody = z.infer<typeof customerSchema>;

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

export const caseListQuery = z.object({
  stage: z.enum(STAGES).optional(),
  status: z.enum(['open', 'closed']).optional(),
  tier: z.enum(TIERS).optional(),
  driver: z.enum(DRIVERS).optional(),
  team: idSchema.optional(),
  assigneeId: idSchema.optional(),
  customerId: idSchema.optional(),
  slaBreached: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  // Open cases waiting in a team queue for an agent.
  unassigned: z.enum(['true']).optional(),
  // Open cases that need a supervisor (no channel left, a failed step).
  needsAttention: z.enum(['true']).optional(),
  sort: z.enum(['opened', 'priority', 'slaDue']).default('opened'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const createKeySchema = z
  .object({
    // A person's name for a person's key (an agent key named by agentId takes the agent's name by default).
    name: z.string().trim().min(1).max(200).optional(),
    role: z.enum(ROLES),
    // Agents work one team's cases; only agent keys carry a team.
    teamId: idSchema.optional(),
    // The agent the key belongs to: what it does is attributed to that agent, and its team is the agent's.
    agentId: idSchema.optional(),
  })
  .superRefine((k, ctx) => {
    if (k.agentId !== undefined && k.role !== 'agent')
      ctx.addIssue({ code: 'custom', path: ['agentId'], message: 'only agent keys belong to an agent' });
    if (k.agentId !== undefined && k.teamId !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['teamId'],
        message: "a key with an agentId works the agent's team; leave teamId out",
      });
    if (k.role === 'agent' && k.teamId === undefined && k.agentId === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['agentId'],
        message: 'an agent key needs an agentId (a person) or a teamId',
      });
    if (k.role !== 'agent' && k.teamId !== undefined)
      ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'only agent keys take a teamId' });
    if (k.name === undefined && k.agentId === undefined)
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'name the key (the person or system that holds it)' });
  });
export type CreateKeyBody = z.infer<typeof createKeySchema>;
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
