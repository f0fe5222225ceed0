// The model file: round trip, stable text, validation messages, initial parameters.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toRows } from '../../../src/engine/matrix';
import {
  checkParamsFit,
  paramsOf,
  parseInitialParams,
  parseModel,
  serializeModel,
  type ShallowNetModel,
} from '../../../src/engine/model';
import { fixture, throwsShallow } from '../helpers';

const INIT = JSON.parse(fixture('flower_init_seed2.json')) as { W1: number[][]; b1: number[][]; W2: number[][]; b2: number[][] };

function flowerModel(): ShallowNetModel {
  return {
    format: 'shallow-net-model',
    version: 1,
    architecture: { nx: 2, nh: 4, ny: 1, activation: 'tanh', leakyAlpha: 0.01, output: 'sigmoid' },
    W1: INIT.W1,
    b1: INIT.b1,
    W2: INIT.W2,
    b2: INIT.b2,
    encoding: {
      features: [
        { kind: 'numeric', name: 'x1' },
        { kind: 'numeric', name: 'x2' },
      ],
      featureNames: ['x1', 'x2'],
      normalization: { kind: 'none', mean: [0, 0], std: [1, 1] },
      targetName: 'label',
      classes: ['0', '1'],
      output: 'sigmoid',
    },
    training: {
      learningRate: 1.2,
      iterations: 10000,
      init: 'file',
      seed: 2,
      batchSize: 0,
      costHistory: [
        [0, 0.693048],
        [1000, 0.288083],
        [9999, 0.2186],
      ],
      trainAccuracy: 0.905,
      testAccuracy: null,
      seconds: 1.25,
      source: 'flower.csv',
      date: '2026-01-02T03:04:05.000Z',
    },
  };
}

function irisModel(): ShallowNetModel {
  return {
    format: 'shallow-net-model',
    version: 1,
    architecture: { nx: 5, nh: 2, ny: 3, activation: 'leaky-relu', leakyAlpha: 0.05, output: 'softmax' },
    W1: [
      [0.1, -0.2, 0.3, 0.4, -0.5],
      [1e-8, 2.5, -3, 0, 1],
    ],
    b1: [[0.5], [-0.5]],
    W2: [
      [1, 2],
      [-1, 0.25],
      [0, 3],
    ],
    b2: [[0], [0.1], [-0.1]],
    encoding: {
      features: [
        { kind: 'numeric', name: 'petal_length' },
        { kind: 'categorical', name: 'colour', levels: ['blue', 'red, dark', 'say "hi"'] },
        { kind: 'numeric', name: 'petal_width' },
      ],
      featureNames: ['petal_length', 'colour=blue', 'colour=red, dark', 'colour=say "hi"', 'petal_width'],
      normalization: { kind: 'standard', mean: [3.7, 0.3, 0.3, 0.4, 1.2], std: [1.76, 0.46, 0.46, 0.49, 0.76] },
      targetName: 'species',
      classes: ['setosa', 'versicolor', 'virginica'],
      output: 'softmax',
    },
    training: {
      learningRate: 0.5,
      iterations: 300,
      init: 'xavier',
      seed: 42,
      batchSize: 32,
      costHistory: [],
      trainAccuracy: 0.97,
      testAccuracy: 0.9333333333333333,
      seconds: 0.02,
      source: 'iris.csv',
      date: '2026-01-02T03:04:05.000Z',
    },
  };
}

test('round trip: parseModel(serializeModel(m)) equals m, binary and multi-class', () => {
  for (const m of [flowerModel(), irisModel()]) {
    const text = serializeModel(m);
    assert.deepEqual(parseModel(text, 'm.json'), m);
    assert.equal(serializeModel(parseModel(text, 'm.json')), text, 'stable: writing what was read gives the same text');
  }
});

test('serializeModel: fixed key order whatever the object, one matrix row per line, full precision', () => {
  const m = flowerModel();
  const scrambled = {
    training: m.training,
    encoding: m.encoding,
    b2: m.b2,
    W2: m.W2,
    b1: m.b1,
    W1: m.W1,
    architecture: { output: 'sigmoid', leakyAlpha: 0.01, activation: 'tanh', ny: 1, nh: 4, nx: 2 },
    version: 1,
    format: 'shallow-net-model',
  } as ShallowNetModel;
  const text = serializeModel(m);
  assert.equal(serializeModel(scrambled), text);
  const keys = Object.keys(JSON.parse(text) as object);
  assert.deepEqual(keys, ['format', 'version', 'architecture', 'W1', 'b1', 'W2', 'b2', 'encoding', 'training']);
  assert.ok(text.includes('\n  "W1": [\n    [-0.004167578474054706, -0.0005626682722632948],\n    [-0.02136196095668454, 0.016402708084049887],'));
  assert.ok(text.includes('"architecture": { "nx": 2, "nh": 4, "ny": 1, "activation": "tanh", "leakyAlpha": 0.01, "output": "sigmoid" }'));
  assert.ok(text.endsWith('}\n'));
});

