// The Temporal Schedule that runs the detection sweep (workflows/detection-sweep.ts) every
// HOLDFAST_DETECTION_EVERY (worker/interval-schedule.ts: created, updated or left alone at each worker's start).
import type { Client } from '@temporalio/client';
import type { Duration } from '../domain/duration';
import { DETECTION_SCHEDULE_ID } from '../workflows/messages';
import type { Logger } from '../config/logger';
import type { TemporalConnectionConfig } from '../config/temporal';
import { ensureIntervalSchedule } from './interval-schedule';
import { withScheduleClient } from './schedule-client';

export function ensureDetectionSchedule(client: Client, options: { every: Duration; taskQueue: string }) {
  return ensureIntervalSchedule(client, {
    scheduleId: DETECTION_SCHEDULE_ID,
    workflowType: 'detectionSweep',
    workflowId: 'holdfast-detection-sweep',
    ...options,
  });
}

// At worker start, with HOLDFAST_DETECTION_EVERY set: the schedule is brought to it and the outcome logged.
export async function scheduleDetection(
  temporal: TemporalConnectionConfig,
  every: Duration,
  logger: Logger,
): Promise<void> {
  await withScheduleClient(temporal, async (client) => {
    const outcome = await ensureDetectionSchedule(client, { every, taskQueue: temporal.taskQueue });
    logger.info(`detection schedule ${outcome}`, { scheduleId: DETECTION_SCHEDULE_ID, every });
  });
}
