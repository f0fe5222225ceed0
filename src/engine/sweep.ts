/**
 * The lesson's hidden-layer-size experiment: train the same data with each of several
 * hidden sizes (the same settings and seed otherwise) and report, per size, the final cost,
 * the train accuracy and the test accuracy (with a split). Sizes run one after another;
 * `onResult` hears each as it finishes, `shouldStop` can end the sweep between iterations.
 */
import { ShallowNetError } from './errors';
import { architectureFor, trainToEnd, type TrainingData } from './train';
import type { TrainConfig } from './types';

/** The lesson's sizes: 1, 2, 3, 4, 5, 20 and 50 hidden units. */
export const LESSON_HIDDEN_SIZES: readonly number[] = [1, 2, 3, 4, 5, 20, 50];

export interface SweepResult {
  hiddenUnits: number;
  /** Cost J of the final parameters on the training set. */
  cost: number;
  /** Fractions, 0 to 1, of the final parameters. */
  trainAccuracy: number;
  /** Null without a test split. */
  testAccuracy: number | null;
  /** Iterations run (fewer than asked when training diverged). */
  iterations: number;
  /** "diverged at iteration i; …" when it did (the metrics are then those before the bad update). */
  diverged: string | null;
  seconds: number;
}

export interface SweepOptions {
  /** Hidden sizes, in the order to train them (default LESSON_HIDDEN_SIZES). */
  sizes?: readonly number[];
  /** Called as each size finishes, with its place in `sizes`. */
  onResult?: (result: SweepResult, index: number) => void;
  /** Checked before every iteration; true ends the sweep (the size in progress is not reported). */
  shouldStop?: () => boolean;
  /** Milliseconds, for `seconds` (default Date.now). */
  now?: () => number;
}

export interface SweepReport {
  results: SweepResult[];
  /** True when shouldStop ended the sweep before every size was trained. */
  stopped: boolean;
}

/** Errors unless every size is a whole number from 1 to 1000. */
export function checkSweepSizes(sizes: readonly number[]): void {
  if (sizes.length === 0) throw new ShallowNetError('bad-option', 'the sweep needs at least one hidden size', {}, 'Try 1,2,3,4,5,20,50 (the lesson)');
  for (const n of sizes) {
    if (!Number.isInteger(n) || n < 1 || n > 1000) {
      throw new ShallowNetError('bad-option', `hidden sizes must be whole numbers from 1 to 1000, got ${n}`, {}, 'Try 1,2,3,4,5,20,50 (the lesson)');
    }
  }
}

/**
 * Trains `data` once per hidden size with `config` (its hiddenUnits and any initialParams
 * are replaced: each size starts from its own initialisation with config.seed), so the
 * results are deterministic and differ only by the hidden layer's size.
 */
export function sweepHiddenSizes(data: TrainingData, config: TrainConfig, options: SweepOptions = {}): SweepReport {
  const sizes = options.sizes ?? LESSON_HIDDEN_SIZES;
  checkSweepSizes(sizes);
  const now = options.now ?? Date.now;
  const results: SweepResult[] = [];
  const nx = data.X.rows;
  const ny = data.Y.rows;
  for (const [index, hiddenUnits] of sizes.entries()) {
    if (options.shouldStop?.()) return { results, stopped: true };
    const sizeConfig: TrainConfig = { ...config, hiddenUnits };
    delete sizeConfig.initialParams;
    const started = now();
    const r = trainToEnd(data, architectureFor(sizeConfig, nx, ny), sizeConfig, options.shouldStop ? { shouldStop: options.shouldStop } : {});
    if (r.stoppedEarly) return { results, stopped: true };
    const result: SweepResult = {
      hiddenUnits,
      cost: r.train.cost,
      trainAccuracy: r.train.accuracy,
      testAccuracy: r.test ? r.test.accuracy : null,
      iterations: r.iterations,
      diverged: r.diverged ? r.diverged.message : null,
      seconds: (now() - started) / 1000,
    };
    results.push(result);
    options.onResult?.(result, index);
  }
  return { results, stopped: false };
}
