// An experiment's results: each arm's counts in one SQL aggregate over the cases pinned to it, the figures from
// domain/experiment-results.ts. No case in an arm is held out: intake gives a held-out customer no arm
// (experiment-assignment.ts), so there are no holdout events to look for.
import { inTransaction, type Sql } from '../../config/sql';
import { experimentResults, type ArmCounts } from '../../domain/experiment-results';
import { CONCLUSIVE } from '../../domain/retention-report';

const conclusive = [...CONCLUSIVE].map((o) => `'${o}'`).join(', ');

// Counted per arm first (a handful of groups, like the bare aggregate), then joined to the arms, so an arm
// without cases still shows.
const ARM_COUNTS_SQL = `
SELECT a.arm, a.version, a.weight, a.control,
       coalesce(k.cases, 0)::int AS cases, coalesce(k.conclusive, 0)::int AS conclusive, coalesce(k.retained, 0)::int AS retained,
       coalesce(k.offer_cost, 0)::float8 AS "offerCost"
  FROM experiment_arms a
  LEFT JOIN (
    SELECT x.arm, count(*) AS cases,
           count(*) FILTER (WHERE c.status = 'closed' AND c.outcome IN (${conclusive})) AS conclusive,
           count(*) FILTER (WHERE c.status = 'closed' AND c.outcome = 'retained') AS retained,
           sum(o.cost) AS offer_cost
      FROM case_experiment_arms x
      JOIN cases c ON c.id = x.case_id
      LEFT JOIN (SELECT case_id, sum(cost) AS cost FROM case_offers WHERE status = 'accepted' GROUP BY case_id) o ON o.case_id = x.case_id
     WHERE x.experiment_id = $1
     GROUP BY x.arm) k ON k.arm = a.arm
 WHERE a.experiment_id = $1
 ORDER BY a.arm`;

async function armCounts(sql: Sql, experimentId: string): Promise<ArmCounts[]> {
  // Compiling this one join (JIT) cost a quarter of a second at a million cases and saved nothing.
  const { rows } = await inTransaction(sql, async (tx) => {
    await tx.query('SET LOCAL jit = off');
    return tx.query<ArmCounts>(ARM_COUNTS_SQL, [experimentId]);
  });
  return rows;
}

export async function readExperimentResults(sql: Sql, experiment: { id: string; minSamplePerArm: number }) {
  return experimentResults(await armCounts(sql, experiment.id), experiment.minSamplePerArm);
}
