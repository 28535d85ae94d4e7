// The board's per-stage counts. A filter on status, stage and team alone (the board's own views, and every
// agent's, which is their team) is answered from the counters PostgreSQL keeps as cases change (table
// case_stage_counts): a few dozen rows, where counting the cases meant reading every open one on each refresh.
// Any other filter (tier, driver, an assignee, SLA...) counts its matching cases.
import { SqlParams, whereClause, type Sql } from '../../config/sql';
import { STAGES } from '../../domain/vocabulary';
import type { CaseListQuery } from './case-list-query';
import { caseConditions } from './case-board';

// Every stage present, zero when no case is in it, so a board can draw all its columns.
function everyStage(counts: Iterable<{ stage: string; cases: number }>): Record<string, number> {
  const all = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<string, number>;
  for (const { stage, cases } of counts) all[stage] = cases;
  return all;
}

const COUNTED_FIELDS = new Set<keyof CaseListQuery>(['status', 'stage', 'team', 'sort', 'limit', 'cursor']);

function countableByCounters(q: CaseListQuery): boolean {
  return (Object.keys(q) as (keyof CaseListQuery)[]).every((k) => q[k] === undefined || COUNTED_FIELDS.has(k));
}

// The team asked for and the team an agent may see are both conditions: when they differ, nothing matches.
async function fromCounters(
  sql: Sql,
  q: CaseListQuery,
  visibleTeam: string | undefined,
): Promise<Record<string, number>> {
  const { rows } = await sql.query<{ stage: string; cases: string }>({
    name: 'board-stage-counts',
    text: `SELECT stage, sum(cases)::text AS cases FROM case_stage_counts
            WHERE ($1::text IS NULL OR team_id = $1) AND ($2::text IS NULL OR team_id = $2)
              AND ($3::text IS NULL OR status = $3) AND ($4::text IS NULL OR stage = $4)
            GROUP BY stage`,
    values: [q.team ?? null, visibleTeam ?? null, q.status ?? null, q.stage ?? null],
  });
  return everyStage(rows.map((r) => ({ stage: r.stage, cases: Number(r.cases) })));
}

async function byCounting(
  sql: Sql,
  q: CaseListQuery,
  visibleTeam: string | undefined,
  now: Date,
): Promise<Record<string, number>> {
  const p = new SqlParams();
  const where = caseConditions(q, visibleTeam, now, p);
  const customers = q.tier !== undefined ? 'JOIN customers cu ON cu.id = c.customer_id' : '';
  const { rows } = await sql.query<{ stage: string; cases: number }>(
    `SELECT c.stage, count(*)::int AS cases FROM cases c ${customers} ${whereClause(where)} GROUP BY c.stage`,
    p.values,
  );
  return everyStage(rows);
}

export function stageCounts(
  sql: Sql,
  q: CaseListQuery,
  visibleTeam: string | undefined,
  now: Date,
): Promise<Record<string, number>> {
  return countableByCounters(q) ? fromCounters(sql, q, visibleTeam) : byCounting(sql, q, visibleTeam, now);
}
