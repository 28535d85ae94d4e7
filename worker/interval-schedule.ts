// A Temporal Schedule that starts one workflow every interval (the detection sweep, the experiment review).
// Each worker that has the setting brings the schedule to it at start: created when missing, updated when the
// interval or the task queue changed, left alone otherwise, so several workers starting at once agree. One
// run at a time: a tick that finds the last run still going is skipped.
import {
  type Client,
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  type ScheduleOptionsAction,
  type ScheduleSpec,
} from '@temporalio/client';
import { durationMs, type Duration } from '../domain/duration';

export interface IntervalSchedule {
  scheduleId: string;
  workflowType: string;
  // The id of each run (one at a time, so one id serves).
  workflowId: string;
  every: Duration;
  taskQueue: string;
}

const spec = (every: Duration): ScheduleSpec => ({ intervals: [{ every: durationMs(every) }] });
const action = (s: IntervalSchedule): ScheduleOptionsAction => ({
  type: 'startWorkflow',
  workflowType: s.workflowType,
  workflowId: s.workflowId,
  taskQueue: s.taskQueue,
  args: [],
});
const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' } as const;

export async function ensureIntervalSchedule(
  client: Client,
  s: IntervalSchedule,
): Promise<'created' | 'updated' | 'unchanged'> {
  try {
    await client.schedule.create({ scheduleId: s.scheduleId, spec: spec(s.every), action: action(s), policies });
    return 'created';
  } catch (e) {
    if (!(e instanceof ScheduleAlreadyRunning)) throw e;
  }
  const handle = client.schedule.getHandle(s.scheduleId);
  const current = await handle.describe();
  const sameAction =
    current.action.type === 'startWorkflow' &&
    current.action.taskQueue === s.taskQueue &&
    current.action.workflowType === s.workflowType;
  const intervals = current.spec.intervals ?? [];
  if (sameAction && intervals.length === 1 && intervals[0]!.every === durationMs(s.every)) return 'unchanged';
  await handle.update((previous) => ({ ...previous, spec: spec(s.every), action: action(s), policies }));
  return 'updated';
}
