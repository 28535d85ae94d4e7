// The Temporal Schedules of the work that goes through the API, on workers that know it (HOLDFAST_API_URL and
// HOLDFAST_API_KEY): the experiment review (workflows/experiment-review.ts) every
// HOLDFAST_EXPERIMENT_REVIEW_EVERY, and the early-warning scoring sweep (workflows/model-scoring-sweep.ts)
// every HOLDFAST_SCORING_EVERY; a sweep with no active model scores nothing.
import type { Duration } from '../domain/duration';
import type { Logger } from '../config/logger';
import type { TemporalConnectionConfig } from '../config/temporal';
import { ensureIntervalSchedule } from './interval-schedule';
import { withScheduleClient } from './schedule-client';

const API_SCHEDULES = [
  { scheduleId: 'holdfast-experiment-review', workflowType: 'experimentReview', name: 'experiment review' },
  { scheduleId: 'holdfast-model-scoring', workflowType: 'modelScoringSweep', name: 'model scoring' },
] as const;

export async function scheduleApiWork(
  temporal: TemporalConnectionConfig,
  every: Record<(typeof API_SCHEDULES)[number]['workflowType'], Duration>,
  logger: Logger,
): Promise<void> {
  await withScheduleClient(temporal, async (client) => {
    for (const s of API_SCHEDULES) {
      const outcome = await ensureIntervalSchedule(client, {
        scheduleId: s.scheduleId,
        workflowType: s.workflowType,
        workflowId: `${s.scheduleId}-run`,
        every: every[s.workflowType],
        taskQueue: temporal.taskQueue,
      });
      logger.info(`${s.name} schedule ${outcome}`, { scheduleId: s.scheduleId, every: every[s.workflowType] });
    }
  });
}
