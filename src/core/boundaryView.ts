/**
 * The panel's views of what a run learned, from the engine's grid and confusion matrix:
 * the decision boundary and hidden-unit maps over two features' plane, the examples on it,
 * and the confusion matrices. Numbers are quantised or rounded so a message stays small
 * (a 60 × 60 boundary and ≤ 16 unit maps of 30 × 30 are about 20 kB as JSON; the hidden feature
 * space, 16 units × (660 lattice points + 300 examples) as base64 bytes, about 21 kB more).
 * Pure: used by the training worker (no vscode, no node).
 */
import { bytesToBase64 } from '../shared/base64Bytes';
import { confusionOf, type Confusion } from '../engine/confusion';
import { classIndices, evaluateGrid, planeOf, planePoints, type Plane } from '../engine/grid';
import { evenColumns, hiddenActivations, latticeInputs, pickColumns } from '../engine/hiddenSpace';
import { zeros, type Matrix } from '../engine/matrix';
import { predictProbabilities } from '../engine/network';
import { mostSeparatingPair } from '../engine/separation';
import type { Architecture, Dataset, Params } from '../engine/types';
import type { BoundaryView, ConfusionSplit, ConfusionView, HiddenSpaceView, ScatterView } from '../shared/runTypes';

export const BOUNDARY_RES = 60;
export const UNIT_RES = 30;
export const MAX_UNIT_MAPS = 16;
const MAX_TRAIN_POINTS = 1200;
const MAX_TEST_POINTS = 300;
/** The hidden feature space: grid lines each way, points per line, training examples mapped. */
export const HIDDEN_LINES = 11;
export const HIDDEN_SAMPLES = 30;
export const MAX_HIDDEN_POINTS = 300;

/** 4 significant digits: plenty for a point on a 300-pixel plot. */
function round4(v: number): number {
  return Number.isFinite(v) ? Number(v.toPrecision(4)) : 0;
}

/** The smallest and largest finite values ([0, 0] when there are none). */
function finiteRange(a: ArrayLike<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? [min, max] : [0, 0];
}

function quantise(v: number, min: number, max: number): number {
  if (!(max > min) || !Number.isFinite(v)) return 0;
  return Math.max(0, Math.min(255, Math.round(((v - min) / (max - min)) * 255)));
}

/** The boundary views of one run: the plane is fixed from the data at the start. */
export class BoundaryTracker {
  private readonly plane: Plane;
  private readonly names: [string, string];
  /** The hidden feature space's inputs, fixed for the run: lattice points, then the examples. */
  private readonly spaceInputs: Matrix;
  private readonly spaceClasses: number[];

  constructor(
    private readonly dataset: Dataset,
    private readonly arch: Architecture,
    fx = 0,
    fy = 1,
  ) {
    this.plane = planeOf(dataset.X, dataset.Xtest, dataset.encoding.normalization, fx, fy);
    const f = dataset.encoding.featureNames;
    this.names = [f[fx] ?? `x${fx + 1}`, f[fy] ?? `x${fy + 1}`];
    const lattice = latticeInputs(this.plane, HIDDEN_LINES, HIDDEN_SAMPLES);
    const keep = evenColumns(dataset.X.cols, MAX_HIDDEN_POINTS);
    const examples = pickColumns(dataset.X, keep);
    const labels = classIndices(dataset.Y);
    this.spaceClasses = keep.map((j) => labels[j]);
    // One matrix, so one pass maps both: lattice columns first.
    const both = zeros(lattice.rows, lattice.cols + examples.cols);
    for (let i = 0; i < lattice.rows; i++) {
      both.data.set(lattice.data.subarray(i * lattice.cols, (i + 1) * lattice.cols), i * both.cols);
      both.data.set(examples.data.subarray(i * examples.cols, (i + 1) * examples.cols), i * both.cols + lattice.cols);
    }
    this.spaceInputs = both;
  }

  /** A tracker when the data has two features or more, else undefined. */
  /** With more than two features, over the two that separate the classes best (separation.ts). */
  static for(dataset: Dataset, arch: Architecture): BoundaryTracker | undefined {
    if (dataset.X.rows < 2 || dataset.X.cols === 0) return undefined;
    const [fx, fy] = mostSeparatingPair(dataset.X, dataset.Y);
    return new BoundaryTracker(dataset, arch, fx, fy);
  }

  private planeView(): BoundaryView['plane'] {
    const p = this.plane;
    return { features: [p.fx, p.fy], names: this.names, x: [p.xMin, p.xMax], y: [p.yMin, p.yMax] };
  }

