// Training on made-up customers (dev/synthetic-churn.ts): what the model file holds, and each refusal.
import { syntheticCustomers, SYNTHETIC_HEADER } from '../../dev/synthetic-churn';
import { validateModel } from '../../domain/scorecard/model-file';
import { fitLogistic } from '../../domain/scorecard/regression';
import { trainScorecard } from '../../domain/scorecard/train';
import { TrainingRefused, type TrainingTable } from '../../domain/scorecard/training-columns';

const trainedAt = '2026-12-03T05:00:00.000Z';
const table = (): TrainingTable => ({ header: [...SYNTHETIC_HEADER], rows: syntheticCustomers(2000, 11) });
const options = { label: 'churned', trainedAt };

const refusal = (t: TrainingTable, label = 'churned') => {
  try {
    trainScorecard(t, { label, trainedAt });
  } catch (e) {
    expect(e).toBeInstanceOf(TrainingRefused);
    return (e as Error).message;
  }
  throw new Error('training was not refused');
};

describe('training a scorecard', () => {
  const model = trainScorecard(table(), options);

  test('writes a model file that passes its own validation, with held-out figures', () => {
    expect(validateModel(JSON.parse(JSON.stringify(model)))).toEqual({ ok: true, model });
    expect(model.training.rows + model.validation.rows).toBe(2000);
    expect(model.validation.rows).toBe(400);
    expect(model.validation.auc).toBeGreaterThan(0.7);
    expect(model.validation.calibration).toHaveLength(10);
    expect(model.validation.topDecileChurnRate).toBeGreaterThan(2 * model.validation.churnRate);
  });

  test('an id-like column is left out and says why; numeric and text columns are recognised', () => {
    expect(model.ignoredColumns).toContainEqual({
      name: 'customer_id',
      reason: 'every row has a different value (an identifier)',
    });
    const kinds = Object.fromEntries(model.features.map((f) => [f.name, f.kind]));
    expect(kinds).toMatchObject({
      age: 'numeric',
      region: 'categorical',
      products: 'numeric',
      complaints_90d: 'numeric',
    });
  });

  test('points: the average customer has about 0 on every attribute; older customers score higher than young', () => {
    for (const f of model.features) expect(Math.abs(f.averagePoints)).toBeLessThan(0.05);
    const age = model.features.find((f) => f.name === 'age');
    if (age?.kind !== 'numeric') throw new Error('age is not numeric');
    const first = age.bins[0]?.points ?? 0;
    const highest = Math.max(...age.bins.map((b) => b.points));
    expect(highest - first).toBeGreaterThan(15);
  });

  test('the same file and seed give the same model', () => {
    expect(trainScorecard(table(), options)).toEqual(model);
  });

  test('a high-cardinality text column (a surname) is left out instead of learned', () => {
    const t = table();
    t.header.push('surname');
    t.rows.forEach((row, i) => {
      row.push(`Name${i % 900}`);
    });
    const withNames = trainScorecard(t, options);
    expect(withNames.features.map((f) => f.name)).not.toContain('surname');
    expect(withNames.ignoredColumns.find((c) => c.name === 'surname')?.reason).toMatch(/nearly every value is rare/);
  });
});

describe('refusals name the column and what is wrong', () => {
  test('no label column', () => {
    expect(refusal(table(), 'Exited')).toMatch(/no column "Exited"/);
  });

  test('a label that is not 0/1', () => {
    const t = table();
    (t.rows[41] as string[])[13] = 'yes';
    expect(refusal(t)).toBe(
      'column "churned" holds "yes" on line 43; the label must be 1 (left) or 0 (stayed) on every row',
    );
  });

  test('fewer than 200 customers of either class', () => {
    const t = table();
    t.rows = t.rows.slice(0, 600);
    expect(refusal(t)).toMatch(
      /column "churned" has \d+ customers who left \(1\) and \d+ who stayed \(0\); training needs at least 200 of each/,
    );
  });

  test('a constant column', () => {
    const t = table();
    t.header.push('bank');
    t.rows.forEach((row) => {
      row.push('Holdfast Savings');
    });
    expect(refusal(t)).toMatch(/^column "bank" holds the same value \("Holdfast Savings"\) on every row/);
  });

  test('an --id column that is not there', () => {
    expect(() => trainScorecard(table(), { ...options, idColumn: 'CustomerId' })).toThrow(/no id column "CustomerId"/);
  });
});

test('the regression matches closed form: one 0/1 attribute, no penalty, gives each group its log-odds', () => {
  // Group A: 30 of 100 left; group B: 10 of 100 left. Columns: 0 intercept, 1 group A, 2 group B (ridge 1e-9 only
  // fixes the split between intercept and groups, not the sums).
  const rows = 200;
  const active = Int32Array.from({ length: rows }, (_, i) => (i < 100 ? 1 : 2));
  const labels = Uint8Array.from({ length: rows }, (_, i) => (i < 30 || (i >= 100 && i < 110) ? 1 : 0));
  const design = { rows, active, perRow: 1, columns: 3 };
  const beta = fitLogistic(
    design,
    labels,
    Int32Array.from({ length: rows }, (_, i) => i),
    1e-6,
  );
  expect((beta[0] as number) + (beta[1] as number)).toBeCloseTo(Math.log(30 / 70), 4);
  expect((beta[0] as number) + (beta[2] as number)).toBeCloseTo(Math.log(10 / 90), 4);
});
