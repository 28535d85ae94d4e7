// The experiment routes' request and answer schemas (one resource, kept together; the OpenAPI document and
// the routes both read them).
import { z } from 'zod';
import { EXPERIMENT_STATUSES } from '../../domain/experiment';
import { FUNNEL_STEPS, LEAVE_REASONS } from '../../domain/funnel';
import { dateRange, reportBound } from './schemas';

export const experimentIdParams = z.object({
  experimentId: z
    .string()
    .regex(
      /^exp_[0-9a-f-]{36}$/,
      'an experiment id looks like exp_ followed by a UUID, as POST /v1/playbooks/{playbookId}/experiments answered',
    ),
});
export const promoteBody = z.object({
  arm: z.string().min(1).max(8).describe('the arm whose version becomes the playbook\'s current one, e.g. "B"'),
});

const interval = z.object({ low: z.number(), high: z.number() }).nullable().describe('95% interval');
const verdict = z.enum(['collecting', 'winner', 'no_difference', 'worse']);
const sequentialTest = z
  .object({
    name: z.literal('msprt').describe('mixture sequential probability ratio test: valid however often it is read'),
    description: z.string().describe('the test in a sentence, as the dashboard shows it'),
    alpha: z.number().describe('family-wise error rate of the verdicts, over the arms'),
    correction: z.literal('holm').describe("Holm's step-down over the arms compared with the control"),
    mixture: z
      .object({ mean: z.number(), sd: z.number() })
      .describe('mixing distribution of the difference in retention rate (one-sided, truncated at 0)'),
  })
  .describe('the test that produced the verdicts and the automatic promotion');

export const experimentResponse = z.object({
  id: z.string(),
  playbookId: z.string(),
  status: z.enum(EXPERIMENT_STATUSES),
  minSamplePerArm: z.number().int(),
  autoPromote: z.boolean().describe('the hourly review promotes a winning arm without a person'),
  arms: z.array(
    z.object({ arm: z.string(), version: z.number().int(), weight: z.number().int(), control: z.boolean() }),
  ),
  promotedArm: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  stoppedAt: z.string().nullable(),
});

export const experimentWithResultsResponse = experimentResponse.extend({
  results: z.object({
    collecting: z.boolean().describe('true until every arm has minSamplePerArm conclusive cases'),
    test: sequentialTest,
    arms: z.array(
      z.object({
        arm: z.string(),
        version: z.number().int(),
        weight: z.number().int(),
        control: z.boolean(),
        cases: z.number().int().describe('cases opened in the arm (held-out cases excluded)'),
        conclusive: z.number().int().describe('closed retained, churned, declined or unreachable'),
        retained: z.number().int(),
        offerCost: z.number().describe('cost of the offers accepted in the arm'),
        retentionRate: z.number().nullable().describe('retained / conclusive'),
        interval: interval.describe('95% Wilson score interval of the retention rate'),
        costPerRetained: z.number().nullable(),
        vsControl: z
          .object({
            difference: z.number().nullable().describe("retention rate minus the control's"),
            interval: interval.describe('95% interval of the difference (Newcombe hybrid score)'),
            pValue: z
              .number()
              .nullable()
              .describe(
                "always-valid p-value (the results' test) that the arm is better than the control, adjusted over the arms; winner when at most alpha",
              ),
            worsePValue: z
              .number()
              .nullable()
              .describe('the same for worse than the control; worse when at most alpha'),
            verdict,
          })
          .nullable()
          .describe('null on the control arm'),
      }),
    ),
  }),
});

export const experimentListResponse = z.object({ items: z.array(experimentResponse) });

// The funnel's filters: a version, an experiment's arm, a team, and cases opened in [from, to) (30 days by default).
export const funnelQuery = z
  .object({
    version: z.coerce.number().int().min(1).optional(),
    experimentId: experimentIdParams.shape.experimentId.optional(),
    arm: z.string().min(1).max(8).optional().describe('with experimentId: only the cases of this arm'),
    team: z.string().min(1).max(100).optional(),
    from: reportBound.optional(),
    to: reportBound.optional(),
  })
  .transform((q, ctx) => {
    if (q.arm && !q.experimentId)
      ctx.addIssue({
        code: 'custom',
        path: ['arm'],
        message: 'an arm is named within an experiment: add experimentId',
      });
    return {
      ...dateRange(q, ctx, 3 * 366, 'a funnel covers at most three years; narrow from/to'),
      version: q.version,
      experimentId: q.experimentId,
      arm: q.arm,
      teamId: q.team,
    };
  });

const leftBecause = z.object(
  Object.fromEntries(LEAVE_REASONS.map((r) => [r, z.number().int()])) as Record<
    (typeof LEAVE_REASONS)[number],
    z.ZodNumber
  >,
);
export const funnelResponse = z.object({
  playbookId: z.string(),
  from: z.string(),
  to: z.string(),
  steps: z.array(
    z.object({
      step: z.enum(FUNNEL_STEPS),
      entered: z.number().int().describe('cases that reached the step'),
      left: z.number().int().describe('cases that closed at this step without being retained'),
      leftBecause,
      conversion: z.number().nullable().describe('entered the next step / entered this one'),
      medianSeconds: z.number().nullable().describe('time in the step, to the next step or the close'),
      p90Seconds: z.number().nullable(),
    }),
  ),
});

export const experimentReviewResponse = z.object({
  reviewed: z.array(
    z.object({
      experimentId: z.string(),
      playbookId: z.string(),
      collecting: z.boolean(),
      promotedArm: z.string().nullable().describe('the arm promoted by this review, if any'),
    }),
  ),
});