test('serializeModel refuses parameters that are not finite numbers', () => {
  const m = flowerModel();
  m.W2 = [[NaN, 0, 0, 0]];
  throwsShallow(() => serializeModel(m), 'bad-model', /W2 holds a value that is not a finite number/);
});

test('paramsOf: the matrices', () => {
  const p = paramsOf(flowerModel());
  assert.deepEqual([p.W1.rows, p.W1.cols, p.b1.rows, p.b1.cols, p.W2.rows, p.W2.cols, p.b2.rows, p.b2.cols], [4, 2, 4, 1, 1, 4, 1, 1]);
  assert.deepEqual(toRows(p.W1), INIT.W1);
});

/** The flower model as JSON, changed by `edit`, then parsed. */
function parseEdited(edit: (o: Record<string, unknown> & ShallowNetModel) => void): () => ShallowNetModel {
  const o = JSON.parse(serializeModel(flowerModel())) as Record<string, unknown> & ShallowNetModel;
  edit(o);
  const text = JSON.stringify(o);
  return () => parseModel(text, 'm.json');
}

test('parseModel errors: not a model', () => {
  const hint = 'Open a model file written by Shallow Net training';
  throwsShallow(() => parseModel('', 'm.json'), 'bad-model', `m.json: the file is empty. ${hint}`);
  throwsShallow(() => parseModel('{"format": ', 'm.json'), 'bad-model', /^m\.json: is not valid JSON \(.+\)\. A model file is the JSON that training writes/);
  throwsShallow(() => parseModel('[1, 2]', 'm.json'), 'bad-model', /^m\.json: the file must be an object, not an array\./);
  throwsShallow(() => parseModel('{"W1": []}', 'm.json'), 'bad-model', `m.json: is not a Shallow Net model (it has no "format" field). ${hint}`);
  throwsShallow(parseEdited((o) => (o.format = 'keras' as 'shallow-net-model')), 'bad-model', `m.json: is not a Shallow Net model (its format is "keras", not "shallow-net-model"). ${hint}`);
});

test('parseModel errors: versions', () => {
  throwsShallow(
    parseEdited((o) => (o.version = 2 as 1)),
    'bad-model',
    'm.json: was written by a newer Shallow Net (model format version 2); this one reads version 1. Update the extension to open it',
  );
  throwsShallow(parseEdited((o) => (o.version = '1' as unknown as 1)), 'bad-model', /^m\.json: has an unsupported model format version "1"; this Shallow Net reads version 1\./);
  throwsShallow(parseEdited((o) => delete (o as Partial<ShallowNetModel>).version), 'bad-model', /^m\.json: version is missing\./);
});

test('parseModel errors: architecture', () => {
  throwsShallow(parseEdited((o) => delete (o as Partial<ShallowNetModel>).architecture), 'bad-model', /^m\.json: architecture is missing\. The file may be damaged/);
  throwsShallow(
    parseEdited((o) => (o.architecture.activation = 'swish' as 'tanh')),
    'bad-model',
    'm.json: architecture.activation is "swish", which is not one of sigmoid, tanh, relu, leaky-relu, linear. The file may be damaged or edited by hand; train again to write a new one',
  );
  throwsShallow(parseEdited((o) => (o.architecture.nh = 0)), 'bad-model', /architecture\.nh must be a whole number of at least 1, not 0/);
  throwsShallow(parseEdited((o) => (o.architecture.nx = 2.5)), 'bad-model', /architecture\.nx must be a whole number of at least 1, not 2\.5/);
  throwsShallow(parseEdited((o) => (o.architecture.output = 'linear' as 'sigmoid')), 'bad-model', /architecture\.output is "linear", which is not one of sigmoid, softmax/);
  throwsShallow(parseEdited((o) => (o.architecture.ny = 2)), 'bad-model', /architecture\.ny must be 1 for a sigmoid output \(two classes\), not 2/);
  throwsShallow(parseEdited((o) => (o.architecture.leakyAlpha = -1)), 'bad-model', /leakyAlpha must be at least 0 and below 1/);
});

