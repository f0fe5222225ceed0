// Prediction on a new CSV, and the predictions file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCsv } from '../../../src/engine/csv';
import { buildDataset } from '../../../src/engine/dataset';
import { fromRows, get, type Matrix } from '../../../src/engine/matrix';
import { serializeModel, parseModel, type ShallowNetModel } from '../../../src/engine/model';
import { labelsOf, predictTable, writePredictionsCsv } from '../../../src/engine/predict';
import type { Dataset } from '../../../src/engine/types';
import { fixture, fixtureTable, throwsShallow } from '../helpers';

type Rows = number[][];

/** The lesson's forward pass, written out plainly: tanh hidden layer, sigmoid or softmax output. */
function forwardByHand(W1: Rows, b1: Rows, W2: Rows, b2: Rows, X: Matrix): number[][] {
  const out: number[][] = W2.map(() => []);
  for (let j = 0; j < X.cols; j++) {
    const a1 = W1.map((w, h) => Math.tanh(w.reduce((s, wk, k) => s + wk * get(X, k, j), b1[h][0])));
    const z2 = W2.map((w, k) => w.reduce((s, wh, h) => s + wh * a1[h], b2[k][0]));
    if (z2.length === 1) out[0].push(1 / (1 + Math.exp(-z2[0])));
    else {
      const top = Math.max(...z2);
      const e = z2.map((z) => Math.exp(z - top));
      const sum = e.reduce((a, b) => a + b, 0);
      e.forEach((v, k) => out[k].push(v / sum));
    }
  }
  return out;
}

function modelFor(d: Dataset, W1: Rows, b1: Rows, W2: Rows, b2: Rows): ShallowNetModel {
  return {
    format: 'shallow-net-model',
    version: 1,
    architecture: { nx: d.X.rows, nh: W1.length, ny: d.Y.rows, activation: 'tanh', leakyAlpha: 0.01, output: d.encoding.output },
    W1,
    b1,
    W2,
    b2,
    encoding: d.encoding,
    training: {
      learningRate: 1.2,
      iterations: 1,
      init: 'file',
      seed: 2,
      batchSize: 0,
      costHistory: [],
      trainAccuracy: 0.5,
      testAccuracy: null,
      seconds: 0,
      source: d.fileName,
      date: '2026-01-01T00:00:00.000Z',
    },
  };
}

const INIT = JSON.parse(fixture('flower_init_seed2.json')) as { W1: Rows; b1: Rows; W2: Rows; b2: Rows };
/** Larger weights than the lesson's start, so the predictions are not all ≈ 0.5. */
const FLOWER = { W1: INIT.W1.map((r) => r.map((v) => v * 100)), b1: [[0.1], [-0.2], [0.3], [0]], W2: [[2, -1.5, 1, 3]], b2: [[0.2]] };

function flowerModel(): { model: ShallowNetModel; dataset: Dataset } {
  const dataset = buildDataset(fixtureTable('flower.csv'), { fileName: 'flower.csv', normalize: 'none', testFraction: 0, seed: 1 });
  return { model: modelFor(dataset, FLOWER.W1, FLOWER.b1, FLOWER.W2, FLOWER.b2), dataset };
}

const IRIS = {
  W1: [
    [0.5, -1, 0.8, 1.2],
    [-0.3, 0.6, -1.1, -0.9],
    [1, 1, -0.5, 0.2],
  ],
  b1: [[0], [0.1], [-0.1]],
  W2: [
    [-2, 2.5, 0.3],
    [0.4, 0.2, 1],
    [2.2, -1.8, -0.6],
  ],
  b2: [[0], [0.2], [-0.2]],
};

function irisModel(): { model: ShallowNetModel; dataset: Dataset } {
  const dataset = buildDataset(fixtureTable('iris.csv'), { fileName: 'iris.csv', normalize: 'standard', testFraction: 0, seed: 1 });
  return { model: modelFor(dataset, IRIS.W1, IRIS.b1, IRIS.W2, IRIS.b2), dataset };
}

function assertClose(actual: Matrix, expected: number[][], tol = 1e-12): void {
  assert.equal(actual.rows, expected.length);
  assert.equal(actual.cols, expected[0].length);
  for (let k = 0; k < actual.rows; k++) {
    for (let j = 0; j < actual.cols; j++) {
      const a = get(actual, k, j);
      const e = expected[k][j];
      assert.ok(Math.abs(a - e) <= tol, `(${k}, ${j}): ${a} vs ${e}`);
    }
  }
}

test('binary: probabilities are the forward pass on the CSV rows; labels by P > 0.5', () => {
  const { model, dataset } = flowerModel();
  const r = predictTable(model, fixtureTable('flower.csv'), 'flower.csv');
  const expected = forwardByHand(FLOWER.W1, FLOWER.b1, FLOWER.W2, FLOWER.b2, dataset.X);
  assertClose(r.probabilities, expected);
  assert.equal(r.labels.length, 400);
  r.labels.forEach((label, j) => assert.equal(label, expected[0][j] > 0.5 ? '1' : '0'));
  assert.ok(new Set(r.labels).size === 2, 'both classes are predicted');
  assert.equal(r.rowLines[0], 2);
  assert.equal(r.rowLines[399], 401);
});

