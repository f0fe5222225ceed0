// The lesson's demonstrations (issue 7): a linear hidden layer collapses to logistic regression,
// the logistic-regression baseline, and saturation from large initial weights.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATIONS } from '../../../src/engine/activations';
import { singleLayerProbabilities, trainBaseline } from '../../../src/engine/baseline';
import { buildDataset } from '../../../src/engine/dataset';
import { initialiseParams } from '../../../src/engine/init';
import { collapseLinear, collapseLinearRows } from '../../../src/engine/linear';
import { fromRows, toRows } from '../../../src/engine/matrix';
import { accuracyOf, predictProbabilities } from '../../../src/engine/network';
import { createRng } from '../../../src/engine/random';
import { HiddenStatsAccumulator, hiddenStats } from '../../../src/engine/saturation';
import { Trainer, trainToEnd } from '../../../src/engine/train';
import type { ActivationName, Architecture, Params } from '../../../src/engine/types';
import { loadFlower, lessonArch, lessonConfig } from '../engineFixtures';
import { fixtureTable } from '../helpers';

test('linear: g(z) = z, g\'(z) = 1 in the table', () => {
  assert.equal(ACTIVATIONS.linear.g(-3.5, 0.01), -3.5);
  assert.equal(ACTIVATIONS.linear.dg(123, 0.01), 1);
  assert.equal(ACTIVATIONS.linear.derivativeFormula, "g'(z) = 1");
});

test("a linear network's predictions equal those of its collapsed W' = W2·W1, b' = W2·b1 + b2", () => {
  const { X, Y } = loadFlower();
  const arch = lessonArch({ activation: 'linear' });
  const r = trainToEnd({ X, Y }, arch, lessonConfig({ activation: 'linear', iterations: 500 }));
  const collapsed = collapseLinear(r.params);
  assert.equal(collapsed.W.rows, 1);
  assert.equal(collapsed.W.cols, 2);
  const net = predictProbabilities(r.params, arch, X);
  const single = singleLayerProbabilities(collapsed, 'sigmoid', X);
  for (let j = 0; j < X.cols; j++) assert.ok(Math.abs(net.data[j] - single.data[j]) < 1e-12, `example ${j}`);
  // The same from the nested arrays the panel receives.
  const rows = collapseLinearRows({ W1: toRows(r.params.W1), b1: toRows(r.params.b1), W2: toRows(r.params.W2), b2: toRows(r.params.b2) });
  assert.deepEqual(rows.W, toRows(collapsed.W));
  assert.deepEqual(rows.b, toRows(collapsed.b));
});

test('collapse by hand: W1 = [[1, 2], [3, 4]], b1 = [1, −1], W2 = [[2, −1]], b2 = [0.5]', () => {
  const p: Params = { W1: fromRows([[1, 2], [3, 4]]), b1: fromRows([[1], [-1]]), W2: fromRows([[2, -1]]), b2: fromRows([[0.5]]) };
  const c = collapseLinear(p);
  assert.deepEqual(toRows(c.W), [[2 - 3, 4 - 4]]);
  assert.deepEqual(toRows(c.b), [[2 + 1 + 0.5]]);
});

test('the baseline on the flower reaches 45–50 %, and the linear network stays within 3 points of it', () => {
  const { X, Y } = loadFlower();
  const base = trainBaseline({ X, Y }, 'sigmoid', { learningRate: 1.2, iterations: 10000 });
  assert.equal(base.diverged, false);
  assert.ok(base.train.accuracy >= 0.45 && base.train.accuracy <= 0.5, `baseline ${base.train.accuracy}`);
  const lin = trainToEnd({ X, Y }, lessonArch({ activation: 'linear' }), lessonConfig({ activation: 'linear' }));
  assert.ok(Math.abs(lin.train.accuracy - base.train.accuracy) <= 0.03, `linear ${lin.train.accuracy}, baseline ${base.train.accuracy}`);
  const tanh = trainToEnd({ X, Y }, lessonArch(), lessonConfig());
  assert.ok(tanh.train.accuracy > 0.85, `tanh ${tanh.train.accuracy}`);
});

