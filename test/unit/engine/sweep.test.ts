// The hidden-layer-size sweep: one result per size, deterministic, and the lesson's observation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isShallowNetError } from '../../../src/engine/errors';
import { LESSON_HIDDEN_SIZES, sweepHiddenSizes, type SweepResult } from '../../../src/engine/sweep';
import { trainToEnd, architectureFor } from '../../../src/engine/train';
import { lessonConfig, loadFlower, loadFlowerInit } from '../engineFixtures';

const flower = loadFlower();

test('the default sizes are the lesson\'s; one result per size, in order, each reported as it finishes', () => {
  assert.deepEqual(LESSON_HIDDEN_SIZES, [1, 2, 3, 4, 5, 20, 50]);
  const heard: [number, number][] = [];
  const { results, stopped } = sweepHiddenSizes(flower, lessonConfig({ iterations: 20 }), { onResult: (r, i) => heard.push([r.hiddenUnits, i]) });
  assert.equal(stopped, false);
  assert.deepEqual(results.map((r) => r.hiddenUnits), [1, 2, 3, 4, 5, 20, 50]);
  assert.deepEqual(heard, [[1, 0], [2, 1], [3, 2], [4, 3], [5, 4], [20, 5], [50, 6]]);
  for (const r of results) {
    assert.equal(r.iterations, 20);
    assert.equal(r.testAccuracy, null);
    assert.equal(r.diverged, null);
    assert.ok(r.cost > 0 && r.cost < 1 && r.trainAccuracy >= 0 && r.trainAccuracy <= 1 && r.seconds >= 0);
  }
});

test('each size is exactly a training run with that many units (initial parameters from a file are ignored); repeatable', () => {
  const config = lessonConfig({ iterations: 300, initialParams: loadFlowerInit() });
  const strip = (r: SweepResult) => ({ ...r, seconds: 0 });
  const a = sweepHiddenSizes(flower, config, { sizes: [2, 7] }).results.map(strip);
  const b = sweepHiddenSizes(flower, config, { sizes: [7, 2] }).results.map(strip);
  assert.deepEqual(a, [b[1], b[0]]);
  const plain = { ...config };
  delete plain.initialParams;
  const direct = trainToEnd(flower, architectureFor({ ...plain, hiddenUnits: 7 }, 2, 1), { ...plain, hiddenUnits: 7 });
  assert.equal(a[1].cost, direct.train.cost);
  assert.equal(a[1].trainAccuracy, direct.train.accuracy);
});

test('with a test split, each size reports its test accuracy', () => {
  const m = flower.X.cols;
  const cut = 300;
  const cols = (M: typeof flower.X, from: number, to: number) => ({
    rows: M.rows,
    cols: to - from,
    data: Float64Array.from({ length: M.rows * (to - from) }, (_, i) => M.data[Math.floor(i / (to - from)) * m + from + (i % (to - from))]),
  });
  const data = { X: cols(flower.X, 0, cut), Y: cols(flower.Y, 0, cut), Xtest: cols(flower.X, cut, m), Ytest: cols(flower.Y, cut, m) };
  const { results } = sweepHiddenSizes(data, lessonConfig({ iterations: 200 }), { sizes: [1, 4] });
  for (const r of results) assert.ok(r.testAccuracy !== null && r.testAccuracy >= 0 && r.testAccuracy <= 1);
});

test("the lesson's observation on the flower (tanh, 5000 iterations): accuracy rises from 1 to about 4 hidden units, then levels off", () => {
  const { results } = sweepHiddenSizes(flower, lessonConfig({ iterations: 5000 }), { sizes: [1, 2, 3, 4, 5] });
  const acc = results.map((r) => r.trainAccuracy);
  // The lesson: 67.5 %, 67.25 %, 90.75 %, 90.5 %, 91.25 %.
  assert.ok(acc[0] < 0.72 && acc[1] < 0.72, `1 and 2 units: ${acc[0]}, ${acc[1]}`);
  assert.ok(acc[2] > 0.88 && acc[3] > 0.88 && acc[4] > 0.88, `3 to 5 units: ${acc.slice(2).join(', ')}`);
  assert.ok(acc[3] - acc[0] > 0.15);
  assert.ok(results[3].cost < results[0].cost);
});

test('shouldStop ends the sweep mid-size (the size in progress is not reported); bad sizes are errors', () => {
  let calls = 0;
  const report = sweepHiddenSizes(flower, lessonConfig({ iterations: 100 }), { sizes: [1, 2, 3], shouldStop: () => ++calls > 150 });
  assert.equal(report.stopped, true);
  assert.deepEqual(report.results.map((r) => r.hiddenUnits), [1]);
  for (const sizes of [[], [0], [2.5], [1001]]) {
    assert.throws(() => sweepHiddenSizes(flower, lessonConfig({ iterations: 1 }), { sizes }), (e) => isShallowNetError(e) && e.code === 'bad-option');
  }
});
