// The scheduled experiment review: one run per tick of the Temporal Schedule (worker/main.ts,
// holdfast-experiment-review). Its result, on its own history, is what it reviewed and what it promoted.
import { proxyActivities } from '@temporalio/workflow';
import type { ReviewedExperiment } from '../domain/experiment-review';
import type { CaseActivities } from './activities';

const { reviewExperiments } = proxyActivities<Pick<CaseActivities, 'reviewExperiments'>>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
});

export async function experimentReview(): Promise<ReviewedExperiment[]> {
  return reviewExperiments();
}
