// The figures an experiment's result stands on: each arm's retention rate with a 95% Wilson score interval,
// each arm against the control as a difference with Newcombe's hybrid score interval (built from the two
// Wilson intervals, so it behaves at small counts and near 0 or 1 where the Wald interval does not) and the
// p-value of the pooled two-proportion z-test, and the verdict. The normal distribution comes from stdlib
// (pure math, no I/O): domain files otherwise import only zod.
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
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

// Two-sided p-value of the pooled two-proportion z-test; undefined when it cannot be computed (no trials,
// or every case in both arms went the same way, where there is no evidence of a difference either way: 1).
export function twoProportionPValue(a: Proportion, b: Proportion): number | undefined {
  if (a.trials === 0 || b.trials === 0) return undefined;
  const pooled = (a.successes + b.successes) / (a.trials + b.trials);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials));
  if (se === 0) return 1;
  const z = (a.successes / a.trials - b.successes / b.trials) / se;
  return 2 * (1 - normalCdf(Math.abs(z), 0, 1));
}

export type Verdict = 'collecting' | 'winner' | 'no_difference' | 'worse';

// `collecting` until every arm has its minimum of conclusive cases; then a significant difference at 5%
// is a winner or worse by its sign, anything else no difference.
export function verdict(arm: Proportion, control: Proportion, everyArmHasMinimum: boolean): Verdict {
  if (!everyArmHasMinimum) return 'collecting';
  const p = twoProportionPValue(arm, control);
  if (p === undefined || p >= ALPHA) return 'no_difference';
  return arm.successes / arm.trials > control.successes / control.trials ? 'winner' : 'worse';
}
