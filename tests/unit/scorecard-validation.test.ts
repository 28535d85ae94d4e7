import { auc, calibrationByDecile, validationFigures } from '../../domain/scorecard/validation';

describe('AUC', () => {
  test('perfect, reversed and uninformative rankings', () => {
    expect(auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
  });

  test('computed by hand: pairs of (leaver, stayer) ordered right, ties counting half', () => {
    // Leavers score 0.8, 0.4, 0.3; stayers 0.1, 0.3, 0.6. Pairs: 0.8 beats all 3; 0.4 beats 0.1 and 0.3, loses to
    // 0.6; 0.3 beats 0.1, ties 0.3 (half), loses to 0.6: (3 + 2 + 1.5) / 9.
    expect(auc([0.8, 0.4, 0.3, 0.1, 0.3, 0.6], [1, 1, 1, 0, 0, 0])).toBeCloseTo(6.5 / 9, 12);
  });

  test('one class only gives 0.5 rather than a division by zero', () => {
    expect(auc([0.1, 0.9], [0, 0])).toBe(0.5);
  });
});

test('calibration by decile: ten groups by score, mean score against the share who left', () => {
  // Scores 0.01..1.00; the top 10 customers (0.91..1.00) all left, nobody else did.
  const scores = Array.from({ length: 100 }, (_, i) => (i + 1) / 100);
  const labels = scores.map((s) => (s > 0.9 ? 1 : 0));
  const table = calibrationByDecile(scores, labels);
  expect(table).toHaveLength(10);
  expect(table[0]).toEqual({ decile: 1, customers: 10, predicted: 0.055, observed: 0 });
  expect(table[9]).toEqual({ decile: 10, customers: 10, predicted: 0.955, observed: 1 });
  const figures = validationFigures(scores, labels);
  expect(figures).toMatchObject({ rows: 100, churnRate: 0.1, auc: 1, topDecileChurnRate: 1 });
});
