// The CSV reader: RFC 4180 quoting, line endings, BOM, delimiter detection, located errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectDelimiter, formatCsvField, formatCsvRow, parseCsv } from '../../../src/engine/csv';
import { fixture, fixtureTable, throwsShallow } from '../helpers';

test('flower.csv: header, 400 rows, file lines from 2', () => {
  const t = fixtureTable('flower.csv');
  assert.deepEqual(t.header, ['x1', 'x2', 'label']);
  assert.equal(t.rows.length, 400);
  assert.equal(t.delimiter, ',');
  assert.deepEqual(t.rows[0], ['1.2044422922543192', '3.576114148128845', '0']);
  assert.equal(t.rowLines[0], 2);
  assert.equal(t.rowLines[399], 401);
});

test('iris.csv (CRLF): 150 rows, no carriage return left in the last field', () => {
  const t = fixtureTable('iris.csv');
  assert.equal(t.header.length, 5);
  assert.equal(t.header[4], 'species');
  assert.equal(t.rows.length, 150);
  assert.equal(t.rows[0][4], 'setosa');
  assert.ok(t.rows.every((r) => r.length === 5 && !r[4].includes('\r')));
});

test('quoted fields hold commas, doubled quotes and line breaks; lines are counted through them', () => {
  const t = parseCsv('a,b,c\n"1,5","say ""hi""","two\nlines"\n2,x,y\n', 'q.csv');
  assert.deepEqual(t.rows, [
    ['1,5', 'say "hi"', 'two\nlines'],
    ['2', 'x', 'y'],
  ]);
  assert.deepEqual(t.rowLines, [2, 4]);
});

test('a line break inside a quoted value reads as \\n whatever the line endings', () => {
  assert.equal(parseCsv('a,b\r\n"x\r\ny",1\r\n', 'f.csv').rows[0][0], 'x\ny');
  assert.equal(parseCsv('a,b\r"x\ry",1\r', 'f.csv').rows[0][0], 'x\ny');
});

test('LF, CRLF and lone CR give the same table', () => {
  const lf = parseCsv('a,b\n1,2\n3,4\n', 'f.csv');
  assert.deepEqual(parseCsv('a,b\r\n1,2\r\n3,4\r\n', 'f.csv'), lf);
  assert.deepEqual(parseCsv('a,b\r1,2\r3,4\r', 'f.csv'), lf);
  assert.deepEqual(parseCsv('a,b\n1,2\n3,4', 'f.csv'), lf, 'no final line break');
});

test('a UTF-8 BOM is dropped and header names are trimmed', () => {
  const t = parseCsv('\ufeff x1 , x2 ,label\n1,2,0\n3,4,1\n', 'f.csv');
  assert.deepEqual(t.header, ['x1', 'x2', 'label']);
  assert.deepEqual(t.rows[0], ['1', '2', '0'], 'values are kept as written');
});

test('trailing empty lines are ignored; blank lines inside are skipped and rows keep their file lines', () => {
  const t = parseCsv('a,b\n1,2\n\n   \n3,4\n\n\n\r\n', 'f.csv');
  assert.deepEqual(t.rows, [
    ['1', '2'],
    ['3', '4'],
  ]);
  assert.deepEqual(t.rowLines, [2, 5]);
  const late = parseCsv('\n\na,b\n1,2\n', 'f.csv');
  assert.deepEqual(late.header, ['a', 'b']);
  assert.deepEqual(late.rowLines, [4]);
});

test('empty fields are kept, including a trailing one', () => {
  assert.deepEqual(parseCsv('a,b,c\n1,,\n', 'f.csv').rows, [['1', '', '']]);
});

test('delimiter: ";" in European files whose numbers have decimal commas', () => {
  const t = parseCsv('x;y;label\n1,5;2,3;a\n0,5;-1,25;b\n', 'eu.csv');
  assert.equal(t.delimiter, ';');
  assert.deepEqual(t.rows[0], ['1,5', '2,3', 'a']);
});

test('delimiter: tab, and delimiters inside quoted header names do not count', () => {
  assert.equal(parseCsv('a\tb\n1\t2\n', 'f.tsv').delimiter, '\t');
  assert.equal(detectDelimiter('"a;b;c",d\n1,2\n'), ',');
  assert.equal(detectDelimiter('"a,b";c\n1;2\n'), ';');
  assert.equal(detectDelimiter('only\n1\n2\n'), ',', 'one column: comma');
  // Both occur in the header: the one that splits the next lines like the header wins.
  assert.equal(detectDelimiter('a,b;c;d\n1;2;3\n4;5;6\n'), ';');
  assert.equal(detectDelimiter('\ufeffa;b\n1;2\n', 1), ';');
});

test('spaces around a quoted field are tolerated', () => {
  assert.deepEqual(parseCsv('a,b\n1, "x,y" \n', 'f.csv').rows[0], ['1', 'x,y']);
});

test('error: empty file (also only a BOM, or only blank lines)', () => {
  const msg = 'e.csv: the file is empty. A CSV needs a header line of column names, then one line per example';
  throwsShallow(() => parseCsv('', 'e.csv'), 'empty-file', msg);
  throwsShallow(() => parseCsv('\ufeff', 'e.csv'), 'empty-file', msg);
  throwsShallow(() => parseCsv('\n\r\n  \n', 'e.csv'), 'empty-file', msg);
});

test('error: a header but no data rows', () => {
  const e = throwsShallow(
    () => parseCsv('x1,x2,label\n\n', 'h.csv'),
    'header-only',
    'h.csv row 1: the file has a header (x1, x2, label) but no data rows. Add the examples below the header, one per line',
  );
  assert.equal(e.file, 'h.csv');
  assert.equal(e.row, 1);
});

