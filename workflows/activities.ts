// Activity stubs as the workflow sees them. Sends get a short start-to-close timeout so a crashed worker's
// attempt is retried quickly; every activity is idempotent, so a retry is always safe.
import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities';

export type CaseActivities = ReturnType<typeof createActivities>;

export const acts = proxyActivities<CaseActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
