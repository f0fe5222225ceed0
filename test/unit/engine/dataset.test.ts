// CSV table → Dataset: typing, targets, one-hot, missing rows, split, standardisation, errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv, type CsvTable } from '../../../src/engine/csv';
import { buildDataset, describeColumns, describeTarget, encodeRows, type DatasetOptions } from '../../../src/engine/dataset';
import { get, toRows, type Matrix } from '../../../src/engine/matrix';
import type { Dataset } from '../../../src/engine/types';
import { fixture, fixtureTable, throwsShallow } from '../helpers';

const RAW: Omit<DatasetOptions, 'fileName'> = { normalize: 'none', testFraction: 0, seed: 1 };

function build(text: string, fileName: string, options: Partial<DatasetOptions> = {}): Dataset {
  return buildDataset(parseCsv(text, fileName), { ...RAW, fileName, ...options });
}

function rowStats(m: Matrix, i: number): { mean: number; std: number } {
  const row = m.data.subarray(i * m.cols, (i + 1) * m.cols);
  const mean = row.reduce((a, b) => a + b, 0) / m.cols;
  const std = Math.sqrt(row.reduce((a, b) => a + (b - mean) ** 2, 0) / m.cols);
  return { mean, std };
}

/** A CSV of `n` rows: x = i, label from `label(i)`. */
function csvOf(n: number, label: (i: number) => string, header = 'x,label'): string {
  const lines = [header];
  for (let i = 0; i < n; i++) lines.push(`${i},${label(i)}`);
  return lines.join('\n');
}

test('flower: binary, classes ["0","1"], X 2×400 as written, Y 1×400', () => {
  const d = buildDataset(fixtureTable('flower.csv'), { ...RAW, fileName: 'flower.csv' });
  assert.equal(d.encoding.output, 'sigmoid');
  assert.deepEqual(d.encoding.classes, ['0', '1']);
  assert.equal(d.encoding.targetName, 'label');
  assert.deepEqual(d.encoding.featureNames, ['x1', 'x2']);
  assert.deepEqual(d.encoding.features, [
    { kind: 'numeric', name: 'x1' },
    { kind: 'numeric', name: 'x2' },
  ]);
  assert.equal(d.X.rows, 2);
  assert.equal(d.X.cols, 400);
  assert.equal(d.Y.rows, 1);
  assert.equal(d.Y.cols, 400);
  assert.equal(get(d.X, 0, 0), 1.2044422922543192);
  assert.equal(get(d.X, 1, 1), -1.4821709003683443);
  assert.equal(get(d.Y, 0, 0), 0);
  assert.equal(d.Y.data.reduce((a, b) => a + b, 0), 200, 'half of the flower is class 1');
  assert.equal(d.Xtest, null);
  assert.equal(d.Ytest, null);
  assert.deepEqual(d.encoding.normalization, { kind: 'none', mean: [0, 0], std: [1, 1] });
  assert.deepEqual([d.rowsRead, d.rowsUsed, d.rowsDropped, d.droppedExamples], [400, 400, 0, []]);
  assert.equal(describeTarget(d.encoding), 'binary: "1" is encoded 1 (the positive class), "0" is encoded 0');
});

test('iris: 3 classes (sorted), softmax, X 4×150, one-hot Y 3×150', () => {
  const d = buildDataset(fixtureTable('iris.csv'), { ...RAW, fileName: 'iris.csv' });
  assert.deepEqual(d.encoding.classes, ['setosa', 'versicolor', 'virginica']);
  assert.equal(d.encoding.output, 'softmax');
  assert.deepEqual([d.X.rows, d.X.cols, d.Y.rows, d.Y.cols], [4, 150, 3, 150]);
  const Y = toRows(d.Y);
  for (let j = 0; j < 150; j++) assert.equal(Y[0][j] + Y[1][j] + Y[2][j], 1);
  assert.deepEqual([Y[0][0], Y[1][0], Y[2][0]], [1, 0, 0], 'row 2 is a setosa');
  assert.deepEqual([Y[0][149], Y[1][149], Y[2][149]], [0, 0, 1], 'the last is a virginica');
  assert.equal(describeTarget(d.encoding), '3 classes, one-hot in this order: setosa, versicolor, virginica');
});

