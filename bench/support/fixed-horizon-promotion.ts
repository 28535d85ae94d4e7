// The promotion rule Holdfast 1.0 used, kept as the baseline the sequential test is measured against
// (bench/experiment-promotion.ts): once every arm has its minimum, each arm against the control by the pooled
// two-proportion z-test at 5% two-sided, no correction over the arms, read every hour as if it were the only look.
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import type { ArmCounts } from '../../domain/experiment-results';
import type { Proportion } from '../../domain/experiment-statistics';

// Two-sided p-value of the pooled two-proportion z-test; undefined without trials, 1 when every case in both
// arms went the same way.
export function twoProportionPValue(a: Proportion, b: Proportion): number | undefined {
  if (a.trials === 0 || b.trials === 0) return undefined;
  const pooled = (a.successes + b.successes) / (a.trials + b.trials);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials));
  if (se === 0) return 1;
  const z = (a.successes / a.trials - b.successes / b.trials) / se;
  return 2 * (1 - normalCdf(Math.abs(z), 0, 1));
}

const rate = (a: ArmCounts) => a.retained / a.conclusive;
const proportion = (a: ArmCounts) => ({ successes: a.retained, trials: a.conclusive });

// The arm 1.0 promoted: the one ahead of the control by the most among those significant at 5%.
export function fixedHorizonArmToPromote(arms: ArmCounts[], minSamplePerArm: number): string | undefined {
  if (!arms.every((a) => a.conclusive >= minSamplePerArm)) return undefined;
  const control = arms.find((a) => a.control)!;
  return arms
    .filter((a) => !a.control && rate(a) > rate(control))
    .filter((a) => (twoProportionPValue(proportion(a), proportion(control)) ?? 1) < 0.05)
    .sort((a, b) => rate(b) - rate(a))[0]?.arm;
}
