// Experiments between versions of one playbook: the request that starts one, the rules it must keep, and which
// arm a new case lands in. Pure: the bucket (0..99) comes from a hash the caller computes (sha256 of the
// experiment and customer ids, api/services/experiment-bucket.ts), so the same customer gets the same arm on
// every re-entry and this file needs no crypto.
import { z } from 'zod';
import { playbookIdSchema } from './playbook';

export const EXPERIMENT_STATUSES = ['running', 'paused', 'stopped'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

const ARM_NAMES = ['A', 'B', 'C', 'D'] as const;

const experimentArmInput = z.object({
  // Optional, for a caller who names it: an arm must be a version of the experiment's own playbook.
  playbookId: playbookIdSchema.optional(),
  version: z.number().int().min(1).describe('a version of this playbook'),
  weight: z.number().int().min(0).max(100).describe('share of new cases, in percent; the weights sum to 100'),
  control: z.boolean().default(false).describe('the arm the others are compared with; exactly one'),
});

export const experimentInput = z
  .object({
    arms: z
      .array(experimentArmInput)
      .min(2, 'an experiment needs at least 2 arms')
      .max(4, 'an experiment has at most 4 arms'),
    minSamplePerArm: z.number().int().min(1, 'minSamplePerArm must be at least 1 conclusive case per arm'),
    autoPromote: z
      .boolean()
      .default(false)
      .describe(
        'promote the winning arm without a person once every arm has the minimum sample (reviewed hourly); the best winner if several',
      ),
  })
  .superRefine((input, ctx) => {
    const total = input.arms.reduce((sum, a) => sum + a.weight, 0);
    if (total !== 100)
      ctx.addIssue({
        code: 'custom',
        path: ['arms'],
        message: `the arms' weights must sum to 100; they sum to ${total}`,
      });
    const controls = input.arms.filter((a) => a.control).length;
    if (controls !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['arms'],
        message: `exactly one arm must be the control (control: true); ${controls} are`,
      });
    const versions = input.arms.map((a) => a.version);
    if (new Set(versions).size !== versions.length)
      ctx.addIssue({
        code: 'custom',
        path: ['arms'],
        message: `each arm must run a different version; got versions ${versions.join(', ')}`,
      });
  });
export type ExperimentInput = z.infer<typeof experimentInput>;

export interface Arm {
  arm: string;
  version: number;
  weight: number;
  control: boolean;
}

// Arms named A, B, ... in the order given; weights are laid on 0..99 in that order.
export function namedArms(input: ExperimentInput): Arm[] {
  return input.arms.map((a, i) => ({ arm: ARM_NAMES[i]!, version: a.version, weight: a.weight, control: a.control }));
}

// The arm whose slice of 0..99 holds the bucket. Arms with weight 0 never receive a case.
export function armForBucket(bucket: number, arms: readonly Arm[]): Arm {
  let upTo = 0;
  for (const arm of arms) {
    upTo += arm.weight;
    if (bucket < upTo) return arm;
  }
  // Only reached if the weights do not sum to 100, which the input schema refuses.
  return arms.find((a) => a.control) ?? arms[0]!;
}

// What a new case of the playbook runs while the experiment is live: a running experiment gives it the arm
// of its bucket; a paused one sends everyone to the control's version without an arm, so paused intake does
// not mix unrandomised cases into the comparison.
export function experimentPin(
  status: ExperimentStatus,
  bucket: number,
  arms: readonly Arm[],
): { version: number; arm?: string } | undefined {
  if (status === 'stopped') return undefined;
  if (status === 'paused') return { version: arms.find((a) => a.control)!.version };
  const chosen = armForBucket(bucket, arms);
  return { version: chosen.version, arm: chosen.arm };
}

// Which status changes an action may make; undefined: refused.
const TRANSITIONS: Record<'pause' | 'resume' | 'stop', Partial<Record<ExperimentStatus, ExperimentStatus>>> = {
  pause: { running: 'paused' },
  resume: { paused: 'running' },
  stop: { running: 'stopped', paused: 'stopped' },
};
export type ExperimentAction = keyof typeof TRANSITIONS;

export function nextStatus(action: ExperimentAction, from: ExperimentStatus): ExperimentStatus | undefined {
  return TRANSITIONS[action][from];
}