test('the target: by name, by 0-based index, default the last column', () => {
  const t = fixtureTable('iris.csv');
  const byName = buildDataset(t, { ...RAW, fileName: 'iris.csv', target: 'species' });
  const byIndex = buildDataset(t, { ...RAW, fileName: 'iris.csv', target: 4 });
  assert.deepEqual(byName, byIndex);
  const first = build('label,x\na,1\nb,2\n', 'f.csv', { target: 0 });
  assert.deepEqual(first.encoding.featureNames, ['x']);
  assert.equal(first.encoding.targetName, 'label');
  assert.equal(build('x,label\n1,a\n2,b\n', 'f.csv', { target: ' label ' }).encoding.targetName, 'label', 'a name is trimmed');
});

test('error: a target that does not exist lists the columns (and suggests a near match)', () => {
  const t = fixtureTable('flower.csv');
  throwsShallow(
    () => buildDataset(t, { ...RAW, fileName: 'flower.csv', target: 'lable' }),
    'no-such-column',
    'flower.csv: there is no column named "lable"; the columns are x1, x2, label. Choose one of those as the target',
  );
  throwsShallow(
    () => buildDataset(t, { ...RAW, fileName: 'flower.csv', target: 'Label' }),
    'no-such-column',
    /the columns are x1, x2, label\. Did you mean "label"\?$/,
  );
  throwsShallow(() => buildDataset(t, { ...RAW, fileName: 'flower.csv', target: 3 }), 'no-such-column', /no column number 3 .*0 to 2: x1, x2, label/);
});

test('binary classes sort numerically; "1.0" and "1" are one class; positiveClass picks the class encoded 1', () => {
  const d = build(csvOf(6, (i) => ['10', '2', '10.0'][i % 3]), 'n.csv');
  assert.deepEqual(d.encoding.classes, ['2', '10']);
  assert.deepEqual(Array.from(d.Y.data), [1, 0, 1, 1, 0, 1]);
  const s = build(csvOf(4, (i) => (i % 2 ? 'yes' : 'no')), 's.csv');
  assert.deepEqual(s.encoding.classes, ['no', 'yes']);
  assert.deepEqual(Array.from(s.Y.data), [0, 1, 0, 1]);
  const p = build(csvOf(4, (i) => (i % 2 ? 'yes' : 'no')), 's.csv', { positiveClass: 'no' });
  assert.deepEqual(p.encoding.classes, ['yes', 'no']);
  assert.deepEqual(Array.from(p.Y.data), [1, 0, 1, 0]);
  assert.equal(describeTarget(p.encoding), 'binary: "no" is encoded 1 (the positive class), "yes" is encoded 0');
  const q = build(csvOf(4, (i) => String(i % 2)), 'b.csv', { positiveClass: '0.0' });
  assert.deepEqual(q.encoding.classes, ['1', '0']);
  throwsShallow(
    () => build(csvOf(4, (i) => (i % 2 ? 'yes' : 'no')), 's.csv', { positiveClass: 'maybe' }),
    'bad-option',
    's.csv column "label": the positive class "maybe" is not one of the target\'s classes (no, yes). Name one of those two classes',
  );
});

test('multi-class numeric targets sort as numbers', () => {
  const d = build(csvOf(9, (i) => ['3', '20', '100'][i % 3]), 'm.csv');
  assert.deepEqual(d.encoding.classes, ['3', '20', '100']);
  assert.equal(d.Y.rows, 3);
});

test('categorical features are one-hot, levels sorted, named col=level', () => {
  const text = 'size,colour,label\n1,red,a\n2,blue,b\n3,green,a\n4, red ,b\n';
  const d = build(text, 'c.csv');
  assert.deepEqual(d.encoding.features[1], { kind: 'categorical', name: 'colour', levels: ['blue', 'green', 'red'] });
  assert.deepEqual(d.encoding.featureNames, ['size', 'colour=blue', 'colour=green', 'colour=red']);
  assert.deepEqual(toRows(d.X), [
    [1, 2, 3, 4],
    [0, 1, 0, 0],
    [0, 0, 1, 0],
    [1, 0, 0, 1],
  ]);
});

