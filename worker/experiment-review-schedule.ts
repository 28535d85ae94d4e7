// The Temporal Schedule that runs the experiment review (workflows/experiment-review.ts) every
// HOLDFAST_EXPERIMENT_REVIEW_EVERY, on workers that know the API (HOLDFAST_API_URL and HOLDFAST_API_KEY).
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
