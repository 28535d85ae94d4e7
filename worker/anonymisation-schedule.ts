// The Temporal Schedule that runs the retention sweep (workflows/anonymisation-sweep.ts) every hour while
// HOLDFAST_RETENTION_DAYS is set. Each worker brings the schedule to its setting at start, as the detection
// schedule does: created when missing, updated when the period or task queue changed, deleted when the
// setting is off (retention was switched off: nothing more is anonymised). One sweep at a time.
import { withScheduleClient } from './schedule-client';
import {
  type Client,
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
  type ScheduleOptionsAction,
  type ScheduleSpec,
} from '@temporalio/client';
import type { Logger } from '../config/logger';
import type { TemporalConnectionConfig } from '../config/temporal';
import type { AnonymisationSweepInput } from '../workflows/anonymisation-sweep';

export const ANONYMISATION_SCHEDULE_ID = 'holdfast-anonymisation';
const hourly = (): ScheduleSpec => ({ intervals: [{ every: '1 hour' }] });
const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' } as const;
const action = (taskQueue: string, input: AnonymisationSweepInput): ScheduleOptionsAction => ({
  type: 'startWorkflow',
  workflowType: 'anonymisationSweep',
  workflowId: 'holdfast-anonymisation-sweep',
  taskQueue,
  args: [input],
});

export type ScheduleChange = 'created' | 'updated' | 'unchanged' | 'deleted' | 'absent';

// `retentionDays` undefined: retention is off and the schedule is removed.
export async function ensureAnonymisationSchedule(
  client: Client,
  options: { retentionDays?: number; taskQueue: string },
): Promise<ScheduleChange> {
  const handle = client.schedule.getHandle(ANONYMISATION_SCHEDULE_ID);
  if (options.retentionDays === undefined) {
    return handle.delete().then(
      () => 'deleted' as const,
      (e: unknown) => {
        if (e instanceof ScheduleNotFoundError) return 'absent' as const;
        throw e;
      },
    );
  }
  const input = { retentionDays: options.retentionDays };
  try {
    await client.schedule.create({
      scheduleId: ANONYMISATION_SCHEDULE_ID,
      spec: hourly(),
      action: action(options.taskQueue, input),
      policies,
    });
    return 'created';
  } catch (e) {
    if (!(e instanceof ScheduleAlreadyRunning)) throw e;
  }
  const current = await handle.describe();
  const same =
    current.action.type === 'startWorkflow' &&
    current.action.taskQueue === options.taskQueue &&
    (current.action.args?.[0] as AnonymisationSweepInput | undefined)?.retentionDays === input.retentionDays;
  if (same) return 'unchanged';
  await handle.update((previous) => ({
    ...previous,
    spec: hourly(),
    action: action(options.taskQueue, input),
    policies,
  }));
  return 'updated';
}

// At worker start: the schedule follows HOLDFAST_RETENTION_DAYS, and the outcome is logged.
export async function scheduleAnonymisation(
  temporal: TemporalConnectionConfig,
  retentionDays: number | undefined,
  logger: Logger,
): Promise<void> {
  await withScheduleClient(temporal, async (client) => {
    const outcome = await ensureAnonymisationSchedule(client, { retentionDays, taskQueue: temporal.taskQueue });
    logger.info(`anonymisation schedule ${outcome}`, {
      scheduleId: ANONYMISATION_SCHEDULE_ID,
      retentionDays: retentionDays ?? null,
    });
  });
}
