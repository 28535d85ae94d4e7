// The scheduled detection: the Temporal Schedule as it stands and the latest sweeps with what each read and
// what the intake made of it (the same summary is each sweep's workflow result).
import { ScheduleNotFoundError, type Client } from '@temporalio/client';
import type { Sql } from '../../config/sql';
import { DETECTION_SCHEDULE_ID } from '../../workflows/messages';

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

// The schedule and the `limit` latest sweeps, newest first.
export async function detectionOverview({ sql, temporal }: { sql: Sql; temporal: Client }, limit: number) {
  const [schedule, { rows }] = await Promise.all([
    describeSchedule(temporal),
    sql.query<{ summary: unknown }>('SELECT summary FROM detection_runs ORDER BY started_at DESC LIMIT $1', [limit]),
  ]);
  return { schedule, runs: rows.map((r) => r.summary) };
}