test('missing values (empty, NA, NaN, ?, null, any case, padded) drop the row and are counted', () => {
  const rows = ['x1,x2,label', '1,2,0', ',2,1', '3,NA,0', '4,5,1', ' nan ,5,0', '6,?,1', '7,8,Null', '9,10,1', '11,n/a,0', '12,13,0'];
  const d = build(rows.join('\n'), 'm.csv');
  assert.equal(d.rowsRead, 10);
  assert.equal(d.rowsUsed, 4);
  assert.equal(d.rowsDropped, 6);
  assert.deepEqual(d.droppedExamples, [3, 4, 6, 7, 8], 'the first five, as file lines');
  assert.deepEqual(toRows(d.X), [
    [1, 4, 9, 12],
    [2, 5, 10, 13],
  ]);
});

test('error: every row has a missing value', () => {
  throwsShallow(
    () => build('a,b,label\n1,,0\n2,NA,1\n,3,0\n', 'm.csv'),
    'all-rows-missing',
    'm.csv: every row has a missing value (empty, NA, NaN, ?, null), so every row would be dropped; column "b" is missing in 2 of 3 rows. Fill in the missing values, or remove the column that is mostly empty',
  );
});

test('error: a stray non-number in a numeric column names file, row and column', () => {
  const lines = fixture('flower.csv').split('\n');
  const cells = lines[16].split(','); // file line 17
  lines[16] = `${cells[0]},abc,${cells[2]}`;
  const e = throwsShallow(
    () => build(lines.join('\n'), 'flower.csv'),
    'not-a-number',
    'flower.csv row 17, column "x2": "abc" is not a number. 399 of the column\'s 400 values are numbers: fix or remove this value, or mark it missing (NA) to drop the row',
  );
  assert.deepEqual([e.file, e.row, e.column], ['flower.csv', 17, 'x2']);
  // Marked missing instead, the row is dropped.
  lines[16] = `${cells[0]},NA,${cells[2]}`;
  assert.equal(build(lines.join('\n'), 'flower.csv').rowsDropped, 1);
});

test('the stray-value rule: one non-number among numbers is an error; many make the column categorical', () => {
  throwsShallow(() => build('x,label\n1,a\n2,b\nfive,a\n', 's.csv'), 'not-a-number', /^s\.csv row 4, column "x": "five" is not a number/);
  const d = build('x,label\n1,a\n2,b\nS,a\nM,b\nL,a\n', 's.csv');
  assert.equal(d.encoding.features[0].kind, 'categorical');
  assert.deepEqual(d.encoding.featureNames, ['x=1', 'x=2', 'x=L', 'x=M', 'x=S']);
});

test('numbers as people write them: " 2.5 ", "-0", "1e-3", "+7", ".5"; hexadecimal is not a number', () => {
  const d = build('x,label\n 2.5 ,a\n-0,b\n1e-3,a\n+7,b\n.5,a\n', 'n.csv');
  assert.deepEqual(Array.from(d.X.data), [2.5, -0, 0.001, 7, 0.5]);
  throwsShallow(() => build('x,label\n1,a\n2,b\n3,a\n0x1F,b\n', 'n.csv'), 'not-a-number', /"0x1F" is not a number/);
});

test('error: one-class target', () => {
  throwsShallow(
    () => build(csvOf(5, () => 'yes'), 'o.csv'),
    'one-class',
    'o.csv column "label": the target has one value only ("yes") in all 5 rows used; there is nothing to tell apart. Choose another target column, or add examples of the other classes',
  );
});

test('error: numeric target with more than 50 values is regression, not supported yet', () => {
  throwsShallow(
    () => build(csvOf(60, (i) => String(i * 1.5)), 'r.csv'),
    'regression-unsupported',
    'r.csv column "label": the target has 60 different numbers, which looks like a quantity to estimate (regression); only classification into 2 to 50 classes is supported yet. Choose a column of classes as the target, or group the values into a few classes',
  );
  assert.equal(build(csvOf(100, (i) => String(i % 50)), 'ok.csv').encoding.classes.length, 50, '50 classes are fine');
});

