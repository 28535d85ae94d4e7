// Churn reasons: the bank's catalogue of why customers leave or refuse, and the reason a person gives when a
// case is lost (closed churned or declined, or a refusal recorded). The catalogue is provisioned like teams and
// offers (domain/provisioning.ts); a reason in use is retired (active: false), never deleted, so history stays
// readable.
import { z } from 'zod';

// What kind of reason it is, for the report's composition of churn.
export const CHURN_REASON_CATEGORIES = [
  'product_or_yield',
  'service',
  'life_event',
  'special_funds',
  'price',
  'relocation',
  'other',
] as const;

export const churnReasonCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_]+$/, 'reason codes use lower-case letters, digits and "_", e.g. better_rate_elsewhere');

export const churnReasonSpecSchema = z.strictObject({
  code: churnReasonCodeSchema,
  label: z.string().trim().min(1).max(200),
  category: z.enum(CHURN_REASON_CATEGORIES),
  // Could the bank have kept the customer (rate, service, fees) or not (moved away, death, temporary funds)?
  avoidable: z.boolean(),
  // Retired reasons stay on the cases that used them but cannot be chosen any more.
  active: z.boolean().default(true),
});
export type ChurnReasonSpec = z.infer<typeof churnReasonSpecSchema>;

// The reason a person gives: a catalogue code and what the customer said, in their own words. The code is
// checked against the active catalogue by the API (the workflow cannot read it).
export const churnReasonInputSchema = z.strictObject({
  code: churnReasonCodeSchema,
  note: z
    .string()
    .trim()
    .min(1, 'say in a few words why the customer is leaving or refusing')
    .max(1000, 'keep the note under 1000 characters'),
});
export type ChurnReasonInput = z.infer<typeof churnReasonInputSchema>;