  scatter(): ScatterView {
    const d = this.dataset;
    const pts = (X: Matrix, Y: Matrix, max: number): ScatterView['train'] => {
      const p = planePoints(X, Y, this.plane, max);
      return { x: p.x.map(round4), y: p.y.map(round4), cls: p.cls, total: p.total };
    };
    return {
      features: [this.plane.fx, this.plane.fy],
      train: pts(d.X, d.Y, MAX_TRAIN_POINTS),
      test: d.Xtest && d.Ytest && d.Xtest.cols > 0 ? pts(d.Xtest, d.Ytest, MAX_TEST_POINTS) : null,
    };
  }

  boundary(params: Params, iteration: number): BoundaryView {
    const fine = evaluateGrid(params, this.arch, this.plane, BOUNDARY_RES, 0);
    const n = BOUNDARY_RES * BOUNDARY_RES;
    const prob: number[] = new Array<number>(n);
    let cls: number[] | undefined;
    const A2 = fine.A2;
    if (A2.rows === 1) {
      for (let k = 0; k < n; k++) prob[k] = quantise(A2.data[k], 0, 1);
    } else {
      cls = new Array<number>(n);
      for (let k = 0; k < n; k++) {
        let best = 0;
        for (let c = 1; c < A2.rows; c++) if (A2.data[c * n + k] > A2.data[best * n + k]) best = c;
        cls[k] = best;
        prob[k] = quantise(A2.data[best * n + k], 0, 1);
      }
    }
    const shown = Math.min(MAX_UNIT_MAPS, this.arch.nh);
    const coarse = evaluateGrid(params, this.arch, this.plane, UNIT_RES, shown);
    const m = UNIT_RES * UNIT_RES;
    const maps: BoundaryView['units']['maps'] = [];
    for (let h = 0; h < shown; h++) {
      const a = coarse.A1.data.subarray(h * m, (h + 1) * m);
      const [min, max] = finiteRange(a);
      const q: number[] = new Array<number>(m);
      for (let k = 0; k < m; k++) q[k] = quantise(a[k], min, max);
      maps.push({ min: round4(min), max: round4(max), q });
    }
    return {
      plane: this.planeView(),
      iteration,
      res: BOUNDARY_RES,
      prob,
      ...(cls ? { cls } : {}),
      units: { res: UNIT_RES, total: this.arch.nh, maps },
      hiddenSpace: this.hiddenSpace(params),
    };
  }

  /**
   * The lattice and the (subsampled) training examples through A1 = g(W1·x + b1) of the first
   * ≤ 16 hidden units, one byte per value on each unit's own range.
   */
  hiddenSpace(params: Params): HiddenSpaceView {
    const shown = Math.min(MAX_UNIT_MAPS, this.arch.nh);
    const A1 = hiddenActivations(params, this.arch, this.spaceInputs, shown);
    const n = A1.cols;
    const nLattice = 2 * HIDDEN_LINES * HIDDEN_SAMPLES;
    const units: HiddenSpaceView['units'] = [];
    for (let h = 0; h < shown; h++) {
      const a = A1.data.subarray(h * n, (h + 1) * n);
      let [min, max] = finiteRange(a);
      // Rounded first, so the bytes decode against the very range that is sent.
      min = round4(min);
      max = round4(max);
      if (max < min) max = min;
      const q = new Uint8Array(n);
      for (let k = 0; k < n; k++) q[k] = quantise(a[k], min, max);
      units.push({ min, max, lattice: bytesToBase64(q.subarray(0, nLattice)), points: bytesToBase64(q.subarray(nLattice)) });
    }
    return { total: this.arch.nh, lines: HIDDEN_LINES, samples: HIDDEN_SAMPLES, units, cls: this.spaceClasses, examples: this.dataset.X.cols };
  }
}

function splitView(c: Confusion): ConfusionSplit {
  return { counts: c.counts, perClass: c.perClass, accuracy: c.accuracy };
}

/** Confusion matrices of the train and test splits under `params`. */
export function confusionView(dataset: Dataset, arch: Architecture, params: Params): ConfusionView {
  const of = (X: Matrix, Y: Matrix): ConfusionSplit => splitView(confusionOf(predictProbabilities(params, arch, X), Y));
  return {
    train: of(dataset.X, dataset.Y),
    test: dataset.Xtest && dataset.Ytest && dataset.Xtest.cols > 0 ? of(dataset.Xtest, dataset.Ytest) : null,
  };
}
