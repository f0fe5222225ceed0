/**
 * The logistic-regression baseline of a prepared run, for the panel: the same split,
 * normalisation and learning rate, with the work capped so that it costs at most a fraction
 * of a second before training starts, whatever the size of the data (the cost is convex, and
 * the baseline stops early once it no longer moves).
 */
import { trainBaseline } from '../engine/baseline';
import type { PreparedRun } from './pipeline';
import type { BaselineSummary } from '../shared/runTypes';

/** Multiply-adds the baseline may spend (about 0.2 s). */
const WORK_BUDGET = 2e8;
const MAX_ITERATIONS = 10000;
const MIN_ITERATIONS = 200;

export function baselineFor(run: Pick<PreparedRun, 'dataset' | 'config'>): BaselineSummary {
  const d = run.dataset;
  const perIteration = Math.max(1, 2 * d.X.rows * d.Y.rows * d.X.cols);
  const iterations = Math.min(run.config.iterations, MAX_ITERATIONS, Math.max(MIN_ITERATIONS, Math.floor(WORK_BUDGET / perIteration)));
  const r = trainBaseline(d, d.encoding.output, { learningRate: run.config.learningRate, iterations });
  return {
    trainAccuracy: r.train.accuracy,
    testAccuracy: r.test ? r.test.accuracy : null,
    cost: r.train.cost,
    iterations: r.iterations,
  };
}
