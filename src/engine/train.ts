/**
 * Gradient descent, one step at a time. The caller owns the loop (the CLI, the worker thread
 * with its stop flag, the tests), so stopping, throttling progress events and reading the live
 * parameters between steps are the caller's business; `trainToEnd` is the plain loop.
 *
 * Iteration i reports the cost and accuracy of the forward pass BEFORE its update (the lesson's
 * table: iteration 0 is the cost of the initial parameters), then updates.
 *
 * batchSize 0 (or ≥ m): one full-batch update per iteration, the lesson's algorithm.
 * batchSize k: one iteration is one epoch — the examples shuffled (seeded), then one update per
 * mini-batch of k (the last one may be smaller). The cost reported for the epoch is the mean
 * of the per-example costs seen during the epoch's forward passes (each batch's cost weighted
 * by its size, parameters changing between batches), as Keras reports it: it costs nothing
 * extra. The accuracy is counted the same way.
 *
 * Divergence: if a cost is NaN or ±∞, `step` returns `{ diverged: true }` (nothing NaN is ever
 * reported or recorded), the parameters are put back to those at the start of the last
 * iteration whose cost was finite, and further steps return the same divergence result.
 */
import type { Architecture, Params, TrainConfig } from './types';
import { ShallowNetError } from './errors';
import type { Matrix } from './matrix';
import { createRng, shuffleInPlace, type Rng } from './random';
import { initialiseParams } from './init';
import { gatherColumns } from './kernels';
import { Workspace, accuracyOf, cloneParams, copyParamsInto, costOf, forward, propagate, update } from './network';
import { HiddenStatsAccumulator, type HiddenStats } from './saturation';

/**
 * Gradient descent has diverged when the cost turns NaN or infinite, or when it climbs above
 * this many times its starting value (plus 1): the log clamp keeps a saturated sigmoid's cost
 * finite (≈ 34.5 an example), so an overshooting tanh network would otherwise oscillate at a
 * high cost for ever instead of being reported. A converging run stays below its start.
 */
export const DIVERGED_ABOVE = 3;

export interface TrainingData {
  /** n_x × m inputs, examples as columns. */
  X: Matrix;
  /** n_y × m labels: 0/1 in one row (sigmoid output) or one-hot columns (softmax). */
  Y: Matrix;
  Xtest?: Matrix | null;
  Ytest?: Matrix | null;
}

export type StepResult =
  /** `hidden`: the hidden layer's saturation at this forward pass, when `Trainer.watchHidden` is on. */
  | { diverged: false; iteration: number; cost: number; accuracy: number; hidden?: HiddenStats }
  | { diverged: true; iteration: number; message: string };

export interface Metrics {
  cost: number;
  accuracy: number;
  hidden?: HiddenStats;
}

/** The architecture a config describes, for data with n_x features and n_y output rows. */
export function architectureFor(config: TrainConfig, nx: number, ny: number): Architecture {
  return {
    nx,
    nh: config.hiddenUnits,
    ny,
    activation: config.activation,
    leakyAlpha: config.leakyAlpha,
    output: ny > 1 ? 'softmax' : 'sigmoid',
  };
}

function badOption(what: string, hint: string): ShallowNetError {
  return new ShallowNetError('bad-option', what, {}, hint);
}

function checkConfig(config: TrainConfig, arch: Architecture, data: TrainingData): void {
  if (!(config.learningRate > 0) || !Number.isFinite(config.learningRate)) {
    throw badOption(`learning rate must be a positive number, got ${config.learningRate}`, 'Try 1.2 (the lesson) or 0.1');
  }
  if (!Number.isInteger(config.iterations) || config.iterations < 0) {
    throw badOption(`iterations must be a whole number ≥ 0, got ${config.iterations}`, 'Try 10000');
  }
  if (!Number.isInteger(config.batchSize) || config.batchSize < 0) {
    throw badOption(`batch size must be a whole number ≥ 0, got ${config.batchSize}`, 'Use 0 for full batch');
  }
  if (!Number.isInteger(arch.nh) || arch.nh < 1) {
    throw badOption(`hidden units must be a whole number ≥ 1, got ${arch.nh}`, 'Try 4');
  }
  const { X, Y } = data;
  if (X.rows !== arch.nx || Y.rows !== arch.ny || Y.cols !== X.cols) {
    throw new RangeError(`data X ${X.rows}×${X.cols}, Y ${Y.rows}×${Y.cols} do not fit n_x=${arch.nx}, n_y=${arch.ny}`);
  }
  if (X.cols < 1) throw badOption('no training examples', 'Check the data split');
  if ((arch.output === 'sigmoid') !== (arch.ny === 1)) {
    throw new RangeError(`output ${arch.output} needs ${arch.output === 'sigmoid' ? 'one row' : 'two or more rows'} in Y, got ${arch.ny}`);
  }
  const p = config.initialParams;
  if (p) {
    const fits =
      p.W1.rows === arch.nh && p.W1.cols === arch.nx && p.b1.rows === arch.nh && p.b1.cols === 1 &&
      p.W2.rows === arch.ny && p.W2.cols === arch.nh && p.b2.rows === arch.ny && p.b2.cols === 1;
    if (!fits) throw badOption('the initial parameters do not fit this network\'s shape', 'Check n_h and the data\'s features');
  }
}

