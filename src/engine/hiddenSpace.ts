/**
 * The hidden layer's feature space (ConvNetJS's "transformed" view): inputs mapped through
 * A1 = g(W1·x + b1). The lattice is a set of straight grid lines over a plane of two input
 * features (the decision boundary's plane, every other feature at its training mean); mapped
 * through two hidden units, the lines bend, and the examples move to where the output layer
 * can separate them with a line.
 *
 * Lattice columns are line-major: first `lines` lines of constant x (from xMin to xMax), each
 * sampled at `samples` values of y from yMin up to yMax, then `lines` lines of constant y (from
 * yMin to yMax), each sampled at `samples` values of x from xMin to xMax. Lines run edge to edge.
 */
import { ACTIVATIONS } from './activations';
import { toNormalized, type Plane } from './grid';
import { zeros, type Matrix } from './matrix';
import type { Architecture, Params } from './types';

/** The lattice's points as columns of X (n_x × 2·lines·samples, normalised like the training data). */
export function latticeInputs(plane: Plane, lines = 11, samples = 30): Matrix {
  if (lines < 2 || samples < 2) throw new RangeError(`a lattice needs 2 lines of 2 points or more; got ${lines} × ${samples}`);
  const nx = plane.hold.length;
  const n = 2 * lines * samples;
  const X = zeros(nx, n);
  for (let i = 0; i < nx; i++) X.data.fill(plane.hold[i], i * n, (i + 1) * n);
  const at = (lo: number, hi: number, t: number, of: number): number => lo + ((hi - lo) * t) / (of - 1);
  const set = (k: number, x: number, y: number): void => {
    X.data[plane.fx * n + k] = toNormalized(x, plane.fx, plane.normalization);
    X.data[plane.fy * n + k] = toNormalized(y, plane.fy, plane.normalization);
  };
  for (let l = 0; l < lines; l++) {
    for (let s = 0; s < samples; s++) {
      // Constant x, y rising; then constant y, x rising.
      set(l * samples + s, at(plane.xMin, plane.xMax, l, lines), at(plane.yMin, plane.yMax, s, samples));
      set((lines + l) * samples + s, at(plane.xMin, plane.xMax, s, samples), at(plane.yMin, plane.yMax, l, lines));
    }
  }
  return X;
}

/** A1 = g(W1·X + b1) of the first `units` hidden units (all by default): units × m. */
export function hiddenActivations(params: Params, arch: Architecture, X: Matrix, units = arch.nh): Matrix {
  const m = X.cols;
  const nh = Math.max(0, Math.min(units, arch.nh));
  const A1 = zeros(nh, m);
  const g = ACTIVATIONS[arch.activation].g;
  const { W1, b1 } = params;
  for (let h = 0; h < nh; h++) {
    const out = A1.data.subarray(h * m, (h + 1) * m);
    out.fill(b1.data[h]);
    for (let f = 0; f < arch.nx; f++) {
      const w = W1.data[h * arch.nx + f];
      if (w === 0) continue;
      const row = X.data.subarray(f * m, (f + 1) * m);
      for (let k = 0; k < m; k++) out[k] += w * row[k];
    }
    for (let k = 0; k < m; k++) out[k] = g(out[k], arch.leakyAlpha);
  }
  return A1;
}

/** At most `max` column indices of m, evenly spread (every k-th, as planePoints keeps them). */
export function evenColumns(m: number, max: number): number[] {
  const stride = m > max ? m / max : 1;
  const out: number[] = [];
  for (let t = 0; t < m / stride && out.length < max; t++) out.push(Math.floor(t * stride));
  return out;
}

/** The columns `idx` of X as a new matrix. */
export function pickColumns(X: Matrix, idx: number[]): Matrix {
  const out = zeros(X.rows, idx.length);
  for (let i = 0; i < X.rows; i++) {
    for (let k = 0; k < idx.length; k++) out.data[i * idx.length + k] = X.data[i * X.cols + idx[k]];
  }
  return out;
}
