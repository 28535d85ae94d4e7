// The funnel of a playbook (domain/funnel.ts) from the cases' timelines, in one SQL aggregate: each case's
// first event of every step, the step it left at and why, then counts and time-in-step percentiles per step.
import { inTransaction, type Sql } from '../../config/sql';

const FUNNEL_WORK_MEM = '256MB';
import { FUNNEL_STEPS, funnelRows, LEAVE_REASONS, type FunnelRow, type FunnelStepCounts } from '../../domain/funnel';

export interface FunnelQuery {
  playbookId: string;
  version?: number;
  experimentId?: string;
  arm?: string;
  teamId?: string;
  from: Date;
  to: Date;
}

// Each step's row: its first event and when the case entered a later step (the earliest of them, steps being
// in order), computed per case rather than with a window over every step row, which sorted them all.
const STEP_ROWS = FUNNEL_STEPS.map((step, i) => {
  const later = FUNNEL_STEPS.slice(i + 1).map((s) => `w.${s}`);
  const next = later.length === 0 ? 'NULL::timestamptz' : later.length === 1 ? later[0] : `least(${later.join(', ')})`;
  return `(${i + 1}, '${step}', w.${step}, CASE WHEN w.holdout THEN NULL ELSE ${next} END)`;
}).join(',\n                              ');

// A held-out case is only detected: it is never treated, whatever its outcome. The reason a case left is
// read from its case_closed event (a supervisor's close says closed_by_supervisor whatever the outcome).
const FUNNEL_SQL = `
WITH scope AS (
  SELECT c.id, c.status, c.closed_at
    FROM cases c
    LEFT JOIN case_experiment_arms x ON x.case_id = c.id
   WHERE c.playbook_id = $1 AND ($2::int IS NULL OR c.playbook_version = $2)
     AND ($3::text IS NULL OR x.experiment_id = $3) AND ($4::text IS NULL OR x.arm = $4)
     AND ($5::text IS NULL OR c.team_id = $5) AND c.opened_at >= $6 AND c.opened_at < $7
), firsts AS (
  SELECT s.id, s.status, s.closed_at,
         bool_or(e.type = 'holdout_assigned') AS holdout,
         min(e.at) FILTER (WHERE e.type = 'case_opened') AS detected,
         min(e.at) FILTER (WHERE e.type IN ('case_assigned', 'queued_for_agent')) AS assigned,
         min(e.at) FILTER (WHERE e.type IN ('contact_sent', 'call_requested', 'contact_outcome_recorded')) AS contacted,
         min(e.at) FILTER (WHERE e.type = 'contact_outcome_recorded' AND e.data->>'outcome' = 'reached') AS reached,
         min(e.at) FILTER (WHERE e.type = 'offer_presented') AS offered,
         min(e.at) FILTER (WHERE e.type = 'offer_decision_recorded' AND e.data->>'decision' = 'accepted') AS accepted,
         min(e.at) FILTER (WHERE e.type = 'survey_sent') AS surveyed,
         min(e.at) FILTER (WHERE e.type = 'case_closed' AND e.data->>'outcome' = 'retained') AS retained,
         max(e.data->>'outcome') FILTER (WHERE e.type = 'case_closed') AS outcome,
         max(e.data->>'reason') FILTER (WHERE e.type = 'case_closed') AS reason
    FROM scope s JOIN case_events e ON e.case_id = s.id
   GROUP BY s.id, s.status, s.closed_at
), why AS (
  SELECT f.*,
         CASE WHEN f.outcome IS NULL OR f.retained IS NOT NULL AND NOT f.holdout THEN NULL
              WHEN f.reason = 'closed_by_supervisor' THEN 'closed_by_hand'
              WHEN f.holdout THEN 'holdout'
              WHEN f.reason = 'offer_expired' THEN 'offer_expired'
              ELSE f.outcome END AS leave_reason
    FROM firsts f
), steps AS (
  SELECT w.id, w.leave_reason, k.ord, k.step, k.entered_at, coalesce(k.next_at, w.closed_at) AS ended_at, k.next_at IS NULL AS deepest
    FROM why w
   CROSS JOIN LATERAL (VALUES ${STEP_ROWS}) k(ord, step, entered_at, next_at)
   WHERE k.entered_at IS NOT NULL AND (NOT w.holdout OR k.ord = 1)
)
SELECT step, count(*)::int AS entered,
       count(*) FILTER (WHERE deepest AND leave_reason IS NOT NULL)::int AS "left",
       ${LEAVE_REASONS.map((r) => `count(*) FILTER (WHERE deepest AND leave_reason = '${r}')::int AS "${r}"`).join(',\n       ')},
       -- Both percentiles from one sort of the step's durations.
       percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY extract(epoch FROM ended_at - entered_at)) FILTER (WHERE step <> 'retained') AS percentiles
  FROM steps GROUP BY ord, step ORDER BY ord`;

type FunnelSqlRow = {
  step: FunnelStepCounts['step'];
  entered: number;
  left: number;
  percentiles: (number | null)[] | null;
} & Record<string, unknown>;

const seconds = (x: number | null | undefined) =>
  x === null || x === undefined ? null : Math.round(Number(x) * 1000) / 1000;

export async function readFunnel(sql: Sql, q: FunnelQuery): Promise<FunnelRow[]> {
  // Grouping a case's events and the percentiles' sorts spill to disk at the default work_mem from about
  // 10,000 cases on; in memory they run several times faster (bench/experiments.ts).
  const { rows } = await inTransaction(sql, async (tx) => {
    await tx.query(`SET LOCAL work_mem = '${FUNNEL_WORK_MEM}'`);
    return tx.query<FunnelSqlRow>(FUNNEL_SQL, [
      q.playbookId,
      q.version ?? null,
      q.experimentId ?? null,
      q.arm ?? null,
      q.teamId ?? null,
      q.from,
      q.to,
    ]);
  });
  return funnelRows(
    rows.map((r) => ({
      step: r.step,
      entered: r.entered,
      left: r.left,
      leftBecause: Object.fromEntries(
        LEAVE_REASONS.map((reason) => [reason, Number(r[reason] ?? 0)]),
      ) as FunnelStepCounts['leftBecause'],
      medianSeconds: seconds(r.percentiles?.[0]),
      p90Seconds: seconds(r.percentiles?.[1]),
    })),
  );
}
