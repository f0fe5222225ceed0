// The sweep's words: the notification's progress line, the best size and the closing message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SweepPoint, SweepView } from '../../../src/shared/runTypes';
import { BUILT_IN_DEFAULTS } from '../../../src/shared/settingsDefaults';
import { bestOf, sweepEndText, sweepProgressText } from '../../../src/shared/sweepReport';

const point = (hiddenUnits: number, trainAccuracy: number, testAccuracy: number | null, diverged: string | null = null): SweepPoint =>
  ({ hiddenUnits, cost: 0.3, trainAccuracy, testAccuracy, iterations: 100, diverged, seconds: 0.5 });

test('progress: "size 3 of 7: 3 hidden units…"', () => {
  const sizes = [1, 2, 3, 4, 5, 20, 50];
  assert.equal(sweepProgressText(sizes, 0), 'size 1 of 7: 1 hidden unit…');
  assert.equal(sweepProgressText(sizes, 2), 'size 3 of 7: 3 hidden units…');
  assert.equal(sweepProgressText(sizes, 6), 'size 7 of 7: 50 hidden units…');
});

test('the best size: test accuracy with a split, train without; diverged sizes left out; ties keep the first', () => {
  assert.equal(bestOf([point(1, 0.6, 0.5), point(4, 0.9, 0.88), point(50, 0.95, 0.85)])?.hiddenUnits, 4);
  assert.equal(bestOf([point(1, 0.6, null), point(4, 0.9, null), point(50, 0.95, null)])?.hiddenUnits, 50);
  assert.equal(bestOf([point(1, 0.6, null), point(4, 0.99, null, 'diverged at iteration 3')])?.hiddenUnits, 1);
  assert.equal(bestOf([point(2, 0.9, null), point(3, 0.9, null)])?.hiddenUnits, 2);
  assert.equal(bestOf([]), undefined);
});

test('the closing message names the file, what was done and the best size', () => {
  const view: SweepView = { id: 1, fileName: 'flower.csv', settings: BUILT_IN_DEFAULTS, sizes: [1, 4, 50], results: [point(1, 0.6, 0.5), point(4, 0.9, 0.912)], status: 'stopped', hasTest: true };
  assert.equal(sweepEndText(view, 3.21), 'Sweep stopped on flower.csv: 2 of 3 sizes in 3.2 s. Best test accuracy 91.2 % with 4 hidden units.');
  assert.equal(sweepEndText({ ...view, status: 'finished', results: [] }, 0), 'Sweep finished on flower.csv: 0 of 3 sizes in 0.0 s.');
});