export class Trainer {
  readonly arch: Architecture;
  readonly config: TrainConfig;
  /** The current parameters (live: `step` updates them in place). */
  readonly params: Params;
  /**
   * When true, the next steps also report the hidden layer's saturation (saturation.ts), read
   * off the forward pass they run anyway. Off by default: then a step does nothing extra.
   */
  watchHidden = false;

  private readonly data: TrainingData;
  private readonly rng: Rng;
  private readonly ws: Workspace;
  private readonly costs: Float64Array;
  private completed = 0;
  private divergence: { iteration: number; message: string } | null = null;
  /** J at iteration 0: a cost far above it means the updates overshoot (see DIVERGED_ABOVE). */
  private startingCost = Infinity;
  /** Parameters at the start of this iteration and of the previous one (for divergence). */
  private startOfThis: Params;
  private startOfPrevious: Params;
  // Mini-batch state (null for full batch).
  private readonly batch: { size: number; order: Uint32Array; X: Matrix; Y: Matrix } | null;
  private evalWs: Workspace | null = null;
  private testWs: Workspace | null = null;
  private hiddenAcc: HiddenStatsAccumulator | null = null;

  constructor(data: TrainingData, arch: Architecture, config: TrainConfig, rng?: Rng) {
    checkConfig(config, arch, data);
    this.data = data;
    this.arch = arch;
    this.config = config;
    this.rng = rng ?? createRng(config.seed);
    this.params = config.initialParams ? cloneParams(config.initialParams) : initialiseParams(arch, config.init, this.rng, config.initScale);
    this.startOfThis = cloneParams(this.params);
    this.startOfPrevious = cloneParams(this.params);
    this.costs = new Float64Array(config.iterations);
    const m = data.X.cols;
    const k = config.batchSize;
    if (k > 0 && k < m) {
      const order = new Uint32Array(m);
      for (let i = 0; i < m; i++) order[i] = i;
      this.batch = {
        size: k,
        order,
        X: { rows: arch.nx, cols: k, data: new Float64Array(arch.nx * k) },
        Y: { rows: arch.ny, cols: k, data: new Float64Array(arch.ny * k) },
      };
      this.ws = new Workspace(arch, k);
    } else {
      this.batch = null;
      this.ws = new Workspace(arch, m);
    }
  }

  /** Iterations completed so far (= the index of the next step). */
  get iteration(): number {
    return this.completed;
  }

  /** True once `config.iterations` steps have run, or training diverged. */
  get done(): boolean {
    return this.completed >= this.config.iterations || this.divergence !== null;
  }

  get diverged(): boolean {
    return this.divergence !== null;
  }

  /** Cost of every completed iteration (a view, valid until the next step). */
  get costHistory(): Float64Array {
    return this.costs.subarray(0, this.completed);
  }

  /**
   * Iteration `this.iteration`: forward pass, cost and accuracy of the current parameters,
   * backward pass, update. Runs even past `config.iterations` if called (the history then
   * stops growing); check `done` to respect the configured count.
   */
  step(): StepResult {
    if (this.divergence) return { diverged: true, ...this.divergence };
    const i = this.completed;
    // Keep the parameters of the last two iteration starts, to undo a diverging update.
    const recycled = this.startOfPrevious;
    this.startOfPrevious = this.startOfThis;
    this.startOfThis = recycled;
    copyParamsInto(this.params, this.startOfThis);

    const { cost, accuracy, hidden } = this.batch ? this.miniBatchEpoch(this.batch) : this.fullBatchStep();
    if (i === 0) this.startingCost = cost;
    if (!Number.isFinite(cost) || cost > DIVERGED_ABOVE * this.startingCost + 1) {
      copyParamsInto(i > 0 ? this.startOfPrevious : this.startOfThis, this.params);
      const message = `diverged at iteration ${i}; try a smaller learning rate`;
      this.divergence = { iteration: i, message };
      return { diverged: true, iteration: i, message };
    }
    if (i < this.costs.length) this.costs[i] = cost;
    this.completed = i + 1;
    return hidden ? { diverged: false, iteration: i, cost, accuracy, hidden } : { diverged: false, iteration: i, cost, accuracy };
  }

  /** The saturation accumulator, reset, when the hidden layer is watched; otherwise undefined. */
  private hiddenWatch(): HiddenStatsAccumulator | undefined {
    if (!this.watchHidden) return undefined;
    this.hiddenAcc ??= new HiddenStatsAccumulator(this.arch);
    this.hiddenAcc.reset();
    return this.hiddenAcc;
  }

