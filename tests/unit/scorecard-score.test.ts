import type { Scorecard } from '../../domain/scorecard/model-file';
import { binIndex, MAX_REASONS, modelAttributes, scoreCustomer } from '../../domain/scorecard/score';

const bin = (above: number | null, upTo: number | null, points: number) => ({
  above,
  upTo,
  points,
  customers: 100,
  churnRate: 0.2,
});

// A small hand-made scorecard: 20 points double the odds; the intercept alone is even odds.
const handModel: Scorecard = {
  format: 'holdfast-scorecard',
  formatVersion: 1,
  label: 'churned',
  idColumn: 'customer_id',
  trainedAt: '2026-12-03T05:00:00.000Z',
  pointsToDoubleOdds: 20,
  intercept: 0,
  features: [
    {
      name: 'age',
      kind: 'numeric',
      bins: [bin(null, 30, -10), bin(30, 50, 0), bin(50, null, 30)],
      missingPoints: 5,
      averagePoints: 0,
    },
    {
      name: 'region',
      kind: 'categorical',
      categories: [
        { value: 'East', points: 20, customers: 100, churnRate: 0.4 },
        { value: 'North', points: -5, customers: 100, churnRate: 0.1 },
      ],
      otherPoints: 2,
      missingPoints: 0,
      averagePoints: 0,
    },
    {
      name: 'products',
      kind: 'numeric',
      bins: [bin(null, 1, 4), bin(1, 2, -20), bin(2, null, 40)],
      missingPoints: 0,
      averagePoints: -1,
    },
    {
      name: 'complaints',
      kind: 'numeric',
      bins: [bin(null, 0, -1), bin(0, null, 8)],
      missingPoints: 0,
      averagePoints: 0,
    },
    {
      name: 'logins',
      kind: 'numeric',
      bins: [bin(null, 5, 3), bin(5, null, -3)],
      missingPoints: 0,
      averagePoints: 0,
    },
  ],
  ignoredColumns: [],
  training: { rows: 800, churnRate: 0.2, regularisation: 1, seed: 1, holdoutShare: 0.2 },
  validation: { rows: 200, churnRate: 0.2, auc: 0.8, topDecileChurnRate: 0.6, calibration: [] },
};

describe('scoreCustomer', () => {
  test('the score is the logistic probability of the summed points on the 20-points-double-the-odds scale', () => {
    // -10 (age 25) + 20 (East) - 20 (2 products) - 1 (no complaints) + 3 (2 logins) = -8 points
    const { score, missing } = scoreCustomer(handModel, {
      age: 25,
      region: 'East',
      products: '2',
      complaints: '0',
      logins: 2,
    });
    expect(score).toBeCloseTo(1 / (1 + 2 ** (8 / 20)), 12);
    expect(missing).toEqual([]);
  });

  test('20 points more double the odds', () => {
    const base = { age: 40, region: 'North', products: 1, complaints: 0, logins: 9 };
    const odds = (p: number) => p / (1 - p);
    const a = scoreCustomer(handModel, base).score;
    const b = scoreCustomer(handModel, { ...base, region: 'Elsewhere' }).score; // other: 2 points, from -5
    expect(odds(b) / odds(a)).toBeCloseTo(2 ** (7 / 20), 10);
  });

  test('reasons: up to four, only values adding points against the average customer, highest first', () => {
    const { reasons } = scoreCustomer(handModel, { age: 61, region: 'East', products: 3, complaints: 2, logins: 1 });
    expect(reasons).toEqual([
      { attribute: 'products', value: 3, points: 41 }, // 40 against an average of -1
      { attribute: 'age', value: 61, points: 30 },
      { attribute: 'region', value: 'East', points: 20 },
      { attribute: 'complaints', value: 2, points: 8 },
    ]);
    expect(reasons).toHaveLength(MAX_REASONS);
    const calm = scoreCustomer(handModel, { age: 20, region: 'North', products: 2, complaints: 0, logins: 9 });
    expect(calm.reasons).toEqual([]);
  });

  test('a missing attribute is named and scored with its points for missing, never guessed', () => {
    const result = scoreCustomer(handModel, { region: ' ', products: 'many', complaints: null, logins: 6 });
    expect(result.missing).toEqual(['age', 'region', 'products', 'complaints']);
    // 5 (age missing) + 0 + 0 + 0 - 3 (logins 6)
    expect(result.score).toBeCloseTo(1 / (1 + 2 ** (-2 / 20)), 12);
    expect(result.reasons).toEqual([
      { attribute: 'age', value: null, points: 5 },
      { attribute: 'products', value: null, points: 1 }, // 0 for missing, against an average of -1
    ]);
  });

  test('attributes the model does not know are ignored', () => {
    const plain = { age: 40, region: 'North', products: 1, complaints: 0, logins: 9 };
    expect(scoreCustomer(handModel, { ...plain, churned: 1, surname: 'Hill' })).toEqual(
      scoreCustomer(handModel, plain),
    );
  });

  test('bin bounds: upTo is inclusive, the last bin unbounded', () => {
    const bins = handModel.features[0]?.kind === 'numeric' ? handModel.features[0].bins : [];
    expect([10, 30, 30.5, 50, 50.01, 1e9].map((x) => binIndex(bins, x))).toEqual([0, 0, 1, 1, 2, 2]);
  });

  test('modelAttributes lists what a caller must supply', () => {
    expect(modelAttributes(handModel)).toEqual(['age', 'region', 'products', 'complaints', 'logins']);
  });
});
