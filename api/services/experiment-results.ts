// An experiment's results: each arm's counts in one SQL aggregate over the cases pinned to it, the figures from
// domain/experiment-results.ts. A case the workflow put in the holdout (an arm's version may hold out more
// than the version intake decided holdout with) is not counted as treated.
import type { Sql } from '../../config/sql';
import { experimentResults, type ArmCounts } from '../../domain/experiment-results';
import { CONCLUSIVE } from '../../domain/retention-report';

export const ARM_COUNTS_SQL = `
SELECT a.arm, a.version, a.weight, a.control,
       count(c.id)::int AS cases,
       count(c.id) FILTER (WHERE c.status = 'closed' AND c.outcome = ANY($2))::int AS conclusive,
       count(c.id) FILTER (WHERE c.status = 'closed' AND c.outcome = 'retained')::int AS retained,
       coalesce(sum(o.cost), 0)::float8 AS "offerCost"
  FROM experiment_arms a
  LEFT JOIN case_experiment_arms x ON x.experiment_id = a.experiment_id AND x.arm = a.arm
  LEFT JOIN cases c ON c.id = x.case_id
       AND NOT EXISTS (SELECT 1 FROM case_events h WHERE h.case_id = c.id AND h.type = 'holdout_assigned')
  LEFT JOIN LATERAL (SELECT sum(cost) AS cost FROM case_offers WHERE case_id = c.id AND status = 'accepted') o ON true
 WHERE a.experiment_id = $1
 GROUP BY a.arm, a.version, a.weight, a.control
 ORDER BY a.arm`;

export async function armCounts(sql: Sql, experimentId: string): Promise<ArmCounts[]> {
  const { rows } = await sql.query<ArmCounts>(ARM_COUNTS_SQL, [experimentId, [...CONCLUSIVE]]);
  return rows;
}

export async function readExperimentResults(sql: Sql, experiment: { id: string; minSamplePerArm: number }) {
  return experimentResults(await armCounts(sql, experiment.id), experiment.minSamplePerArm);
}
