/**
 * The shallow network, in the lesson's equations. Examples are columns; X is n_x × m.
 *
 *   forward:   Z1 = W1·X + b1      A1 = g(Z1)      Z2 = W2·A1 + b2      A2 = σ(Z2)  (softmax for > 2 classes)
 *   cost:      J = −(1/m) Σ [Y log A2 + (1 − Y) log(1 − A2)]               (−(1/m) Σ Y log A2 for softmax)
 *   backward:  dZ2 = A2 − Y        dW2 = dZ2·A1ᵀ / m     db2 = Σ_row dZ2 / m
 *              dZ1 = W2ᵀ·dZ2 ∗ g'(Z1)   dW1 = dZ1·Xᵀ / m      db1 = Σ_row dZ1 / m
 *   update:    W := W − α·dW,  b := b − α·db
 *
 * (dZ2 = A2 − Y holds for both output kinds: sigmoid with binary cross-entropy, and softmax
 * with categorical cross-entropy.)
 *
 * Speed, without changing the math: the examples are processed in blocks of columns. For each
 * block the forward pass leaves that block's A1 and g'(Z1) in a small buffer that is still in
 * the processor's cache when the backward pass of the same block reads it, and the gradients
 * are sums over blocks. So training never materialises the n_h × m matrices Z1, A1, dZ1, and
 * allocates nothing per iteration: everything lives in a `Workspace` made once per shape.
 * The arithmetic itself is in kernels.ts.
 */
import type { Architecture, Params } from './types';
import { zeros, type Matrix } from './matrix';
import type { HiddenStatsAccumulator } from './saturation';
import {
  activate,
  activateWithDerivative,
  axpy,
  matMulAddBias,
  matMulTransAHadamard,
  matMulTransB,
  rowSums,
  scale,
  sigmoidInPlace,
  softmaxColumns,
  subtract,
} from './kernels';

/** dW1 (n_h × n_x), db1 (n_h × 1), dW2 (n_y × n_h), db2 (n_y × 1): the cost's gradients. */
export interface Gradients {
  dW1: Matrix;
  db1: Matrix;
  dW2: Matrix;
  db2: Matrix;
}

/** The result of one forward + backward pass. `A2` and `grads` are views into the workspace. */
export interface Propagation {
  cost: number;
  /** n_y × m output probabilities of this pass. */
  A2: Matrix;
  grads: Gradients;
}

/** Log arguments are clamped to [LOG_FLOOR, 1] so a saturated output costs ≈ 34.5, not ∞. */
export const LOG_FLOOR = 1e-15;

/** Examples per block: about this many doubles per n_h × block buffer (fits in L2 with room to spare). */
const BLOCK_DOUBLES = 16384;

function blockSizeFor(arch: Architecture): number {
  const widest = Math.max(arch.nh, arch.nx, arch.ny, 1);
  const size = Math.floor(BLOCK_DOUBLES / widest);
  return Math.max(64, Math.min(4096, size - (size % 8)));
}

/**
 * Preallocated buffers for one architecture and up to `maxExamples` columns.
 * Make one per (architecture, batch size) and reuse it for every iteration.
 */
export class Workspace {
  readonly arch: Architecture;
  readonly maxExamples: number;
  /** Columns per block. */
  readonly block: number;
  /** One block of A1 = g(Z1) (Z1 is computed into it, then activated in place): n_h × block. */
  readonly A1: Float64Array;
  /** One block of g'(Z1), then (in place) dZ1 = W2ᵀ·dZ2 ∗ g'(Z1): n_h × block. */
  readonly dZ1: Float64Array;
  /** One block of dZ2: n_y × block. */
  readonly dZ2: Float64Array;
  /** A2 for every example of the pass: n_y × maxExamples (row stride = that pass's m). */
  readonly A2: Float64Array;
  readonly grads: Gradients;
  readonly columnScratch: Float64Array;
  private readonly a2Views = new Map<number, Matrix>();

