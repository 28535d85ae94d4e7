// From fitted log-odds to the points a person reads: each bin's log-odds on the file's scale (20 points double
// the odds), shifted so the average training customer has 0 points on every attribute (the shift goes into the
// intercept, so scores do not change). A bin's points then say how much it adds against the average customer.
// Values with too few customers for points of their own (rare missing, unseen categories) get 0: the average.
import type { FeaturePlan } from './feature-plans';
import {
  type CategoricalFeature,
  type NumericFeature,
  POINTS_TO_DOUBLE_ODDS,
  type ScorecardFeature,
} from './model-file';
import type { BinDesign } from './regression';

const SCALE = POINTS_TO_DOUBLE_ODDS / Math.LN2;
const round2 = (x: number) => Math.round(x * 100) / 100;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

interface ColumnStats {
  customers: Float64Array;
  left: Float64Array;
}

function columnStats(design: BinDesign, labels: Uint8Array, train: Int32Array): ColumnStats {
  const customers = new Float64Array(design.columns);
  const left = new Float64Array(design.columns);
  for (const row of train) {
    for (let k = 0; k < design.perRow; k++) {
      const j = design.active[row * design.perRow + k] as number;
      if (j < 0) continue;
      customers[j] = (customers[j] as number) + 1;
      left[j] = (left[j] as number) + (labels[row] as number);
    }
  }
  return { customers, left };
}

function binFigures(stats: ColumnStats, column: number, points: number) {
  const customers = stats.customers[column] as number;
  return { points, customers, churnRate: customers ? round4((stats.left[column] as number) / customers) : 0 };
}

function featureFromPlan(plan: FeaturePlan, point: (column: number) => number, stats: ColumnStats): ScorecardFeature {
  const missingPoints = plan.missingColumn >= 0 ? point(plan.missingColumn) : 0;
  // Filled in once the rounded points exist.
  const averagePoints = 0;
  if (plan.kind === 'numeric') {
    const bins = Array.from({ length: plan.cuts.length + 1 }, (_, b) => ({
      above: b === 0 ? null : (plan.cuts[b - 1] as number),
      upTo: b === plan.cuts.length ? null : (plan.cuts[b] as number),
      ...binFigures(stats, plan.firstColumn + b, point(plan.firstColumn + b)),
    }));
    return { name: plan.name, kind: 'numeric', bins, missingPoints, averagePoints } satisfies NumericFeature;
  }
  const categories = plan.kept.map((value, i) => ({
    value,
    ...binFigures(stats, plan.firstColumn + i, point(plan.firstColumn + i)),
  }));
  const otherPoints = plan.otherColumn >= 0 ? point(plan.otherColumn) : 0;
  return {
    name: plan.name,
    kind: 'categorical',
    categories,
    otherPoints,
    missingPoints,
    averagePoints,
  } satisfies CategoricalFeature;
}

// Each plan's mean raw points over the training customers (0 for a customer without a column).
function meanPoints(design: BinDesign, train: Int32Array, k: number, raw: (column: number) => number): number {
  let sum = 0;
  for (const row of train) {
    const j = design.active[row * design.perRow + k] as number;
    if (j >= 0) sum += raw(j);
  }
  return sum / Math.max(1, train.length);
}

export function pointsFeatures(
  plans: FeaturePlan[],
  design: BinDesign,
  labels: Uint8Array,
  train: Int32Array,
  beta: Float64Array,
): { intercept: number; features: ScorecardFeature[] } {
  const stats = columnStats(design, labels, train);
  const raw = (column: number) => (beta[column] as number) * SCALE;
  let intercept = raw(0);
  const features = plans.map((plan, k) => {
    const mean = meanPoints(design, train, k, raw);
    intercept += mean;
    const rounded = new Float64Array(design.columns);
    for (let j = 0; j < design.columns; j++) rounded[j] = round2(raw(j) - mean);
    const feature = featureFromPlan(plan, (column) => rounded[column] as number, stats);
    feature.averagePoints = round4(meanPoints(design, train, k, (column) => rounded[column] as number));
    return feature;
  });
  return { intercept: round2(intercept), features };
}
