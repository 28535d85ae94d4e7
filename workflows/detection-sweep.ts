// The scheduled detection sweep: one run per tick of the Temporal Schedule (worker/detection-schedule.ts). It
// reads the signal feeds and posts their signals through the API's idempotent intake; its result, on its own
// history, is what it read and what became of it (also in GET /v1/detection/runs).
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { SweepSummary } from '../activities/detection';
import type { CaseActivities } from './activities';

// A sweep that cannot post (the API is down) retries for a while; the next tick reads the same files again.
const { sweepSignalFeeds } = proxyActivities<Pick<CaseActivities, 'sweepSignalFeeds'>>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
});

export async function detectionSweep(): Promise<SweepSummary> {
  return sweepSignalFeeds({ sweepId: workflowInfo().workflowId, startedAt: new Date().toISOString() });
}