test('error: ragged row names the row and both counts', () => {
  const lines = ['x1,x2,label'];
  for (let i = 2; i <= 11; i++) lines.push(`${i},${i},0`);
  lines.push('1,2,3,4'); // line 12
  const e = throwsShallow(
    () => parseCsv(lines.join('\n'), 'r.csv'),
    'ragged-row',
    'r.csv row 12: 4 fields, but the header has 3. A value containing "," must be put in double quotes; otherwise remove the extra field',
  );
  assert.equal(e.row, 12);
  throwsShallow(
    () => parseCsv('a;b;c\n1;2\n', 'r.csv'),
    'ragged-row',
    'r.csv row 2: 2 fields, but the header has 3. Fill in the missing field (leave it empty, or write NA, to mark a missing value)',
  );
});

test('ragged row after a multi-line quoted value: the row is where its record starts', () => {
  const e = throwsShallow(() => parseCsv('a,b\n"x\ny",1\n2\n', 'r.csv'), 'ragged-row', /^r\.csv row 4: 1 field, but the header has 2/);
  assert.equal(e.row, 4);
});

test('error: unterminated quote points at the row where it began, and its column', () => {
  const e = throwsShallow(
    () => parseCsv('a,b,c\n1,2,3\n4,"oops,6\n7,8,9\n10,11,12\n', 'u.csv'),
    'unterminated-quote',
    'u.csv row 3, column "b": a quoted field starts here but its closing double quote is missing. Close the quote, or write a double quote inside a quoted value as two ("")',
  );
  assert.equal(e.row, 3);
  assert.equal(e.column, 'b');
  throwsShallow(() => parseCsv('a,"b\n1,2\n', 'u.csv'), 'unterminated-quote', /^u\.csv row 1: a quoted field starts here/);
});

test('error: duplicate column names', () => {
  const e = throwsShallow(
    () => parseCsv('x1,x2,x1\n1,2,3\n', 'd.csv'),
    'duplicate-column',
    'd.csv row 1, column "x1": the name is used by columns 1 and 3. Give each column its own name',
  );
  assert.equal(e.column, 'x1');
  throwsShallow(() => parseCsv('x1, x1 ,y\n1,2,3\n', 'd.csv'), 'duplicate-column', /columns 1 and 2/);
});

test('error: empty column names', () => {
  throwsShallow(
    () => parseCsv('x1,,y\n1,2,3\n', 'n.csv'),
    'empty-column-name',
    'n.csv row 1: column 2 of 3 has no name. Give every column a name in the header line',
  );
  throwsShallow(
    () => parseCsv('x1,y,\n1,2,\n', 'n.csv'),
    'empty-column-name',
    'n.csv row 1: column 3 of 3 has no name. Name the column, or remove the delimiter at the end of the header line',
  );
});

test('formatCsvField quotes only what needs it, and parseCsv reads it back', () => {
  assert.equal(formatCsvField('plain', ','), 'plain');
  assert.equal(formatCsvField('a,b', ','), '"a,b"');
  assert.equal(formatCsvField('a,b', ';'), 'a,b');
  assert.equal(formatCsvField('a;b', ';'), '"a;b"');
  assert.equal(formatCsvField('say "hi"', ','), '"say ""hi"""');
  assert.equal(formatCsvField('two\nlines', '\t'), '"two\nlines"');
  const rows = [
    ['h1', 'h 2', 'h,3'],
    ['a,b', 'say "hi"', 'two\nlines'],
    ['', ' padded ', '1.5'],
  ];
  for (const d of [',', ';', '\t'] as const) {
    const text = rows.map((r) => formatCsvRow(r, d)).join('\r\n');
    const t = parseCsv(text, 'w.csv');
    assert.equal(t.delimiter, d);
    assert.deepEqual([t.header, ...t.rows], rows);
  }
});

test('the mixed fixture reads the same in every variant (BOM, CRLF, CR, ";", tab, all quoted)', () => {
  const plain = fixtureTable('csv/mixed.csv');
  assert.equal(plain.rows.length, 10);
  assert.deepEqual(plain.rows[1], ['-0.5', 'square "box"', '3', 'no']);
  assert.deepEqual(plain.rows[2], ['2', 'long\nthin', '-1e-3', 'yes']);
  for (const name of ['mixed_bom.csv', 'mixed_crlf.csv', 'mixed_cr.csv', 'mixed_tab.tsv', 'mixed_quoted.csv']) {
    const t = fixtureTable(`csv/${name}`);
    assert.deepEqual({ ...t, delimiter: ',' }, plain, name);
  }
  const eu = fixtureTable('csv/mixed_semicolon.csv');
  assert.equal(eu.delimiter, ';');
  assert.deepEqual(eu.rows.map((r) => [r[1], r[3]]), plain.rows.map((r) => [r[1], r[3]]));
  assert.equal(eu.rows[0][0], '1,5');
});

test('100 000 rows × 30 columns parse in well under a few seconds', () => {
  const cols = 30;
  const values = Array.from({ length: 997 }, (_, k) => (k / 7 - 50).toFixed(5));
  const lines = [Array.from({ length: cols }, (_, j) => `c${j}`).join(',')];
  for (let i = 0; i < 100_000; i++) {
    const row: string[] = [];
    for (let j = 0; j < cols; j++) row.push(values[(i * 31 + j * 17) % 997]);
    lines.push(row.join(','));
  }
  const text = lines.join('\n');
  const t0 = performance.now();
  const t = parseCsv(text, 'big.csv');
  const ms = performance.now() - t0;
  assert.equal(t.rows.length, 100_000);
  assert.equal(t.rows[99_999].length, 30);
  assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
});

test('fixture helper reads text', () => {
  assert.ok(fixture('flower.csv').startsWith('x1,x2,label'));
});
