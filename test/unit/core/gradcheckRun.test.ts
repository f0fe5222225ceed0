// The gradient check of the palette command and the panel: a CSV with a run's settings, on a
// seeded subsample of at most 200 training examples, at the initial or the run's final parameters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toRows } from '../../../src/engine/matrix';
import { GRADCHECK_MAX_EXAMPLES, gradCheckCsv, gradCheckText } from '../../../src/core/gradcheckRun';
import { prepareRun } from '../../../src/core/pipeline';
import { BUILT_IN_DEFAULTS } from '../../../src/shared/settingsDefaults';

const root = process.cwd();
const flower = readFileSync(join(root, 'test', 'fixtures', 'flower.csv'), 'utf8');
const settings = { ...BUILT_IN_DEFAULTS, activation: 'tanh' as const, iterations: 300 };

test('at the initial parameters, on 200 of the training examples: below 1e-7, the same each time', () => {
  const t0 = Date.now();
  const r = gradCheckCsv(flower, 'flower.csv', settings);
  assert.ok(Date.now() - t0 < 1000, 'well under a second');
  assert.equal(r.at, 'initial');
  assert.equal(r.examples, GRADCHECK_MAX_EXAMPLES);
  assert.ok(r.total > GRADCHECK_MAX_EXAMPLES);
  assert.ok(r.pass && r.overall < 1e-7, String(r.overall));
  for (const k of ['W1', 'b1', 'W2', 'b2'] as const) assert.ok(Number.isFinite(r[k]) && r[k] < 1e-6, `${k} ${r[k]}`);
  assert.deepEqual(gradCheckCsv(flower, 'flower.csv', settings), r, 'seeded subsample');
  assert.match(gradCheckText('flower.csv', r), /^Gradient check on flower\.csv: relative error \d\.\de-\d+ — pass \(below 1e-7\)\. W\[1\] .*200 of \d+ training examples\.$/);
});

test('at a run’s final parameters; parameters of another shape are an error', () => {
  const run = prepareRun(flower, 'flower.csv', settings);
  for (let i = 0; i < 200; i++) run.trainer.step();
  const p = run.trainer.params;
  const snapshot = { W1: toRows(p.W1), b1: toRows(p.b1), W2: toRows(p.W2), b2: toRows(p.b2) };
  const r = gradCheckCsv(flower, 'flower.csv', { ...settings, hiddenUnits: 9 }, snapshot);
  assert.equal(r.at, 'final');
  assert.ok(r.pass, String(r.overall));
  assert.throws(() => gradCheckCsv(flower, 'flower.csv', settings, { ...snapshot, W1: snapshot.W1.map((row) => [...row, 1]) }), /do not fit flower\.csv/);
});

test('a tanh run from zeros: W[1], b[1] and W[2] get no gradient at all, and the report says both norms are 0', () => {
  const zeros = { ...settings, init: 'zeros' as const };
  const run = prepareRun(flower, 'flower.csv', zeros);
  for (let i = 0; i < 100; i++) run.trainer.step();
  const p = run.trainer.params;
  const r = gradCheckCsv(flower, 'flower.csv', zeros, { W1: toRows(p.W1), b1: toRows(p.b1), W2: toRows(p.W2), b2: toRows(p.b2) });
  assert.ok(r.norms, 'the norms are sent');
  for (const k of ['W1', 'b1', 'W2'] as const) {
    assert.equal(r[k], 0, `${k} relative error`);
    assert.deepEqual(r.norms[k], { numerical: 0, analytic: 0 }, `${k}: both gradients are exactly 0`);
  }
  assert.ok(r.norms.b2.analytic > 0 && r.norms.b2.numerical > 0, 'b[2] does move');
  assert.match(gradCheckText('flower.csv', r), / Both gradients are 0 for W\[1\], b\[1\], W\[2\] \(their relative error checks nothing\)\.$/);
});
