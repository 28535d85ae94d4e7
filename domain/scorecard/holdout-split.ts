// The held-out share: customers set aside before training, on whom the validation figures are measured.
// Seeded, so the same file always splits the same way; stratified by label, so the held-out churn rate is the
// file's and the figures do not swing with how many leavers the draw happened to take.
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Split {
  train: Int32Array;
  holdout: Int32Array;
}

export function holdoutSplit(labels: Uint8Array, share: number, seed: number): Split {
  const rng = xoroshiro128plus(seed);
  const train: number[] = [];
  const holdout: number[] = [];
  for (const label of [0, 1]) {
    const rows: number[] = [];
    labels.forEach((l, i) => {
      if (l === label) rows.push(i);
    });
    // Fisher–Yates shuffle.
    for (let i = rows.length - 1; i > 0; i--) {
      const j = uniformInt(rng, 0, i);
      [rows[i], rows[j]] = [rows[j] as number, rows[i] as number];
    }
    const cut = Math.round(rows.length * share);
    holdout.push(...rows.slice(0, cut));
    train.push(...rows.slice(cut));
  }
  return { train: Int32Array.from(train).sort(), holdout: Int32Array.from(holdout).sort() };
}

// Cross-validation folds of the training rows, interleaved (fold k: every count-th row from the k-th), so a
// file sorted by date or by label still gives folds alike.
export function folds(rows: Int32Array, count: number): { fit: Int32Array; check: Int32Array }[] {
  return Array.from({ length: count }, (_, k) => ({
    fit: rows.filter((_, i) => i % count !== k),
    check: rows.filter((_, i) => i % count === k),
  }));
}
