// Bank-like customers with a churn label, made up and seeded (the same seed always gives the same file): the
// tests, the benchmark and examples/churn-history.csv train early-warning scorecards on them. Churn follows
// effects a real retail bank's history shows, several of them not straight lines: it peaks in the fifties, an
// empty account and three or more products raise it, two products lower it, logins lower it with diminishing
// effect, complaints raise it. Salary is missing for about one customer in twenty; one column is pure noise.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export const SYNTHETIC_HEADER = [
  'customer_id',
  'age',
  'region',
  'segment',
  'tenure_years',
  'balance',
  'products',
  'has_card',
  'active_member',
  'logins_30d',
  'complaints_90d',
  'salary',
  'branch_visits_year',
  'churned',
];

const REGIONS = [
  ['Capital', 0.3, 0.2],
  ['North', 0.25, -0.2],
  ['South', 0.25, 0],
  ['East', 0.12, 0.6],
  ['West', 0.08, -0.1],
] as const;
const SEGMENTS = [
  ['Mass', 0.7, 0.1],
  ['Affluent', 0.25, -0.2],
  ['Private', 0.05, -0.6],
] as const;

type Draw = () => number;

function pick<T extends readonly [string, number, number]>(options: readonly T[], u: number): T {
  let acc = 0;
  for (const o of options) {
    acc += o[1];
    if (u < acc) return o;
  }
  return options[options.length - 1] as T;
}

const normal = (draw: Draw) => Math.sqrt(-2 * Math.log(1 - draw())) * Math.cos(2 * Math.PI * draw());
const poisson = (draw: Draw, mean: number) => {
  let k = 0;
  for (let p = Math.exp(-mean), s = p, u = draw(); u > s; k++) s += p *= mean / (k + 1);
  return k;
};

// One customer's cells (the label last) and the log-odds of churn they were drawn with.
function customer(draw: Draw, n: number): string[] {
  const age = Math.min(90, Math.max(18, Math.round(40 + 11 * normal(draw))));
  const [region, , regionEffect] = pick(REGIONS, draw());
  const [segment, , segmentEffect] = pick(SEGMENTS, draw());
  const tenure = Math.min(30, Math.floor(-6 * Math.log(1 - draw())));
  const balance = draw() < 0.3 ? 0 : Math.round(Math.exp(10.5 + 0.9 * normal(draw)) * 100) / 100;
  const products = pick(
    [
      ['1', 0.45, 0.4],
      ['2', 0.45, -0.9],
      ['3', 0.07, 1.8],
      ['4', 0.03, 2.6],
    ] as const,
    draw(),
  );
  const hasCard = draw() < 0.7 ? 1 : 0;
  const active = draw() < 0.52 ? 1 : 0;
  const logins = poisson(draw, active ? 14 : 4);
  const complaints = poisson(draw, 0.25);
  const salary = Math.round(Math.exp(10.6 + 0.45 * normal(draw)));
  const visits = poisson(draw, 3);
  const ageEffect = 1.6 * Math.exp(-(((age - 55) / 9) ** 2)) - (age < 30 ? 0.4 : 0);
  const logit =
    -0.85 +
    ageEffect +
    regionEffect +
    segmentEffect +
    products[2] +
    (balance === 0 ? -0.35 : 0.15) -
    0.55 * active -
    0.35 * Math.log1p(logins) +
    0.55 * Math.min(complaints, 3) -
    0.04 * Math.min(tenure, 10) -
    0.1 * hasCard;
  const churned = draw() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  return [
    `C${String(n).padStart(7, '0')}`,
    String(age),
    region,
    segment,
    String(tenure),
    balance.toFixed(2),
    products[0],
    String(hasCard),
    String(active),
    String(logins),
    String(complaints),
    draw() < 0.05 ? '' : String(salary),
    String(visits),
    String(churned),
  ];
}

// `firstNumber`: customer ids start there, so files made in parts (a million customers) keep them unique.
export function syntheticCustomers(count: number, seed: number, firstNumber = 1): string[][] {
  const rng = xoroshiro128plus(seed);
  const draw = () => uniformFloat64(rng);
  return Array.from({ length: count }, (_, i) => customer(draw, firstNumber + i));
}

export const csvRow = (cells: readonly string[]): string => `${cells.join(',')}\n`;

// RFC 4180 needs no quoting here: no cell holds a comma, quote or line break.
export const syntheticChurnCsv = (count: number, seed: number): string =>
  [SYNTHETIC_HEADER, ...syntheticCustomers(count, seed)].map(csvRow).join('');
