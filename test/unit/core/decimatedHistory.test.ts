// The decimated history of a run (cost, and the hidden layer's figures): at most `limit` points,
// and the run's final iteration kept whatever the stride, so a finished run's lines end where it did.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DecimatedHistory } from '../../../src/core/pipeline';
import type { CostPoint } from '../../../src/shared/runTypes';

/** 10,000 iterations through a history of 4,000 points, the last one marked as the last. */
function run(total: number, limit = 4000): CostPoint[] {
  const h = new DecimatedHistory(limit);
  for (let i = 0; i < total; i++) h.add([i, 1 / (i + 1), 0.5], i === total - 1);
  return h.points;
}

test('a 10,000-iteration run keeps at most 4,000 points and ends on iteration 9999', () => {
  const points = run(10_000);
  assert.ok(points.length <= 4000, `${points.length} points`);
  assert.equal(points[points.length - 1][0], 9999);
  assert.equal(points[points.length - 2][0], 9996, 'the stride before it is kept');
  assert.ok(points.slice(0, -1).every(([i]) => i % 4 === 0), 'every other point on the stride');
});

test('the last point survives a halving it causes', () => {
  // limit 4: 0 1 2 3 then 5 (last) makes five points: the halving keeps 0 2 and the last one.
  const h = new DecimatedHistory(4);
  for (const i of [0, 1, 2, 3]) h.add([i, 0, 0]);
  assert.equal(h.add([5, 0, 0], true), true);
  assert.deepEqual(h.points.map(([i]) => i), [0, 2, 5]);
});

test('without the mark, an iteration off the stride is left out', () => {
  const points = run(10_000);
  const h = new DecimatedHistory(4000);
  for (let i = 0; i < 10_000; i++) h.add([i, 0, 0]);
  assert.equal(h.points[h.points.length - 1][0], 9996);
  assert.equal(points.length, h.points.length + 1);
});
