import type { InitName } from './types';

/**
 * The model file's format: its name and version, what it says of the training, and the width
 * under which a list goes on one line (model.ts writes it, modelSize.ts measures it).
 */
export const MODEL_FORMAT = 'shallow-net-model';
export const MODEL_VERSION = 1;
/** Objects and lists shorter than this go on one line of the model file. */
export const INLINE_WIDTH = 100;

/** How the model was trained (shown by "Open Model", kept for reproducibility). */
export interface ModelTraining {
  learningRate: number;
  /** Iterations done (fewer than asked when the run was stopped). */
  iterations: number;
  /** 'file' when training started from given parameters (e.g. flower_init_seed2.json). */
  init: InitName | 'file';
  /** The `small` initialisation's scale, when it was not the lesson's 0.01. */
  initScale?: number;
  seed: number;
  batchSize: number;
  /** [iteration, cost] pairs, possibly sparse. */
  costHistory: [number, number][];
  /** Fractions, 0 to 1. */
  trainAccuracy: number;
  testAccuracy: number | null;
  seconds: number;
  /** The CSV's file name. */
  source: string;
  /** ISO 8601. */
  date: string;
}
