// "1,500" in a comma-separated file: a number with thousands separators, not a category; a
// decimal comma there is an error that says why, not a silent one-hot column.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from '../../../src/engine/csv';
import { buildDataset, describeColumns } from '../../../src/engine/dataset';
import { parseNumber } from '../../../src/engine/values';
import { throwsShallow } from '../helpers';

const build = (text: string, fileName = 'money.csv') =>
  buildDataset(parseCsv(text, fileName), { fileName, normalize: 'none', testFraction: 0, seed: 1 });

test('parseNumber reads grouped thousands (groups of three) in a comma file, nothing else with a comma', () => {
  for (const [cell, x] of [['1,500', 1500], ['12,345.6', 12345.6], ['-1,000', -1000], ['+1,000,000', 1e6], [' 999,999.25 ', 999999.25]] as const) {
    assert.equal(parseNumber(cell), x, cell);
  }
  for (const cell of ['1,5', '1,50', '1,5000', '12,34,567', ',500', '1,500,', '1,500e3', 'a,500']) assert.ok(Number.isNaN(parseNumber(cell)), cell);
  assert.equal(parseNumber('1,5', true), 1.5); // ";" or tab files: the decimal comma, as before
});

test('a quoted "1,500" column of a comma file is a numeric feature', () => {
  const d = build('income,age,label\n"1,500",30,no\n"12,345.6",41,yes\n"-1,000",25,no\n800,52,yes\n');
  assert.deepEqual(d.encoding.features.map((f) => f.kind), ['numeric', 'numeric']);
  assert.deepEqual(Array.from(d.X.data.subarray(0, 4)), [1500, 12345.6, -1000, 800]);
  assert.equal(describeColumns(parseCsv('income,label\n"1,500",a\n"2,000",b\n', 'm.csv'))[0].kind, 'numeric');
});

test('a decimal comma among thousands in a comma file is an error saying why', () => {
  throwsShallow(
    () => build('income,label\n"1,500",a\n"2,000",b\n"3,000",a\n"4,000",b\n"1,5",a\n'),
    'not-a-number',
    /^money\.csv row 6, column "income": "1,5" is not a number\. In a comma-separated file a comma inside a number can only group thousands \(1,500 or 12,345\.6\): write decimals with a point \(1\.5\)/,
  );
});

test('a column of decimal commas in a comma file is an error, not silently a category', () => {
  throwsShallow(
    () => build('x,label\n"1,5",a\n"2,25",b\n3,a\n"-0,5",b\n'),
    'not-a-number',
    'money.csv row 2, column "x": "1,5" is not a number. In a comma-separated file a comma inside a number can only group thousands (1,500 or 12,345.6): ' +
      'write decimals with a point (1.5), or separate the columns with ";" to use decimal commas',
  );
  // A real category holding commas stays one.
  assert.equal(build('x,label\n"a,b",a\n"c,d",b\n"a,b",a\n').encoding.features[0].kind, 'categorical');
});
