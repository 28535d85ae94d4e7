// The scheduled detection: the Temporal Schedule as it stands and the latest sweeps with what each read and
// what the intake made of it (the same summary is each sweep's workflow result).
import { Router } from 'express';
import { ScheduleNotFoundError, type Client } from '@temporalio/client';
import { z } from 'zod';
import { DETECTION_SCHEDULE_ID } from '../../../workflows/messages';
import { requireRole } from '../auth';
import type { AppDeps } from '../../deps';
import { parse } from '../validate';

export const detectionQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(20) });

async function describeSchedule(client: Client) {
  try {
    const d = await client.schedule.getHandle(DETECTION_SCHEDULE_ID).describe();
    const everyMs = d.spec.intervals?.[0]?.every;
    return {
      id: DETECTION_SCHEDULE_ID,
      everySeconds: everyMs === undefined ? null : Math.round(everyMs / 1000),
      paused: d.state.paused,
      nextRuns: d.info.nextActionTimes.slice(0, 3).map((t) => t.toISOString()),
    };
  } catch (e) {
    if (e instanceof ScheduleNotFoundError) return null;
    throw e;
  }
}

export function detectionRoutes({ sql, temporal }: AppDeps): Router {
  const router = Router();
  router.get('/v1/detection', requireRole('supervisor', 'system'), async (req, res) => {
    const { limit } = parse(detectionQuery, req.query, 'query');
    const [schedule, { rows }] = await Promise.all([
      describeSchedule(temporal),
      sql.query<{ summary: unknown }>('SELECT summary FROM detection_runs ORDER BY started_at DESC LIMIT $1', [limit]),
    ]);
    res.json({ schedule, runs: rows.map((r) => r.summary) });
  });
  return router;
}
