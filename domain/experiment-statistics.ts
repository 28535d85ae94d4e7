// The figures an experiment's result stands on: each arm's retention rate with a 95% Wilson score interval,
// each arm against the control as a difference with Newcombe's hybrid score interval (built from the two
// Wilson intervals, so it behaves at small counts and near 0 or 1 where the Wald interval does not), and the
// verdict from the sequential test's p-values (sequential-test.ts). The intervals are for one look: they
// describe the data and decide nothing. The normal distribution comes from stdlib (pure math, no I/O): domain
// files otherwise import only zod.
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

const CONFIDENCE = 0.95;
const ALPHA = 1 - CONFIDENCE;
const Z = normalQuantile(1 - ALPHA / 2, 0, 1);

export interface Interval {
  low: number;
  high: number;
}

// Wilson score interval for x successes in n trials; undefined when there are no trials.
export function wilsonInterval(x: number, n: number, z = Z): Interval | undefined {
  if (n === 0) return undefined;
  const p = x / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface Proportion {
  successes: number;
  trials: number;
}

// Newcombe (1998) method 10: the interval of p1 - p2 from the Wilson intervals of each.
export function differenceInterval(a: Proportion, b: Proportion): Interval | undefined {
  const wa = wilsonInterval(a.successes, a.trials);
  const wb = wilsonInterval(b.successes, b.trials);
  if (!wa || !wb) return undefined;
  const pa = a.successes / a.trials;
  const pb = b.successes / b.trials;
  const d = pa - pb;
  return {
    low: d - Math.sqrt((pa - wa.low) ** 2 + (wb.high - pb) ** 2),
    high: d + Math.sqrt((wa.high - pa) ** 2 + (pb - wb.low) ** 2),
  };
}

export type Verdict = 'collecting' | 'winner' | 'no_difference' | 'worse';

// `collecting` until every arm has its minimum of conclusive cases; then a winner or worse when the sequential
// test (sequential-test.ts), adjusted over the arms, says so at 5%, anything else no difference.
export function verdict(
  adjusted: { better: number | undefined; worse: number | undefined },
  alpha: number,
  everyArmHasMinimum: boolean,
): Verdict {
  if (!everyArmHasMinimum) return 'collecting';
  if (adjusted.better !== undefined && adjusted.better <= alpha) return 'winner';
  if (adjusted.worse !== undefined && adjusted.worse <= alpha) return 'worse';
  return 'no_difference';
}