test('the baseline on iris (softmax, standardised) is close to the network', () => {
  const d = buildDataset(fixtureTable('iris.csv'), { fileName: 'iris.csv', normalize: 'standard', testFraction: 0, seed: 2 });
  const base = trainBaseline({ X: d.X, Y: d.Y }, 'softmax', { learningRate: 1.2, iterations: 5000 });
  const arch: Architecture = { nx: d.X.rows, nh: 4, ny: d.Y.rows, activation: 'tanh', leakyAlpha: 0.01, output: 'softmax' };
  const net = trainToEnd({ X: d.X, Y: d.Y }, arch, lessonConfig({ iterations: 5000, learningRate: 0.5 }));
  assert.ok(base.train.accuracy > 0.93, `baseline ${base.train.accuracy}`);
  assert.ok(Math.abs(base.train.accuracy - net.train.accuracy) <= 0.04, `baseline ${base.train.accuracy}, network ${net.train.accuracy}`);
});

test('the baseline on separable data (a linear boundary) matches the network', () => {
  const rng = createRng(5);
  const m = 300;
  const X = { rows: 3, cols: m, data: new Float64Array(3 * m) };
  const Y = { rows: 1, cols: m, data: new Float64Array(m) };
  for (let j = 0; j < m; j++) {
    const a = rng.randn(), b = rng.randn(), c = rng.randn();
    X.data[j] = a; X.data[m + j] = b; X.data[2 * m + j] = c;
    Y.data[j] = 2 * a - b + 0.5 * c > 0.2 ? 1 : 0;
  }
  const base = trainBaseline({ X, Y }, 'sigmoid', { learningRate: 1.2, iterations: 3000 });
  const net = trainToEnd({ X, Y }, { nx: 3, nh: 4, ny: 1, activation: 'tanh', leakyAlpha: 0.01, output: 'sigmoid' }, lessonConfig({ iterations: 3000 }));
  assert.ok(base.train.accuracy >= 0.98, `baseline ${base.train.accuracy}`);
  assert.ok(Math.abs(base.train.accuracy - net.train.accuracy) <= 0.02);
  assert.equal(accuracyOf(singleLayerProbabilities(base.layer, 'sigmoid', X), Y), base.train.accuracy);
});

/** Hidden stats of Z1 = the given rows (W1 = I, b1 = 0, X = Z). */
function statsOfZ(activation: ActivationName, z: number[][], leakyAlpha = 0.01) {
  const nh = z.length;
  const W1 = fromRows(z.map((_, i) => z.map((__, k) => (i === k ? 1 : 0))));
  const params: Params = { W1, b1: fromRows(z.map(() => [0])), W2: fromRows([z.map(() => 0)]), b2: fromRows([[0]]) };
  const arch: Architecture = { nx: nh, nh, ny: 1, activation, leakyAlpha, output: 'sigmoid' };
  return hiddenStats(params, arch, fromRows(z));
}

test('saturation by hand: tanh and sigmoid count |z| > 3; mean g\' is the mean of the table\'s dg', () => {
  const z = [[0, 3.5, -4, 1], [2.9, -3.1, 10, 0.5]];
  for (const act of ['tanh', 'sigmoid'] as const) {
    const s = statsOfZ(act, z);
    assert.equal(s.saturation, 4 / 8, act); // 3.5, −4, −3.1, 10
    const mean = z.flat().reduce((t, v) => t + ACTIVATIONS[act].dg(v, 0), 0) / 8;
    assert.ok(Math.abs(s.meanDerivative - mean) < 1e-12, `${act}: ${s.meanDerivative} vs ${mean}`);
    assert.equal(s.deadUnits, 0);
  }
  // Exactly 3 is the edge, not beyond it.
  assert.equal(statsOfZ('tanh', [[3, -3]]).saturation, 0);
});

test('dead units by hand: ReLU and leaky ReLU units with z ≤ 0 for every example', () => {
  const z = [[-1, -2, 0], [1, -1, -1], [-5, -0.1, -3]];
  const r = statsOfZ('relu', z);
  assert.equal(r.deadUnits, 2); // rows 0 and 2
  assert.equal(r.saturation, 2 / 3);
  assert.ok(Math.abs(r.meanDerivative - 1 / 9) < 1e-15);
  const l = statsOfZ('leaky-relu', z, 0.1);
  assert.equal(l.deadUnits, 2);
  assert.equal(l.saturation, 2 / 3);
  assert.ok(Math.abs(l.meanDerivative - (1 + 8 * 0.1) / 9) < 1e-15);
  const lin = statsOfZ('linear', z);
  assert.deepEqual(lin, { saturation: 0, meanDerivative: 1, deadUnits: 0 });
});