  constructor(arch: Architecture, maxExamples: number) {
    this.arch = arch;
    this.maxExamples = maxExamples;
    this.block = Math.min(blockSizeFor(arch), Math.max(1, maxExamples));
    this.A1 = new Float64Array(arch.nh * this.block);
    this.dZ1 = new Float64Array(arch.nh * this.block);
    this.dZ2 = new Float64Array(arch.ny * this.block);
    this.A2 = new Float64Array(arch.ny * maxExamples);
    this.columnScratch = new Float64Array(this.block);
    this.grads = {
      dW1: zeros(arch.nh, arch.nx),
      db1: zeros(arch.nh, 1),
      dW2: zeros(arch.ny, arch.nh),
      db2: zeros(arch.ny, 1),
    };
  }

  /** A2 of the last pass over `m` examples, as an n_y × m matrix (cached view, no copy). */
  a2View(m: number): Matrix {
    let view = this.a2Views.get(m);
    if (!view) {
      view = { rows: this.arch.ny, cols: m, data: this.A2.subarray(0, this.arch.ny * m) };
      this.a2Views.set(m, view);
    }
    return view;
  }
}

function checkShapes(params: Params, arch: Architecture, X: Matrix, ws: Workspace, Y?: Matrix): void {
  const { nx, nh, ny } = arch;
  const ok =
    params.W1.rows === nh && params.W1.cols === nx && params.b1.rows === nh && params.b1.cols === 1 &&
    params.W2.rows === ny && params.W2.cols === nh && params.b2.rows === ny && params.b2.cols === 1 &&
    X.rows === nx && (Y === undefined || (Y.rows === ny && Y.cols === X.cols));
  if (!ok) {
    throw new RangeError(
      `shape mismatch: n_x=${nx}, n_h=${nh}, n_y=${ny}, W1 ${params.W1.rows}×${params.W1.cols}, ` +
        `W2 ${params.W2.rows}×${params.W2.cols}, X ${X.rows}×${X.cols}` + (Y ? `, Y ${Y.rows}×${Y.cols}` : ''),
    );
  }
  if (X.cols > ws.maxExamples) throw new RangeError(`workspace holds ${ws.maxExamples} examples, X has ${X.cols}`);
  if (ws.arch.nx !== nx || ws.arch.nh !== nh || ws.arch.ny !== ny) throw new RangeError('workspace made for another architecture');
}

/**
 * Forward propagation for the examples [start, start + n) of X:
 * Z1 = W1·X + b1, A1 = g(Z1) (and g'(Z1) when training), Z2 = W2·A1 + b2, A2 = σ(Z2) or softmax.
 * A1 and g'(Z1) land in the workspace's block buffers; A2 in columns [start, start + n) of ws.A2.
 */
function forwardBlock(
  params: Params, arch: Architecture, X: Matrix, start: number, n: number, ws: Workspace, keepDerivative: boolean,
): void {
  const { nx, nh, ny } = arch;
  const m = X.cols;
  const { W1, b1, W2, b2 } = params;
  // Z1 = W1·X + b1  (written into the A1 buffer)
  matMulAddBias(nh, nx, n, W1.data, 0, nx, X.data, start, m, ws.A1, 0, n, b1.data, 0);
  // A1 = g(Z1), and g'(Z1) kept in the dZ1 buffer for the backward pass
  if (keepDerivative) activateWithDerivative(arch.activation, arch.leakyAlpha, nh, n, ws.A1, 0, n, ws.dZ1, 0, n);
  else activate(arch.activation, arch.leakyAlpha, nh, n, ws.A1, 0, n);
  // Z2 = W2·A1 + b2
  matMulAddBias(ny, nh, n, W2.data, 0, nh, ws.A1, 0, n, ws.A2, start, m, b2.data, 0);
  // A2 = σ(Z2), or softmax(Z2) down each column
  if (arch.output === 'sigmoid') for (let k = 0; k < ny; k++) sigmoidInPlace(ws.A2, k * m + start, n);
  else softmaxColumns(ny, n, ws.A2, start, m, ws.columnScratch);
}

/**
 * Backward propagation for the same block, adding its terms to the gradient sums (the 1/m
 * comes at the end): dZ2 = A2 − Y, dW2 += dZ2·A1ᵀ, db2 += Σ_row dZ2,
 * dZ1 = W2ᵀ·dZ2 ∗ g'(Z1), dW1 += dZ1·Xᵀ, db1 += Σ_row dZ1.
 */
