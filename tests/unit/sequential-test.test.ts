// The sequential test behind the verdicts (domain/sequential-test.ts): its p-value against one computed by hand
// from the mixture's closed form, its sides, and Holm's adjustment.
import { alwaysValidPValue, holmAdjusted, SEQUENTIAL_TEST } from '../../domain/sequential-test';

test("the always-valid p-value by hand: Newcombe's 56/70 against 48/80", () => {
  // pooled 104/150, v = p(1-p)(1/70+1/80) = 0.0056953, d = 0.2; with mean 0.05, sd 0.01: c = 1/v + 10^4,
  // m = (d/v + 500)/c; log Λ = ½log(10^4/c) + c m²/2 − 12.5 + log Φ(m√c) − log Φ(5) = 1.5618; p = 1/Λ.
  expect(alwaysValidPValue({ successes: 56, trials: 70 }, { successes: 48, trials: 80 }, 'better')).toBeCloseTo(
    0.20977,
    4,
  );
  // The fixed test read once says 0.008 for the same counts: one look's significance is far weaker evidence
  // than a test that may be read every hour must ask for.
  expect(alwaysValidPValue({ successes: 56, trials: 70 }, { successes: 48, trials: 80 }, 'worse')).toBe(1);
});

test('the sides mirror each other; no evidence when both arms went one way or without trials', () => {
  const ahead = { successes: 63, trials: 70 };
  const behind = { successes: 14, trials: 70 };
  expect(alwaysValidPValue(ahead, behind, 'better')).toBeCloseTo(0.0056152, 6);
  expect(alwaysValidPValue(behind, ahead, 'worse')).toBeCloseTo(0.0056152, 6);
  expect(alwaysValidPValue(behind, ahead, 'better')).toBe(1);
  expect(alwaysValidPValue({ successes: 300, trials: 1000 }, { successes: 300, trials: 1000 }, 'better')).toBe(1);
  expect(alwaysValidPValue({ successes: 5, trials: 5 }, { successes: 7, trials: 7 }, 'better')).toBe(1);
  expect(alwaysValidPValue({ successes: 0, trials: 0 }, { successes: 7, trials: 7 }, 'better')).toBeUndefined();
});

test('evidence grows with the sample at the same difference: 36% against 30%', () => {
  const at = (n: number) =>
    alwaysValidPValue({ successes: 0.36 * n, trials: n }, { successes: 0.3 * n, trials: n }, 'better')!;
  expect(at(200)).toBeGreaterThan(at(400));
  expect(at(400)).toBeGreaterThan(SEQUENTIAL_TEST.alpha);
  expect(at(800)).toBeLessThan(SEQUENTIAL_TEST.alpha);
});

test("Holm's step-down: the smallest times the family's size, then never below the one before", () => {
  const adjusted = holmAdjusted([0.04, 0.01, 0.5]);
  expect(adjusted[1]).toBeCloseTo(0.03, 10);
  expect(adjusted[0]).toBeCloseTo(0.08, 10);
  expect(adjusted[2]).toBeCloseTo(0.5, 10);
});

test('an arm without trials has no p-value but still counts in the family', () => {
  const adjusted = holmAdjusted([0.04, 0.01, undefined, 0.5]);
  expect(adjusted[1]).toBeCloseTo(0.04, 10);
  expect(adjusted[0]).toBeCloseTo(0.12, 10);
  expect(adjusted[2]).toBeUndefined();
  expect(adjusted[3]).toBe(1);
  expect(holmAdjusted([undefined])).toEqual([undefined]);
});
