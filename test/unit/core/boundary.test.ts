// The decision-boundary grid, the examples on its plane and the confusion matrix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BOUNDARY_RES, BoundaryTracker, confusionView, MAX_UNIT_MAPS, UNIT_RES } from '../../../src/core/boundaryView';
import { ACTIVATIONS } from '../../../src/engine/activations';
import { confusionOf } from '../../../src/engine/confusion';
import { cellCentre, evaluateGrid, gridInputs, planeOf, planePoints, toOriginal } from '../../../src/engine/grid';
import { fromRows, type Matrix } from '../../../src/engine/matrix';
import { accuracyOf, predictProbabilities } from '../../../src/engine/network';
import type { Architecture, Params } from '../../../src/engine/types';
import { prepareRun } from '../../../src/core/pipeline';
import { fixture } from '../helpers';
import { TEST_SETTINGS as SETTINGS, trained } from '../trainedRun';


function rowOf(M: Matrix, i: number): number[] {
  return Array.from(M.data.subarray(i * M.cols, (i + 1) * M.cols));
}

test('the plane spans the data in original units with a 10 % margin; the other features sit at their means', () => {
  const run = trained('flower.csv', {}, 0);
  const { X, Xtest, encoding } = run.dataset;
  const plane = planeOf(X, Xtest, encoding.normalization);
  const text = fixture('flower.csv').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
  const xs = text.map((r) => r[0]);
  const ys = text.map((r) => r[1]);
  const span = (v: number[]): [number, number] => [Math.min(...v), Math.max(...v)];
  const [x0, x1] = span(xs);
  const [y0, y1] = span(ys);
  assert.ok(Math.abs(plane.xMin - (x0 - 0.1 * (x1 - x0))) < 1e-9, `xMin ${plane.xMin}`);
  assert.ok(Math.abs(plane.xMax - (x1 + 0.1 * (x1 - x0))) < 1e-9);
  assert.ok(Math.abs(plane.yMin - (y0 - 0.1 * (y1 - y0))) < 1e-9);
  assert.ok(Math.abs(plane.yMax - (y1 + 0.1 * (y1 - y0))) < 1e-9);
  // Standardised: the training means are 0.
  for (const h of plane.hold) assert.ok(Math.abs(h) < 1e-12);
  // Row 0 is the top: y decreases down the rows, x increases along them.
  const [ax, ay] = cellCentre(plane, 10, 0, 0);
  const [bx, by] = cellCentre(plane, 10, 9, 9);
  assert.ok(ax < bx && ay > by);
  assert.ok(ax > plane.xMin && bx < plane.xMax);
  // The inputs are those centres, normalised as the training data was.
  const G = gridInputs(plane, 10);
  assert.equal(G.cols, 100);
  assert.ok(Math.abs(toOriginal(G.data[0], 0, encoding.normalization) - ax) < 1e-9);
  assert.ok(Math.abs(toOriginal(G.data[G.cols + 99], 1, encoding.normalization) - by) < 1e-9);
});

test('iris: two of four features on the plane, the other two held at their training means', () => {
  const run = trained('iris.csv', { normalization: 'none' }, 0);
  const { X } = run.dataset;
  const plane = planeOf(X, run.dataset.Xtest, run.dataset.encoding.normalization, 2, 3);
  const mean = (i: number): number => rowOf(X, i).reduce((a, b) => a + b, 0) / X.cols;
  assert.ok(Math.abs(plane.hold[0] - mean(0)) < 1e-12 && Math.abs(plane.hold[1] - mean(1)) < 1e-12);
  const G = gridInputs(plane, 6);
  assert.deepEqual(new Set(rowOf(G, 0)), new Set([plane.hold[0]]));
  assert.deepEqual(new Set(rowOf(G, 1)), new Set([plane.hold[1]]));
  assert.equal(new Set(rowOf(G, 2)).size, 6, 'petal_length varies along the columns');
  assert.throws(() => planeOf(X, null, run.dataset.encoding.normalization, 1, 1), /plane/);
});

test('grid probabilities are the network’s own predictions at the grid points; A1 is g(W1·x + b1)', () => {
  const run = trained('flower.csv');
  const { params, } = run.trainer;
  const plane = planeOf(run.dataset.X, run.dataset.Xtest, run.dataset.encoding.normalization);
  const res = 17;
  const grid = evaluateGrid(params, run.arch, plane, res);
  assert.equal(grid.A2.cols, res * res);
  const direct = predictProbabilities(params, run.arch, gridInputs(plane, res));
  assert.deepEqual(Array.from(grid.A2.data), Array.from(direct.data));
  // One cell by hand.
  const G = gridInputs(plane, res);
  const k = 5 * res + 11;
  const g = ACTIVATIONS.tanh.g;
  for (let h = 0; h < run.arch.nh; h++) {
    const z = params.W1.data[h * 2] * G.data[k] + params.W1.data[h * 2 + 1] * G.data[G.cols + k] + params.b1.data[h];
    assert.ok(Math.abs(grid.A1.data[h * G.cols + k] - g(z, 0.01)) < 1e-12);
  }
  // And a few examples of the data set evaluated at their own coordinates agree with the grid's model.
  const P = predictProbabilities(params, run.arch, run.dataset.X);
  assert.ok(P.data.every((p) => p >= 0 && p <= 1));
});