function backwardBlock(params: Params, arch: Architecture, X: Matrix, Y: Matrix, start: number, n: number, ws: Workspace): void {
  const { nx, nh, ny } = arch;
  const m = X.cols;
  const { dW1, db1, dW2, db2 } = ws.grads;
  const accumulate = start > 0;
  // dZ2 = A2 − Y
  subtract(ny, n, ws.A2, start, m, Y.data, start, m, ws.dZ2, 0, n);
  // dW2 = dZ2·A1ᵀ, db2 = Σ_row dZ2
  matMulTransB(ny, nh, n, ws.dZ2, 0, n, ws.A1, 0, n, dW2.data, 0, nh, accumulate);
  rowSums(ny, n, ws.dZ2, 0, n, db2.data, 0, accumulate);
  // dZ1 = W2ᵀ·dZ2 ∗ g'(Z1)   (g'(Z1) is in the dZ1 buffer; overwritten in place)
  matMulTransAHadamard(nh, ny, n, params.W2.data, 0, nh, ws.dZ2, 0, n, ws.dZ1, 0, n, ws.dZ1, 0, n);
  // dW1 = dZ1·Xᵀ, db1 = Σ_row dZ1
  matMulTransB(nh, nx, n, ws.dZ1, 0, n, X.data, start, m, dW1.data, 0, nx, accumulate);
  rowSums(nh, n, ws.dZ1, 0, n, db1.data, 0, accumulate);
}

/** Σ over examples [start, start + n) of Y log A2 (+ (1 − Y) log(1 − A2) for sigmoid). Negative. */
function logLikelihoodSum(A2: Float64Array, Y: Float64Array, rows: number, m: number, start: number, n: number, softmax: boolean): number {
  let sum = 0;
  for (let k = 0; k < rows; k++) {
    const o = k * m + start;
    for (let j = 0; j < n; j++) {
      const y = Y[o + j];
      const a = A2[o + j];
      // Exactly the lesson's terms; a 0 weight skips its log (0·log(x) = 0 for finite log(x)).
      if (y !== 0) sum += y * Math.log(Math.min(Math.max(a, LOG_FLOOR), 1));
      if (!softmax && y !== 1) sum += (1 - y) * Math.log(Math.min(Math.max(1 - a, LOG_FLOOR), 1));
    }
  }
  return sum;
}

/**
 * The cost J of outputs A2 against labels Y (n_y × m each): binary cross-entropy when n_y = 1
 * with a sigmoid output, categorical cross-entropy for softmax. Logs are clamped at 1e−15.
 * NaN in A2 gives NaN.
 */
export function costOf(A2: Matrix, Y: Matrix, output: Architecture['output'] = A2.rows > 1 ? 'softmax' : 'sigmoid'): number {
  if (A2.rows !== Y.rows || A2.cols !== Y.cols) throw new RangeError(`A2 is ${A2.rows}×${A2.cols} but Y is ${Y.rows}×${Y.cols}`);
  const m = A2.cols;
  let nanSeen = false;
  for (let i = 0; i < A2.data.length; i++) if (Number.isNaN(A2.data[i])) nanSeen = true;
  if (nanSeen) return NaN;
  return -logLikelihoodSum(A2.data, Y.data, A2.rows, m, 0, m, output === 'softmax') / m;
}

/** Forward propagation over all of X; returns A2 (n_y × m, a view into the workspace). */
export function forward(params: Params, arch: Architecture, X: Matrix, ws: Workspace): Matrix {
  checkShapes(params, arch, X, ws);
  const m = X.cols;
  for (let start = 0; start < m; start += ws.block) {
    forwardBlock(params, arch, X, start, Math.min(ws.block, m - start), ws, false);
  }
  return ws.a2View(m);
}

/**
 * Forward then backward propagation over all of X, block by block: the cost J of the current
 * parameters, A2, and the gradients dW1, db1, dW2, db2 (views into the workspace, overwritten
 * by the next call). If A2 contains NaN the cost is NaN. With `hidden`, also adds this pass's
 * g'(Z1) to that saturation accumulator (saturation.ts).
 */
