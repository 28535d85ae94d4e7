// The hourly experiment review (workflows/experiment-review.ts posts to POST /v1/experiments/review): every
// running experiment that asked for automatic promotion and has a winner after its minimum sample is promoted,
// as a supervisor would (audited, with the figures and the test that decided it). Reading every hour is sound
// because a winner is one by a sequential test (domain/sequential-test.ts). Paused experiments wait for a person.
import type { Db } from '../../config/database';
import type { Sql } from '../../config/sql';
import { armToPromote } from '../../domain/experiment-results';
import { readExperimentResults } from './experiment-results';
import { promoteArm } from './experiments';
import type { Principal } from './principal';
import type { ReviewedExperiment } from '../../domain/experiment-review';

export async function reviewExperiments(db: Db, sql: Sql, by: Principal): Promise<ReviewedExperiment[]> {
  const running = await db.playbookExperiment.findMany({
    where: { status: 'running', autoPromote: true },
    orderBy: { createdAt: 'asc' },
  });
  const reviewed: ReviewedExperiment[] = [];
  for (const e of running) {
    const results = await readExperimentResults(sql, e);
    const winner = armToPromote(results);
    if (winner)
      await promoteArm(db, e.id, winner.arm, by, {
        automatic: true,
        difference: winner.vsControl?.difference ?? null,
        pValue: winner.vsControl?.pValue ?? null,
        conclusive: winner.conclusive,
        test: results.test.name,
      });
    reviewed.push({
      experimentId: e.id,
      playbookId: e.playbookId,
      collecting: results.collecting,
      promotedArm: winner?.arm ?? null,
    });
  }
  return reviewed;
}
