// From training columns to the regression's design: each attribute's bins (numeric) or kept categories
// (text), a bin for missing values when enough customers lack the value, and which design column each
// customer's value falls in.
import { type CutRules, categoryPlan, numericCuts } from './binning';
import type { BinDesign } from './regression';
import { readCategory, readNumber } from './score';
import type { ColumnPlan, TrainingTable } from './training-columns';

export interface BinningRules extends CutRules {
  // A text attribute whose kept categories cover less than this share of customers is left out: its values
  // are nearly all rare (a surname, a free-text note), and points for them would learn the training file.
  minKeptShare: number;
}

export interface FeaturePlan extends ColumnPlan {
  cuts: number[];
  kept: string[];
  keptIndex: Map<string, number>;
  otherColumn: number; // -1: every training value kept
  missingColumn: number; // -1: too few missing values for points of their own
  firstColumn: number;
}

export type PlanResult = { plan: FeaturePlan } | { ignored: string };

// Decided on the training rows only, so the held-out customers stay unseen.
export function planFeature(
  table: TrainingTable,
  labels: Uint8Array,
  column: ColumnPlan,
  train: Int32Array,
  rules: BinningRules,
): PlanResult {
  const cells = Array.from(train, (row) => table.rows[row]?.[column.index] ?? '');
  const base = {
    ...column,
    cuts: [],
    kept: [],
    keptIndex: new Map(),
    otherColumn: -1,
    missingColumn: -1,
    firstColumn: 0,
  };
  if (column.kind === 'numeric') {
    const values: number[] = [];
    const left: number[] = [];
    cells.forEach((cell, i) => {
      const x = readNumber(cell);
      if (x === undefined) return;
      values.push(x);
      left.push(labels[train[i] as number] as number);
    });
    const missing = cells.length - values.length;
    const cuts = numericCuts(values, left, rules);
    const missingColumn = missing >= rules.minCustomers ? 1 : -1;
    if (cuts.length === 0 && missingColumn < 0)
      return { ignored: 'churn does not differ enough across its values to give points (one bin)' };
    return { plan: { ...base, cuts, missingColumn } };
  }
  const values = cells.map(readCategory);
  const present = values.filter((v): v is string => v !== undefined);
  const { kept, keptShare } = categoryPlan(present, rules.minCustomers);
  if (keptShare < rules.minKeptShare)
    return {
      ignored: `nearly every value is rare (${kept.length} values with ${rules.minCustomers}+ customers cover ${Math.round(keptShare * 100)}%): points for them would not carry over to new customers`,
    };
  const others = present.length - Math.round(keptShare * present.length);
  const missing = cells.length - present.length;
  if (kept.length + (others > 0 ? 1 : 0) + (missing >= rules.minCustomers ? 1 : 0) < 2)
    return { ignored: 'nearly every training customer has the same value' };
  return {
    plan: {
      ...base,
      kept,
      keptIndex: new Map(kept.map((v, i) => [v, i])),
      otherColumn: others > 0 ? 1 : -1,
      missingColumn: missing >= rules.minCustomers ? 1 : -1,
    },
  };
}

// Number the design columns: per plan, its bins or categories, then other, then missing. Column 0 is the
// intercept.
export function numberColumns(plans: FeaturePlan[]): number {
  let next = 1;
  for (const plan of plans) {
    plan.firstColumn = next;
    const slots = plan.kind === 'numeric' ? plan.cuts.length + 1 : plan.kept.length;
    next += slots;
    if (plan.otherColumn >= 0) plan.otherColumn = next++;
    if (plan.missingColumn >= 0) plan.missingColumn = next++;
  }
  return next;
}

// The design column of a cell, -1 for none.
function designColumn(plan: FeaturePlan, cell: string): number {
  if (plan.kind === 'numeric') {
    const x = readNumber(cell);
    if (x === undefined) return plan.missingColumn;
    let bin = 0;
    while (bin < plan.cuts.length && x > (plan.cuts[bin] as number)) bin++;
    return plan.firstColumn + bin;
  }
  const category = readCategory(cell);
  if (category === undefined) return plan.missingColumn;
  const kept = plan.keptIndex.get(category);
  return kept === undefined ? plan.otherColumn : plan.firstColumn + kept;
}

export function buildDesign(table: TrainingTable, plans: FeaturePlan[], columns: number): BinDesign {
  const perRow = plans.length;
  const active = new Int32Array(table.rows.length * perRow);
  table.rows.forEach((row, r) => {
    plans.forEach((plan, k) => {
      active[r * perRow + k] = designColumn(plan, row[plan.index] ?? '');
    });
  });
  return { rows: table.rows.length, active, perRow, columns };
}
