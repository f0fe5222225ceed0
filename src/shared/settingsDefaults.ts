import type { TrainSettings } from './runTypes';

/** The defaults of a new run when no setting says otherwise (mirrors package.json's). */
export const BUILT_IN_DEFAULTS: TrainSettings = {
  hiddenUnits: 4,
  activation: 'tanh',
  leakyAlpha: 0.01,
  learningRate: 1.2,
  iterations: 10000,
  batchSize: 0,
  init: 'small',
  initScale: 0.01,
  seed: 2,
  normalization: 'standard',
  testFraction: 0.2,
};
