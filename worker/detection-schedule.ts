// The Temporal Schedule that runs the detection sweep (workflows/detection-sweep.ts) every
// HOLDFAST_DETECTION_EVERY. Each worker that has the setting brings the schedule to it at start: created when
// missing, updated when the interval or the task queue changed, left alone otherwise, so several workers
// starting at once agree. One sweep at a time: a tick that finds the last sweep still running is skipped.
import { withScheduleClient } from './schedule-client';
import {
  type Client,
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  type ScheduleOptionsAction,
  type ScheduleSpec,
} from '@temporalio/client';
import { durationMs, type Duration } from '../domain/duration';
import { DETECTION_SCHEDULE_ID } from '../workflows/messages';
import type { Logger } from '../config/logger';
import type { TemporalConnectionConfig } from '../config/temporal';

const spec = (every: Duration): ScheduleSpec => ({ intervals: [{ every: durationMs(every) }] });
const action = (taskQueue: string): ScheduleOptionsAction => ({
  type: 'startWorkflow',
  workflowType: 'detectionSweep',
  workflowId: 'holdfast-detection-sweep',
  taskQueue,
  args: [],
});
const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' } as const;

export async function ensureDetectionSchedule(
  client: Client,
  options: { every: Duration; taskQueue: string },
): Promise<'created' | 'updated' | 'unchanged'> {
  try {
    await client.schedule.create({
      scheduleId: DETECTION_SCHEDULE_ID,
      spec: spec(options.every),
      action: action(options.taskQueue),
      policies,
    });
    return 'created';
  } catch (e) {
    if (!(e instanceof ScheduleAlreadyRunning)) throw e;
  }
  const handle = client.schedule.getHandle(DETECTION_SCHEDULE_ID);
  const current = await handle.describe();
  const sameAction = current.action.type === 'startWorkflow' && current.action.taskQueue === options.taskQueue;
  const intervals = current.spec.intervals ?? [];
  if (sameAction && intervals.length === 1 && intervals[0]!.every === durationMs(options.every)) return 'unchanged';
  await handle.update((previous) => ({
    ...previous,
    spec: spec(options.every),
    action: action(options.taskQueue),
    policies,
  }));
  return 'updated';
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
