// An experiment's results from each arm's counts: the rate with its interval, and each arm against the
// control. Pure, so the figures are checked against hand-computed ones without a database.
import {
  differenceInterval,
  twoProportionPValue,
  verdict,
  wilsonInterval,
  type Interval,
  type Verdict,
} from './experiment-statistics';

export interface ArmCounts {
  arm: string;
  version: number;
  weight: number;
  control: boolean;
  cases: number;
  // Closed with an outcome that says whether the customer stayed (CONCLUSIVE in retention-report.ts).
  conclusive: number;
  retained: number;
  // Cost of the offers the arm's customers accepted.
  offerCost: number;
}

export interface ArmResult extends ArmCounts {
  retentionRate: number | null;
  interval: Interval | null;
  costPerRetained: number | null;
  // Against the control; null on the control itself.
  vsControl: { difference: number | null; interval: Interval | null; pValue: number | null; verdict: Verdict } | null;
}

const rate = (a: ArmCounts) => (a.conclusive === 0 ? null : a.retained / a.conclusive);
const proportion = (a: ArmCounts) => ({ successes: a.retained, trials: a.conclusive });

function againstControl(a: ArmCounts, control: ArmCounts, everyArmHasMinimum: boolean): ArmResult['vsControl'] {
  const ra = rate(a);
  const rc = rate(control);
  return {
    difference: ra === null || rc === null ? null : ra - rc,
    interval: differenceInterval(proportion(a), proportion(control)) ?? null,
    pValue: twoProportionPValue(proportion(a), proportion(control)) ?? null,
    verdict: verdict(proportion(a), proportion(control), everyArmHasMinimum),
  };
}

export function experimentResults(
  arms: ArmCounts[],
  minSamplePerArm: number,
): { collecting: boolean; arms: ArmResult[] } {
  const control = arms.find((a) => a.control)!;
  const everyArmHasMinimum = arms.every((a) => a.conclusive >= minSamplePerArm);
  return {
    collecting: !everyArmHasMinimum,
    arms: arms.map((a) => ({
      ...a,
      retentionRate: rate(a),
      interval: wilsonInterval(a.retained, a.conclusive) ?? null,
      costPerRetained: a.retained === 0 ? null : Math.round((a.offerCost / a.retained) * 100) / 100,
      vsControl: a.control ? null : againstControl(a, control, everyArmHasMinimum),
    })),
  };
}

// The arm an automatic promotion picks once every arm has its minimum sample: the winner that beats the control
// by the most (several arms may each beat it), or none while nothing wins.
export function armToPromote(results: { collecting: boolean; arms: ArmResult[] }): ArmResult | undefined {
  if (results.collecting) return undefined;
  return results.arms
    .filter((a) => a.vsControl?.verdict === 'winner')
    .sort((a, b) => (b.vsControl!.difference ?? 0) - (a.vsControl!.difference ?? 0))[0];
}
