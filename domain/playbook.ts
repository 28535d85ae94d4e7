// Playbooks are versioned data: one zod schema validates them for the API, the seed and the workflow.
import { z } from 'zod';
import { contactPolicySchema } from './contact-policy';
import { durationSchema } from './duration-schema';
import { segmentCodeSchema } from './segment';
import { DRIVERS, LIFECYCLE_STAGES, TIERS } from './vocabulary';

// A lifecycle stage the playbook leaves alone: every customer in it, or (belowAssets) only those holding less
// than that much with the bank. Such a case opens, says why and closes excluded, without any contact.
const declineRuleSchema = z.strictObject({
  stage: z.enum(LIFECYCLE_STAGES),
  belowAssets: z.number().positive().optional(),
});

export const playbookDefinitionSchema = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  // Which cases pick this playbook when none is named (empty = any); each list named counts once towards how
  // specific the match is (domain/playbook-selection.ts).
  appliesTo: z
    .object({
      tiers: z.array(z.enum(TIERS)).default([]),
      drivers: z.array(z.enum(DRIVERS)).default([]),
      // Customers' lifecycle stages and the bank's segment codes (provisioned ones, checked on publish).
      stages: z.array(z.enum(LIFECYCLE_STAGES)).default([]),
      segments: z.array(segmentCodeSchema).default([]),
    })
    .default({ tiers: [], drivers: [], stages: [], segments: [] }),
  // Customers the playbook does not treat, e.g. [{ stage: "termination" }, { stage: "decline", belowAssets: 25000 }].
  declineToTreat: z
    .array(declineRuleSchema)
    .default([])
    .describe('customers this playbook leaves alone: their case closes excluded before any contact'),
  detect: z.object({
    // Risk score (0..1) at or above which the bank acts.
    actionThreshold: z.number().min(0).max(1),
    // After a case closes, new signals are recorded against it without opening another for this long.
    cooldown: durationSchema.default('30d'),
  }),
  // With no agent free, a queued case retries assignment this often (a supervisor may assign sooner).
  assignment: z.object({ retryEvery: durationSchema.default('1h') }).default({ retryEvery: '1h' }),
  contact: z.object({
    maxAttempts: z.number().int().min(1).max(10),
    // How long the assigned agent has to report an outcome after each attempt.
    outcomeTimeout: durationSchema,
    // Latest a requested callback is honoured; later requests are moved to this bound.
    maxCallbackDelay: durationSchema,
    // Defaults keep playbook versions written before the policy existed valid.
    policy: contactPolicySchema.default({
      quietHours: { start: '21:00', end: '08:00' },
      frequencyCap: { maxContacts: 3, window: '7d' },
    }),
  }),
  offer: z.object({
    // Offers costing more than this need a supervisor's approval.
    approvalCostThreshold: z.number().min(0),
    approvalTimeout: durationSchema,
    expiry: durationSchema,
    // Budget per customer as a fraction of assets under management.
    budgetRate: z.number().min(0).max(0.1),
  }),
  survey: z.object({
    delay: durationSchema,
    answerTimeout: durationSchema,
  }),
  // Share of cases (0-50%) that get no treatment, for measuring lift.
  holdout: z.object({ percent: z.number().min(0).max(50) }).default({ percent: 0 }),
  // After treatment (or holdout), how long to watch for a balance_recovery signal: retained if one comes,
  // churned if not. 0s decides at once: an accepted offer counts as retained.
  outcome: z.object({ observationWindow: durationSchema }).default({ observationWindow: '0s' }),
  // A human wait past its SLA escalates level by level, each level getting `grace` more, before the wait's
  // own timeout path runs. No levels (the default for older versions) means no escalation.
  escalation: z
    .object({
      levels: z.array(z.enum(['supervisor', 'branch_manager'])).default([]),
      grace: durationSchema.default('1d'),
      // Agents' and supervisors' waits scale by tier: 0.5 gives premier customers half the time.
      slaFactorByTier: z
        .object({
          premier: z.number().positive().max(10),
          affluent: z.number().positive().max(10),
          mass: z.number().positive().max(10),
        })
        .partial()
        .default({}),
    })
    .default({ levels: [], grace: '1d', slaFactorByTier: {} }),
});

export type PlaybookDefinition = z.infer<typeof playbookDefinitionSchema>;
export type DeclineRule = z.infer<typeof declineRuleSchema>;

export interface PinnedPlaybook {
  id: string;
  version: number;
  definition: PlaybookDefinition;
}

export const playbookIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,63}$/, 'a playbook id is lowercase letters, digits and dashes, e.g. "standard"');
