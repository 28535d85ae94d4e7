// An experiment's results from each arm's counts: the rate with its interval, and each arm against the
// control by the sequential test, corrected over the arms. Pure, so the figures are checked against
// hand-computed ones, and the promotion rule against simulated experiments, without a database.
import { differenceInterval, verdict, wilsonInterval, type Interval, type Verdict } from './experiment-statistics';
import { alwaysValidPValue, holmAdjusted, SEQUENTIAL_TEST } from './sequential-test';

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
  vsControl: {
    difference: number | null;
    interval: Interval | null;
    // Always-valid p-values of the sequential test, Holm-adjusted over the arms: better, and worse, than the control.
    pValue: number | null;
    worsePValue: number | null;
    verdict: Verdict;
  } | null;
}

export interface ExperimentResults {
  collecting: boolean;
  // The test that produced the verdicts.
  test: typeof SEQUENTIAL_TEST;
  arms: ArmResult[];
}

const rate = (a: ArmCounts) => (a.conclusive === 0 ? null : a.retained / a.conclusive);
const proportion = (a: ArmCounts) => ({ successes: a.retained, trials: a.conclusive });

// Each arm against the control, the p-values of one side adjusted together: one family per side.
function againstControl(arms: ArmCounts[], everyArmHasMinimum: boolean): Map<string, ArmResult['vsControl']> {
  const control = arms.find((a) => a.control)!;
  const treated = arms.filter((a) => !a.control);
  const better = holmAdjusted(treated.map((a) => alwaysValidPValue(proportion(a), proportion(control), 'better')));
  const worse = holmAdjusted(treated.map((a) => alwaysValidPValue(proportion(a), proportion(control), 'worse')));
  const rc = rate(control);
  return new Map(
    treated.map((a, i) => {
      const ra = rate(a);
      const adjusted = { better: better[i], worse: worse[i] };
      return [
        a.arm,
        {
          difference: ra === null || rc === null ? null : ra - rc,
          interval: differenceInterval(proportion(a), proportion(control)) ?? null,
          pValue: adjusted.better ?? null,
          worsePValue: adjusted.worse ?? null,
          verdict: verdict(adjusted, SEQUENTIAL_TEST.alpha, everyArmHasMinimum),
        },
      ];
    }),
  );
}

export function experimentResults(arms: ArmCounts[], minSamplePerArm: number): ExperimentResults {
  const everyArmHasMinimum = arms.every((a) => a.conclusive >= minSamplePerArm);
  const vsControl = againstControl(arms, everyArmHasMinimum);
  return {
    collecting: !everyArmHasMinimum,
    test: SEQUENTIAL_TEST,
    // Field by field: spreading the counts was most of the time the simulated hourly reviews took.
    arms: arms.map((a) => ({
      arm: a.arm,
      version: a.version,
      weight: a.weight,
      control: a.control,
      cases: a.cases,
      conclusive: a.conclusive,
      retained: a.retained,
      offerCost: a.offerCost,
      retentionRate: rate(a),
      interval: wilsonInterval(a.retained, a.conclusive) ?? null,
      costPerRetained: a.retained === 0 ? null : Math.round((a.offerCost / a.retained) * 100) / 100,
      vsControl: vsControl.get(a.arm) ?? null,
    })),
  };
}

// The arm an automatic promotion picks once every arm has its minimum sample: the winner that beats the control
// by the most (several arms may each beat it), or none while nothing wins. Read every hour, and valid so, because
// a winner is one by the sequential test corrected over the arms (experimentResults).
export function armToPromote(results: { collecting: boolean; arms: ArmResult[] }): ArmResult | undefined {
  if (results.collecting) return undefined;
  return results.arms
    .filter((a) => a.vsControl?.verdict === 'winner')
    .sort((a, b) => (b.vsControl!.difference ?? 0) - (a.vsControl!.difference ?? 0))[0];
}
