/**
 * Every message between the extension host and the panel's webview, as discriminated
 * unions (the idea of vscode-hexeditor's shared/protocol.ts). Both sides import this file
 * and nothing else of each other. Messages from the webview are untrusted: the host
 * accepts only what `parseFromWebview` lets through.
 */
import { MAX_HIDDEN_UNITS } from '../engine/config';
import type { SweepResult } from '../engine/sweep';
import type { ActivationName, InitName, NormalizationKind, OutputKind } from '../engine/types';
import { checkedSweepSizes } from './sweepSizes';

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

// ── host → webview ────────────────────────────────────────────────────────────
export interface StateMessage {
  type: 'state';
  runs: RunView[];
  defaults: TrainSettings;
  training: boolean;
  /** The latest hidden-layer-size sweep, if any. */
  sweep?: SweepView;
}
export interface RunUpdateMessage {
  type: 'run';
  /**
   * The run's whole view, minus points already sent: `points`/`testPoints` are appended. When
   * `append` is true, a missing `boundary`, `scatter` or `confusion` keeps the one shown.
   */
  run: RunView;
  append: boolean;
}
export interface TrainingMessage {
  type: 'training';
  training: boolean;
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
/** The answer to a GradientCheckMessage: the result, or why there is none. */
export interface GradCheckMessage {
  type: 'gradCheck';
  runId: number;
  result?: GradCheckReport;
  error?: string;
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
/** The sweep changed (a size finished, it ended): its whole view (a few rows). */
export interface SweepMessage {
  type: 'sweep';
  sweep: SweepView;
}
/** The answer to an ExploreMessage (only the latest request is answered; older ones may be dropped). */
export interface ExploredMessage {
  type: 'explored';
  requestId: number;
  runId: number;
  result?: ExploreResult;
  error?: string;
}
export type ToWebview = StateMessage | RunUpdateMessage | TrainingMessage | GradCheckMessage | SweepMessage | ExploredMessage;

// ── webview → host ────────────────────────────────────────────────────────────
export interface ReadyMessage {
  type: 'ready';
}
export interface TrainMessage {
  type: 'train';
  settings: TrainSettings;
  /** Train on this run's CSV (the symmetry card's twin); absent: the latest run's CSV. */
  csvOfRun?: number;
}
export interface StopMessage {
  type: 'stop';
}
export interface SaveModelMessage {
  type: 'saveModel';
  runId: number;
}
/** Open the CSV of a failed run at the row and column its error names. */
export interface RevealErrorMessage {
  type: 'revealError';
  runId: number;
}
/** Gradient-check a run's CSV with its settings at its final parameters. */
export interface GradientCheckMessage {
  type: 'gradientCheck';
  runId: number;
}
/** The charts shown, as one PNG (canvas.toDataURL): the host asks where to save it. */
export interface ExportPngMessage {
  type: 'exportPng';
  dataUrl: string;
}
/** Sweep these hidden sizes with the default settings, on the CSV of run `csvOfRun` (the run shown) or else the latest run's. */
export interface RunSweepMessage {
  type: 'runSweep';
  sizes: number[];
  csvOfRun?: number;
}
/** Stop the sweep under way. */
export interface StopSweepMessage {
  type: 'stopSweep';
}
/**
 * Evaluate a run's network at these parameters (a timeline snapshot or edited ones) over the
 * plane of features [x, y] (encoded indices), on the run's data. The latest request wins.
 */
export interface ExploreMessage {
  type: 'explore';
  requestId: number;
  runId: number;
  params: ParamsSnapshot;
  features: [number, number];
  /** The iteration the parameters are of; for edited ones, the iteration they were edited from. */
  iteration?: number;
}
export type FromWebview =
  | ReadyMessage
  | TrainMessage
  | StopMessage
  | SaveModelMessage
  | RevealErrorMessage
  | GradientCheckMessage
  | ExportPngMessage
  | RunSweepMessage
  | StopSweepMessage
  | ExploreMessage;

/** At most this many numbers in explored parameters (a 1000-unit net over 1000 features). */
export const MAX_PARAM_NUMBERS = 2_000_000;
/** |value| above this is no parameter a person means (and would overflow the forward pass). */
export const MAX_PARAM_ABS = 1e6;

function matrixOf(v: unknown, rows: number | undefined, cols: number | undefined): number[][] | undefined {
  if (!Array.isArray(v) || v.length === 0 || (rows !== undefined && v.length !== rows)) return undefined;
  const out: number[][] = [];
  for (const row of v) {
    if (!Array.isArray(row) || row.length === 0 || (cols !== undefined && row.length !== cols)) return undefined;
    if (out.length && row.length !== out[0].length) return undefined;
    for (const x of row) if (typeof x !== 'number' || !Number.isFinite(x) || Math.abs(x) > MAX_PARAM_ABS) return undefined;
    out.push(row as number[]);
  }
  return out;
}

/** W1 (n_h × n_x), b1 (n_h × 1), W2 (n_y × n_h), b2 (n_y × 1) of finite numbers; undefined otherwise. */
export function parseParamsSnapshot(v: unknown): ParamsSnapshot | undefined {
  if (!isRecord(v)) return undefined;
  const W1 = matrixOf(v.W1, undefined, undefined);
  if (!W1) return undefined;
  const nh = W1.length;
  const nx = W1[0].length;
  if (nh * nx > MAX_PARAM_NUMBERS) return undefined;
  const W2 = matrixOf(v.W2, undefined, nh);
  if (!W2) return undefined;
  const ny = W2.length;
  if (nh * nx + nh + ny * nh + ny > MAX_PARAM_NUMBERS) return undefined;
  const b1 = matrixOf(v.b1, nh, 1);
  const b2 = matrixOf(v.b2, ny, 1);
  return b1 && b2 ? { W1, b1, W2, b2 } : undefined;
}

/**
 * Why the host would refuse to evaluate these parameters (parseParamsSnapshot drops such an
 * explore message), in the panel's words; undefined when it would take them. The webview asks
 * this before it sends, so a refused request never leaves the panel waiting for an answer.
 */
export function paramsRefusal(p: ParamsSnapshot): string | undefined {
  let notFinite = false;
  let big = false;
  for (const m of [p.W1, p.b1, p.W2, p.b2]) {
    for (const row of m) {
      for (const x of row) {
        if (typeof x !== 'number' || !Number.isFinite(x)) notFinite = true;
        else if (Math.abs(x) > MAX_PARAM_ABS) big = true;
      }
    }
  }
  if (notFinite) return 'These parameters hold values that are not finite numbers (as a run that diverged may): they cannot be evaluated.';
  if (big) return 'These parameters hold values beyond ±1e6: they cannot be evaluated.';
  if (!parseParamsSnapshot(p)) return `These parameters are too many (more than ${MAX_PARAM_NUMBERS.toLocaleString('en-US')} numbers) or not of one network's shapes: they cannot be evaluated.`;
  return undefined;
}

export const PNG_DATA_URL_PREFIX = 'data:image/png;base64,';
/** 20 MB of data URL: far more than the panel's charts at any pixel ratio. */
export const PNG_DATA_URL_MAX = 20 * 1024 * 1024;

/** A PNG data URL of sane size whose payload is base64; undefined otherwise. */
export function parsePngDataUrl(v: unknown): string | undefined {
  if (typeof v !== 'string' || v.length > PNG_DATA_URL_MAX || !v.startsWith(PNG_DATA_URL_PREFIX)) return undefined;
  const payload = v.slice(PNG_DATA_URL_PREFIX.length);
  if (payload.length < 8 || payload.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(payload)) return undefined;
  return v;
}

const ACTIVATIONS: readonly string[] = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'linear'];
const INITS: readonly string[] = ['small', 'xavier', 'he', 'zeros'];
const NORMALIZATIONS: readonly string[] = ['standard', 'none'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function finite(v: unknown, min: number, max: number, integer: boolean): number | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) return undefined;
  if (integer && !Number.isInteger(v)) return undefined;
  return v;
}

