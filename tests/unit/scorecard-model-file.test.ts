import { scorecardSchema, validateModel } from '../../domain/scorecard/model-file';

const valid = {
  format: 'holdfast-scorecard',
  formatVersion: 1,
  label: 'churned',
  idColumn: null,
  trainedAt: '2026-12-03T05:00:00.000Z',
  pointsToDoubleOdds: 20,
  intercept: -40,
  features: [
    {
      name: 'age',
      kind: 'numeric',
      bins: [
        { above: null, upTo: 35, points: -12, customers: 400, churnRate: 0.08 },
        { above: 35, upTo: null, points: 15, customers: 400, churnRate: 0.3 },
      ],
      missingPoints: 0,
      averagePoints: 0,
    },
    {
      name: 'region',
      kind: 'categorical',
      categories: [{ value: 'East', points: 10, customers: 200, churnRate: 0.3 }],
      otherPoints: -3,
      missingPoints: 0,
      averagePoints: 0,
    },
  ],
  ignoredColumns: [{ name: 'customer_id', reason: 'every row has a different value (an identifier)' }],
  training: { rows: 800, churnRate: 0.19, regularisation: 2, seed: 1, holdoutShare: 0.2 },
  validation: {
    rows: 200,
    churnRate: 0.2,
    auc: 0.81,
    topDecileChurnRate: 0.55,
    calibration: [{ decile: 1, customers: 20, predicted: 0.03, observed: 0.05 }],
  },
};

type Json = Record<string, unknown>;
const changed = (edit: (m: Json) => void) => {
  const copy = structuredClone(valid) as unknown as Json;
  edit(copy);
  return validateModel(copy);
};
const features = (m: Json) => m.features as Json[];

test('a well-formed model file is accepted as it is', () => {
  expect(validateModel(valid)).toEqual({ ok: true, model: valid });
  // The schema itself, for an API body or a database column that holds a model.
  expect(scorecardSchema.safeParse(valid).success).toBe(true);
});

test('a file of another format or version is refused by field', () => {
  expect(changed((m) => (m.formatVersion = 2))).toEqual({
    ok: false,
    errors: [{ field: 'formatVersion', message: expect.any(String) }],
  });
  expect(validateModel('not a model')).toMatchObject({ ok: false, errors: [{ field: '(file)' }] });
});

test('every field at fault is listed, with its path', () => {
  const result = changed((m) => {
    m.intercept = 'high';
    (features(m)[0]?.bins as Json[])[1] = { above: 36, upTo: null, points: 15, customers: 400, churnRate: 0.3 };
    (m.validation as Json).auc = 1.5;
  });
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.errors.map((e) => e.field).sort()).toEqual(['features.0.bins.1.above', 'intercept', 'validation.auc']);
  expect(result.errors.find((e) => e.field === 'features.0.bins.1.above')?.message).toMatch(/previous bin/);
});

test('a feature named twice, or named like the label, is refused', () => {
  const twice = changed((m) => {
    (features(m)[1] as Json).name = 'age';
  });
  expect(twice).toMatchObject({ ok: false, errors: [{ field: 'features.1.name', message: '"age" is used twice' }] });
  const label = changed((m) => {
    (features(m)[1] as Json).name = 'churned';
  });
  expect(label).toMatchObject({ ok: false, errors: [{ field: 'features.1.name' }] });
});

test('a category listed twice is refused', () => {
  const result = changed((m) => {
    const region = features(m)[1] as Json;
    region.categories = [...(region.categories as Json[]), { value: 'East', points: 1, customers: 1, churnRate: 0 }];
  });
  expect(result).toMatchObject({ ok: false, errors: [{ field: 'features.1.categories.1.value' }] });
});
