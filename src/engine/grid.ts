/**
 * The network over a plane of two input features (the lesson's `plot_decision_boundary`, and
 * TensorFlow Playground's neuron maps): an R × R grid spanning the data's range in ORIGINAL
 * units (before normalisation), every other feature held at its training mean. For each cell,
 * the output probabilities A2 and every hidden unit's activation A1 = g(W1·x + b1).
 *
 * Cells are row-major, row 0 at the TOP (the largest y), column 0 at the left (the smallest x):
 * the order an image is drawn in. Cell (r, c) is evaluated at its centre.
 */
import { ACTIVATIONS } from './activations';
import { zeros, type Matrix } from './matrix';
import { predictProbabilities } from './network';
import type { Architecture, Normalization, Params } from './types';

export interface Plane {
  /** Rows of X on the axes (encoded feature indices). */
  fx: number;
  fy: number;
  /** Extent in original units, margin included. */
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** Normalised value of every feature of X where it is held (its training mean). */
  hold: number[];
  normalization: Normalization;
}

export interface GridResult {
  res: number;
  /** n_y × res² output probabilities (σ for two classes, softmax rows for more). */
  A2: Matrix;
  /** n_h × res² hidden activations g(Z1) (only the first `units` rows when fewer were asked). */
  A1: Matrix;
}

/** A feature of X (normalised) back in the CSV's units. */
export function toOriginal(v: number, feature: number, n: Normalization): number {
  return n.kind === 'none' ? v : v * n.std[feature] + n.mean[feature];
}

/** An original value of a feature in X's (normalised) units. */
export function toNormalized(v: number, feature: number, n: Normalization): number {
  return n.kind === 'none' ? v : (v - n.mean[feature]) / n.std[feature];
}

/**
 * The plane of features fx and fy (default: the first two) spanning the training and test
 * values with `margin` of the span added on each side (a constant feature gets ±0.5).
 */
export function planeOf(
  X: Matrix, Xtest: Matrix | null, normalization: Normalization, fx = 0, fy = 1, margin = 0.1,
): Plane {
  if (X.rows < 2) throw new RangeError(`a plane needs two features; X has ${X.rows}`);
  if (fx === fy || fx < 0 || fy < 0 || fx >= X.rows || fy >= X.rows) throw new RangeError(`features ${fx} and ${fy} do not make a plane of ${X.rows} features`);
  const extent = (f: number): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const M of Xtest ? [X, Xtest] : [X]) {
      const row = M.data.subarray(f * M.cols, (f + 1) * M.cols);
      for (const v of row) {
        const o = toOriginal(v, f, normalization);
        if (o < lo) lo = o;
        if (o > hi) hi = o;
      }
    }
    if (!(lo <= hi)) return [-1, 1];
    const span = hi - lo;
    const pad = span > 0 ? span * margin : 0.5;
    return [lo - pad, hi + pad];
  };
  const hold: number[] = [];
  for (let i = 0; i < X.rows; i++) {
    let sum = 0;
    for (let j = 0; j < X.cols; j++) sum += X.data[i * X.cols + j];
    hold.push(X.cols ? sum / X.cols : 0);
  }
  const [xMin, xMax] = extent(fx);
  const [yMin, yMax] = extent(fy);
  return { fx, fy, xMin, xMax, yMin, yMax, hold, normalization };
}

/** The original (x, y) at the centre of cell (r, c) of an R × R grid. */
export function cellCentre(plane: Plane, res: number, r: number, c: number): [number, number] {
  const x = plane.xMin + ((c + 0.5) * (plane.xMax - plane.xMin)) / res;
  const y = plane.yMax - ((r + 0.5) * (plane.yMax - plane.yMin)) / res;
  return [x, y];
}

/** The grid's inputs as columns of X (n_x × res², normalised like the training data). */
export function gridInputs(plane: Plane, res: number): Matrix {
  const nx = plane.hold.length;
  const n = res * res;
  const X = zeros(nx, n);
  for (let i = 0; i < nx; i++) X.data.fill(plane.hold[i], i * n, (i + 1) * n);
  for (let r = 0; r < res; r++) {
    for (let c = 0; c < res; c++) {
      const [x, y] = cellCentre(plane, res, r, c);
      const k = r * res + c;
      X.data[plane.fx * n + k] = toNormalized(x, plane.fx, plane.normalization);
      X.data[plane.fy * n + k] = toNormalized(y, plane.fy, plane.normalization);
    }
  }
  return X;
}

/**
 * The network over the grid: A2 from the engine's own forward pass (predictProbabilities), and
 * A1 = g(W1·x + b1) of the first `units` hidden units (all by default).
 */
export function evaluateGrid(params: Params, arch: Architecture, plane: Plane, res = 60, units = arch.nh): GridResult {
  const X = gridInputs(plane, res);
  const A2 = predictProbabilities(params, arch, X);
  const n = X.cols;
  const nh = Math.max(0, Math.min(units, arch.nh));
  const A1 = zeros(nh, n);
  const g = ACTIVATIONS[arch.activation].g;
  const { W1, b1 } = params;
  for (let h = 0; h < nh; h++) {
    const bias = b1.data[h];
    const out = A1.data.subarray(h * n, (h + 1) * n);
    out.fill(bias);
    for (let f = 0; f < arch.nx; f++) {
      const w = W1.data[h * arch.nx + f];
      if (w === 0) continue;
      const row = X.data.subarray(f * n, (f + 1) * n);
      for (let k = 0; k < n; k++) out[k] += w * row[k];
    }
    for (let k = 0; k < n; k++) out[k] = g(out[k], arch.leakyAlpha);
  }
  return { res, A2, A1 };
}

/** The class index of each column of Y (binary: Y > 0.5 → 1; one-hot: the argmax). */
export function classIndices(Y: Matrix): number[] {
  const m = Y.cols;
  const out: number[] = new Array<number>(m);
  for (let j = 0; j < m; j++) {
    if (Y.rows === 1) {
      out[j] = Y.data[j] > 0.5 ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let k = 1; k < Y.rows; k++) if (Y.data[k * m + j] > Y.data[best * m + j]) best = k;
    out[j] = best;
  }
  return out;
}

export interface PlanePoints {
  /** Original coordinates and class index of the kept examples. */
  x: number[];
  y: number[];
  cls: number[];
  /** Examples in the split (kept ones may be fewer). */
  total: number;
}

/** The examples of a split on the plane, at most `max` of them (every k-th, evenly). */
export function planePoints(X: Matrix, Y: Matrix, plane: Plane, max = 1200): PlanePoints {
  const m = X.cols;
  const labels = classIndices(Y);
  const stride = m > max ? m / max : 1;
  const out: PlanePoints = { x: [], y: [], cls: [], total: m };
  for (let t = 0; t < m / stride && out.x.length < max; t++) {
    const j = Math.floor(t * stride);
    out.x.push(toOriginal(X.data[plane.fx * m + j], plane.fx, plane.normalization));
    out.y.push(toOriginal(X.data[plane.fy * m + j], plane.fy, plane.normalization));
    out.cls.push(labels[j]);
  }
  return out;
}