/** Validates settings coming from the webview (or anywhere untrusted); undefined if invalid. */
export function parseTrainSettings(v: unknown): TrainSettings | undefined {
  if (!isRecord(v)) return undefined;
  const hiddenUnits = finite(v.hiddenUnits, 1, MAX_HIDDEN_UNITS, true);
  const leakyAlpha = finite(v.leakyAlpha, 0, 0.999, false);
  const learningRate = finite(v.learningRate, 1e-12, 1e6, false);
  const iterations = finite(v.iterations, 1, 10_000_000, true);
  const batchSize = finite(v.batchSize, 0, 1e9, true);
  const seed = finite(v.seed, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, true);
  const testFraction = finite(v.testFraction, 0, 0.9, false);
  const initScale = v.initScale === undefined ? undefined : finite(v.initScale, 1e-12, 1000, false);
  const { activation, init, normalization, target } = v;
  if (
    hiddenUnits === undefined ||
    leakyAlpha === undefined ||
    learningRate === undefined ||
    iterations === undefined ||
    batchSize === undefined ||
    seed === undefined ||
    testFraction === undefined ||
    (v.initScale !== undefined && initScale === undefined) ||
    typeof activation !== 'string' ||
    !ACTIVATIONS.includes(activation) ||
    typeof init !== 'string' ||
    !INITS.includes(init) ||
    typeof normalization !== 'string' ||
    !NORMALIZATIONS.includes(normalization) ||
    (target !== undefined && (typeof target !== 'string' || target.length > 1000)) ||
    (v.rng !== undefined && v.rng !== 'default' && v.rng !== 'numpy')
  ) {
    return undefined;
  }
  return {
    hiddenUnits,
    activation: activation as ActivationName,
    leakyAlpha,
    learningRate,
    iterations,
    batchSize,
    init: init as InitName,
    ...(initScale === undefined ? {} : { initScale }),
    seed,
    normalization: normalization as NormalizationKind,
    testFraction,
    ...(target === undefined ? {} : { target }),
    ...(v.rng === 'default' || v.rng === 'numpy' ? { rng: v.rng } : {}),
  };
}

