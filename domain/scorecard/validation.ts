// The figures a scorecard is judged by on customers it was not trained on (docs/early-warning.md).
import type { Validation } from './model-file';

// Area under the ROC curve: the chance that a customer who left scores above one who stayed (ties count
// half), computed from ranks (Mann–Whitney U) with tied scores given their average rank.
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && scores[order[end + 1] as number] === scores[order[start] as number]) end++;
    const averageRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (labels[order[k] as number] === 1) {
        positives++;
        rankSum += averageRank;
      }
    }
    start = end + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

// Customers ranked by score in ten groups of (nearly) equal size, decile 10 the highest scores: how many, the
// mean score (predicted churn) and the share who left (observed churn).
export function calibrationByDecile(scores: ArrayLike<number>, labels: ArrayLike<number>): Validation['calibration'] {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  const rows = Array.from({ length: 10 }, (_, d) => ({ decile: d + 1, customers: 0, predicted: 0, observed: 0 }));
  order.forEach((customer, rank) => {
    const row = rows[Math.floor((rank * 10) / n)] as (typeof rows)[number];
    row.customers++;
    row.predicted += scores[customer] as number;
    row.observed += labels[customer] as number;
  });
  return rows
    .filter((r) => r.customers > 0)
    .map((r) => ({
      ...r,
      predicted: round(r.predicted / r.customers),
      observed: round(r.observed / r.customers),
    }));
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export function validationFigures(scores: ArrayLike<number>, labels: ArrayLike<number>): Validation {
  const calibration = calibrationByDecile(scores, labels);
  let left = 0;
  for (let i = 0; i < labels.length; i++) left += labels[i] as number;
  return {
    rows: scores.length,
    churnRate: round(left / Math.max(1, labels.length)),
    auc: round(auc(scores, labels)),
    topDecileChurnRate: calibration[calibration.length - 1]?.observed ?? 0,
    calibration,
  };
}