test('error: text target with more than 50 values', () => {
  throwsShallow(() => build(csvOf(51, (i) => `name${i}`), 't.csv'), 'too-many-classes', /^t\.csv column "label": the target has 51 different values \(name0, name1, name10, name11, name12, … \(51 in all\)\); at most 50 classes/);
});

test('error: a categorical feature with more than 50 levels names the column', () => {
  const lines = ['id,x,label'];
  for (let i = 0; i < 60; i++) lines.push(`user${i},${i},${i % 2}`);
  const e = throwsShallow(
    () => build(lines.join('\n'), 'l.csv'),
    'too-many-levels',
    /^l\.csv column "id": this feature is text with 60 different values \(user0, user1, user10, user11, user12, … \(60 in all\)\); one-hot encoding allows at most 50\. Remove the column/,
  );
  assert.equal(e.column, 'id');
});

test('error: one data row', () => {
  throwsShallow(
    () => build('x1,x2,label\n1,2,0\n', 'one.csv'),
    'one-row',
    'one.csv row 2: the file has a single data row. A network learns from many examples: add more rows (at least 2, better hundreds)',
  );
  throwsShallow(() => build('x,label\n1,0\nNA,1\n,1\n', 'one.csv'), 'one-row', /^one\.csv: only one row \(row 2\) has no missing value; the other 2 were dropped/);
});

test('error: no feature columns', () => {
  throwsShallow(
    () => build('label\n0\n1\n', 'f.csv'),
    'no-features',
    'f.csv: the only column is the target "label"; there is nothing to predict it from. Add at least one feature column',
  );
});

test('error: test fraction out of range, or too few rows to split', () => {
  throwsShallow(() => build(csvOf(10, (i) => String(i % 2)), 'f.csv', { testFraction: 1 }), 'bad-option', /test fraction/);
  throwsShallow(() => build(csvOf(2, (i) => String(i % 2)), 'f.csv', { testFraction: 0.5 }), 'too-few-rows', /^f\.csv: 2 usable rows are too few/);
});

test('split: sizes, at least 1 test and 2 training rows, file order kept, deterministic by seed', () => {
  const t = fixtureTable('flower.csv');
  const opts = { fileName: 'flower.csv', normalize: 'none' as const, testFraction: 0.2, seed: 7 };
  const a = buildDataset(t, opts);
  const b = buildDataset(t, opts);
  assert.deepEqual(a, b, 'same seed, same split');
  assert.equal(a.X.cols, 320);
  assert.equal(a.Xtest?.cols, 80);
  assert.equal(a.Ytest?.cols, 80);
  const c = buildDataset(t, { ...opts, seed: 8 });
  assert.notDeepEqual(Array.from(c.X.data), Array.from(a.X.data), 'another seed, another split');
  // Every example lands in exactly one split.
  const all = new Set<number>();
  for (const d of [a.X, a.Xtest as Matrix]) for (let j = 0; j < d.cols; j++) all.add(get(d, 0, j));
  assert.equal(all.size, 400);
  // The training columns keep the file's order.
  const x1 = toRows(buildDataset(t, { ...opts, testFraction: 0 }).X)[0];
  const positions = toRows(a.X)[0].map((v) => x1.indexOf(v));
  assert.deepEqual(positions, [...positions].sort((p, q) => p - q));

  const tiny = build(csvOf(10, (i) => String(i % 2)), 't.csv', { testFraction: 0.01 });
  assert.equal(tiny.Xtest?.cols, 1, 'a tiny fraction still tests one row');
  const big = build(csvOf(10, (i) => String(i % 2)), 't.csv', { testFraction: 0.99 });
  assert.equal(big.X.cols, 2, 'a huge fraction still trains on two');
  assert.equal(big.Xtest?.cols, 8);
});

