// POST /v1/playbooks/:id/dry-run (api/services/dry-run.ts): supervisors and admins replay a draft or a version
// over a past window; the run stops when the caller closes the request.
import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { dryRun } from '../../services/dry-run';
import { requireRole } from '../auth';
import { playbookParams } from '../schemas';
import { parse } from '../validate';

const DAY_MS = 86_400_000;

export const dryRunBody = z
  .object({
    draft: z.literal(true).optional().describe("replay the playbook's draft (refused while any field is at fault)"),
    version: z.number().int().positive().optional().describe('replay this published version instead'),
    days: z.number().int().min(1).max(366).default(30).describe('the window: this many days back from `to`'),
    to: z.iso.datetime({ offset: true }).optional().describe('end of the window (default: now)'),
    customerIds: z
      .array(z.string().min(1))
      .min(1)
      .max(1000)
      .optional()
      .describe("replay only these customers' signals (a segment)"),
    allSignals: z
      .boolean()
      .default(false)
      .describe(
        'replay every signal through this playbook, as if each named it (a playbook only chosen by name, like demo)',
      ),
    decisions: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .default(0)
      .describe('also answer the first this many per-signal decisions of the candidate'),
  })
  .strict()
  .refine((b) => (b.draft === true) !== (b.version !== undefined), {
    message: 'say what to replay: either "draft": true or a "version", not both',
  });

export function dryRunRoutes({ db, sql }: AppDeps): Router {
  const router = Router();
  router.post('/v1/playbooks/:playbookId/dry-run', requireRole('supervisor'), async (req, res) => {
    const { playbookId } = parse(playbookParams, req.params, 'path');
    const body = parse(dryRunBody, req.body, 'body');
    const to = body.to ? new Date(body.to) : new Date();
    // The response closing before it was written is the caller going away: stop replaying.
    const abort = new AbortController();
    res.on('close', () => res.writableEnded || abort.abort());
    const source = body.draft ? { draft: true as const } : { version: body.version! };
    const window = { from: new Date(to.getTime() - body.days * DAY_MS), to, customerIds: body.customerIds };
    res.json(
      await dryRun(
        db,
        sql,
        playbookId,
        { ...window, source, allSignals: body.allSignals, decisions: body.decisions },
        abort.signal,
      ),
    );
  });
  return router;
}
