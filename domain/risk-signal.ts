// A risk signal as the bank's systems send it (POST /v1/signals, the batch, the dry run's replay).
import { z } from 'zod';
import { playbookIdSchema } from './playbook';
import { idSchema, isoDateTime } from './record-fields';
import { SIGNAL_TYPES } from './vocabulary';

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
