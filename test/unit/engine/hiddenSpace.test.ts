// The hidden feature space: the lattice and the examples through A1 = g(W1·x + b1), quantised.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base64ToBytes, bytesToBase64 } from '../../../src/shared/base64Bytes';
import { BoundaryTracker, HIDDEN_LINES, HIDDEN_SAMPLES, MAX_HIDDEN_POINTS, MAX_UNIT_MAPS } from '../../../src/core/boundaryView';
import { classIndices, planeOf, type Plane } from '../../../src/engine/grid';
import { evenColumns, hiddenActivations, latticeInputs, pickColumns } from '../../../src/engine/hiddenSpace';
import { fromRows, type Matrix } from '../../../src/engine/matrix';
import type { Architecture, Params } from '../../../src/engine/types';
import type { HiddenSpaceView, TrainSettings } from '../../../src/shared/runTypes';
import { trained } from '../trainedRun';


function spaceOf(file: string, over: Partial<TrainSettings> = {}, steps = 200): { view: HiddenSpaceView; run: ReturnType<typeof trained> } {
  const run = trained(file, over, steps);
  const tracker = BoundaryTracker.for(run.dataset, run.arch);
  assert.ok(tracker);
  const view = tracker.boundary(run.trainer.params, steps).hiddenSpace;
  assert.ok(view, 'the boundary carries the hidden feature space');
  return { view, run };
}

/** A1 of unit h back from its bytes. */
function decode(u: HiddenSpaceView['units'][number], which: 'lattice' | 'points'): number[] {
  return Array.from(base64ToBytes(u[which]), (q) => u.min + (q / 255) * (u.max - u.min));
}

const UNIT_PLANE: Plane = { fx: 0, fy: 1, xMin: 0, xMax: 1, yMin: -1, yMax: 1, hold: [0, 0, 0.25], normalization: { kind: 'none', mean: [0, 0, 0], std: [1, 1, 1] } };

test('base64 bytes round-trip at every length, as Buffer writes them', () => {
  for (let n = 0; n < 12; n++) {
    const bytes = Array.from({ length: n }, (_, i) => (i * 97 + 13) % 256);
    const text = bytesToBase64(bytes);
    assert.equal(text, Buffer.from(bytes).toString('base64'));
    assert.deepEqual(Array.from(base64ToBytes(text)), bytes);
  }
  const all = Array.from({ length: 256 }, (_, i) => i);
  assert.deepEqual(Array.from(base64ToBytes(bytesToBase64(all))), all);
});

test('the lattice: lines of constant x then of constant y, edge to edge, other features held', () => {
  const X = latticeInputs(UNIT_PLANE, 3, 5);
  assert.equal(X.rows, 3);
  assert.equal(X.cols, 2 * 3 * 5);
  const x = (k: number): number => X.data[k];
  const y = (k: number): number => X.data[X.cols + k];
  // Line 1 (x = 0.5): y rises from −1 to 1.
  assert.deepEqual([0, 1, 2, 3, 4].map((s) => x(5 + s)), [0.5, 0.5, 0.5, 0.5, 0.5]);
  assert.deepEqual([0, 1, 2, 3, 4].map((s) => y(5 + s)), [-1, -0.5, 0, 0.5, 1]);
  // Line 3 + 2 (y = 1): x rises from 0 to 1.
  assert.deepEqual([0, 1, 2, 3, 4].map((s) => y(25 + s)), [1, 1, 1, 1, 1]);
  assert.deepEqual([0, 1, 2, 3, 4].map((s) => x(25 + s)), [0, 0.25, 0.5, 0.75, 1]);
  assert.ok(Array.from(X.data.subarray(2 * X.cols)).every((v) => v === 0.25), 'the third feature at its mean');
  assert.throws(() => latticeInputs(UNIT_PLANE, 1, 5), /lattice/);
});

test('a known tiny network: A1 = g(W1·x + b1) at every lattice point, only the units asked for', () => {
  const params: Params = {
    W1: fromRows([[2, -1, 0], [0, 1, 4], [1, 1, 1]]),
    b1: fromRows([[0.5], [-1], [0]]),
    W2: fromRows([[1, 1, 1]]),
    b2: fromRows([[0]]),
  };
  const arch: Architecture = { nx: 3, nh: 3, ny: 1, activation: 'tanh', leakyAlpha: 0.01, output: 'sigmoid' };
  const X = latticeInputs(UNIT_PLANE, 4, 6);
  const A1 = hiddenActivations(params, arch, X, 2);
  assert.equal(A1.rows, 2);
  assert.equal(A1.cols, X.cols);
  for (let k = 0; k < X.cols; k++) {
    const [x, y, z] = [X.data[k], X.data[X.cols + k], X.data[2 * X.cols + k]];
    assert.ok(Math.abs(A1.data[k] - Math.tanh(2 * x - y + 0.5)) < 1e-15);
    assert.ok(Math.abs(A1.data[X.cols + k] - Math.tanh(y + 4 * z - 1)) < 1e-15);
  }
  // ReLU: the negative side flattened to 0.
  const relu = hiddenActivations(params, { ...arch, activation: 'relu' }, fromRows([[-1, 1], [0, 0], [0, 0]]), 1);
  assert.deepEqual(Array.from(relu.data), [0, 2.5]);
});