test('the accumulator adds blocks: a unit alive in one block only is not dead', () => {
  const acc = new HiddenStatsAccumulator({ nh: 2, activation: 'relu', leakyAlpha: 0.01 });
  acc.reset();
  acc.addBlock(new Float64Array([0, 0, 1, 0]), 0, 2, 2);
  acc.addBlock(new Float64Array([0, 1, 0, 0]), 0, 2, 2);
  assert.deepEqual(acc.result(), { saturation: 0, meanDerivative: 2 / 8, deadUnits: 0 });
});

test('tanh on the flower: init scale 10 saturates above 0.5 at iteration 0, scale 0.01 not at all', () => {
  const { X, Y } = loadFlower();
  const at0 = (initScale: number) => {
    const t = new Trainer({ X, Y }, lessonArch(), lessonConfig({ initScale, iterations: 50 }));
    t.watchHidden = true;
    const r = t.step();
    assert.equal(r.diverged, false);
    return r.diverged ? undefined : r.hidden;
  };
  const big = at0(10);
  const small = at0(0.01);
  assert.ok(big && big.saturation > 0.5, `scale 10: ${big?.saturation}`);
  assert.ok(big && big.meanDerivative < 0.5);
  assert.equal(small?.saturation, 0);
  assert.ok(small && small.meanDerivative > 0.99);
});

test('init scale: small draws randn · scale; watching the hidden layer does not change training', () => {
  const arch = lessonArch();
  const a = initialiseParams(arch, 'small', createRng(2), 10);
  const b = initialiseParams(arch, 'small', createRng(2));
  for (let i = 0; i < a.W1.data.length; i++) assert.ok(Math.abs(a.W1.data[i] - 1000 * b.W1.data[i]) < 1e-12);
  const { X, Y } = loadFlower();
  const t1 = new Trainer({ X, Y }, arch, lessonConfig({ iterations: 30 }));
  const t2 = new Trainer({ X, Y }, arch, lessonConfig({ iterations: 30 }));
  t2.watchHidden = true;
  while (!t1.done) {
    const r1 = t1.step(), r2 = t2.step();
    assert.ok(!r1.diverged && !r2.diverged);
    if (r1.diverged || r2.diverged) break;
    assert.equal(r1.cost, r2.cost);
    assert.equal(r1.hidden, undefined);
    assert.ok(r2.hidden);
  }
});

test('mini-batches report the epoch\'s hidden stats', () => {
  const { X, Y } = loadFlower();
  const t = new Trainer({ X, Y }, lessonArch({ activation: 'relu' }), lessonConfig({ activation: 'relu', batchSize: 64, iterations: 3 }));
  t.watchHidden = true;
  const r = t.step();
  assert.ok(!r.diverged && r.hidden && r.hidden.meanDerivative > 0 && r.hidden.meanDerivative < 1);
});

test('a model trained at another init scale records it, and reads back; the lesson\'s 0.01 writes nothing new', async () => {
  const { prepareRun, modelOf } = await import('../../../src/core/pipeline');
  const { parseModel, serializeModel } = await import('../../../src/engine/model');
  const { BUILT_IN_DEFAULTS } = await import('../../../src/shared/settingsDefaults');
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync('test/fixtures/flower.csv', 'utf8');
  for (const initScale of [10, 0.01]) {
    const run = prepareRun(csv, 'flower.csv', { ...BUILT_IN_DEFAULTS, iterations: 2, testFraction: 0, initScale });
    run.trainer.step();
    const text = serializeModel(modelOf(run, run.trainer.params, { costHistory: [], iterations: 1, trainAccuracy: 0.5, testAccuracy: null, seconds: 0, date: '2026-01-01' }));
    const back = parseModel(text, 'm.json');
    assert.equal(back.training?.initScale, initScale === 10 ? 10 : undefined);
    assert.equal(text.includes('"initScale"'), initScale === 10);
  }
});
