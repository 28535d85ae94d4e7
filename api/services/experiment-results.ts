// An experiment's results: each arm's counts in one SQL aggregate over the cases pinned to it, the figures from
// domain/experiment-results.ts. No case in an arm is held out: intake gives a held-out customer no arm
// (experiment-assignment.ts), so there are no holdout events to look for.
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
  LEFT JOIN (SELECT case_id, sum(cost) AS cost FROM case_offers WHERE status = 'accepted' GROUP BY case_id) o ON o.case_id = c.id
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