test('standardisation: each row of X has mean 0 and std 1 on the training split; the test split uses the same stats', () => {
  const t = fixtureTable('iris.csv');
  const raw = buildDataset(t, { fileName: 'iris.csv', normalize: 'none', testFraction: 0.3, seed: 3 });
  const d = buildDataset(t, { fileName: 'iris.csv', normalize: 'standard', testFraction: 0.3, seed: 3 });
  const n = d.encoding.normalization;
  assert.equal(n.kind, 'standard');
  for (let i = 0; i < 4; i++) {
    const s = rowStats(d.X, i);
    assert.ok(Math.abs(s.mean) < 1e-12, `row ${i} mean ${s.mean}`);
    assert.ok(Math.abs(s.std - 1) < 1e-12, `row ${i} std ${s.std}`);
    const r = rowStats(raw.X, i);
    assert.ok(Math.abs(n.mean[i] - r.mean) < 1e-12);
    assert.ok(Math.abs(n.std[i] - r.std) < 1e-12);
    const Xt = d.Xtest as Matrix;
    const Rt = raw.Xtest as Matrix;
    for (let j = 0; j < Xt.cols; j++) assert.ok(Math.abs(get(Xt, i, j) - (get(Rt, i, j) - n.mean[i]) / n.std[i]) < 1e-12);
  }
});

test('standardisation: a constant column gets std 1 and becomes 0, never NaN', () => {
  const d = build('c,x,label\n0.1,1,a\n0.1,2,b\n0.1,3,a\n', 'c.csv', { normalize: 'standard' });
  assert.equal(d.encoding.normalization.std[0], 1);
  assert.deepEqual(toRows(d.X)[0], [0, 0, 0]);
  assert.ok(Array.from(d.X.data).every(Number.isFinite));
});

test('every format variant of the mixed fixture gives the same dataset', () => {
  const opts = { normalize: 'standard' as const, testFraction: 0.3, seed: 5 };
  const plain = buildDataset(fixtureTable('csv/mixed.csv'), { ...opts, fileName: 'mixed.csv' });
  assert.deepEqual(plain.encoding.featureNames, ['size', 'shape=long\nthin', 'shape=round, smooth', 'shape=square "box"', 'weight']);
  assert.deepEqual(plain.encoding.classes, ['no', 'yes']);
  for (const name of ['mixed_bom.csv', 'mixed_crlf.csv', 'mixed_cr.csv', 'mixed_semicolon.csv', 'mixed_tab.tsv', 'mixed_quoted.csv']) {
    const d = buildDataset(fixtureTable(`csv/${name}`), { ...opts, fileName: 'mixed.csv' });
    assert.deepEqual(d, plain, name);
  }
});

test('flower written with BOM + CRLF, ";", tab, or every field quoted gives the same dataset', () => {
  const text = fixture('flower.csv');
  const rows = text.trim().split('\n').map((l) => l.split(','));
  const opts = { normalize: 'standard' as const, testFraction: 0.25, seed: 11, fileName: 'flower.csv' };
  const plain = build(text, 'flower.csv', opts);
  const variants = [
    `\ufeff${rows.map((r) => r.join(',')).join('\r\n')}\r\n`,
    rows.map((r) => r.join(';')).join('\n'),
    rows.map((r) => r.join('\t')).join('\n'),
    rows.map((r) => r.map((v) => `"${v}"`).join(',')).join('\n'),
  ];
  for (const v of variants) assert.deepEqual(build(v, 'flower.csv', opts), plain);
});

test('decimal commas are numbers in ";" files, not in "," files', () => {
  const eu = build('x;label\n1,5;a\n-2,25;b\n3;a\n', 'eu.csv');
  assert.deepEqual(Array.from(eu.X.data), [1.5, -2.25, 3]);
  // In a "," file they are no numbers, and an error says so (thousands.test.ts), not a silent category.
  throwsShallow(() => build('x,label\n"1,5",a\n"2,5",b\n"3,5",a\n', 'us.csv'), 'not-a-number', /^us\.csv row 2, column "x": "1,5" is not a number/);
});

