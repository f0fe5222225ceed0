// The sweep's sizes as typed in the input box or the panel, and the webview's sweep messages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LESSON_HIDDEN_SIZES } from '../../../src/engine/sweep';
import { parseFromWebview } from '../../../src/shared/panelMessages';
import { checkedSweepSizes, LESSON_SIZES_TEXT, MAX_SWEEP_SIZES, parseSweepSizes, sweepSizesError } from '../../../src/shared/sweepSizes';

test('the default text is the lesson\'s sizes', () => {
  assert.equal(LESSON_SIZES_TEXT, LESSON_HIDDEN_SIZES.join(', '));
  assert.deepEqual(parseSweepSizes(LESSON_SIZES_TEXT), { sizes: [...LESSON_HIDDEN_SIZES] });
});

test('commas, semicolons and spaces separate sizes; the order is kept', () => {
  assert.deepEqual(parseSweepSizes('1,2,3'), { sizes: [1, 2, 3] });
  assert.deepEqual(parseSweepSizes(' 50 ; 4  1, '), { sizes: [50, 4, 1] });
  assert.deepEqual(parseSweepSizes('1000'), { sizes: [1000] });
  assert.equal(sweepSizesError('1, 2, 3'), undefined);
});

test('anything else has a message saying what is wrong', () => {
  const cases: [string, RegExp][] = [
    ['', /Enter hidden layer sizes/],
    [' , ', /Enter hidden layer sizes/],
    ['0', /"0" is not a size: sizes are whole numbers from 1 to 1000/],
    ['1, 2.5', /"2\.5" is not a size/],
    ['1, -2', /"-2" is not a size/],
    ['1001', /"1001" is not a size/],
    ['1, two', /"two" is not a size/],
    ['1e2', /"1e2" is not a size/],
    ['0x10', /"0x10" is not a size/],
    ['3, 4, 3', /3 is there twice/],
    [Array.from({ length: MAX_SWEEP_SIZES + 1 }, (_, i) => i + 1).join(','), /At most 20 sizes, got 21/],
    ['x'.repeat(100), /"x{20}…" is not a size/],
  ];
  for (const [text, message] of cases) {
    const error = sweepSizesError(text);
    assert.ok(error, text);
    assert.match(error, message);
  }
});

test('sizes from untrusted callers: a short list of distinct whole numbers from 1 to 1000', () => {
  assert.deepEqual(checkedSweepSizes([1, 2, 50]), [1, 2, 50]);
  for (const bad of [undefined, '1,2', [], [0], [1.5], ['1'], [1, 1], [1001], [Number.NaN], Array.from({ length: 21 }, (_, i) => i + 1)]) {
    assert.equal(checkedSweepSizes(bad), undefined, JSON.stringify(bad));
  }
});

test('runSweep and stopSweep from the webview are rebuilt with only their own fields', () => {
  assert.deepEqual(parseFromWebview({ type: 'runSweep', sizes: [1, 2, 3], csv: '/etc/passwd' }), { type: 'runSweep', sizes: [1, 2, 3] });
  assert.deepEqual(parseFromWebview({ type: 'runSweep', sizes: [1, 2], csvOfRun: 4 }), { type: 'runSweep', sizes: [1, 2], csvOfRun: 4 });
  assert.equal(parseFromWebview({ type: 'runSweep', sizes: [1, 2], csvOfRun: 'x' }), undefined);
  assert.deepEqual(parseFromWebview({ type: 'stopSweep', extra: 1 }), { type: 'stopSweep' });
  for (const bad of [{ type: 'runSweep' }, { type: 'runSweep', sizes: '1,2,3' }, { type: 'runSweep', sizes: [0, 1] }, { type: 'runSweep', sizes: [] }]) {
    assert.equal(parseFromWebview(bad), undefined, JSON.stringify(bad));
  }
});
