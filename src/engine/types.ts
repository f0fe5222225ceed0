import type { Matrix } from './matrix';

/**
 * Hidden-layer activations: the lesson's four, and `linear` (g(z) = z), which the lesson uses to
 * show that a network without a non-linearity collapses to logistic regression. Each is defined
 * once in activations.ts.
 */
export type ActivationName = 'sigmoid' | 'tanh' | 'relu' | 'leaky-relu' | 'linear';
export const ACTIVATION_NAMES: readonly ActivationName[] = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'linear'];

/** `small` is the lesson's randn · 0.01 (the 0.01 is TrainConfig.initScale). */
export type InitName = 'small' | 'xavier' | 'he' | 'zeros';
export const INIT_NAMES: readonly InitName[] = ['small', 'xavier', 'he', 'zeros'];

/** sigmoid + binary cross-entropy for two classes (n_y = 1); softmax + categorical CE for more. */
export type OutputKind = 'sigmoid' | 'softmax';

export type NormalizationKind = 'standard' | 'none';

/** The lesson's parameters: W1 (n_h × n_x), b1 (n_h × 1), W2 (n_y × n_h), b2 (n_y × 1). */
export interface Params {
  W1: Matrix;
  b1: Matrix;
  W2: Matrix;
  b2: Matrix;
}

export interface Architecture {
  nx: number;
  nh: number;
  ny: number;
  activation: ActivationName;
  /** Leaky ReLU's slope for z < 0 (default 0.01); ignored by the other activations. */
  leakyAlpha: number;
  output: OutputKind;
}

/** How one CSV column becomes feature rows of X. */
export type FeatureSpec =
  | { kind: 'numeric'; name: string }
  /** One-hot: one feature row per level, named `name=level`. */
  | { kind: 'categorical'; name: string; levels: string[] };

/** Per encoded feature row of X: x' = (x − mean) / std (std of a constant column is 1). */
export interface Normalization {
  kind: NormalizationKind;
  mean: number[];
  std: number[];
}

/** Everything needed to turn a new CSV row into a column of X, and an output back into a label. */
export interface Encoding {
  /** The CSV's feature columns in order, as they were typed. */
  features: FeatureSpec[];
  /** Names of the rows of X after one-hot encoding (length n_x). */
  featureNames: string[];
  normalization: Normalization;
  targetName: string;
  /** Class labels. Binary: classes[1] is the one encoded as 1 (the sigmoid's "positive"). */
  classes: string[];
  output: OutputKind;
}

export interface Dataset {
  fileName: string;
  encoding: Encoding;
  /** Training split: X n_x × m, Y n_y × m (binary: 0/1 in one row; multi-class: one-hot). */
  X: Matrix;
  Y: Matrix;
  /** Test split, when a test fraction was asked for (same layout). */
  Xtest: Matrix | null;
  Ytest: Matrix | null;
  /** Data rows in the file (header excluded), rows used, rows dropped for missing values. */
  rowsRead: number;
  rowsUsed: number;
  rowsDropped: number;
  /** File rows (1-based lines, as in errors) of the first few dropped rows, for the report. */
  droppedExamples: number[];
}

export interface TrainConfig {
  hiddenUnits: number;
  activation: ActivationName;
  leakyAlpha: number;
  learningRate: number;
  iterations: number;
  /** 0 = full batch (the lesson). Otherwise mini-batches of this many examples, one update each. */
  batchSize: number;
  init: InitName;
  /** The `small` initialisation's scale: W = randn · initScale (default 0.01, the lesson's). */
  initScale?: number;
  seed: number;
  /** Start from these instead of initialising (e.g. the lesson's flower_init_seed2.json). */
  initialParams?: Params;
}
