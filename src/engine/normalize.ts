/**
 * Standardisation of the rows of X (one row per encoded feature): x' = (x − mean) / std,
 * with mean and std fitted on the training split only and stored in the model, so new
 * rows are scaled exactly as the training rows were. std is the population standard
 * deviation (divide by m); a constant row gets std 1 and its value as mean (it becomes 0, never NaN).
 */
import type { Matrix } from './matrix';
import type { Normalization, NormalizationKind } from './types';

export function fitNormalization(X: Matrix, kind: NormalizationKind): Normalization {
  const mean: number[] = [];
  const std: number[] = [];
  const m = X.cols;
  for (let i = 0; i < X.rows; i++) {
    if (kind === 'none' || m === 0) {
      mean.push(0);
      std.push(1);
      continue;
    }
    const row = X.data.subarray(i * m, (i + 1) * m);
    let sum = 0;
    for (let j = 0; j < m; j++) sum += row[j];
    const mu = sum / m;
    let ss = 0;
    for (let j = 0; j < m; j++) {
      const d = row[j] - mu;
      ss += d * d;
    }
    const sigma = Math.sqrt(ss / m);
    // Rounding leaves a constant row a std of ~1e-17 · |mean|: that is "constant" too, and
    // its own value (not the rounded mean) as the centre makes it exactly 0.
    const constant = sigma <= 1e-12 * Math.max(1, Math.abs(mu));
    mean.push(constant ? row[0] : mu);
    std.push(constant ? 1 : sigma);
  }
  return { kind, mean, std };
}

/** Scales X's rows in place. */
export function applyNormalization(X: Matrix, n: Normalization): void {
  if (n.kind === 'none') return;
  const m = X.cols;
  for (let i = 0; i < X.rows; i++) {
    const mu = n.mean[i];
    const inv = 1 / n.std[i];
    const row = X.data.subarray(i * m, (i + 1) * m);
    for (let j = 0; j < m; j++) row[j] = (row[j] - mu) * inv;
  }
}