test('evenly spread examples, at most the cap, the first always kept', () => {
  assert.deepEqual(evenColumns(5, 10), [0, 1, 2, 3, 4]);
  assert.deepEqual(evenColumns(10, 4), [0, 2, 5, 7]);
  assert.equal(evenColumns(1000, 300).length, 300);
  const M: Matrix = fromRows([[1, 2, 3], [4, 5, 6]]);
  assert.deepEqual(Array.from(pickColumns(M, [2, 0]).data), [3, 1, 6, 4]);
});

test('flower.csv: shapes of the view, classes of the mapped examples', () => {
  const { view, run } = spaceOf('flower.csv');
  assert.equal(view.total, 4);
  assert.equal(view.units.length, 4);
  assert.equal(view.lines, HIDDEN_LINES);
  assert.equal(view.samples, HIDDEN_SAMPLES);
  assert.equal(view.examples, run.dataset.X.cols);
  const kept = Math.min(run.dataset.X.cols, MAX_HIDDEN_POINTS);
  assert.equal(view.cls.length, kept);
  const labels = classIndices(run.dataset.Y);
  assert.deepEqual(view.cls, evenColumns(run.dataset.X.cols, MAX_HIDDEN_POINTS).map((j) => labels[j]));
  for (const u of view.units) {
    assert.equal(base64ToBytes(u.lattice).length, 2 * HIDDEN_LINES * HIDDEN_SAMPLES);
    assert.equal(base64ToBytes(u.points).length, kept);
    assert.ok(u.min >= -1 && u.max <= 1 && u.min < u.max, `tanh range ${u.min} … ${u.max}`);
  }
});

test('quantisation: every decoded A1 within half a step of the exact value; the range is hit', () => {
  const { view, run } = spaceOf('flower.csv');
  const { params } = run.trainer;
  const plane = planeOf(run.dataset.X, run.dataset.Xtest, run.dataset.encoding.normalization);
  const lattice = hiddenActivations(params, run.arch, latticeInputs(plane, HIDDEN_LINES, HIDDEN_SAMPLES));
  const points = hiddenActivations(params, run.arch, pickColumns(run.dataset.X, evenColumns(run.dataset.X.cols, MAX_HIDDEN_POINTS)));
  view.units.forEach((u, h) => {
    // The range is rounded to 4 significant digits: allow that on top of half a step.
    const tol = (u.max - u.min) / 510 + 1e-3 * Math.max(Math.abs(u.min), Math.abs(u.max));
    const check = (decoded: number[], exact: Matrix): void => {
      decoded.forEach((v, k) => {
        const e = exact.data[h * exact.cols + k];
        assert.ok(Math.abs(v - e) <= tol, `unit ${h + 1}, point ${k}: ${v} against ${e}`);
      });
    };
    check(decode(u, 'lattice'), lattice);
    check(decode(u, 'points'), points);
    const bytes = [...base64ToBytes(u.lattice), ...base64ToBytes(u.points)];
    assert.equal(Math.min(...bytes), 0);
    assert.equal(Math.max(...bytes), 255);
  });
});

test('iris with 20 hidden units: the first 16 mapped, all examples (≤ 300), the message stays small', () => {
  const { view, run } = spaceOf('iris.csv', { hiddenUnits: 20, learningRate: 0.5 });
  assert.equal(view.total, 20);
  assert.equal(view.units.length, MAX_UNIT_MAPS);
  assert.equal(view.cls.length, run.dataset.X.cols);
  assert.deepEqual([...new Set(view.cls)].sort(), [0, 1, 2]);
  // The largest view: 16 units × (660 lattice + 300 examples) bytes.
  const big = spaceOf('flower.csv', { hiddenUnits: 40 }, 20).view;
  assert.equal(big.units.length, MAX_UNIT_MAPS);
  const size = JSON.stringify(big).length;
  assert.ok(size < 24_000, `${size} characters`);
});

test('one hidden unit: one unit mapped (the panel shows a note instead of a pair); a constant unit decodes to its value', () => {
  const { view } = spaceOf('flower.csv', { hiddenUnits: 1 }, 50);
  assert.equal(view.total, 1);
  assert.equal(view.units.length, 1);
  const zero = spaceOf('flower.csv', { init: 'zeros', activation: 'tanh' }, 0).view;
  for (const u of zero.units) {
    assert.equal(u.min, 0);
    assert.equal(u.max, 0);
    assert.ok(decode(u, 'points').every((v) => v === 0));
  }
});
