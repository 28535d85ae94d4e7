// The experiment routes' request and answer schemas (one resource, kept together; the OpenAPI document and
// the routes both read them).
import { z } from 'zod';
import { EXPERIMENT_STATUSES } from '../../domain/experiment';

export const experimentIdParams = z.object({ experimentId: z.string().regex(/^exp_[0-9a-f-]{36}$/, 'an experiment id looks like exp_ followed by a UUID, as POST /v1/playbooks/{playbookId}/experiments answered') });
export const promoteBody = z.object({ arm: z.string().min(1).max(8).describe('the arm whose version becomes the playbook\'s current one, e.g. "B"') });

const interval = z.object({ low: z.number(), high: z.number() }).nullable().describe('95% interval');
const verdict = z.enum(['collecting', 'winner', 'no_difference', 'worse']);

export const experimentResponse = z.object({
  id: z.string(),
  playbookId: z.string(),
  status: z.enum(EXPERIMENT_STATUSES),
  minSamplePerArm: z.number().int(),
  arms: z.array(z.object({ arm: z.string(), version: z.number().int(), weight: z.number().int(), control: z.boolean() })),
  promotedArm: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  stoppedAt: z.string().nullable(),
});

export const experimentWithResultsResponse = experimentResponse.extend({
  results: z.object({
    collecting: z.boolean().describe('true until every arm has minSamplePerArm conclusive cases'),
    arms: z.array(z.object({
      arm: z.string(), version: z.number().int(), weight: z.number().int(), control: z.boolean(),
      cases: z.number().int().describe('cases opened in the arm (held-out cases excluded)'),
      conclusive: z.number().int().describe('closed retained, churned, declined or unreachable'),
      retained: z.number().int(),
      offerCost: z.number().describe('cost of the offers accepted in the arm'),
      retentionRate: z.number().nullable().describe('retained / conclusive'),
      interval: interval.describe('95% Wilson score interval of the retention rate'),
      costPerRetained: z.number().nullable(),
      vsControl: z.object({
        difference: z.number().nullable().describe('retention rate minus the control\'s'),
        interval: interval.describe('95% interval of the difference (Newcombe hybrid score)'),
        pValue: z.number().nullable().describe('two-sided, pooled two-proportion z-test'),
        verdict,
      }).nullable().describe('null on the control arm'),
    })),
  }),
});

export const experimentListResponse = z.object({ items: z.array(experimentResponse) });
