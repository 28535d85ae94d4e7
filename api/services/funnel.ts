// The funnel of a playbook (domain/funnel.ts) from one row per case (case_funnel, kept by triggers as the
// case's events are written: each step's first event, the deepest step, why a closed case left, seconds per
// step) for the counts per step and why cases left, and from the time-in-step histogram kept from those rows
// (funnel_step_times) for the percentiles.
import { inTransaction, type Sql } from '../../config/sql';
import {
  FUNNEL_STEPS,
  type FunnelStep,
  funnelRows,
  LEAVE_REASONS,
  type FunnelRow,
  type FunnelStepCounts,
} from '../../domain/funnel';

const FUNNEL_WORK_MEM = '256MB';

export interface FunnelQuery {
  playbookId: string;
  version?: number;
  experimentId?: string;
  arm?: string;
  teamId?: string;
  from: Date;
  to: Date;
}

const SCOPE = `playbook_id = $1 AND ($2::int IS NULL OR playbook_version = $2)
     AND ($3::text IS NULL OR experiment_id = $3) AND ($4::text IS NULL OR arm = $4)
     AND ($5::text IS NULL OR team_id = $5) AND opened_at >= $6 AND opened_at < $7`;

// Cases that entered each step, and those that left at their deepest step, by why: one pass over the cases,
// grouped by (deepest step, reason) into a few dozen rows. A held-out case is only detected.
const ENTERED = FUNNEL_STEPS.map(
  (step, i) => `count(${step})${i === 0 ? '' : ' FILTER (WHERE NOT holdout)'}::int AS "${step}"`,
).join(', ');
const COUNTS_SQL = `
SELECT deepest_step, leave_reason, count(*)::int AS cases, ${ENTERED}
  FROM case_funnel WHERE ${SCOPE}
 GROUP BY deepest_step, leave_reason`;

// Percentile p of a step's times from their histogram (value, cumulative count): percentile_cont's
// interpolation between the values at ranks floor and ceil of p × (n − 1).
const percentile = (p: number) => `
  min(secs) FILTER (WHERE upto > floor(${p} * (total - 1)))
  + (${p} * (max(total) - 1) - floor(${p} * (max(total) - 1)))
  * (min(secs) FILTER (WHERE upto > ceil(${p} * (total - 1))) - min(secs) FILTER (WHERE upto > floor(${p} * (total - 1))))`;

// Times in step from the histogram the triggers keep (funnel_step_times: cases per duration, per step, per
// playbook, version, arm, team and day opened, durations on funnel_time_bucket's scale), over the days of the
// period (UTC); the counts above are over its exact bounds. Median and 90th percentile per step from it.
const TIMES_SQL = `
WITH times AS (
  SELECT step AS ord, bucket AS secs, sum(cases) AS n
    FROM funnel_step_times
   WHERE playbook_id = $1 AND ($2::int IS NULL OR playbook_version = $2)
     AND ($3::text IS NULL OR experiment_id = $3) AND ($4::text IS NULL OR arm = $4)
     AND ($5::text IS NULL OR team_id = $5)
     AND opened_on >= ($6::timestamptz AT TIME ZONE 'UTC')::date
     AND opened_on <= (($7::timestamptz - interval '1 millisecond') AT TIME ZONE 'UTC')::date
   GROUP BY step, bucket
  HAVING sum(cases) > 0
), ranked AS (
  SELECT ord, secs, sum(n) OVER (PARTITION BY ord ORDER BY secs) AS upto, sum(n) OVER (PARTITION BY ord) AS total
    FROM times
)
SELECT ord::int AS ord, ${percentile(0.5)} AS median, ${percentile(0.9)} AS p90 FROM ranked GROUP BY ord`;

type CountRow = { deepest_step: number; leave_reason: string | null; cases: number } & Record<FunnelStep, number>;
type TimeRow = { ord: number; median: string | null; p90: string | null };

const seconds = (x: string | number | null | undefined) =>
  x === null || x === undefined ? null : Math.round(Number(x) * 1000) / 1000;

function stepCounts(counts: CountRow[], times: TimeRow[]): FunnelStepCounts[] {
  const timeOf = new Map(times.map((t) => [t.ord, t]));
  return FUNNEL_STEPS.map((step, i) => {
    const leaving = counts.filter((c) => c.deepest_step === i + 1 && c.leave_reason !== null);
    const leftBecause = Object.fromEntries(
      LEAVE_REASONS.map((reason) => [
        reason,
        leaving.filter((c) => c.leave_reason === reason).reduce((sum, c) => sum + c.cases, 0),
      ]),
    ) as FunnelStepCounts['leftBecause'];
    return {
      step,
      entered: counts.reduce((sum, c) => sum + c[step], 0),
      left: leaving.reduce((sum, c) => sum + c.cases, 0),
      leftBecause,
      medianSeconds: seconds(timeOf.get(i + 1)?.median),
      p90Seconds: seconds(timeOf.get(i + 1)?.p90),
    };
  });
}

export async function readFunnel(sql: Sql, q: FunnelQuery): Promise<FunnelRow[]> {
  const values = [
    q.playbookId,
    q.version ?? null,
    q.experimentId ?? null,
    q.arm ?? null,
    q.teamId ?? null,
    q.from,
    q.to,
  ];
  const [counts, times] = await inTransaction(sql, async (tx) => {
    // The histogram's hash fits in memory; compiling these short scans (JIT) cost more than it saved.
    await tx.query(`SET LOCAL work_mem = '${FUNNEL_WORK_MEM}'`);
    await tx.query('SET LOCAL jit = off');
    const c = await tx.query<CountRow>(COUNTS_SQL, values);
    const t = await tx.query<TimeRow>(TIMES_SQL, values);
    return [c.rows, t.rows];
  });
  return funnelRows(stepCounts(counts, times));
}
