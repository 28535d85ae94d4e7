// Simulated experiments under the hourly review: each arm gets its conclusive cases hour by hour, drawn from a
// true retention rate, and a promotion rule reads the counts after every hour until it promotes or the days run
// out. Seeded (pure-rand), so a run gives the same figures every time. Used by the promotion benchmark and the
// test that holds the review to its error rates.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { armToPromote, experimentResults, type ArmCounts } from '../../domain/experiment-results';

// Given each arm's counts and the minimum sample, the arm promoted now, if any.
export type PromotionRule = (arms: ArmCounts[], minSamplePerArm: number) => string | undefined;

export const sequentialPromotion: PromotionRule = (arms, minSamplePerArm) =>
  armToPromote(experimentResults(arms, minSamplePerArm))?.arm;

export interface Scenario {
  // True retention rates, the control's first; the arms are named A, B, C, D.
  rates: number[];
  runs: number;
  seed: number;
  days?: number;
  conclusivePerArmPerHour?: number;
  minSamplePerArm?: number;
}

// Per run: the arm promoted (null when none was within the days) and the hour of the review that promoted it.
export interface RunOutcome {
  arm: string | null;
  hour: number | null;
}

const ARM_NAMES = ['A', 'B', 'C', 'D'];

function oneRun(s: Required<Scenario>, rule: PromotionRule, seed: number): RunOutcome {
  const rng = xoroshiro128plus(seed);
  const arms: ArmCounts[] = s.rates.map((_, i) => ({
    arm: ARM_NAMES[i]!,
    version: i + 1,
    weight: Math.floor(100 / s.rates.length),
    control: i === 0,
    cases: 0,
    conclusive: 0,
    retained: 0,
    offerCost: 0,
  }));
  for (let hour = 1; hour <= s.days * 24; hour++) {
    arms.forEach((a, i) => {
      for (let k = 0; k < s.conclusivePerArmPerHour; k++) {
        a.cases++;
        a.conclusive++;
        if (uniformFloat64(rng) < s.rates[i]!) a.retained++;
      }
    });
    const promoted = rule(arms, s.minSamplePerArm);
    if (promoted) return { arm: promoted, hour };
  }
  return { arm: null, hour: null };
}

export function simulatePromotions(scenario: Scenario, rule: PromotionRule): RunOutcome[] {
  const s = { days: 14, conclusivePerArmPerHour: 6, minSamplePerArm: 100, ...scenario };
  return Array.from({ length: s.runs }, (_, run) => oneRun(s, rule, s.seed * 1_000_003 + run));
}

// The share of runs that promoted the named arm, or any arm when none is named.
export function promotedShare(outcomes: RunOutcome[], arm?: string): number {
  return outcomes.filter((o) => (arm === undefined ? o.arm !== null : o.arm === arm)).length / outcomes.length;
}

// Median hours to promotion of the runs that promoted the named arm; null when none did.
export function medianHoursToPromotion(outcomes: RunOutcome[], arm: string): number | null {
  const hours = outcomes
    .filter((o) => o.arm === arm)
    .map((o) => o.hour!)
    .sort((a, b) => a - b);
  if (hours.length === 0) return null;
  const mid = hours.length >> 1;
  return hours.length % 2 ? hours[mid]! : (hours[mid - 1]! + hours[mid]!) / 2;
}
