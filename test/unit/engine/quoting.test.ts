// An error quotes at most ~80 characters of a value or name: a 50 MB field once made a 50 MB
// error line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from '../../../src/engine/csv';
import { buildDataset, encodeRows } from '../../../src/engine/dataset';
import { quoteForMessage } from '../../../src/engine/errors';
import { isShallowNetError } from '../../../src/engine/errors';

const HUGE = 'x'.repeat(5_000_000);

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(isShallowNetError(e), String(e));
    return e.message;
  }
  assert.fail('nothing was thrown');
}

/** Every double-quoted run in the message is at most ~100 characters. */
function assertQuotesShort(message: string): void {
  assert.ok(message.length < 600, `message of ${message.length} characters`);
  for (const q of message.match(/"(?:[^"\\]|\\.)*"/g) ?? []) assert.ok(q.length <= 100, q);
}

test('quoteForMessage keeps a short string as JSON and clips a long one, escapes included', () => {
  assert.equal(quoteForMessage('abc'), '"abc"');
  assert.equal(quoteForMessage('a"b\n'), '"a\\"b\\n"');
  const long = quoteForMessage(HUGE);
  assert.match(long, /^"x+…" \(5000000 characters\)$/);
  assert.ok(long.length <= 100, long);
  assert.ok(quoteForMessage('\u0000'.repeat(1000)).length <= 100);
  // Never half of a character: the cut moves before a surrogate pair.
  assert.doesNotMatch(quoteForMessage('😀'.repeat(100)), /\\ud83d…/);
});

test('a 5 MB stray value in a numeric column makes a short error', () => {
  const rows = ['x,label', ...Array.from({ length: 20 }, (_, i) => `${i},${i % 2}`), `${HUGE},1`];
  const m = messageOf(() => buildDataset(parseCsv(rows.join('\n'), 'big.csv'), { fileName: 'big.csv', normalize: 'none', testFraction: 0, seed: 1 }));
  assert.match(m, /^big\.csv row 22, column "x": "x+…" \(5000000 characters\) is not a number/);
  assertQuotesShort(m);
});

test('a 5 MB column name, a 5 MB class and a 5 MB category make short errors', () => {
  const opts = { normalize: 'none' as const, testFraction: 0, seed: 1 };
  assertQuotesShort(messageOf(() => buildDataset(parseCsv(`${HUGE}\n1\n2\n`, 'one.csv'), { fileName: 'one.csv', ...opts })));
  assertQuotesShort(messageOf(() => buildDataset(parseCsv(`a,b\n1,${HUGE}\n2,${HUGE}\n`, 'c.csv'), { fileName: 'c.csv', ...opts })));
  assertQuotesShort(messageOf(() => buildDataset(parseCsv(`a,b\n1,x\n2,y\n`, 'c.csv'), { fileName: 'c.csv', ...opts, target: HUGE })));
  const trained = buildDataset(parseCsv('c,label\nred,0\nblue,1\nred,1\n', 't.csv'), { fileName: 't.csv', ...opts });
  assertQuotesShort(messageOf(() => encodeRows(parseCsv(`c\n${HUGE}\n`, 'p.csv'), trained.encoding, 'p.csv')));
  assertQuotesShort(messageOf(() => encodeRows(parseCsv(`${HUGE}\n1\n`, 'p.csv'), trained.encoding, 'p.csv')));
  assertQuotesShort(messageOf(() => parseCsv(`${HUGE},b\n`, 'h.csv')));
});
