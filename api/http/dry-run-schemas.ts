// A dry run's answer (POST /v1/playbooks/{playbookId}/dry-run, api/services/dry-run.ts), as zod: the OpenAPI
// document is built from it and the dashboard's types are generated from that document.
import { z } from 'zod';
import { emptyCounts } from '../../domain/dry-run-tally';

const at = z.string().describe('ISO-8601 date-time');
const counts = z.record(z.string(), z.number()).describe(`by figure: ${Object.keys(emptyCounts()).join(', ')}`);
const assumption = z.object({
  rate: z.number(),
  basis: z.string().describe('where the rate comes from'),
  cases: z.number(),
});

const run = z.object({
  totals: counts,
  days: z.array(
    z.object({
      day: z.string().describe('YYYY-MM-DD, UTC'),
      counts,
      teams: z.array(
        z.object({
          teamId: z.string(),
          contactsNeeded: z.number().describe('new cases plus the backlog carried in'),
          quota: z.number(),
          assigned: z.number(),
          saturation: z.number().describe('contactsNeeded / quota (0 without a quota)'),
          backlogCarried: z.number(),
        }),
      ),
    }),
  ),
  offers: z.array(
    z.object({
      offerId: z.string(),
      cases: z.number(),
      expectedPresented: z.number(),
      expectedAccepted: z.number(),
      expectedCost: z.number(),
      budget: z.number(),
      volumeCap: z.number().nullable().describe('null: uncapped'),
      capHits: z.number(),
    }),
  ),
  decisions: z
    .array(
      z.object({
        signalId: z.string(),
        customerId: z.string(),
        outcome: z.string(),
        teamId: z.string().nullable().optional(),
        agentId: z.string().nullable().optional(),
        queued: z.boolean().optional(),
        offerId: z.string().nullable().optional(),
        contactAt: at.optional(),
      }),
    )
    .optional()
    .describe('the first `decisions` per-signal decisions, when asked for'),
});

export const dryRunResponse = z.object({
  playbookId: z.string(),
  candidate: z.object({
    source: z.enum(['draft', 'version']),
    version: z.number().int().optional(),
    basedOnVersion: z.number().int().nullable().optional(),
  }),
  current: z.object({ version: z.number().int() }).nullable().describe('the current version, replayed beside it'),
  window: z.object({
    from: at,
    to: at,
    days: z.number(),
    signals: z.number().describe('stored signals in the window'),
    covered: z.object({ from: at, to: at, days: z.number() }),
    note: z.string().optional().describe('when the stored signals do not cover the window'),
  }),
  assumptions: z.object({ reach: assumption, acceptance: assumption }),
  result: run,
  baseline: run.nullable().describe("the current version's replay; null for a new playbook"),
  difference: counts.nullable().describe('result minus baseline, by figure'),
});
