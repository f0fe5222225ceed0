// A model's file size known before training: estimateModelJsonLength is within a few per
// cent of what serializeModel writes, and a network whose file would pass the longest string
// V8 can build is refused by prepareRun (savesModel) before any training, with its size.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isShallowNetError } from '../../../src/engine/errors';
import { estimateModelJsonLength, MAX_MODEL_JSON_LENGTH, serializeModel } from '../../../src/engine/model';
import { DecimatedHistory, historyLength, MAX_HISTORY_POINTS, modelOf, prepareRun, type PreparedRun } from '../../../src/core/pipeline';
import type { CostPoint, TrainSettings } from '../../../src/shared/runTypes';
import { fixture } from '../helpers';
import { TEST_SETTINGS } from '../trainedRun';

/** `text` prepared and trained as the CLI and the worker do, and its model file. */
function trainAndSave(text: string, fileName: string, over: Partial<TrainSettings>): { run: PreparedRun; json: string } {
  const settings = { ...TEST_SETTINGS, ...over };
  const run = prepareRun(text, fileName, settings, undefined, { savesModel: true });
  const history = new DecimatedHistory();
  for (let i = 0; i < settings.iterations; i++) {
    const r = run.trainer.step();
    if (r.diverged) throw new Error(r.message);
    const p: CostPoint = [r.iteration, r.cost, r.accuracy];
    history.add(p, i === settings.iterations - 1);
  }
  const model = modelOf(run, run.trainer.params, {
    costHistory: history.points,
    iterations: settings.iterations,
    trainAccuracy: run.trainer.trainAccuracy(),
    testAccuracy: run.trainer.testMetrics()?.accuracy ?? null,
    seconds: 0.123456789,
    date: new Date().toISOString(),
  });
  return { run, json: serializeModel(model) };
}

function estimateOf(run: PreparedRun, iterations: number): number {
  return estimateModelJsonLength(run.arch, run.dataset.encoding, {
    learningRate: run.config.learningRate,
    iterations,
    init: run.config.init,
    seed: run.config.seed,
    batchSize: run.config.batchSize,
    historyPoints: historyLength(iterations),
    source: run.dataset.fileName,
  });
}

/** A CSV of `cols` numeric features and a two-class label. */
function wideCsv(cols: number, rows: number): string {
  const header = [...Array.from({ length: cols }, (_, k) => `feature_${k}`), 'label'].join(',');
  const lines = [header];
  for (let i = 0; i < rows; i++) lines.push([...Array.from({ length: cols }, (_, k) => ((i * 31 + k * 17) % 97) / 10), i % 2 ? 'yes' : 'no'].join(','));
  return `${lines.join('\n')}\n`;
}

test('estimateModelJsonLength is within 5 % of the model file serializeModel writes', () => {
  const cases: [string, string, Partial<TrainSettings>][] = [
    ['flower.csv', fixture('flower.csv'), { iterations: 300 }],
    ['iris.csv', fixture('iris.csv'), { iterations: 5000, hiddenUnits: 12, testFraction: 0 }],
    ['wide.csv', wideCsv(60, 80), { iterations: 50, hiddenUnits: 40, init: 'xavier' }],
    ['wide-none.csv', wideCsv(8, 40), { iterations: 20, hiddenUnits: 3, normalization: 'none' }],
  ];
  for (const [name, text, over] of cases) {
    const { run, json } = trainAndSave(text, name, over);
    const estimate = estimateOf(run, over.iterations ?? TEST_SETTINGS.iterations);
    const error = Math.abs(estimate - json.length) / json.length;
    assert.ok(error <= 0.05, `${name}: estimated ${estimate}, written ${json.length} (${(100 * error).toFixed(1)} % off)`);
  }
});

test('the estimate grows as the file does: hidden units × features dominate a big network', () => {
  const { run } = trainAndSave(wideCsv(10, 20), 'w.csv', { iterations: 1 });
  const encoding = run.dataset.encoding;
  const shape = { learningRate: 1.2, iterations: 1, init: 'small' as const, seed: 2, batchSize: 0, historyPoints: MAX_HISTORY_POINTS, source: 'w.csv' };
  const at = (nh: number): number => estimateModelJsonLength({ ...run.arch, nh }, encoding, shape);
  // One more hidden unit adds a row of W1 (10 weights), a b1 row and a W2 column: about 12 numbers of ~22 characters.
  const perUnit = at(101) - at(100);
  assert.ok(perUnit > 12 * 20 && perUnit < 12 * 30, `one hidden unit adds ${perUnit} characters`);
});

test('with savesModel, a 20,000-feature network of 1,300 hidden units is refused before training, with the size its file would have', () => {
  const text = wideCsv(20_000, 3);
  let error: unknown;
  try {
    prepareRun(text, 'wide.csv', { ...TEST_SETTINGS, hiddenUnits: 1300, testFraction: 0 }, undefined, { savesModel: true });
  } catch (e) {
    error = e;
  }
  assert.ok(isShallowNetError(error), `expected a refusal, got ${String(error)}`);
  assert.equal(error.code, 'bad-option');
  assert.match(
    error.message,
    /^a 20000-1300-1 network cannot be saved: its model file would be about 5\d\d MB, past the 537 MB a model file can hold\. Use fewer hidden units, or fewer feature columns \(or categories\)$/,
  );
  const mb = Number(/about (\d+) MB/.exec(error.message)?.[1]);
  assert.ok(mb * 1e6 > MAX_MODEL_JSON_LENGTH);
  // The same data with a network that fits is prepared as ever.
  const fits = prepareRun(text, 'wide.csv', { ...TEST_SETTINGS, hiddenUnits: 4, testFraction: 0 }, undefined, { savesModel: true });
  assert.equal(fits.arch.nx, 20_000);
});
