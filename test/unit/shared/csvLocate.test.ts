// Selecting the value an error names: the field's span on its line, quotes and delimiters respected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldSpans, locateField } from '../../../src/shared/csvLocate';

test('the span of the named column on the line', () => {
  const line = '3,abc,1';
  const span = locateField('x1,x2,label', line, 'x2');
  assert.deepEqual(span, { start: 2, end: 5 });
  assert.equal(line.slice(span.start, span.end), 'abc');
});

test('quoted fields with delimiters and doubled quotes inside, a quoted header, semicolons, a BOM', () => {
  const line = '"a, ""b""";7,5;x';
  const span = locateField('\uFEFF"name; full";value;tag', line, 'value');
  assert.ok(span);
  assert.equal(line.slice(span.start, span.end), '7,5');
  assert.equal(fieldSpans('"1,2",3', ',').length, 2);
});

test('a column the header does not have, or a short line, gives nothing to select', () => {
  assert.equal(locateField('x1,x2', '1,2', 'nope'), undefined);
  assert.equal(locateField('x1,x2,x3', '1,2', 'x3'), undefined);
});
