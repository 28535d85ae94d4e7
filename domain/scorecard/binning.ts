// How training turns a column into the bins a scorecard gives points to: numeric columns by quantiles,
// text columns by category with rare values pooled into "other".

// Cut points for a numeric column: each is the upper bound (inclusive) of a bin; the last bin is unbounded.
// Quantile cuts are deduplicated (a column with a third of its values at 0 gets one bin for 0, not three), a
// column with few distinct values gets one bin per value (products held, years as customer, 0/1 flags), and a
// bin with fewer than minCustomers is merged into its smaller neighbour so no bin's points rest on a handful.
// Then neighbouring bins whose churn rates do not differ (chi-square below `alike`) are merged, smallest
// difference first (ChiMerge): an attribute keeps the steps its churn really takes, in few readable bins.
export function numericCuts(values: readonly number[], left: ArrayLike<number>, rules: CutRules): number[] {
  const order = Array.from(values, (_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const sorted = Float64Array.from(order, (i) => values[i] as number);
  const sortedLeft = Uint8Array.from(order, (i) => left[i] as number);
  const quantiles = quantileCuts(sorted, rules.targetBins);
  const sized = mergeSmallBins(sorted, quantiles, rules.minCustomers);
  return rules.alike > 0 ? mergeAlikeBins(sorted, sortedLeft, sized, rules.alike) : sized;
}

export interface CutRules {
  targetBins: number;
  minCustomers: number;
  // Chi-square (1 degree of freedom) under which two neighbouring bins count as alike; 0: never merge.
  alike: number;
}

function quantileCuts(sorted: Float64Array, targetBins: number): number[] {
  const distinct = distinctValues(sorted);
  if (distinct.length <= targetBins) return distinct.slice(0, -1);
  const cuts: number[] = [];
  for (let k = 1; k < targetBins; k++) {
    const at = sorted[Math.floor((k * sorted.length) / targetBins) - 1] as number;
    if (at < (sorted[sorted.length - 1] as number) && cuts[cuts.length - 1] !== at) cuts.push(at);
  }
  return cuts;
}

// Pearson's chi-square of the 2x2 table (bin a or b) x (left or stayed).
export function chiSquare(a: { customers: number; left: number }, b: { customers: number; left: number }): number {
  const n = a.customers + b.customers;
  const left = a.left + b.left;
  const stayed = n - left;
  if (left === 0 || stayed === 0 || a.customers === 0 || b.customers === 0) return 0;
  const cross = a.left * (b.customers - b.left) - b.left * (a.customers - a.left);
  return (n * cross * cross) / (a.customers * b.customers * left * stayed);
}

function mergeAlikeBins(sorted: Float64Array, left: Uint8Array, initial: number[], alike: number): number[] {
  const cuts = [...initial];
  const bins = binTotals(sorted, left, cuts);
  while (cuts.length > 0) {
    let lowest = -1;
    let lowestChi = alike;
    for (let i = 0; i < cuts.length; i++) {
      const chi = chiSquare(bins[i] as BinTotal, bins[i + 1] as BinTotal);
      if (chi < lowestChi) [lowest, lowestChi] = [i, chi];
    }
    if (lowest < 0) break;
    const a = bins[lowest] as BinTotal;
    const b = bins[lowest + 1] as BinTotal;
    bins.splice(lowest, 2, { customers: a.customers + b.customers, left: a.left + b.left });
    cuts.splice(lowest, 1);
  }
  return cuts;
}

interface BinTotal {
  customers: number;
  left: number;
}

function binTotals(sorted: Float64Array, left: Uint8Array, cuts: readonly number[]): BinTotal[] {
  const bins = Array.from({ length: cuts.length + 1 }, () => ({ customers: 0, left: 0 }));
  let bin = 0;
  sorted.forEach((v, i) => {
    while (bin < cuts.length && v > (cuts[bin] as number)) bin++;
    const total = bins[bin] as BinTotal;
    total.customers++;
    total.left += left[i] as number;
  });
  return bins;
}

function distinctValues(sorted: Float64Array): number[] {
  const out: number[] = [];
  for (const v of sorted) if (out[out.length - 1] !== v) out.push(v);
  return out;
}

// Customers per bin for sorted values and cuts.
function binCounts(sorted: Float64Array, cuts: readonly number[]): number[] {
  const counts = new Array<number>(cuts.length + 1).fill(0);
  let bin = 0;
  for (const v of sorted) {
    while (bin < cuts.length && v > (cuts[bin] as number)) bin++;
    counts[bin] = (counts[bin] as number) + 1;
  }
  return counts;
}

function mergeSmallBins(sorted: Float64Array, initial: number[], minCustomers: number): number[] {
  const cuts = [...initial];
  for (;;) {
    const counts = binCounts(sorted, cuts);
    let smallest = -1;
    counts.forEach((c, i) => {
      if (c < minCustomers && (smallest < 0 || c < (counts[smallest] as number))) smallest = i;
    });
    if (smallest < 0 || cuts.length === 0) return cuts;
    // Merge with the smaller neighbour: drop the cut between them.
    const left = smallest > 0 ? (counts[smallest - 1] as number) : Number.POSITIVE_INFINITY;
    const right = smallest < counts.length - 1 ? (counts[smallest + 1] as number) : Number.POSITIVE_INFINITY;
    cuts.splice(left <= right ? smallest - 1 : smallest, 1);
  }
}

export interface CategoryPlan {
  // Values with enough customers for points of their own, most common first.
  kept: string[];
  // Share of customers whose value is kept.
  keptShare: number;
}

// Which categories keep their own points: those with at least minCustomers; the rest share "other".
export function categoryPlan(values: readonly string[], minCustomers: number): CategoryPlan {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const kept = [...counts.entries()]
    .filter(([, n]) => n >= minCustomers)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([v]) => v);
  const keptCount = kept.reduce((sum, v) => sum + (counts.get(v) ?? 0), 0);
  return { kept, keptShare: values.length ? keptCount / values.length : 0 };
}
