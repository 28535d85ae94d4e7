// The case board's filters, sort and page (GET /v1/cases), as the board, the stage counts and the case reads
// take them.
import { z } from 'zod';
import { idSchema } from '../../domain/record-fields';
import { DRIVERS, STAGES, TIERS } from '../../domain/vocabulary';

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
