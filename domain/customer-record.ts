// A customer record as the bank sends it (PUT /v1/customers/:id, a row of the customer CSV): who the customer is,
// how to reach them, what they consented to, and the attributes the early-warning model reads.
import { z } from 'zod';
import { isTimeZone } from './local-time';
import { localeSchema } from './locale';
import { segmentCodeSchema } from './segment';
import { CONTACT_CHANNELS, LIFECYCLE_STAGES, TIERS } from './vocabulary';

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
