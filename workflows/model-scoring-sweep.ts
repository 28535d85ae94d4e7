// The scheduled scoring sweep (issue 30): one run per tick of the Temporal Schedule holdfast-model-scoring
// (worker/main.ts). It scores the book with the active early-warning model and posts model_risk signals
// through the API's intake; its result, on its own history, is what it scored and posted.
import { proxyActivities } from '@temporalio/workflow';
import type { ScoringSweepSummary } from '../activities/model-scoring';
import type { CaseActivities } from './activities';

// Scoring a million customers takes about a minute; the heartbeat shows it alive between batches.
const { scoreCustomerBook } = proxyActivities<Pick<CaseActivities, 'scoreCustomerBook'>>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '5 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 5 },
});

export async function modelScoringSweep(): Promise<ScoringSweepSummary> {
  // The day of the sweep keys its signals: a retry the same day posts the same ones again, harmlessly.
  return scoreCustomerBook({ day: new Date().toISOString().slice(0, 10) });
}
