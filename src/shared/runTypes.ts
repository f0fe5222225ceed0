/**
 * What a run is, as both processes speak of it: its settings, data set, progress, views
 * and results (plain data, browser-safe). The wire (panelMessages.ts) carries these;
 * validators.ts checks them when they come from somewhere untrusted.
 */
import type { SweepResult } from '../engine/sweep';
import type { ActivationName, InitName, NormalizationKind, OutputKind } from '../engine/types';

/** The hyper-parameters a person chooses for one run (settings, quick pick or panel). */
export interface TrainSettings {
  hiddenUnits: number;
  activation: ActivationName;
  leakyAlpha: number;
  learningRate: number;
  iterations: number;
  batchSize: number;
  init: InitName;
  /** The `small` initialisation's scale (randn · initScale); absent = 0.01, the lesson's. */
  initScale?: number;
  seed: number;
  normalization: NormalizationKind;
  testFraction: number;
  /** Target column by name; undefined = the last column. */
  target?: string;
  /**
   * The random stream of the initial weights and mini-batches: 'numpy' is numpy's legacy
   * `np.random.seed(seed)` stream (lesson mode; `small` initialisation only). Absent = 'default'.
   */
  rng?: 'default' | 'numpy';
}

export interface ErrorInfo {
  message: string;
  code?: string;
  file?: string;
  row?: number;
  column?: string;
}

export interface DatasetSummary {
  fileName: string;
  rowsRead: number;
  rowsUsed: number;
  rowsDropped: number;
  droppedExamples: number[];
  featureNames: string[];
  targetName: string;
  classes: string[];
  output: OutputKind;
  nx: number;
  ny: number;
  trainCount: number;
  testCount: number;
}

/** [iteration, cost, accuracy]: one iteration's forward pass, before its update. */
export type CostPoint = [number, number, number];

/** W1, b1, W2, b2 as nested arrays, rows first. */
export interface ParamsSnapshot {
  W1: number[][];
  b1: number[][];
  W2: number[][];
  b2: number[][];
}

export type RunStatus = 'preparing' | 'running' | 'finished' | 'stopped' | 'diverged' | 'error';

export interface RunSummary {
  iterations: number;
  cost: number;
  trainAccuracy: number;
  testAccuracy: number | null;
  testCost: number | null;
  seconds: number;
  /** Where the model was saved, when it was. */
  modelPath?: string;
}

/**
 * The decision-boundary plane: two features of X on the axes, in the CSV's (original) units,
 * the others held at their training means. Cells are row-major, row 0 at the top (largest y).
 */
export interface BoundaryPlane {
  /** Encoded feature indices on the x and y axes. */
  features: [number, number];
  names: [string, string];
  x: [number, number];
  y: [number, number];
}

/** The network over the plane at one iteration (sent at most ~5 times a second, and at the end). */
export interface BoundaryView {
  plane: BoundaryPlane;
  iteration: number;
  /** Set by the panel: the network at parameters edited by hand from those of `iteration`. */
  edited?: boolean;
  /** Cells per side (≤ 60). */
  res: number;
  /** Binary: P(classes[1]); multi-class: the predicted class's probability. Per cell, quantised to 0…255. */
  prob: number[];
  /** Multi-class only: the predicted class index per cell. */
  cls?: number[];
  /** Hidden units' A1 over the same plane (coarser grid), the first `maps.length` of `total` units. */
  units: {
    res: number;
    total: number;
    /** Per unit: A1 = min + q/255 · (max − min) per cell. */
    maps: { min: number; max: number; q: number[] }[];
  };
  /** The hidden layer's feature space (absent when nothing was mapped; see HiddenSpaceView). */
  hiddenSpace?: HiddenSpaceView;
}

/**
 * The hidden feature space (ConvNetJS's view): a lattice of straight grid lines over the plane
 * above and the training examples, mapped through A1 = g(W1·x + b1) of the first ≤ 16 hidden
 * units, so any two units can be drawn against each other. Lattice points are line-major: first
 * `lines` lines of constant x (xMin … xMax), each sampled at `samples` values of y rising from
 * yMin to yMax, then `lines` lines of constant y, each sampled at `samples` values of x rising.
 * The lattice holds every other feature at its training mean; the examples keep all their
 * features (their true A1). Values are bytes, base64: A1 = min + q/255 · (max − min).
 */
export interface HiddenSpaceView {
  /** Hidden units in the layer (`units.length` of them are mapped, the first ones). */
  total: number;
  lines: number;
  samples: number;
  /** Per mapped unit: its range, then 2·lines·samples lattice bytes and one byte per example. */
  units: { min: number; max: number; lattice: string; points: string }[];
  /** Class index of each mapped training example (evenly subsampled). */
  cls: number[];
  /** Training examples in all. */
  examples: number;
}

