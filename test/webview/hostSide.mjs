// What the webview tests borrow from the host's side: the settings of a test run, and the
// host's own TypeScript modules (the pipeline, the boundary views, …) bundled on the fly, so
// the panel is fed with what the training worker really computes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from './harness.mjs';

/** A small tanh run on the fixtures, as the extension's defaults but 300 iterations. */
export const TEST_SETTINGS = Object.freeze({
  hiddenUnits: 4,
  activation: 'tanh',
  leakyAlpha: 0.01,
  learningRate: 1.2,
  iterations: 300,
  batchSize: 0,
  init: 'small',
  seed: 2,
  normalization: 'standard',
  testFraction: 0.2,
});

/**
 * The named exports of the repository's modules, bundled with esbuild and imported:
 * `{ './src/core/pipeline': ['prepareRun', 'snapshot'] }` → `{ prepareRun, snapshot }`.
 */
export async function hostModules(exports) {
  const contents = Object.entries(exports)
    .map(([path, names]) => `export { ${names.join(', ')} } from '${path}';`)
    .join('\n');
  const out = await esbuild.build({ stdin: { contents, resolveDir: repoRoot, loader: 'ts' }, bundle: true, format: 'esm', write: false, platform: 'neutral' });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}

/**
 * A finished run as the host has it after training fixture `file` (or `csvText`) with the
 * test settings and `over`: its summary, parameters, boundary, examples and confusion matrices.
 * `engine` holds hostModules' prepareRun, snapshot, BoundaryTracker and confusionView.
 */
export function finishedRun(engine, id, file, over = {}, csvText) {
  const settings = { ...TEST_SETTINGS, ...over };
  const text = csvText ?? readFileSync(join(repoRoot, 'test', 'fixtures', file), 'utf8');
  const prepared = engine.prepareRun(text, file, settings);
  let last;
  for (let i = 0; i < settings.iterations; i++) last = prepared.trainer.step();
  const tracker = engine.BoundaryTracker.for(prepared.dataset, prepared.arch);
  return {
    id,
    label: `${settings.activation} · ${settings.hiddenUnits} units · α ${settings.learningRate} · ${settings.init}`,
    fileName: file,
    settings,
    status: 'finished',
    dataset: prepared.summary,
    points: [[settings.iterations - 1, last.cost, last.accuracy]],
    testPoints: [],
    iteration: settings.iterations,
    params: engine.snapshot(prepared.trainer.params),
    summary: { iterations: settings.iterations, cost: last.cost, trainAccuracy: last.accuracy, testAccuracy: null, testCost: null, seconds: 0.2 },
    boundary: tracker.boundary(prepared.trainer.params, settings.iterations),
    scatter: tracker.scatter(),
    confusion: engine.confusionView(prepared.dataset, prepared.arch, prepared.trainer.params),
  };
}

/** The modules finishedRun needs. */
export const FINISHED_RUN_MODULES = Object.freeze({
  './src/core/pipeline': ['prepareRun', 'snapshot'],
  './src/core/boundaryView': ['BoundaryTracker', 'confusionView'],
});
