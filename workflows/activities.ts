// Activity stubs as the workflow sees them. Store and directory activities retry until PostgreSQL answers
// (every one is idempotent, so a retry is always safe). Sends retry a bounded number of times: a provider
// that stays down for longer is a channel failure, and the case falls back to the next channel.
import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities';

export type CaseActivities = ReturnType<typeof createActivities>;

export const acts = proxyActivities<CaseActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

// About 45 s of retries (1, 2, 4, 8, then 10 s apart); each try is bounded by the provider client's timeout.
export const SEND_RETRY = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds', maximumAttempts: 8 } as const;

export const sendActs = proxyActivities<Pick<CaseActivities, 'sendCaseMessage' | 'sendSurvey'>>({
  startToCloseTimeout: '40 seconds',
  retry: SEND_RETRY,
});
