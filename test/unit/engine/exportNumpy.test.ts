// The NumPy export: the Python file's predictions equal the engine's (Debian's python3-numpy).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseCsv } from '../../../src/engine/csv';
import { exportNumpy, numpyFileNameFor } from '../../../src/engine/exportNumpy';
import type { ShallowNetModel } from '../../../src/engine/model';
import { predictTable } from '../../../src/engine/predict';
import { fixture } from '../helpers';
import { runPython, skipWithoutNumpy, trainedModel } from '../numpyPython';

const tmp = mkdtempSync(join(tmpdir(), 'shallow-net-numpy-'));
const skip = skipWithoutNumpy;

/** Runs the exported file as a script on a CSV: the appended columns, per row. */
function pythonPredictions(model: ShallowNetModel, csvText: string, name: string): { probabilities: number[][]; labels: string[]; header: string[] } {
  const py = join(tmp, numpyFileNameFor(`${name}.model.json`));
  const csv = join(tmp, `${name}.csv`);
  writeFileSync(py, exportNumpy(model));
  writeFileSync(csv, csvText);
  const r = runPython([py, csv], tmp);
  assert.equal(r.status, 0, r.stderr);
  const table = parseCsv(r.stdout, 'out.csv');
  const k = model.architecture.ny;
  const first = table.header.length - k - 1;
  return {
    header: table.header,
    probabilities: table.rows.map((row) => row.slice(first, first + k).map(Number)),
    labels: table.rows.map((row) => row[row.length - 1]),
  };
}

function assertSamePredictions(model: ShallowNetModel, csvText: string, name: string): void {
  const table = parseCsv(csvText, `${name}.csv`);
  const engine = predictTable(model, table, `${name}.csv`);
  const py = pythonPredictions(model, csvText, name);
  const P = engine.probabilities;
  assert.equal(py.probabilities.length, P.cols);
  let worst = 0;
  for (let j = 0; j < P.cols; j++) {
    for (let k = 0; k < P.rows; k++) worst = Math.max(worst, Math.abs(py.probabilities[j][k] - P.data[k * P.cols + j]));
  }
  assert.ok(worst <= 1e-12, `largest difference ${worst}`);
  assert.deepEqual(py.labels, engine.labels);
  // Not a degenerate model: it predicts more than one class.
  assert.ok(new Set(engine.labels).size > 1, 'the model predicts a single class');
}

test('flower (tanh, sigmoid output): the Python predict matches the engine to 1e-12, labels exactly', { skip }, () => {
  const text = fixture('flower.csv');
  const model = trainedModel(text, 'flower.csv', { iterations: 2000 });
  assertSamePredictions(model, text, 'flower');
  const py = pythonPredictions(model, text, 'flower');
  assert.deepEqual(py.header, ['x1', 'x2', 'label', 'probability_1', 'predicted_label']);
});

test('iris (softmax output, 3 classes): the Python predict matches the engine to 1e-12, labels exactly', { skip }, () => {
  const text = fixture('iris.csv');
  const model = trainedModel(text, 'iris.csv', { learningRate: 0.5, iterations: 1000 });
  assert.equal(model.architecture.output, 'softmax');
  assertSamePredictions(model, text, 'iris');
  const py = pythonPredictions(model, text, 'iris');
  assert.deepEqual(py.header.slice(-4), ['probability_setosa', 'probability_versicolor', 'probability_virginica', 'predicted_species']);
});