export function propagate(
  params: Params, arch: Architecture, X: Matrix, Y: Matrix, ws: Workspace, hidden?: HiddenStatsAccumulator,
): Propagation {
  checkShapes(params, arch, X, ws, Y);
  const m = X.cols;
  const softmax = arch.output === 'softmax';
  let logLikelihood = 0;
  for (let start = 0; start < m; start += ws.block) {
    const n = Math.min(ws.block, m - start);
    forwardBlock(params, arch, X, start, n, ws, true);
    // Saturation, read off g'(Z1) before backpropagation overwrites it (only when watched).
    if (hidden) hidden.addBlock(ws.dZ1, 0, n, n);
    logLikelihood += logLikelihoodSum(ws.A2, Y.data, arch.ny, m, start, n, softmax);
    backwardBlock(params, arch, X, Y, start, n, ws);
  }
  const { dW1, db1, dW2, db2 } = ws.grads;
  const perExample = 1 / m;
  scale(dW1.data, perExample);
  scale(db1.data, perExample);
  scale(dW2.data, perExample);
  scale(db2.data, perExample);
  // NaN anywhere in A2 must surface as a NaN cost (the clamp in the log would hide it).
  let probe = 0;
  for (let i = 0; i < arch.ny * m; i++) probe += ws.A2[i] * 0;
  const cost = probe === 0 ? -logLikelihood / m : NaN;
  return { cost, A2: ws.a2View(m), grads: ws.grads };
}

/** The lesson's backward pass as one call: the gradients of J at `params` (runs forward first). */
export function backward(params: Params, arch: Architecture, X: Matrix, Y: Matrix, ws: Workspace): Gradients {
  return propagate(params, arch, X, Y, ws).grads;
}

/** Gradient descent: W := W − α·dW, b := b − α·db, in place. */
export function update(params: Params, grads: Gradients, learningRate: number): void {
  axpy(params.W1.data, grads.dW1.data, -learningRate);
  axpy(params.b1.data, grads.db1.data, -learningRate);
  axpy(params.W2.data, grads.dW2.data, -learningRate);
  axpy(params.b2.data, grads.db2.data, -learningRate);
}

/** Output probabilities for X (n_y × m): σ(Z2) for two classes, softmax(Z2) for more. A fresh matrix. */
export function predictProbabilities(params: Params, arch: Architecture, X: Matrix): Matrix {
  const ws = new Workspace(arch, X.cols);
  const A2 = forward(params, arch, X, ws);
  return { rows: A2.rows, cols: A2.cols, data: new Float64Array(A2.data) };
}

/**
 * Fraction of examples classified correctly, in [0, 1]. Binary (n_y = 1): prediction A2 > 0.5
 * against Y > 0.5 (the lesson's rule). Multi-class: argmax of the column of A2 against the
 * argmax of the one-hot column of Y (first maximum on ties).
 */
export function accuracyOf(A2: Matrix, Y: Matrix): number {
  if (A2.rows !== Y.rows || A2.cols !== Y.cols) throw new RangeError(`A2 is ${A2.rows}×${A2.cols} but Y is ${Y.rows}×${Y.cols}`);
  const m = A2.cols;
  if (m === 0) return NaN;
  const a = A2.data, y = Y.data;
  let correct = 0;
  if (A2.rows === 1) {
    for (let j = 0; j < m; j++) if (a[j] > 0.5 === y[j] > 0.5) correct++;
    return correct / m;
  }
  for (let j = 0; j < m; j++) {
    let best = 0, truth = 0;
    for (let k = 1; k < A2.rows; k++) {
      if (a[k * m + j] > a[best * m + j]) best = k;
      if (y[k * m + j] > y[truth * m + j]) truth = k;
    }
    if (best === truth) correct++;
  }
  return correct / m;
}

/** Copies parameters into existing matrices of the same shapes (no allocation). */
export function copyParamsInto(from: Params, to: Params): void {
  to.W1.data.set(from.W1.data);
  to.b1.data.set(from.b1.data);
  to.W2.data.set(from.W2.data);
  to.b2.data.set(from.b2.data);
}

export function cloneParams(p: Params): Params {
  const copy = (m: Matrix): Matrix => ({ rows: m.rows, cols: m.cols, data: new Float64Array(m.data) });
  return { W1: copy(p.W1), b1: copy(p.b1), W2: copy(p.W2), b2: copy(p.b2) };
}