test('a model read back from its file predicts the same', () => {
  const { model } = flowerModel();
  const again = parseModel(serializeModel(model), 'flower.model.json');
  const table = fixtureTable('flower.csv');
  assert.deepEqual(predictTable(again, table, 'flower.csv'), predictTable(model, table, 'flower.csv'));
});

test('multi-class: the stored standardisation is applied, softmax columns sum to 1, labels by argmax', () => {
  const { model, dataset } = irisModel();
  // The columns in another order, without the target: found by name.
  const t = fixtureTable('iris.csv');
  const reordered = parseCsv(['petal_width,petal_length,sepal_width,sepal_length', ...t.rows.map((r) => [r[3], r[2], r[1], r[0]].join(','))].join('\n'), 'new.csv');
  const r = predictTable(model, reordered, 'new.csv');
  const expected = forwardByHand(IRIS.W1, IRIS.b1, IRIS.W2, IRIS.b2, dataset.X);
  assertClose(r.probabilities, expected);
  for (let j = 0; j < 150; j++) {
    const col = [0, 1, 2].map((k) => get(r.probabilities, k, j));
    assert.ok(Math.abs(col[0] + col[1] + col[2] - 1) < 1e-12);
    assert.equal(r.labels[j], model.encoding.classes[col.indexOf(Math.max(...col))]);
  }
});

test('labelsOf: P = 0.5 is the negative class; ties go to the first class', () => {
  assert.deepEqual(labelsOf(fromRows([[0.5, 0.5000001, 0.1]]), ['no', 'yes']), ['no', 'yes', 'no']);
  assert.deepEqual(labelsOf(fromRows([[0.4, 0.2], [0.4, 0.3], [0.2, 0.5]]), ['a', 'b', 'c']), ['a', 'c']);
});

test('errors name the file, row and column of the new CSV', () => {
  const { model } = flowerModel();
  throwsShallow(() => predictTable(model, parseCsv('x1,label\n1,0\n', 'new.csv'), 'new.csv'), 'feature-mismatch', /^new\.csv column "x2": the model needs this column, but the file has only x1, label/);
  throwsShallow(() => predictTable(model, parseCsv('x1,x2\n1,2\n3,oops\n', 'new.csv'), 'new.csv'), 'not-a-number', /^new\.csv row 3, column "x2": "oops" is not a number/);
  throwsShallow(() => predictTable(model, parseCsv('x1,x2\n1,2\n3,\n', 'new.csv'), 'new.csv'), 'missing-value', /^new\.csv row 3, column "x2": the value is missing/);
});

test('predictions CSV, binary: the input with probability_<classes[1]> and predicted_<target> appended', () => {
  const { model } = flowerModel();
  const table = fixtureTable('flower.csv');
  const r = predictTable(model, table, 'flower.csv');
  const text = writePredictionsCsv(table, r, model);
  const lines = text.split('\n');
  assert.equal(lines[0], 'x1,x2,label,probability_1,predicted_label');
  assert.equal(lines.length, 402, 'header, 400 rows, final line break');
  assert.equal(lines[401], '');
  const back = parseCsv(text, 'out.csv');
  back.rows.forEach((row, j) => {
    assert.deepEqual(row.slice(0, 3), table.rows[j]);
    assert.ok(Math.abs(Number(row[3]) - get(r.probabilities, 0, j)) <= 5e-7);
    assert.equal(row[4], r.labels[j]);
  });
});

test('predictions CSV, multi-class: one probability per class, then the label', () => {
  const { model } = irisModel();
  const table = fixtureTable('iris.csv');
  const text = writePredictionsCsv(table, predictTable(model, table, 'iris.csv'), model);
  assert.equal(
    text.slice(0, text.indexOf('\n')),
    'sepal_length,sepal_width,petal_length,petal_width,species,probability_setosa,probability_versicolor,probability_virginica,predicted_species',
  );
  assert.equal(parseCsv(text, 'out.csv').rows.length, 150);
});

test('predictions CSV keeps quoted values quoted, keeps the delimiter, never reuses a column name', () => {
  const d = buildDataset(parseCsv('x;note;label\n1,5;"a;b";yes\n2;c;no\n3;"say ""hi""";yes\n', 'eu.csv'), {
    fileName: 'eu.csv',
    normalize: 'none',
    testFraction: 0,
    seed: 1,
  });
  const model = modelFor(d, [[1, 0, 0, 0]], [[0]], [[1]], [[0]]);
  const table = parseCsv('note;x;predicted_label;probability_yes\n"a;b";1,5;old;old\nc;-2;old;old\n', 'new.csv');
  const r = predictTable(model, table, 'new.csv');
  const text = writePredictionsCsv(table, r, model);
  assert.equal(text.split('\n')[0], 'note;x;predicted_label;probability_yes;probability_yes_2;predicted_label_2');
  assert.equal(text.split('\n')[1].slice(0, 11), '"a;b";1,5;o');
  const back = parseCsv(text, 'out.csv');
  assert.equal(back.delimiter, ';');
  assert.deepEqual(back.rows.map((row) => row.slice(0, 4)), table.rows);
  assert.deepEqual(back.rows.map((row) => row[5]), r.labels);
  assert.deepEqual(r.labels, ['yes', 'no']);
});
