// Baseline workflows for the intake benchmark: the least a Temporal workflow can do, on the same server.
import { proxyActivities } from '@temporalio/workflow';

const { noop } = proxyActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '10 seconds' });

// (a) The physical limit: one activity (the send) and done.
export async function bareOneActivity(): Promise<void> {
  await noop();
}

// (b) As many activities, one after another, as a case runs up to its first send.
export async function bareActivities(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await noop();
}