test('describeColumns: kind, distinct values, missing cells, stray values', () => {
  const t = parseCsv('a,b,c,d\n1,x,1.0,0\n2,y,1,1\nNA,x,,2\n4,,3,3\n5,z,4,4\n6,y,5,5\n7,x,6,6\n8,y,7,7\n9,x,8,8\n10,x,9,9\n11,y,10,oops\n', 'c.csv');
  assert.deepEqual(describeColumns(t), [
    { name: 'a', kind: 'numeric', distinct: 10, missing: 1, invalid: 0 },
    { name: 'b', kind: 'categorical', distinct: 3, missing: 1, invalid: 0 },
    { name: 'c', kind: 'numeric', distinct: 9, missing: 1, invalid: 0 },
    { name: 'd', kind: 'numeric', distinct: 11, missing: 0, invalid: 1 },
  ]);
});

test('encodeRows: the columns by name in any order, the target absent, normalised as in training', () => {
  const t = fixtureTable('iris.csv');
  const d = buildDataset(t, { fileName: 'iris.csv', normalize: 'standard', testFraction: 0, seed: 1 });
  const shuffled = parseCsv(
    ['petal_width,sepal_width,sepal_length,petal_length', ...t.rows.map((r) => [r[3], r[1], r[0], r[2]].join(','))].join('\n'),
    'new.csv',
  );
  const { X, rowLines } = encodeRows(shuffled, d.encoding, 'new.csv');
  assert.deepEqual(Array.from(X.data), Array.from(d.X.data));
  assert.equal(rowLines.length, 150);
  assert.equal(rowLines[0], 2);
});

test('encodeRows: categorical features one-hot with the training levels', () => {
  const d = build('size,colour,label\n1,red,a\n2,blue,b\n3,green,a\n', 'c.csv');
  const { X } = encodeRows(parseCsv('colour,size\ngreen,5\n red ,6\n', 'p.csv'), d.encoding, 'p.csv');
  assert.deepEqual(toRows(X), [
    [5, 6],
    [0, 0],
    [1, 0],
    [0, 1],
  ]);
});

test('encodeRows errors: missing column, missing value, not a number, unseen category', () => {
  const d = build('size,colour,label\n1,red,a\n2,blue,b\n3,green,a\n', 'c.csv');
  const enc = (text: string) => () => encodeRows(parseCsv(text, 'p.csv'), d.encoding, 'p.csv');
  throwsShallow(
    enc('size,label\n1,a\n'),
    'feature-mismatch',
    'p.csv column "colour": the model needs this column, but the file has only size, label. Use a file with the training columns: size, colour',
  );
  throwsShallow(
    enc('size,colour\n1,red\n,blue\n'),
    'missing-value',
    'p.csv row 3, column "size": the value is missing. A prediction needs every feature of every row: fill it in, or remove the row',
  );
  throwsShallow(enc('size,colour\n1,red\n2,NA\n'), 'missing-value', /^p\.csv row 3, column "colour": the value is missing \("NA"\)/);
  throwsShallow(
    enc('size,colour\n1,red\nbig,blue\n'),
    'not-a-number',
    'p.csv row 3, column "size": "big" is not a number. This feature was numeric in training: fix or remove this value',
  );
  throwsShallow(
    enc('size,colour\n1,red\n2,purple\n'),
    'feature-mismatch',
    'p.csv row 3, column "colour": "purple" is not one of the values the model was trained on (blue, green, red). A model can only encode the categories it saw in training: use one of those, or retrain with this one',
  );
});

test('100 000 rows × 30 columns build in a few seconds', () => {
  const cols = 30;
  const values = Array.from({ length: 997 }, (_, k) => (k / 7 - 50).toFixed(5));
  const lines = [Array.from({ length: cols }, (_, j) => `c${j}`).join(',')];
  for (let i = 0; i < 100_000; i++) {
    const row: string[] = [];
    for (let j = 0; j < cols - 1; j++) row.push(values[(i * 31 + j * 17) % 997]);
    row.push(String(i % 3));
    lines.push(row.join(','));
  }
  const table: CsvTable = parseCsv(lines.join('\n'), 'big.csv');
  const t0 = performance.now();
  const d = buildDataset(table, { fileName: 'big.csv', normalize: 'standard', testFraction: 0.2, seed: 1 });
  const ms = performance.now() - t0;
  assert.deepEqual([d.X.rows, d.X.cols, d.Y.rows], [29, 80_000, 3]);
  assert.ok(ms < 8000, `took ${ms.toFixed(0)} ms`);
});