test('every hidden activation (Leaky ReLU with its α), no normalisation, and a categorical feature one-hot', { skip }, () => {
  const flower = fixture('flower.csv').trim().split('\n');
  const colours = ['red', 'green', 'blue'];
  const withColour = [
    'x1,colour,x2,label',
    ...flower.slice(1).map((line, i) => {
      const [x1, x2, label] = line.split(',');
      return `${x1},${colours[i % 3]},${x2},${label}`;
    }),
  ].join('\n');
  for (const activation of ['sigmoid', 'relu', 'leaky-relu'] as const) {
    const model = trainedModel(withColour, 'colour.csv', { activation, leakyAlpha: 0.2, learningRate: 0.3, iterations: 500, hiddenUnits: 5 });
    assert.deepEqual(model.encoding.featureNames, ['x1', 'colour=blue', 'colour=green', 'colour=red', 'x2']);
    assertSamePredictions(model, withColour, `colour_${activation.replace('-', '_')}`);
  }
  const raw = trainedModel(fixture('flower.csv'), 'flower.csv', { normalization: 'none', iterations: 1000 });
  assertSamePredictions(raw, fixture('flower.csv'), 'flower_raw');
});

test('encode and predict called from Python; an unseen category and a missing column are clear errors', { skip }, () => {
  const model = trainedModel('a,c,y\n1,u,0\n2,v,1\n3,u,0\n4,v,1\n', 'tiny.csv', { iterations: 50 });
  const py = join(tmp, 'tiny_model.py');
  writeFileSync(py, exportNumpy(model));
  const script = [
    'import sys, json',
    `sys.path.insert(0, ${JSON.stringify(tmp)})`,
    'import tiny_model as m',
    'X = m.encode([{"a": 2.5, "c": "v"}, {"a": "1", "c": " u "}])',
    'A2, labels = m.predict(X)',
    'print(json.dumps({"shape": list(X.shape), "X": X.tolist(), "A2": A2.tolist(), "labels": [str(l) for l in labels]}))',
    'for bad in ({"a": 1, "c": "w"}, {"c": "u"}):',
    '    try:',
    '        m.encode([bad])',
    '    except ValueError as e:',
    '        print(e)',
  ].join('\n');
  const r = runPython(['-c', script], tmp);
  assert.equal(r.status, 0, r.stderr);
  const [json, unseen, missing] = r.stdout.trim().split('\n');
  const out = JSON.parse(json) as { shape: number[]; X: number[][]; A2: number[][]; labels: string[] };
  assert.deepEqual(out.shape, [3, 2]);
  assert.deepEqual(out.X, [[2.5, 1], [0, 1], [1, 0]]);
  const engine = predictTable(model, parseCsv('a,c\n2.5,v\n1,u\n', 'rows.csv'), 'rows.csv');
  out.A2[0].forEach((p, j) => assert.ok(Math.abs(p - engine.probabilities.data[j]) <= 1e-12));
  assert.deepEqual(out.labels, engine.labels);
  assert.equal(unseen, "row 1, column 'c': 'w' is not one of the values the model was trained on (u, v)");
  assert.equal(missing, "row 1: the model needs the column 'a'");
});

test('the file reads like the lesson: parameters, normalisation, names, the forward pass', () => {
  const model = trainedModel(fixture('flower.csv'), 'flower.csv', { iterations: 10 });
  const src = exportNumpy(model);
  for (const line of ['Z1 = W1 @ X + b1', 'A1 = g(Z1)', 'Z2 = W2 @ A1 + b2', 'A2 = sigmoid(Z2)', 'return np.tanh(Z)', "FEATURE_NAMES = ['x1', 'x2']", "CLASSES = ['0', '1']", "SOURCE = 'flower.csv'", "TRAINED = '2026-01-01T00:00:00.000Z'"]) {
    assert.ok(src.includes(line), line);
  }
  assert.match(src, /^W1 = np\.array\(\[ {2}# n_h by n_x = 4 by 2\n( {4}\[-?[\d.e-]+, -?[\d.e-]+\],\n){4}\], dtype=float\)$/m);
  assert.match(src, /^MEAN = np\.array\(\[-?[\d.e-]+, -?[\d.e-]+\], dtype=float\)\.reshape\(-1, 1\)/m);
  assert.equal(numpyFileNameFor('flower.model.json'), 'flower_model.py');
  assert.equal(numpyFileNameFor('2 moons.json'), 'model_2_moons.py');
});