test('the boundary view: 60 × 60 quantised probabilities, ≤ 16 unit maps of 30 × 30, multi-class carries the class', () => {
  const run = trained('flower.csv');
  const tracker = BoundaryTracker.for(run.dataset, run.arch);
  assert.ok(tracker);
  const b = tracker.boundary(run.trainer.params, 200);
  assert.equal(b.res, BOUNDARY_RES);
  assert.equal(b.prob.length, BOUNDARY_RES * BOUNDARY_RES);
  assert.ok(b.prob.every((q) => Number.isInteger(q) && q >= 0 && q <= 255));
  assert.equal(b.cls, undefined);
  assert.deepEqual(b.plane.names, ['x1', 'x2']);
  assert.equal(b.units.maps.length, 4);
  assert.equal(b.units.res, UNIT_RES);
  const plane = planeOf(run.dataset.X, run.dataset.Xtest, run.dataset.encoding.normalization);
  const exact = evaluateGrid(run.trainer.params, run.arch, plane, BOUNDARY_RES, 0);
  for (let k = 0; k < b.prob.length; k += 97) assert.ok(Math.abs(b.prob[k] / 255 - exact.A2.data[k]) <= 0.5 / 255 + 1e-12);
  // Small enough for 5 messages a second.
  assert.ok(JSON.stringify(b).length < 40_000, `${JSON.stringify(b).length} characters`);

  const iris = trained('iris.csv', { hiddenUnits: 20, learningRate: 0.5 });
  const ib = BoundaryTracker.for(iris.dataset, iris.arch)?.boundary(iris.trainer.params, 200);
  assert.ok(ib?.cls);
  assert.equal(ib.units.maps.length, MAX_UNIT_MAPS);
  assert.equal(ib.units.total, 20);
  assert.ok(new Set(ib.cls).size >= 2);
});

test('no plane for one feature', () => {
  const csv = 'x,label\n1,a\n2,b\n3,a\n4,b\n';
  const run = prepareRun(csv, 'one.csv', SETTINGS);
  assert.equal(BoundaryTracker.for(run.dataset, run.arch), undefined);
});

test('the examples on the plane: original coordinates and class, subsampled to the cap', () => {
  const run = trained('flower.csv', {}, 0);
  const { X, Y, encoding } = run.dataset;
  const plane = planeOf(X, null, encoding.normalization);
  const all = planePoints(X, Y, plane, 5000);
  assert.equal(all.x.length, X.cols);
  assert.equal(all.total, X.cols);
  const rows = fixture('flower.csv').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
  const key = (x: number, y: number): string => `${x.toFixed(9)},${y.toFixed(9)}`;
  const label = new Map(rows.map((r) => [key(r[0], r[1]), r[2]]));
  for (let i = 0; i < all.x.length; i += 13) assert.equal(label.get(key(all.x[i], all.y[i])), all.cls[i], `example ${i}`);
  const few = planePoints(X, Y, plane, 50);
  assert.equal(few.x.length, 50);
  assert.equal(few.total, X.cols);
  const scatter = BoundaryTracker.for(run.dataset, run.arch)?.scatter();
  assert.equal(scatter?.train.x.length, 320);
  assert.equal(scatter?.test?.x.length, 80);
});

test('confusion matrix: counts [actual][predicted], per-class accuracy, total accuracy equals accuracyOf', () => {
  // Binary: actual 0,0,1,1,1 predicted 0,1,1,1,0.
  const A2 = fromRows([[0.2, 0.7, 0.9, 0.51, 0.5]]);
  const Y = fromRows([[0, 0, 1, 1, 1]]);
  const c = confusionOf(A2, Y);
  assert.deepEqual(c.counts, [[1, 1], [1, 2]]);
  assert.deepEqual(c.perClass, [0.5, 2 / 3]);
  assert.equal(c.accuracy, 3 / 5);
  // Three classes, one of them absent.
  const P = fromRows([
    [0.8, 0.1, 0.2],
    [0.1, 0.7, 0.5],
    [0.1, 0.2, 0.3],
  ]);
  const Y3 = fromRows([
    [1, 0, 0],
    [0, 1, 1],
    [0, 0, 0],
  ]);
  const c3 = confusionOf(P, Y3);
  assert.deepEqual(c3.counts, [[1, 0, 0], [0, 2, 0], [0, 0, 0]]);
  assert.deepEqual(c3.perClass, [1, 1, null]);
  // A trained run: the matrix adds up and agrees with the trainer's accuracy.
  const run = trained('iris.csv', { hiddenUnits: 6, learningRate: 0.5 });
  const view = confusionView(run.dataset, run.arch, run.trainer.params);
  const sum = (m: number[][]): number => m.flat().reduce((a, b) => a + b, 0);
  assert.equal(sum(view.train.counts), run.dataset.X.cols);
  assert.equal(sum(view.test?.counts ?? []), run.dataset.Xtest?.cols);
  const expected = accuracyOf(predictProbabilities(run.trainer.params, run.arch, run.dataset.X), run.dataset.Y);
  assert.equal(view.train.accuracy, expected);
});

test('zero initialisation keeps every hidden unit identical, so their maps are identical', () => {
  const run = trained('flower.csv', { init: 'zeros', activation: 'sigmoid' }, 100);
  const p: Params = run.trainer.params;
  const arch: Architecture = run.arch;
  const rows = Array.from({ length: arch.nh }, (_, h) => rowOf(p.W1, h).join(','));
  assert.equal(new Set(rows).size, 1);
  const b = BoundaryTracker.for(run.dataset, arch)?.boundary(p, 100);
  assert.ok(b);
  const maps = b.units.maps.map((m) => JSON.stringify(m));
  assert.equal(new Set(maps).size, 1);
});
