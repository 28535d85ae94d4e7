// The sequential test behind an experiment's verdicts: a mixture sequential probability ratio test (mSPRT) of
// one arm against the control, whose p-value stays valid however often it is read, so that the hourly review may
// look every hour and promote on the first reading that crosses. Why this test and this tuning: docs/supervisors.md.
//
// Johari, Koomen, Pekelis & Walsh, "Always Valid Inference: Continuous Monitoring of A/B Tests" (Operations
// Research 70(3), 2022), the test behind Optimizely's Stats Engine: the difference of two rates is treated as
// normal with its estimated variance, and the likelihood ratio of "the arm is better by θ" against "no better" is
// averaged over a mixing distribution of θ. The average of likelihood ratios is a nonnegative (super)martingale
// under the null, so by Ville's inequality it ever reaches 1/α with probability at most α: 1/Λ is an always-valid
// p-value. Here the mixing distribution is one-sided (θ > 0: the question a promotion asks is "better than the
// control?") and centred on the improvement a bank cares about rather than on zero, which is what gives the
// test its power at the counts a retention team sees (tuned by simulation: bench/experiment-promotion.ts).
import normalLogCdf from '@stdlib/stats-base-dists-normal-logcdf';
import padjust from '@stdlib/stats-padjust';
import type { Proportion } from './experiment-statistics';

// The test as the results name it (GET /v1/experiments/:id, the dashboard's Experiments view).
export const SEQUENTIAL_TEST = {
  name: 'msprt',
  description:
    'Mixture sequential probability ratio test (Johari et al. 2022), valid at every hourly look: each arm against ' +
    'the control, one-sided (better; worse), mixing over improvements of about 5 ± 1 points, ' +
    "Holm's correction over the arms, 5% family-wise",
  alpha: 0.05,
  correction: 'holm',
  // Mean and standard deviation of the mixing distribution of the difference in retention rate, truncated to
  // the side tested: the evidence piles up fastest for differences near the mean.
  mixture: { mean: 0.05, sd: 0.01 },
} as const;

export type Side = 'better' | 'worse';
type Mixing = { mean: number; sd: number };

// log Φ(mean/sd), the truncation's normaliser: the same for every reading of a mixing distribution.
const truncation = new Map<Mixing, number>();
const logTruncation = (mixing: Mixing) =>
  truncation.get(mixing) ?? truncation.set(mixing, normalLogCdf(mixing.mean / mixing.sd, 0, 1)).get(mixing)!;

// The log of the mixture likelihood ratio for a difference d whose estimate has variance v, mixing over
// θ ~ N(mean, sd²) truncated to θ > 0: with information I = 1/v and the posterior precision c = I + 1/sd²,
// log Λ = ½ log(1/(sd² c)) + (d I + mean/sd²)²/(2c) − mean²/(2 sd²) + log Φ(m √c) − log Φ(mean/sd),
// where m = (d I + mean/sd²)/c.
function logMixtureRatio(d: number, v: number, mixing: Mixing): number {
  const prior = 1 / mixing.sd ** 2;
  const c = 1 / v + prior;
  const m = (d / v + mixing.mean * prior) / c;
  return (
    0.5 * Math.log(prior / c) +
    (c * m * m) / 2 -
    (mixing.mean ** 2 * prior) / 2 +
    normalLogCdf(m * Math.sqrt(c), 0, 1) -
    logTruncation(mixing)
  );
}

// The always-valid p-value that the arm is better (or worse) than the control; undefined without trials. The
// variance is the pooled one of the two-proportion test (the null's); when every case in both arms went the
// same way there is no evidence either way: 1. It is the evidence at this reading (1/Λ), not the running
// minimum over past readings, which the review does not keep: larger, so still valid, and it may rise again.
export function alwaysValidPValue(
  arm: Proportion,
  control: Proportion,
  side: Side,
  mixing: Mixing = SEQUENTIAL_TEST.mixture,
): number | undefined {
  if (arm.trials === 0 || control.trials === 0) return undefined;
  const pooled = (arm.successes + control.successes) / (arm.trials + control.trials);
  const variance = pooled * (1 - pooled) * (1 / arm.trials + 1 / control.trials);
  if (variance === 0) return 1;
  const d = arm.successes / arm.trials - control.successes / control.trials;
  return Math.min(1, Math.exp(-logMixtureRatio(side === 'better' ? d : -d, variance, mixing)));
}

// Holm's step-down adjustment over the arms compared with the control (Holm 1979): an arm's adjusted p-value is
// at most α exactly when Holm's procedure rejects it, so the chance that any arm is wrongly called a winner
// stays within α. Always-valid p-values read at the review's stopping time are valid p-values, which is all
// Holm's procedure asks. An arm without trials has no p-value but still counts in the family, as one that
// rejects nothing (so the others are not corrected less while it collects).
export function holmAdjusted(pValues: (number | undefined)[]): (number | undefined)[] {
  const present = pValues.filter((p): p is number => p !== undefined);
  if (present.length === 0) return pValues;
  const adjusted = padjust(present, 'holm', pValues.length);
  let next = 0;
  return pValues.map((p) => (p === undefined ? undefined : adjusted[next++]));
}