  private fullBatchStep(): Metrics {
    const { X, Y } = this.data;
    const watch = this.hiddenWatch();
    const { cost, A2, grads } = propagate(this.params, this.arch, X, Y, this.ws, watch);
    if (!Number.isFinite(cost)) return { cost, accuracy: NaN };
    const accuracy = accuracyOf(A2, Y);
    update(this.params, grads, this.config.learningRate);
    return watch ? { cost, accuracy, hidden: watch.result() } : { cost, accuracy };
  }

  private miniBatchEpoch(batch: NonNullable<Trainer['batch']>): Metrics {
    const { X, Y } = this.data;
    const m = X.cols;
    shuffleInPlace(batch.order, this.rng);
    const watch = this.hiddenWatch();
    let costSum = 0;
    let correct = 0;
    for (let start = 0; start < m; start += batch.size) {
      const n = Math.min(batch.size, m - start);
      const Xb: Matrix = n === batch.size ? batch.X : { rows: X.rows, cols: n, data: batch.X.data.subarray(0, X.rows * n) };
      const Yb: Matrix = n === batch.size ? batch.Y : { rows: Y.rows, cols: n, data: batch.Y.data.subarray(0, Y.rows * n) };
      gatherColumns(X.rows, X.data, m, batch.order, start, n, Xb.data, 0, n);
      gatherColumns(Y.rows, Y.data, m, batch.order, start, n, Yb.data, 0, n);
      const { cost, A2, grads } = propagate(this.params, this.arch, Xb, Yb, this.ws, watch);
      if (!Number.isFinite(cost)) return { cost, accuracy: NaN };
      costSum += cost * n;
      correct += accuracyOf(A2, Yb) * n;
      update(this.params, grads, this.config.learningRate);
    }
    return watch ? { cost: costSum / m, accuracy: correct / m, hidden: watch.result() } : { cost: costSum / m, accuracy: correct / m };
  }

  /** Accuracy of the current parameters on the whole training set (a fresh forward pass). */
  trainAccuracy(): number {
    return this.evaluate(this.data.X, this.data.Y, 'train').accuracy;
  }

  /** Cost J of the current parameters on the whole training set (a fresh forward pass). */
  trainCost(): number {
    return this.evaluate(this.data.X, this.data.Y, 'train').cost;
  }

  /** Cost and accuracy of the current parameters on the whole training set. */
  trainMetrics(): Metrics {
    return this.evaluate(this.data.X, this.data.Y, 'train');
  }

  /** Cost and accuracy of the current parameters on the test split, or null without one. */
  testMetrics(): Metrics | null {
    const { Xtest, Ytest } = this.data;
    if (!Xtest || !Ytest || Xtest.cols === 0) return null;
    return this.evaluate(Xtest, Ytest, 'test');
  }

  private evaluate(X: Matrix, Y: Matrix, which: 'train' | 'test'): Metrics {
    let ws = which === 'train' ? this.evalWs : this.testWs;
    if (!ws) {
      ws = which === 'train' && !this.batch ? this.ws : new Workspace(this.arch, X.cols);
      if (which === 'train') this.evalWs = ws;
      else this.testWs = ws;
    }
    const A2 = forward(this.params, this.arch, X, ws);
    return { cost: costOf(A2, Y, this.arch.output), accuracy: accuracyOf(A2, Y) };
  }
}

export interface TrainOptions {
  /** Defaults to createRng(config.seed). */
  rng?: Rng;
  /** Called after every successful step. */
  onIteration?: (result: Extract<StepResult, { diverged: false }>, trainer: Trainer) => void;
  /** Checked before every step; true ends training early. */
  shouldStop?: () => boolean;
}

export interface TrainResult {
  params: Params;
  /** Cost of every completed iteration. */
  costs: Float64Array;
  iterations: number;
  stoppedEarly: boolean;
  diverged: { iteration: number; message: string } | null;
  /** Of the final parameters, on the whole training set. */
  train: Metrics;
  test: Metrics | null;
}

/** Runs `config.iterations` steps (or until divergence / shouldStop) and summarises. */
export function trainToEnd(data: TrainingData, arch: Architecture, config: TrainConfig, options: TrainOptions = {}): TrainResult {
  const trainer = new Trainer(data, arch, config, options.rng);
  let stoppedEarly = false;
  let diverged: TrainResult['diverged'] = null;
  while (!trainer.done) {
    if (options.shouldStop?.()) {
      stoppedEarly = true;
      break;
    }
    const r = trainer.step();
    if (r.diverged) {
      diverged = { iteration: r.iteration, message: r.message };
      break;
    }
    options.onIteration?.(r, trainer);
  }
  return {
    params: trainer.params,
    costs: new Float64Array(trainer.costHistory),
    iterations: trainer.iteration,
    stoppedEarly,
    diverged,
    train: trainer.trainMetrics(),
    test: trainer.testMetrics(),
  };
}
