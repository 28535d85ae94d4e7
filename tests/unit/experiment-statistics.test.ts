import { twoProportionPValue } from '../../bench/support/fixed-horizon-promotion';
import { differenceInterval, verdict, wilsonInterval } from '../../domain/experiment-statistics';

test('Wilson interval for 81/263 is (0.2553, 0.3662)', () => {
  const i = wilsonInterval(81, 263)!;
  expect(i.low).toBeCloseTo(0.2553, 4);
  expect(i.high).toBeCloseTo(0.3662, 4);
});

test('Wilson interval at the edges stays inside 0..1 and is undefined without cases', () => {
  // Newcombe (1998), table I: 0/10 → (0, 0.2775), 10/10 → (0.7225, 1).
  expect(wilsonInterval(0, 10)!.low).toBeCloseTo(0, 10);
  expect(wilsonInterval(0, 10)!.high).toBeCloseTo(0.2775, 4);
  expect(wilsonInterval(10, 10)!.low).toBeCloseTo(0.7225, 4);
  expect(wilsonInterval(0, 0)).toBeUndefined();
});

test("the difference's interval is Newcombe's published example: 56/70 - 48/80 = 0.2 (0.0524, 0.3339)", () => {
  const i = differenceInterval({ successes: 56, trials: 70 }, { successes: 48, trials: 80 })!;
  expect(i.low).toBeCloseTo(0.0524, 4);
  expect(i.high).toBeCloseTo(0.3339, 4);
});

test("the benchmark's baseline, 1.0's two-proportion z-test, by hand: 56/70 vs 48/80", () => {
  // pooled 104/150; se = sqrt(p(1-p)(1/70+1/80)) = 0.075467; z = 0.2/0.075467 = 2.6502; p = 2(1 - Φ(2.6502)) = 0.008045
  expect(twoProportionPValue({ successes: 56, trials: 70 }, { successes: 48, trials: 80 })).toBeCloseTo(0.00805, 4);
  expect(twoProportionPValue({ successes: 5, trials: 5 }, { successes: 7, trials: 7 })).toBe(1);
  expect(twoProportionPValue({ successes: 0, trials: 0 }, { successes: 7, trials: 7 })).toBeUndefined();
});

test('verdicts: collecting before the minimum, then by the adjusted p-values of each side at alpha', () => {
  const clear = { better: 0.01, worse: 1 };
  expect(verdict(clear, 0.05, false)).toBe('collecting');
  expect(verdict(clear, 0.05, true)).toBe('winner');
  expect(verdict({ better: 0.05, worse: 1 }, 0.05, true)).toBe('winner');
  expect(verdict({ better: 0.051, worse: 1 }, 0.05, true)).toBe('no_difference');
  expect(verdict({ better: 1, worse: 0.02 }, 0.05, true)).toBe('worse');
  expect(verdict({ better: undefined, worse: undefined }, 0.05, true)).toBe('no_difference');
});
