// What the webview tests borrow from the host's side: the settings of a test run, and the
// host's own TypeScript modules (the pipeline, the boundary views, …) bundled on the fly, so
// the panel is fed with what the training worker really computes.
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
 * `{ './src/pipeline': ['prepareRun', 'snapshot'] }` → `{ prepareRun, snapshot }`.
 */
export async function hostModules(exports) {
  const contents = Object.entries(exports)
    .map(([path, names]) => `export { ${names.join(', ')} } from '${path}';`)
    .join('\n');
  const out = await esbuild.build({ stdin: { contents, resolveDir: repoRoot, loader: 'ts' }, bundle: true, format: 'esm', write: false, platform: 'neutral' });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}
