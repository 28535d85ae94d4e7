// Automatic promotion holds its error rates under the hourly review (issue 35): simulated experiments, fed six
// conclusive cases per arm per hour from a 30% base for 14 days with a minimum of 100 per arm, reviewed every hour
// by the project's own experimentResults and armToPromote (bench/support/promotion-simulation.ts; the benchmark,
// `npm run bench:promotion`, runs more of them beside 1.0's rule). Seeded, so the counts are the same every run.
// Each claim is asserted on the 95% Wilson interval of its share, not on the share alone, so that what passes is
// what the runs show beyond their own noise: with 1,000 A/A runs at about 3% the interval is about ±1 point,
// with 300 runs at about 88% about ±4. Under a minute on two busy cores.
import {
  medianHoursToPromotion,
  promotedShare,
  sequentialPromotion,
  simulatePromotions,
} from '../../bench/support/promotion-simulation';
import { fixedHorizonArmToPromote } from '../../bench/support/fixed-horizon-promotion';
import { wilsonInterval } from '../../domain/experiment-statistics';

const interval = (share: number, runs: number) => wilsonInterval(Math.round(share * runs), runs)!;

jest.setTimeout(120_000);

// Fewer runs with 4 arms, whose reviews cost three times as much: the interval stays under 5% by a point or more.
test.each([
  [2, [0.3, 0.3], 1, 1000],
  [4, [0.3, 0.3, 0.3, 0.3], 2, 600],
])('an A/A experiment with %i arms promotes a false winner in at most 5% of runs', (_arms, rates, seed, runs) => {
  const share = promotedShare(simulatePromotions({ rates, runs, seed }, sequentialPromotion));
  expect(interval(share, runs).high).toBeLessThanOrEqual(0.05);
});

test("the same A/A experiments under 1.0's rule, the fixed z-test read every hour, promote far more often", () => {
  const runs = 200;
  const share = promotedShare(simulatePromotions({ rates: [0.3, 0.3], runs, seed: 1 }, fixedHorizonArmToPromote));
  expect(interval(share, runs).low).toBeGreaterThan(0.05);
});

test('an arm truly 5 points better (30% → 35%) is promoted within 14 days in at least 80% of runs with 2 arms', () => {
  const runs = 300;
  const outcomes = simulatePromotions({ rates: [0.3, 0.35], runs, seed: 3 }, sequentialPromotion);
  expect(interval(promotedShare(outcomes, 'B'), runs).low).toBeGreaterThanOrEqual(0.8);
  // Not at once: the evidence for 5 points takes days to gather at six cases an hour.
  expect(medianHoursToPromotion(outcomes, 'B')).toBeGreaterThan(48);
});

test('with 4 arms, the better one among three is promoted, the others almost never', () => {
  const runs = 300;
  const outcomes = simulatePromotions({ rates: [0.3, 0.3, 0.3, 0.35], runs, seed: 4, days: 21 }, sequentialPromotion);
  const within = (days: number) => outcomes.filter((o) => o.arm === 'D' && o.hour! <= days * 24).length / runs;
  // Holm's correction asks each of three comparisons for more evidence than one: about 77% within 14 days in
  // the benchmark's 2,000 runs (docs/supervisors.md), short of 80%, which is reached by 21 days.
  expect(interval(within(14), runs).low).toBeGreaterThanOrEqual(0.7);
  expect(interval(within(21), runs).low).toBeGreaterThanOrEqual(0.8);
  expect(interval(promotedShare(outcomes) - promotedShare(outcomes, 'D'), runs).high).toBeLessThanOrEqual(0.05);
});
