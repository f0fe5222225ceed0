/**
 * Which two features to show a decision boundary over when there are more than two: the two
 * that separate the classes best on their own, by Fisher's ratio of each feature's
 * between-class variance to its within-class variance on the training set. (On iris: the
 * petal length and width, not the sepal measures that come first in the file.)
 */
import { classIndices } from './grid';
import type { Matrix } from './matrix';

/** Fisher's ratio of each feature (row of X): between-class over within-class variance; 0 when it is constant. */
export function fisherRatios(X: Matrix, Y: Matrix): number[] {
  const m = X.cols;
  const k = Math.max(2, Y.rows);
  const cls = classIndices(Y);
  const count = new Array<number>(k).fill(0);
  for (const c of cls) count[c]++;
  const ratios: number[] = [];
  for (let f = 0; f < X.rows; f++) {
    const row = X.data.subarray(f * m, (f + 1) * m);
    const sum = new Array<number>(k).fill(0);
    let total = 0;
    for (let j = 0; j < m; j++) {
      sum[cls[j]] += row[j];
      total += row[j];
    }
    const mean = total / m;
    const classMean = sum.map((s, c) => (count[c] > 0 ? s / count[c] : 0));
    let between = 0;
    for (let c = 0; c < k; c++) between += count[c] * (classMean[c] - mean) ** 2;
    let within = 0;
    for (let j = 0; j < m; j++) within += (row[j] - classMean[cls[j]]) ** 2;
    ratios.push(within > 0 ? between / within : between > 0 ? Number.MAX_VALUE : 0);
  }
  return ratios;
}

/** The two most separating features, in the file's order; [0, 1] with two features. */
export function mostSeparatingPair(X: Matrix, Y: Matrix): [number, number] {
  if (X.rows <= 2 || X.cols === 0) return [0, 1];
  const r = fisherRatios(X, Y);
  const order = r.map((v, f) => [v, f] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const [a, b] = [order[0][1], order[1][1]];
  return a < b ? [a, b] : [b, a];
}
