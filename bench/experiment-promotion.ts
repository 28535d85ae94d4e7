// Benchmark: automatic promotion under the hourly review, by simulation with the project's own functions
// (experimentResults and armToPromote, bench/support/promotion-simulation.ts): how often an A/A experiment (every
// arm the control's equal) promotes a false winner over 14 days, with 2 and with 4 arms, how often a truly better
// arm (30% → 35% retention) is promoted within those days, and the median hours until it is, for the sequential
// test beside 1.0's fixed 5% z-test read every hour (bench/support/fixed-horizon-promotion.ts), measured in the
// same run on the same simulated cases. Goals: false promotion ≤ 5%, the better arm promoted in ≥ 80% of runs.
// 6 conclusive cases per arm per hour, a minimum of 100 per arm. The 4-arm power is also given at 21 days.
//   npm run bench:promotion [-- <runs per scenario=2000>]
import { wilsonInterval } from '../domain/experiment-statistics';
import { fixedHorizonArmToPromote } from './support/fixed-horizon-promotion';
import { machine, say } from './support/measure';
import {
  medianHoursToPromotion,
  sequentialPromotion,
  simulatePromotions,
  type PromotionRule,
  type RunOutcome,
} from './support/promotion-simulation';

const RUNS = Number(process.argv[2] ?? 2000);
const FOURTEEN_DAYS = 14 * 24;

// A share with its 95% Wilson interval, in percent.
function share(outcomes: RunOutcome[], hit: (o: RunOutcome) => boolean): string {
  const hits = outcomes.filter(hit).length;
  const i = wilsonInterval(hits, outcomes.length)!;
  const pct = (x: number) => (x * 100).toFixed(1);
  return `${pct(hits / outcomes.length)}% (${pct(i.low)}–${pct(i.high)})`;
}

const within = (arm: string, hours: number) => (o: RunOutcome) => o.arm === arm && o.hour! <= hours;

function measure(name: string, rule: PromotionRule): Record<string, string | number | null> {
  say(`${name}: A/A, 2 and 4 arms`);
  const aa2 = simulatePromotions({ rates: [0.3, 0.3], runs: RUNS, seed: 11 }, rule);
  const aa4 = simulatePromotions({ rates: [0.3, 0.3, 0.3, 0.3], runs: RUNS, seed: 12 }, rule);
  say(`${name}: one arm +5 points, 2 and 4 arms`);
  const better2 = simulatePromotions({ rates: [0.3, 0.35], runs: RUNS, seed: 13 }, rule);
  // Followed to 21 days; a run's first 14 days are the same draws as a 14-day run's.
  const better4 = simulatePromotions({ rates: [0.3, 0.3, 0.3, 0.35], runs: RUNS, seed: 14, days: 21 }, rule);
  const in14days = (outcomes: RunOutcome[], arm: string) => outcomes.filter(within(arm, FOURTEEN_DAYS));
  return {
    test: name,
    'A/A false promotion, 2 arms': share(aa2, (o) => o.arm !== null),
    'A/A false promotion, 4 arms': share(aa4, (o) => o.arm !== null),
    'power, 2 arms': share(better2, within('B', FOURTEEN_DAYS)),
    'median hours, 2 arms': medianHoursToPromotion(better2, 'B'),
    'power, 4 arms': share(better4, within('D', FOURTEEN_DAYS)),
    'median hours, 4 arms': medianHoursToPromotion(in14days(better4, 'D'), 'D'),
    'power, 4 arms, 21 days': share(better4, within('D', 21 * 24)),
    'false arm promoted, 4 arms': share(better4, (o) => o.arm !== null && o.arm !== 'D' && o.hour! <= FOURTEEN_DAYS),
  };
}

const started = performance.now();
console.log(`# Automatic promotion, ${RUNS} simulated experiments per scenario (95% intervals)`);
console.log(JSON.stringify(machine()));
const rows = [
  measure('sequential (mSPRT, Holm)', sequentialPromotion),
  measure('1.0: fixed z-test', fixedHorizonArmToPromote),
];
console.table(Object.fromEntries(Object.keys(rows[0]!).map((k) => [k, { new: rows[0]![k], baseline: rows[1]![k] }])));
const falseShare = (row: Record<string, unknown>, key: string) => Number.parseFloat(String(row[key]));
for (const arms of [2, 4]) {
  const key = `A/A false promotion, ${arms} arms`;
  console.log(
    `false promotion, ${arms} arms: ${(falseShare(rows[0]!, key) / falseShare(rows[1]!, key)).toFixed(2)}× the baseline's`,
  );
}
say(`done in ${Math.round((performance.now() - started) / 1000)} s`);
