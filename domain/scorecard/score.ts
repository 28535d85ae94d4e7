// A customer's early-warning score and its reasons from a scorecard (docs/early-warning.md). Pure: the CLI,
// an activity or the API call it with one customer's attributes at a time.
import type { CategoricalFeature, NumericFeature, Scorecard, ScorecardFeature } from './model-file';

export type AttributeValue = string | number | null | undefined;

export interface Reason {
  attribute: string;
  // The customer's value as given; null when the attribute was missing (its points for missing apply).
  value: string | number | null;
  // Points this value adds against the average customer of the training data, whole points.
  points: number;
}

export interface CustomerScore {
  // The probability of churn the logistic model gives, 0..1.
  score: number;
  // Up to MAX_REASONS, the values adding most points against the average customer, highest first.
  reasons: Reason[];
  // Attributes the model uses that the record lacks (or holds no readable number for): scored with the points
  // the model has for a missing value, never guessed.
  missing: string[];
}

export const MAX_REASONS = 4;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

// The attributes a model reads, in the model's order: what a caller must supply.
export const modelAttributes = (model: Scorecard): string[] => model.features.map((f) => f.name);

// A cell as a number, or undefined when it holds none ("", "NA", text).
export function readNumber(value: AttributeValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return NUMBER.test(text) ? Number(text) : undefined;
}

// What a file writes for "no value": an empty cell or one of these words (any case).
const MISSING_WORDS = new Set(['', 'na', 'n/a', 'null', 'nan', 'none', '?']);
export const isMissingCell = (cell: string): boolean => MISSING_WORDS.has(cell.trim().toLowerCase());

// A cell as a category, or undefined when missing.
export function readCategory(value: AttributeValue): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value !== 'string' || isMissingCell(value)) return undefined;
  return value.trim();
}

// Index of the bin holding x: the first whose upTo is at or above it (bins are ordered, the last unbounded).
export function binIndex(bins: NumericFeature['bins'], x: number): number {
  let low = 0;
  let high = bins.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    const upTo = bins[mid]?.upTo;
    if (upTo !== null && upTo !== undefined && x > upTo) low = mid + 1;
    else high = mid;
  }
  return low;
}

// Category points by value, built once per model (scoring a million customers looks them up a million times).
const categoryPoints = new WeakMap<CategoricalFeature, Map<string, number>>();
function pointsByCategory(feature: CategoricalFeature): Map<string, number> {
  let map = categoryPoints.get(feature);
  if (!map) {
    map = new Map(feature.categories.map((c) => [c.value, c.points]));
    categoryPoints.set(feature, map);
  }
  return map;
}

// The points a feature gives a value; undefined when the value is missing.
function featurePoints(feature: ScorecardFeature, value: AttributeValue): number | undefined {
  if (feature.kind === 'numeric') {
    const x = readNumber(value);
    return x === undefined ? undefined : (feature.bins[binIndex(feature.bins, x)]?.points ?? feature.missingPoints);
  }
  const category = readCategory(value);
  return category === undefined ? undefined : (pointsByCategory(feature).get(category) ?? feature.otherPoints);
}

// Points to probability on the model's scale (model-file.ts).
const probability = (model: Scorecard, totalPoints: number): number =>
  1 / (1 + Math.exp((-totalPoints * Math.LN2) / model.pointsToDoubleOdds));

export function scoreCustomer(model: Scorecard, attributes: Record<string, AttributeValue>): CustomerScore {
  let total = model.intercept;
  const missing: string[] = [];
  const candidates: { attribute: string; value: string | number | null; lift: number }[] = [];
  for (const feature of model.features) {
    const given = attributes[feature.name];
    const points = featurePoints(feature, given);
    if (points === undefined) missing.push(feature.name);
    const scored = points ?? feature.missingPoints;
    total += scored;
    const lift = scored - feature.averagePoints;
    if (lift > 0) {
      const value =
        points === undefined || given === undefined ? null : typeof given === 'string' ? given.trim() : given;
      candidates.push({ attribute: feature.name, value, lift });
    }
  }
  candidates.sort((a, b) => b.lift - a.lift);
  const reasons = candidates
    .slice(0, MAX_REASONS)
    .map((c) => ({ attribute: c.attribute, value: c.value, points: Math.round(c.lift) }))
    .filter((r) => r.points > 0);
  return { score: probability(model, total), reasons, missing };
}