test('parseModel errors: parameter shapes and values', () => {
  throwsShallow(
    parseEdited((o) => (o.W1 = o.W1.slice(0, 3))),
    'bad-model',
    'm.json: W1 must be nh × nx = 4 × 2, but it is 3 × 2. The file may be damaged or edited by hand; train again to write a new one',
  );
  throwsShallow(parseEdited((o) => (o.W1[2] = [1, 2, 3])), 'bad-model', 'm.json: W1 has rows of different lengths: row 2 has 3 values, row 0 has 2. The file may be damaged or edited by hand; train again to write a new one');
  throwsShallow(parseEdited((o) => (o.b1 = [[0], [0], [0]])), 'bad-model', /^m\.json: b1 must be nh × 1 = 4 × 1, but it is 3 × 1\./);
  throwsShallow(parseEdited((o) => (o.W2 = [[1, 2, 3, 4], [1, 2, 3, 4]])), 'bad-model', /^m\.json: W2 must be ny × nh = 1 × 4, but it is 2 × 4\./);
  throwsShallow(parseEdited((o) => (o.b2 = [[0, 1]])), 'bad-model', /^m\.json: b2 must be ny × 1 = 1 × 1, but it is 1 × 2\./);
  throwsShallow(parseEdited((o) => (o.W2[0][1] = null as unknown as number)), 'bad-model', /^m\.json: W2\[0\]\[1\] must be a finite number, not null\./);
  throwsShallow(parseEdited((o) => (o.W1[0][0] = 'NaN' as unknown as number)), 'bad-model', /^m\.json: W1\[0\]\[0\] must be a finite number, not "NaN"\./);
  throwsShallow(() => parseModel(serializeModel(flowerModel()).replace('-0.004167578474054706', '1e999'), 'm.json'), 'bad-model', /^m\.json: W1\[0\]\[0\] must be a finite number, not Infinity\./);
  throwsShallow(parseEdited((o) => (o.b1 = [] as number[][])), 'bad-model', /^m\.json: b1 must have at least one row, it is empty/);
  throwsShallow(parseEdited((o) => (o.W2 = 5 as unknown as number[][])), 'bad-model', /^m\.json: W2 must be an array, not 5\./);
});

test('parseModel errors: encoding disagreeing with the architecture', () => {
  throwsShallow(parseEdited((o) => o.encoding.featureNames.push('x3')), 'bad-model', /^m\.json: encoding\.featureNames must name nx = 2 inputs, it names 3\./);
  throwsShallow(parseEdited((o) => (o.encoding.featureNames = ['x2', 'x1'])), 'bad-model', /encoding\.featureNames\[0\] is "x2", but the features make it "x1"/);
  throwsShallow(parseEdited((o) => o.encoding.features.pop()), 'bad-model', /^m\.json: encoding\.features encode 1 input rows, but architecture\.nx is 2\./);
  throwsShallow(
    parseEdited((o) => (o.encoding.features[1] = { kind: 'categorical', name: 'x2', levels: [] })),
    'bad-model',
    /encoding\.features\[1\]\.levels is empty/,
  );
  throwsShallow(parseEdited((o) => (o.encoding.features[1] = { kind: 'numeric', name: 'x1' })), 'bad-model', /encoding\.features names the column "x1" twice/);
  throwsShallow(parseEdited((o) => (o.encoding.classes = ['0', '1', '2'])), 'bad-model', /^m\.json: encoding\.classes must list 2 classes for a sigmoid output, it lists 3\./);
  throwsShallow(parseEdited((o) => (o.encoding.classes = ['1', '1'])), 'bad-model', /encoding\.classes lists a class twice/);
  throwsShallow(parseEdited((o) => (o.encoding.normalization.std = [1])), 'bad-model', /^m\.json: encoding\.normalization\.std must hold 2 numbers, it holds 1\./);
  throwsShallow(parseEdited((o) => (o.encoding.normalization.std = [1, 0])), 'bad-model', /encoding\.normalization\.std\[1\] \(feature "x2"\) must be positive, not 0/);
  throwsShallow(parseEdited((o) => (o.encoding.normalization.kind = 'minmax' as 'none')), 'bad-model', /normalization\.kind is "minmax", which is not one of standard, none/);
  throwsShallow(parseEdited((o) => (o.encoding.output = 'softmax')), 'bad-model', /encoding\.output is "softmax" but architecture\.output is "sigmoid"/);
});

test('parseModel errors: training record', () => {
  throwsShallow(parseEdited((o) => delete (o as Partial<ShallowNetModel>).training), 'bad-model', /^m\.json: training is missing\./);
  throwsShallow(parseEdited((o) => (o.training.costHistory = [[0, 0.5, 1]] as unknown as [number, number][])), 'bad-model', /training\.costHistory\[0\] must be a pair \[iteration, cost\], it holds 3 values/);
  throwsShallow(parseEdited((o) => (o.training.trainAccuracy = 90.5)), 'bad-model', /training\.trainAccuracy must be between 0 and 1, not 90\.5/);
  throwsShallow(parseEdited((o) => (o.training.init = 'random' as 'small')), 'bad-model', /training\.init is "random", which is not one of small, xavier, he, zeros, file/);
  throwsShallow(parseEdited((o) => (o.training.learningRate = 0)), 'bad-model', /training\.learningRate must be positive, not 0/);
  throwsShallow(parseEdited((o) => delete (o.training as Partial<ShallowNetModel['training']>).source), 'bad-model', /^m\.json: training\.source is missing\./);
});

