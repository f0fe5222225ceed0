import { ShallowNetError } from './errors';
import { ACTIVATION_NAMES, INIT_NAMES, type TrainConfig } from './types';

/** Most hidden units a network may have: the settings, the CLI's --hidden and an --init-from file alike. */
export const MAX_HIDDEN_UNITS = 10000;

/**
 * Checks a run's hyper-parameters before anything is read or trained, with one message
 * per mistake naming the option and what it accepts. The CLI, the settings and the panel
 * all come through here, so they agree on what is valid.
 */
export function checkTrainConfig(c: TrainConfig): void {
  const fail = (what: string, hint: string): never => {
    throw new ShallowNetError('bad-option', what, {}, hint);
  };
  if (!Number.isInteger(c.hiddenUnits) || c.hiddenUnits < 1 || c.hiddenUnits > MAX_HIDDEN_UNITS) {
    fail(`hidden units must be a whole number from 1 to ${MAX_HIDDEN_UNITS}, not ${c.hiddenUnits}`, 'The lesson uses 4');
  }
  if (!ACTIVATION_NAMES.includes(c.activation)) {
    fail(`unknown activation "${String(c.activation)}"`, `Use one of ${ACTIVATION_NAMES.join(', ')}`);
  }
  if (!Number.isFinite(c.leakyAlpha) || c.leakyAlpha < 0 || c.leakyAlpha >= 1) {
    fail(`leaky ReLU's α must be at least 0 and below 1, not ${c.leakyAlpha}`, 'The usual value is 0.01');
  }
  if (!Number.isFinite(c.learningRate) || c.learningRate <= 0) {
    fail(`the learning rate must be a positive number, not ${c.learningRate}`, 'The lesson uses 1.2');
  }
  if (!Number.isInteger(c.iterations) || c.iterations < 1 || c.iterations > 10_000_000) {
    fail(`iterations must be a whole number from 1 to 10000000, not ${c.iterations}`, 'The lesson uses 10000');
  }
  if (!Number.isInteger(c.batchSize) || c.batchSize < 0) {
    fail(`the batch size must be a whole number, 0 for the full batch, not ${c.batchSize}`, 'Use 0 to train as the lesson does');
  }
  if (!INIT_NAMES.includes(c.init)) {
    fail(`unknown initialisation "${String(c.init)}"`, `Use one of ${INIT_NAMES.join(', ')}`);
  }
  if (c.initScale !== undefined && !(Number.isFinite(c.initScale) && c.initScale > 0 && c.initScale <= 1000)) {
    fail(`the initial scale must be a number above 0 and at most 1000, not ${c.initScale}`, 'The lesson uses 0.01; try 10 to see tanh saturate');
  }
  if (!Number.isSafeInteger(c.seed)) {
    fail(`the seed must be a whole number, not ${c.seed}`, 'Any integer works; the same seed gives the same run');
  }
}

export function checkTestFraction(f: number): void {
  if (!Number.isFinite(f) || f < 0 || f >= 1) {
    throw new ShallowNetError('bad-option', `the test fraction must be at least 0 and below 1, not ${f}`, {}, 'Use 0 for no test split, 0.2 for a fifth');
  }
}
