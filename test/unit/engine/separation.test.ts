// Which two features the decision boundary shows when there are more than two.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromRows } from '../../../src/engine/matrix';
import { fisherRatios, mostSeparatingPair } from '../../../src/engine/separation';
import { prepareRun } from '../../../src/core/pipeline';
import { BUILT_IN_DEFAULTS } from '../../../src/shared/settingsDefaults';
import { BoundaryTracker } from '../../../src/core/boundaryView';
import { fixture } from '../helpers';

test("Fisher's ratio: a feature that splits the classes scores high, noise low, a constant 0", () => {
  // Four examples, classes 0 0 1 1.
  const X = fromRows([
    [0, 0.1, 1, 1.1], // separates
    [0, 1, 0, 1], // says nothing
    [5, 5, 5, 5], // constant
  ]);
  const Y = fromRows([[0, 0, 1, 1]]);
  const [sep, noise, constant] = fisherRatios(X, Y);
  assert.ok(sep > 50, `separating ${sep}`);
  assert.equal(noise, 0);
  assert.equal(constant, 0);
  assert.deepEqual(mostSeparatingPair(X, Y), [0, 1]);
});

test('two features: always the first two; more: the two best, in the file order', () => {
  const Y = fromRows([[0, 1, 0, 1]]);
  assert.deepEqual(mostSeparatingPair(fromRows([[1, 2, 3, 4], [4, 3, 2, 1]]), Y), [0, 1]);
  const X = fromRows([
    [0, 0, 0, 1], // a little
    [0, 1, 0, 1], // perfectly
    [1, 0, 1, 0], // perfectly
  ]);
  assert.deepEqual(mostSeparatingPair(X, Y), [1, 2]);
});

test('iris: the boundary is drawn over the petal length and width, not the first two columns', () => {
  const prepared = prepareRun(fixture('iris.csv'), 'iris.csv', { ...BUILT_IN_DEFAULTS, iterations: 1 });
  const names = prepared.dataset.encoding.featureNames;
  const pair = mostSeparatingPair(prepared.dataset.X, prepared.dataset.Y).map((f) => names[f]);
  assert.deepEqual(pair, ['petal_length', 'petal_width']);
  const tracker = BoundaryTracker.for(prepared.dataset, prepared.arch);
  assert.deepEqual(tracker?.scatter().features, [2, 3]);
  assert.deepEqual(tracker?.boundary(prepared.trainer.params, 0).plane.names, ['petal_length', 'petal_width']);
});
