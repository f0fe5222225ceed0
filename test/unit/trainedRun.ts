// A small tanh run on a fixture, trained a few hundred steps: shared by the tests of what the
// panel is sent about a run (boundary views, hidden feature space).
import { prepareRun, type PreparedRun } from '../../src/core/pipeline';
import type { TrainSettings } from '../../src/shared/runTypes';
import { fixture } from './helpers';

export const TEST_SETTINGS: TrainSettings = {
  hiddenUnits: 4,
  activation: 'tanh',
  leakyAlpha: 0.01,
  learningRate: 1.2,
  iterations: 200,
  batchSize: 0,
  init: 'small',
  seed: 2,
  normalization: 'standard',
  testFraction: 0.2,
};

/** `file` prepared with the test settings (and `over`), trained `steps` steps. */
export function trained(file: string, over: Partial<TrainSettings> = {}, steps = 200): PreparedRun {
  const run = prepareRun(fixture(file), file, { ...TEST_SETTINGS, ...over });
  for (let i = 0; i < steps; i++) run.trainer.step();
  return run;
}
