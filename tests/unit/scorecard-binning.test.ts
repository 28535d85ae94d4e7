import { categoryPlan, chiSquare, numericCuts } from '../../domain/scorecard/binning';

const rules = { targetBins: 10, minCustomers: 1, alike: 0 };

describe('numeric bins', () => {
  test('quantile cuts are deduplicated: a mass of zeros is one bin, not several', () => {
    // 40 zeros then 1..60: the first four deciles all fall at 0.
    const values = [...new Array(40).fill(0), ...Array.from({ length: 60 }, (_, i) => i + 1)];
    const cuts = numericCuts(values, new Array(100).fill(0), rules);
    expect(cuts[0]).toBe(0);
    expect(new Set(cuts).size).toBe(cuts.length);
    expect(cuts).toEqual([0, 10, 20, 30, 40, 50]);
  });

  test('a column with few distinct values gets one bin per value', () => {
    const values = [1, 1, 2, 2, 2, 3, 4, 4, 1, 3];
    expect(numericCuts(values, new Array(10).fill(0), rules)).toEqual([1, 2, 3]);
  });

  test('a bin with fewer customers than the minimum joins its smaller neighbour', () => {
    // Products: 40 with 1, 50 with 2, 8 with 3, 2 with 4. With 10 at least, 3 and 4 become one bin.
    const values = [...new Array(40).fill(1), ...new Array(50).fill(2), ...new Array(8).fill(3), 4, 4];
    expect(numericCuts(values, new Array(100).fill(0), { ...rules, minCustomers: 10 })).toEqual([1, 2]);
  });

  test('neighbouring bins with alike churn are merged; a real step is kept', () => {
    // Ages 20..59, ten customers each; 10% leave below 40, 50% from 40 on.
    const values: number[] = [];
    const left: number[] = [];
    for (let age = 20; age < 60; age++)
      for (let k = 0; k < 10; k++) {
        values.push(age);
        left.push(k < (age < 40 ? 1 : 5) ? 1 : 0);
      }
    expect(numericCuts(values, left, { targetBins: 8, minCustomers: 20, alike: 3.84 })).toEqual([39]);
  });
});

test('chi-square of a 2x2 table, computed by hand', () => {
  // 100 customers, 10 left, against 100 customers, 30 left: N=200, L=40, S=160, cross = 10*70 - 30*90 = -2000.
  // chi2 = 200 * 2000^2 / (100 * 100 * 40 * 160) = 12.5
  expect(chiSquare({ customers: 100, left: 10 }, { customers: 100, left: 30 })).toBeCloseTo(12.5, 10);
  expect(chiSquare({ customers: 50, left: 5 }, { customers: 100, left: 10 })).toBe(0);
  expect(chiSquare({ customers: 50, left: 0 }, { customers: 100, left: 0 })).toBe(0);
});

test('categories with enough customers keep their own points; the rest are pooled', () => {
  const values = [...new Array(50).fill('France'), ...new Array(30).fill('Spain'), 'Malta', 'Iceland', 'Spain'];
  const plan = categoryPlan(values, 10);
  expect(plan.kept).toEqual(['France', 'Spain']);
  expect(plan.keptShare).toBeCloseTo(81 / 83, 10);
});