test('parseModel accepts a BOM and ignores unknown extra fields', () => {
  const text = `\ufeff${JSON.stringify({ ...JSON.parse(serializeModel(flowerModel())), note: 'hello' })}`;
  assert.deepEqual(parseModel(text, 'm.json'), flowerModel());
});

test('parseInitialParams: the lesson\'s flower_init_seed2.json gives W1 4×2, b1 4×1, W2 1×4, b2 1×1', () => {
  const p = parseInitialParams(fixture('flower_init_seed2.json'), 'flower_init_seed2.json');
  assert.deepEqual([p.W1.rows, p.W1.cols], [4, 2]);
  assert.deepEqual([p.b1.rows, p.b1.cols], [4, 1]);
  assert.deepEqual([p.W2.rows, p.W2.cols], [1, 4]);
  assert.deepEqual([p.b2.rows, p.b2.cols], [1, 1]);
  assert.deepEqual(toRows(p.W1), INIT.W1);
  assert.equal(p.W2.data[3], 0.022922080128149575);
  assert.deepEqual(Array.from(p.b1.data), [0, 0, 0, 0]);
  checkParamsFit(p, 2, 1, 'flower_init_seed2.json');
});

test('parseInitialParams: a whole model file, and flat bias vectors', () => {
  const fromModel = parseInitialParams(serializeModel(irisModel()), 'm.json');
  assert.deepEqual(toRows(fromModel.W2), irisModel().W2);
  const flat = parseInitialParams(JSON.stringify({ W1: [[1, 2]], b1: [0.5], W2: [[3], [4]], b2: [1, 2] }), 'p.json');
  assert.deepEqual(toRows(flat.b1), [[0.5]]);
  assert.deepEqual(toRows(flat.b2), [[1], [2]]);
});

test('parseInitialParams errors: missing or inconsistent matrices', () => {
  const hintRe = /Give a JSON object with W1, b1, W2 and b2, or a model file$/;
  throwsShallow(() => parseInitialParams('{"W1": [[1]], "b1": [[0]], "b2": [[0]]}', 'p.json'), 'bad-model', /^p\.json: has no W2; initial parameters need W1, b1, W2 and b2/);
  throwsShallow(() => parseInitialParams('{"W1": [[1]]}', 'p.json'), 'bad-model', hintRe);
  throwsShallow(() => parseInitialParams('not json', 'p.json'), 'bad-model', /^p\.json: is not valid JSON/);
  throwsShallow(
    () => parseInitialParams(JSON.stringify({ W1: [[1, 2], [3, 4]], b1: [[0], [0], [0]], W2: [[1, 2]], b2: [[0]] }), 'p.json'),
    'bad-model',
    /^p\.json: b1 must be nh × 1 \(nh from W1\) = 2 × 1, but it is 3 × 1\./,
  );
  throwsShallow(
    () => parseInitialParams(JSON.stringify({ W1: [[1, 2], [3, 4]], b1: [[0], [0]], W2: [[1, 2, 3]], b2: [[0]] }), 'p.json'),
    'bad-model',
    /^p\.json: W2 must have nh = 2 columns \(one per row of W1\), but it is 1 × 3\./,
  );
  throwsShallow(
    () => parseInitialParams(JSON.stringify({ W1: [[1, 2], [3]], b1: [[0], [0]], W2: [[1, 2]], b2: [[0]] }), 'p.json'),
    'bad-model',
    /^p\.json: W1 has rows of different lengths: row 1 has 1 values, row 0 has 2\./,
  );
  throwsShallow(() => parseInitialParams(JSON.stringify({ format: 'shallow-net-model', version: 1 }), 'p.json'), 'bad-model', /^p\.json: architecture is missing/);
});

test('checkParamsFit: the initial parameters must match the data\'s inputs and outputs', () => {
  const p = parseInitialParams(fixture('flower_init_seed2.json'), 'init.json');
  throwsShallow(
    () => checkParamsFit(p, 4, 3, 'init.json'),
    'params-mismatch',
    'init.json: the initial parameters take 2 input features (W1 is 4 × 2), but the data has 4. Use initial parameters made for this data and target, or let training initialise them',
  );
  throwsShallow(
    () => checkParamsFit(p, 2, 3, 'init.json'),
    'params-mismatch',
    'init.json: the initial parameters give 1 output (W2 is 1 × 4), but the target needs 3 (3 classes, one-hot). Use initial parameters made for this data and target, or let training initialise them',
  );
});