/** The host's gate for webview messages: anything not exactly of the protocol is dropped. */
export function parseFromWebview(v: unknown): FromWebview | undefined {
  if (!isRecord(v) || typeof v.type !== 'string') return undefined;
  switch (v.type) {
    case 'ready':
      return { type: 'ready' };
    case 'stop':
      return { type: 'stop' };
    case 'train': {
      const settings = parseTrainSettings(v.settings);
      if (!settings) return undefined;
      if (v.csvOfRun === undefined) return { type: 'train', settings };
      const csvOfRun = finite(v.csvOfRun, 0, Number.MAX_SAFE_INTEGER, true);
      return csvOfRun === undefined ? undefined : { type: 'train', settings, csvOfRun };
    }
    case 'saveModel':
    case 'revealError':
    case 'gradientCheck': {
      const runId = finite(v.runId, 0, Number.MAX_SAFE_INTEGER, true);
      return runId === undefined ? undefined : { type: v.type, runId };
    }
    case 'runSweep': {
      const sizes = checkedSweepSizes(v.sizes);
      if (!sizes) return undefined;
      if (v.csvOfRun === undefined) return { type: 'runSweep', sizes };
      const csvOfRun = finite(v.csvOfRun, 0, Number.MAX_SAFE_INTEGER, true);
      return csvOfRun === undefined ? undefined : { type: 'runSweep', sizes, csvOfRun };
    }
    case 'stopSweep':
      return { type: 'stopSweep' };
    case 'explore': {
      const requestId = finite(v.requestId, 0, Number.MAX_SAFE_INTEGER, true);
      const runId = finite(v.runId, 0, Number.MAX_SAFE_INTEGER, true);
      const params = parseParamsSnapshot(v.params);
      const f = v.features;
      if (requestId === undefined || runId === undefined || !params || !Array.isArray(f) || f.length !== 2) return undefined;
      // A single feature has no plane: [0, 1] is accepted and ignored.
      const top = Math.max(1, params.W1[0].length - 1);
      const fx = finite(f[0], 0, top, true);
      const fy = finite(f[1], 0, top, true);
      if (fx === undefined || fy === undefined || fx === fy) return undefined;
      const iteration = v.iteration === undefined ? undefined : finite(v.iteration, 0, Number.MAX_SAFE_INTEGER, true);
      if (v.iteration !== undefined && iteration === undefined) return undefined;
      return { type: 'explore', requestId, runId, params, features: [fx, fy], ...(iteration === undefined ? {} : { iteration }) };
    }
    case 'exportPng': {
      const dataUrl = parsePngDataUrl(v.dataUrl);
      return dataUrl === undefined ? undefined : { type: 'exportPng', dataUrl };
    }
    default:
      return undefined;
  }
}
