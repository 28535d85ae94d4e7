// The Temporal Schedules of the work that goes through the API, on workers that know it (HOLDFAST_API_URL and
// HOLDFAST_API_KEY): the experiment review (workflows/experiment-review.ts) every
// HOLDFAST_EXPERIMENT_REVIEW_EVERY, and the early-warning scoring sweep.
import type { Duration } from '../domain/duration';
import type { Logger } from '../config/logger';
import type { TemporalConnectionConfig } from '../config/temporal';
import { ensureIntervalSchedule } from './interval-schedule';
import { withScheduleClient } from './schedule-client';

const EXPERIMENT_REVIEW_SCHEDULE_ID = 'holdfast-experiment-review';

export async function scheduleExperimentReview(
  temporal: TemporalConnectionConfig,
  every: Duration,
  logger: Logger,
): Promise<void> {
  await withScheduleClient(temporal, async (client) => {
    const outcome = await ensureIntervalSchedule(client, {
      scheduleId: EXPERIMENT_REVIEW_SCHEDULE_ID,
      workflowType: 'experimentReview',
      workflowId: 'holdfast-experiment-review-run',
      every,
      taskQueue: temporal.taskQueue,
    });
    logger.info(`experiment review schedule ${outcome}`, { scheduleId: EXPERIMENT_REVIEW_SCHEDULE_ID, every });
  });
}

// The scoring sweep (workflows/model-scoring-sweep.ts) every HOLDFAST_SCORING_EVERY, on the same workers; a
// sweep with no active model scores nothing.
export async function scheduleModelScoring(
  temporal: TemporalConnectionConfig,
  every: Duration,
  logger: Logger,
): Promise<void> {
  await withScheduleClient(temporal, async (client) => {
    const outcome = await ensureIntervalSchedule(client, {
      scheduleId: 'holdfast-model-scoring',
      workflowType: 'modelScoringSweep',
      workflowId: 'holdfast-model-scoring-run',
      every,
      taskQueue: temporal.taskQueue,
    });
    logger.info(`model scoring schedule ${outcome}`, { scheduleId: 'holdfast-model-scoring', every });
  });
}
