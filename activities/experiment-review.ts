// The experiment review's one activity: ask the API to promote the winners of experiments that asked for it
// (POST /v1/experiments/review, api/services/experiment-review.ts), where the results and the promotion live.
// An API that does not answer fails the attempt; the workflow retries it and the next tick reviews again.
import { ApplicationFailure } from '@temporalio/activity';
import type { ReviewedExperiment } from '../domain/experiment-review';
import type { ActivityDeps } from './deps';

export function createExperimentReview({ holdfastApi }: ActivityDeps) {
  return {
    async reviewExperiments(): Promise<ReviewedExperiment[]> {
      if (!holdfastApi)
        throw ApplicationFailure.nonRetryable('the experiment review needs HOLDFAST_API_URL and HOLDFAST_API_KEY');
      const res = await fetch(`${holdfastApi.url}/v1/experiments/review`, {
        method: 'POST',
        headers: { authorization: `Bearer ${holdfastApi.key}`, 'content-type': 'application/json' },
        body: '{}',
      });
      const body = await res.text();
      if (!res.ok) throw new Error(`POST /v1/experiments/review answered ${res.status}: ${body.slice(0, 300)}`);
      return (JSON.parse(body) as { reviewed: ReviewedExperiment[] }).reviewed;
    },
  };
}
