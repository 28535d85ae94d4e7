// The scoring sweep's choices (issue 30), pure: who among the customers scored above their playbook's
// threshold gets a model_risk signal today. No more than the teams can contact in a day (the agents' quotas
// summed), highest risk first and, at equal risk, the larger relationship first.
import type { Reason } from './scorecard/score';

export interface ScoredCustomer {
  customerId: string;
  score: number;
  assets: number;
  reasons: Reason[];
}

export function byRiskThenValue(a: ScoredCustomer, b: ScoredCustomer): number {
  return b.score - a.score || b.assets - a.assets || a.customerId.localeCompare(b.customerId);
}

// Keeps the best `cap` of a stream of candidates without holding them all: sorted and cut whenever twice the cap.
export class TopCandidates {
  private kept: ScoredCustomer[] = [];
  constructor(readonly cap: number) {}

  offer(c: ScoredCustomer): void {
    if (this.cap <= 0) return;
    this.kept.push(c);
    if (this.kept.length >= 2 * this.cap) this.kept = this.kept.sort(byRiskThenValue).slice(0, this.cap);
  }

  best(): ScoredCustomer[] {
    return this.kept.sort(byRiskThenValue).slice(0, this.cap);
  }
}

// One signal per customer, model and day: a sweep run twice the same day (a retry, a second worker) opens nothing twice.
export const modelRiskKey = (modelId: string, customerId: string, day: string) =>
  `model-risk:${modelId}:${customerId}:${day}`;