/** Training and test examples on the plane (original units, class index), subsampled; sent once. */
export interface ScatterView {
  features: [number, number];
  train: { x: number[]; y: number[]; cls: number[]; total: number };
  test: { x: number[]; y: number[]; cls: number[]; total: number } | null;
}

export interface ConfusionSplit {
  /** counts[actual][predicted], classes in DatasetSummary.classes order. */
  counts: number[][];
  perClass: (number | null)[];
  accuracy: number;
}

/** Confusion matrices of the final parameters. */
export interface ConfusionView {
  train: ConfusionSplit;
  test: ConfusionSplit | null;
}

/** One run as the panel shows it. */
export interface RunView {
  id: number;
  label: string;
  fileName: string;
  settings: TrainSettings;
  status: RunStatus;
  dataset?: DatasetSummary;
  /** Training cost per iteration, decimated to a few thousand points. */
  points: CostPoint[];
  /** Test cost, sampled. */
  testPoints: CostPoint[];
  iteration: number;
  params?: ParamsSnapshot;
  summary?: RunSummary;
  error?: ErrorInfo;
  /** Diverged / stopped explanation shown under the chart. */
  message?: string;
  /** Data with ≥ 2 features: the network over two features' plane (latest snapshot). */
  boundary?: BoundaryView;
  /** The examples on that plane; appended messages leave it out (the panel keeps the first). */
  scatter?: ScatterView;
  /** At the end of a run. */
  confusion?: ConfusionView;
  /** The hidden layer per iteration, decimated like `points` (appended like them). */
  hiddenPoints?: HiddenPoint[];
  /** Logistic regression on the same split and normalisation (computed by the worker). */
  baseline?: BaselineSummary;
  /**
   * The timeline: parameters kept over the run (at most 60, iteration 0 and the final ones
   * included), sent when the run ends.
   */
  snapshots?: ParamsAt[];
}

/** The parameters before iteration `iteration`'s update (after that many updates). */
export interface ParamsAt {
  iteration: number;
  params: ParamsSnapshot;
}

/** Cost and accuracy of some parameters on one split. */
export interface SplitMetrics {
  cost: number;
  accuracy: number;
}

/** The network at given parameters over a given plane, with its cost (the explore service). */
export interface ExploreResult {
  /** Absent when the data has a single feature (no plane). */
  boundary?: BoundaryView;
  scatter?: ScatterView;
  train: SplitMetrics;
  test: SplitMetrics | null;
  confusion: ConfusionView;
}

/**
 * [iteration, saturation, mean g'(Z[1])]: saturation is the share of activations with |z| > 3
 * (tanh, sigmoid), the share of dead units (ReLU, leaky ReLU) or 0 (linear); see engine/saturation.ts.
 */
export type HiddenPoint = [number, number, number];

/** The logistic-regression baseline of a run's data. */
export interface BaselineSummary {
  trainAccuracy: number;
  testAccuracy: number | null;
  cost: number;
  iterations: number;
}

/** Relative errors of backpropagation against central differences (src/core/gradcheckRun.ts). */
export interface GradCheckReport {
  W1: number;
  b1: number;
  W2: number;
  b2: number;
  overall: number;
  /** overall < 1e-7. */
  pass: boolean;
  /** Training examples used (a seeded subsample of at most 200) of `total`. */
  examples: number;
  total: number;
  /** At the run's final parameters or at the settings' initial ones. */
  at: 'initial' | 'final';
  /** Norms of the numerical and analytic gradient per matrix (both 0: the relative error checks nothing). */
  norms?: Record<'W1' | 'b1' | 'W2' | 'b2', { numerical: number; analytic: number }>;
}
/** One size of a hidden-layer-size sweep, as the panel shows it: the engine's result as it is. */
export type SweepPoint = SweepResult;
export type SweepStatus = 'preparing' | 'running' | 'finished' | 'stopped' | 'error';
/** The latest hidden-layer-size sweep: its sizes, and the results of those trained so far. */
export interface SweepView {
  id: number;
  fileName: string;
  settings: TrainSettings;
  /** The sizes asked for, in order; results[i] is sizes[i]'s once trained. */
  sizes: number[];
  results: SweepPoint[];
  status: SweepStatus;
  /** Known once the CSV is read: whether there is a test split (test accuracy). */
  hasTest?: boolean;
  error?: string;
}
