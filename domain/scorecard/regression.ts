// Logistic regression on bins with an L2 penalty, fitted by Newton's method (iteratively reweighted least
// squares). Why not ml-logistic-regression: its 2.0.0 runs a fixed 50,000 steps of plain gradient descent on a
// dense matrix, with no intercept and no penalty: minutes for 10,000 customers, and a bin every customer of
// which left (4 products in the public bank-churn data) would drive its weight to infinity. Newton's method
// converges in about ten steps; ml-matrix's Cholesky decomposition solves each step's linear system.
import { CholeskyDecomposition, Matrix } from 'ml-matrix';

// Customers by bins: for each customer, the design column of each attribute's bin (-1: none). Column 0 is
// the intercept, which every customer has and the penalty spares.
export interface BinDesign {
  rows: number;
  // Active columns per customer, `perRow` at a time (row-major), -1 where an attribute has no column.
  active: Int32Array;
  perRow: number;
  columns: number;
}

const MAX_STEPS = 50;
const CONVERGED = 1e-7;

function linearPredictor(design: BinDesign, row: number, beta: Float64Array): number {
  let eta = beta[0] as number;
  const base = row * design.perRow;
  for (let k = 0; k < design.perRow; k++) {
    const j = design.active[base + k] as number;
    if (j >= 0) eta += beta[j] as number;
  }
  return eta;
}

// Penalised log-likelihood's gradient and Hessian at beta, over the rows in `use`.
function newtonSystem(design: BinDesign, labels: Uint8Array, use: Int32Array, beta: Float64Array, lambda: number) {
  const p = design.columns;
  const gradient = new Float64Array(p);
  const hessian = new Float64Array(p * p);
  for (const row of use) {
    const prob = 1 / (1 + Math.exp(-linearPredictor(design, row, beta)));
    const residual = (labels[row] as number) - prob;
    const weight = prob * (1 - prob);
    const base = row * design.perRow;
    gradient[0] = (gradient[0] as number) + residual;
    hessian[0] = (hessian[0] as number) + weight;
    for (let a = 0; a < design.perRow; a++) {
      const j = design.active[base + a] as number;
      if (j < 0) continue;
      gradient[j] = (gradient[j] as number) + residual;
      hessian[j] = (hessian[j] as number) + weight; // row 0, column j
      for (let b = 0; b < design.perRow; b++) {
        const k = design.active[base + b] as number;
        if (k >= 0) hessian[j * p + k] = (hessian[j * p + k] as number) + weight;
      }
    }
  }
  // The penalty pulls every bin's log-odds towards 0: a bin of few customers says little. The intercept is
  // spared (a hair of it keeps the system solvable when every customer has a bin of each attribute).
  for (let j = 1; j < p; j++) {
    hessian[j * p] = hessian[j] as number;
    gradient[j] = (gradient[j] as number) - lambda * (beta[j] as number);
    hessian[j * p + j] = (hessian[j * p + j] as number) + lambda;
  }
  hessian[0] = (hessian[0] as number) + 1e-9;
  return { gradient, hessian };
}

// The fitted log-odds per design column (index 0: intercept) on the rows in `use`.
// `start`: a fit with a nearby penalty, so choosing the penalty costs a few steps per try instead of ten.
export function fitLogistic(
  design: BinDesign,
  labels: Uint8Array,
  use: Int32Array,
  lambda: number,
  start?: Float64Array,
): Float64Array {
  const p = design.columns;
  const beta = start ? Float64Array.from(start) : new Float64Array(p);
  for (let step = 0; step < MAX_STEPS; step++) {
    const { gradient, hessian } = newtonSystem(design, labels, use, beta, lambda);
    const rows = Array.from({ length: p }, (_, j) => Array.from(hessian.subarray(j * p, (j + 1) * p)));
    const delta = new CholeskyDecomposition(new Matrix(rows)).solve(Matrix.columnVector(Array.from(gradient)));
    let largest = 0;
    for (let j = 0; j < p; j++) {
      const d = delta.get(j, 0);
      beta[j] = (beta[j] as number) + d;
      largest = Math.max(largest, Math.abs(d));
    }
    if (largest < CONVERGED) break;
  }
  return beta;
}

// Mean log-loss of beta on the rows in `use`: how the penalty's strength is chosen on rows the fit did not see.
export function logLoss(design: BinDesign, labels: Uint8Array, use: Int32Array, beta: Float64Array): number {
  let total = 0;
  for (const row of use) {
    const eta = linearPredictor(design, row, beta);
    // log(1 + e^eta) - y * eta, written to stay finite for large |eta|.
    total += Math.max(eta, 0) + Math.log1p(Math.exp(-Math.abs(eta))) - (labels[row] as number) * eta;
  }
  return use.length ? total / use.length : 0;
}
