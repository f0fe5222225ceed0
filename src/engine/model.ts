/**
 * The model file: a trained network in JSON, everything needed to predict on new CSV rows
 * and to show how it was trained. The object in memory is the file's own layout:
 *
 *   { "format": "shallow-net-model", "version": 1,
 *     "architecture": { nx, nh, ny, activation, leakyAlpha, output },
 *     "W1": [[…]], "b1": [[…]], "W2": [[…]], "b2": [[…]]      (nested arrays, rows first)
 *     "encoding": { features, featureNames, normalization, targetName, classes, output },
 *     "training": { learningRate, iterations, init, seed, batchSize,
 *                   costHistory: [[iteration, cost], …], trainAccuracy, testAccuracy,
 *                   seconds, source, date } }
 *
 * serializeModel writes it with a fixed key order, one matrix row per line; parseModel
 * checks every part of a file it did not write itself (hand-edited, older, damaged) and
 * says precisely what is wrong.
 */
import { MAX_HIDDEN_UNITS } from './config';
import { featureNamesOf } from './encode';
import { quoteForMessage, ShallowNetError } from './errors';
import { INLINE_WIDTH, MODEL_FORMAT, MODEL_VERSION, type ModelTraining } from './modelFormat';
import { estimateModelJsonLength, modelTooBig } from './modelSize';
export { MODEL_FORMAT, MODEL_VERSION, type ModelTraining } from './modelFormat';
export { checkModelSavable, estimateModelJsonLength, MAX_MODEL_JSON_LENGTH, modelTooBig, type ModelTrainingShape } from './modelSize';
import { fromRows, type Matrix } from './matrix';
import {
  ACTIVATION_NAMES,
  INIT_NAMES,
  type ActivationName,
  type Architecture,
  type Encoding,
  type FeatureSpec,
  type NormalizationKind,
  type OutputKind,
  type Params,
} from './types';


/** Nested arrays, rows first. */
export type MatrixRows = number[][];

export interface ShallowNetModel {
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  architecture: Architecture;
  W1: MatrixRows;
  b1: MatrixRows;
  W2: MatrixRows;
  b2: MatrixRows;
  encoding: Encoding;
  training: ModelTraining;
}

/** The model's parameters as matrices. */
export function paramsOf(model: ShallowNetModel): Params {
  return { W1: fromRows(model.W1), b1: fromRows(model.b1), W2: fromRows(model.W2), b2: fromRows(model.b2) };
}

// ───────────────────────────── writing ─────────────────────────────

type Json = number | string | boolean | null | Json[] | { [key: string]: Json };

/** The model as JSON text: fixed key order, 2-space indent, one matrix row per line. */
export function serializeModel(model: ShallowNetModel): string {
  const a = model.architecture;
  const e = model.encoding;
  const t = model.training;
  for (const k of ['W1', 'b1', 'W2', 'b2'] as const) {
    for (const row of model[k]) {
      if (!row.every(Number.isFinite)) {
        throw new ShallowNetError('bad-model', `cannot save the model: ${k} holds a value that is not a finite number`, { file: t.source }, 'Training diverged; lower the learning rate and train again');
      }
    }
  }
  const ordered: Json = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    architecture: { nx: a.nx, nh: a.nh, ny: a.ny, activation: a.activation, leakyAlpha: a.leakyAlpha, output: a.output },
    W1: model.W1,
    b1: model.b1,
    W2: model.W2,
    b2: model.b2,
    encoding: {
      features: e.features.map((f): Json => (f.kind === 'numeric' ? { kind: f.kind, name: f.name } : { kind: f.kind, name: f.name, levels: f.levels })),
      featureNames: e.featureNames,
      normalization: { kind: e.normalization.kind, mean: e.normalization.mean, std: e.normalization.std },
      targetName: e.targetName,
      classes: e.classes,
      output: e.output,
    },
    training: {
      learningRate: t.learningRate,
      iterations: t.iterations,
      init: t.init,
      ...(t.initScale === undefined ? {} : { initScale: t.initScale }),
      seed: t.seed,
      batchSize: t.batchSize,
      costHistory: t.costHistory.map(([i, c]) => [i, c]),
      trainAccuracy: t.trainAccuracy,
      testAccuracy: t.testAccuracy,
      seconds: t.seconds,
      source: t.source,
      date: t.date,
    },
  };
  try {
    return `${pretty(ordered, '')}\n`;
  } catch (err) {
    // Past the longest string (prepareRun refuses such a network before training; this is the last word).
    if (!(err instanceof RangeError)) throw err;
    throw modelTooBig(estimateModelJsonLength(a, e, { ...t, historyPoints: t.costHistory.length }), a);
  }
}


function isScalar(v: Json): v is number | string | boolean | null {
  return v === null || typeof v !== 'object';
}

/** JSON with arrays of scalars, and small flat objects, on one line. */
function pretty(v: Json, indent: string): string {
  if (isScalar(v)) return JSON.stringify(v);
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.every(isScalar)) return `[${v.map((x) => JSON.stringify(x)).join(', ')}]`;
    return `[\n${v.map((x) => inner + pretty(x, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v);
  if (entries.length === 0) return '{}';
  const flat = entries.every(([, x]) => isScalar(x) || (Array.isArray(x) && x.every(isScalar)));
  if (flat) {
    const line = `{ ${entries.map(([k, x]) => `${JSON.stringify(k)}: ${pretty(x, inner)}`).join(', ')} }`;
    if (line.length + indent.length <= INLINE_WIDTH) return line;
  }
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${pretty(x, inner)}`).join(',\n')}\n${indent}}`;
}

// ───────────────────────────── reading ─────────────────────────────

const HINT_DAMAGED = 'The file may be damaged or edited by hand; train again to write a new one';

/** Reads JSON values with a path for messages ("encoding.normalization.std[2]"). */
class Checker {
  constructor(readonly file: string) {}

  fail(what: string, hint = HINT_DAMAGED): never {
    throw new ShallowNetError('bad-model', what, { file: this.file }, hint);
  }

  object(v: unknown, path: string): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(`${path} must be an object, not ${kindOf(v)}`);
    return v as Record<string, unknown>;
  }

  field(o: Record<string, unknown>, key: string, path: string): unknown {
    if (!(key in o)) this.fail(`${path ? `${path}.` : ''}${key} is missing`);
    return o[key];
  }

  number(v: unknown, path: string): number {
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(`${path} must be a finite number, not ${kindOf(v)}`);
    return v;
  }

  integer(v: unknown, path: string, min: number): number {
    const x = this.number(v, path);
    if (!Number.isInteger(x) || x < min) this.fail(`${path} must be a whole number of at least ${min}, not ${x}`);
    return x;
  }

  fraction(v: unknown, path: string): number {
    const x = this.number(v, path);
    if (x < 0 || x > 1) this.fail(`${path} must be between 0 and 1, not ${x}`);
    return x;
  }

  string(v: unknown, path: string): string {
    if (typeof v !== 'string') this.fail(`${path} must be a string, not ${kindOf(v)}`);
    return v;
  }

  oneOf<T extends string>(v: unknown, path: string, allowed: readonly T[]): T {
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.fail(`${path} is ${kindOf(v)}, which is not one of ${allowed.join(', ')}`);
    }
    return v as T;
  }

  array(v: unknown, path: string): unknown[] {
    if (!Array.isArray(v)) this.fail(`${path} must be an array, not ${kindOf(v)}`);
    return v;
  }

  numbers(v: unknown, path: string, length: number): number[] {
    const a = this.array(v, path);
    if (a.length !== length) this.fail(`${path} must hold ${length} numbers, it holds ${a.length}`);
    return a.map((x, i) => this.number(x, `${path}[${i}]`));
  }

  strings(v: unknown, path: string): string[] {
    return this.array(v, path).map((x, i) => this.string(x, `${path}[${i}]`));
  }

  /**
   * Nested arrays of finite numbers, rows first, every row as long as the first. With
   * `vectorAsColumn`, a flat array [a, b, c] is read as a column (3 × 1).
   */
  matrix(v: unknown, path: string, vectorAsColumn = false): MatrixRows {
    const a = this.array(v, path);
    if (a.length === 0) this.fail(`${path} must have at least one row, it is empty`);
    if (vectorAsColumn && a.every((x) => !Array.isArray(x))) return a.map((x, i) => [this.number(x, `${path}[${i}]`)]);
    const rows = a.map((row, i) => this.array(row, `${path}[${i}]`));
    const cols = rows[0].length;
    if (cols === 0) this.fail(`${path} must have at least one column, its rows are empty`);
    return rows.map((row, i) => {
      if (row.length !== cols) this.fail(`${path} has rows of different lengths: row ${i} has ${row.length} values, row 0 has ${cols}`);
      return row.map((x, j) => this.number(x, `${path}[${i}][${j}]`));
    });
  }

  shape(m: MatrixRows, path: string, rows: number, cols: number, why: string): void {
    if (m.length !== rows || m[0].length !== cols) {
      this.fail(`${path} must be ${why} = ${rows} × ${cols}, but it is ${m.length} × ${m[0].length}`);
    }
  }
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return quoteForMessage(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

function parseJson(text: string, check: Checker): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return check.fail(`is not valid JSON (${detail})`, 'A model file is the JSON that training writes; open the right file, or train again');
  }
}

/** Reads and checks a model file. Every problem is a ShallowNetError('bad-model'). */
/** The smallest positive normal double, 2^-1022: the least normalisation scale a model may hold. */
const MIN_NORMAL = 2.2250738585072014e-308;

export function parseModel(text: string, fileName: string): ShallowNetModel {
  const check = new Checker(fileName);
  if (text.trim() === '') check.fail('the file is empty', 'Open a model file written by Shallow Net training');
  const root = check.object(parseJson(text, check), 'the file');
  return readModel(root, check);
}

function readModel(root: Record<string, unknown>, check: Checker): ShallowNetModel {
  const format = root.format;
  if (format !== MODEL_FORMAT) {
    check.fail(
      format === undefined ? 'is not a Shallow Net model (it has no "format" field)' : `is not a Shallow Net model (its format is ${kindOf(format)}, not "${MODEL_FORMAT}")`,
      'Open a model file written by Shallow Net training',
    );
  }
  const version = check.field(root, 'version', '');
  if (version !== MODEL_VERSION) {
    if (typeof version === 'number' && Number.isInteger(version) && version > MODEL_VERSION) {
      check.fail(`was written by a newer Shallow Net (model format version ${version}); this one reads version ${MODEL_VERSION}`, 'Update the extension to open it');
    }
    check.fail(`has an unsupported model format version ${kindOf(version)}; this Shallow Net reads version ${MODEL_VERSION}`);
  }

  const architecture = readArchitecture(check.object(check.field(root, 'architecture', ''), 'architecture'), check);
  const { nx, nh, ny } = architecture;
  const W1 = check.matrix(check.field(root, 'W1', ''), 'W1');
  check.shape(W1, 'W1', nh, nx, 'nh × nx');
  const b1 = check.matrix(check.field(root, 'b1', ''), 'b1');
  check.shape(b1, 'b1', nh, 1, 'nh × 1');
  const W2 = check.matrix(check.field(root, 'W2', ''), 'W2');
  check.shape(W2, 'W2', ny, nh, 'ny × nh');
  const b2 = check.matrix(check.field(root, 'b2', ''), 'b2');
  check.shape(b2, 'b2', ny, 1, 'ny × 1');

  const encoding = readEncoding(check.object(check.field(root, 'encoding', ''), 'encoding'), architecture, check);
  const training = readTraining(check.object(check.field(root, 'training', ''), 'training'), check);
  return { format: MODEL_FORMAT, version: MODEL_VERSION, architecture, W1, b1, W2, b2, encoding, training };
}

function readArchitecture(o: Record<string, unknown>, check: Checker): Architecture {
  const p = 'architecture';
  const nx = check.integer(check.field(o, 'nx', p), `${p}.nx`, 1);
  const nh = check.integer(check.field(o, 'nh', p), `${p}.nh`, 1);
  const ny = check.integer(check.field(o, 'ny', p), `${p}.ny`, 1);
  const activation: ActivationName = check.oneOf(check.field(o, 'activation', p), `${p}.activation`, ACTIVATION_NAMES);
  const leakyAlpha = check.number(check.field(o, 'leakyAlpha', p), `${p}.leakyAlpha`);
  if (leakyAlpha < 0 || leakyAlpha >= 1) check.fail(`${p}.leakyAlpha must be at least 0 and below 1, not ${leakyAlpha}`);
  const output: OutputKind = check.oneOf(check.field(o, 'output', p), `${p}.output`, ['sigmoid', 'softmax'] as const);
  if (output === 'sigmoid' && ny !== 1) check.fail(`${p}.ny must be 1 for a sigmoid output (two classes), not ${ny}`);
  if (output === 'softmax' && ny < 2) check.fail(`${p}.ny must be at least 2 for a softmax output, not ${ny}`);
  return { nx, nh, ny, activation, leakyAlpha, output };
}

function readEncoding(o: Record<string, unknown>, arch: Architecture, check: Checker): Encoding {
  const p = 'encoding';
  const rawFeatures = check.array(check.field(o, 'features', p), `${p}.features`);
  if (rawFeatures.length === 0) check.fail(`${p}.features is empty`);
  const seen = new Set<string>();
  const features = rawFeatures.map((raw, i): FeatureSpec => {
    const fp = `${p}.features[${i}]`;
    const f = check.object(raw, fp);
    const kind = check.oneOf(check.field(f, 'kind', fp), `${fp}.kind`, ['numeric', 'categorical'] as const);
    const name = check.string(check.field(f, 'name', fp), `${fp}.name`);
    if (name === '') check.fail(`${fp}.name is empty`);
    if (seen.has(name)) check.fail(`${p}.features names the column ${quoteForMessage(name)} twice`);
    seen.add(name);
    if (kind === 'numeric') return { kind, name };
    const levels = check.strings(check.field(f, 'levels', fp), `${fp}.levels`);
    if (levels.length === 0) check.fail(`${fp}.levels is empty`);
    if (new Set(levels).size !== levels.length) check.fail(`${fp}.levels lists a level twice`);
    return { kind, name, levels };
  });
  const expected = featureNamesOf(features);
  if (expected.length !== arch.nx) {
    check.fail(`${p}.features encode ${expected.length} input rows, but architecture.nx is ${arch.nx}`);
  }
  const featureNames = check.strings(check.field(o, 'featureNames', p), `${p}.featureNames`);
  if (featureNames.length !== arch.nx) check.fail(`${p}.featureNames must name nx = ${arch.nx} inputs, it names ${featureNames.length}`);
  featureNames.forEach((n, i) => {
    if (n !== expected[i]) check.fail(`${p}.featureNames[${i}] is ${quoteForMessage(n)}, but the features make it ${quoteForMessage(expected[i])}`);
  });

  const np = `${p}.normalization`;
  const no = check.object(check.field(o, 'normalization', p), np);
  const kind: NormalizationKind = check.oneOf(check.field(no, 'kind', np), `${np}.kind`, ['standard', 'none'] as const);
  const mean = check.numbers(check.field(no, 'mean', np), `${np}.mean`, arch.nx);
  const std = check.numbers(check.field(no, 'std', np), `${np}.std`, arch.nx);
  // A scale below the smallest normal double makes 1/std infinite: every prediction NaN.
  std.forEach((s, i) => {
    const feature = `feature ${quoteForMessage(featureNames[i])}`;
    if (!(s > 0) || !Number.isFinite(s)) check.fail(`${np}.std[${i}] (${feature}) must be positive, not ${s}`);
    if (s < MIN_NORMAL) {
      check.fail(`${np}.std[${i}] (${feature}) is ${s}, below ${MIN_NORMAL} (the smallest normal number): dividing by it overflows and every prediction would be NaN`);
    }
  });

  const targetName = check.string(check.field(o, 'targetName', p), `${p}.targetName`);
  const classes = check.strings(check.field(o, 'classes', p), `${p}.classes`);
  const wantClasses = arch.output === 'sigmoid' ? 2 : arch.ny;
  if (classes.length !== wantClasses) {
    check.fail(
      `${p}.classes must list ${wantClasses} classes for ${arch.output === 'sigmoid' ? 'a sigmoid output' : `ny = ${arch.ny}`}, it lists ${classes.length}`,
    );
  }
  if (new Set(classes).size !== classes.length) check.fail(`${p}.classes lists a class twice`);
  const output = check.oneOf(check.field(o, 'output', p), `${p}.output`, ['sigmoid', 'softmax'] as const);
  if (output !== arch.output) check.fail(`${p}.output is "${output}" but architecture.output is "${arch.output}"`);
  return { features, featureNames, normalization: { kind, mean, std }, targetName, classes, output };
}

function readTraining(o: Record<string, unknown>, check: Checker): ModelTraining {
  const p = 'training';
  const learningRate = check.number(check.field(o, 'learningRate', p), `${p}.learningRate`);
  if (learningRate <= 0) check.fail(`${p}.learningRate must be positive, not ${learningRate}`);
  const iterations = check.integer(check.field(o, 'iterations', p), `${p}.iterations`, 0);
  const init = check.oneOf(check.field(o, 'init', p), `${p}.init`, [...INIT_NAMES, 'file'] as const);
  const rawScale = o.initScale;
  const initScale = rawScale === undefined ? undefined : check.number(rawScale, `${p}.initScale`);
  if (initScale !== undefined && !(initScale > 0)) check.fail(`${p}.initScale must be positive, not ${initScale}`);
  const seed = check.number(check.field(o, 'seed', p), `${p}.seed`);
  const batchSize = check.integer(check.field(o, 'batchSize', p), `${p}.batchSize`, 0);
  const costHistory = check.array(check.field(o, 'costHistory', p), `${p}.costHistory`).map((raw, i): [number, number] => {
    const cp = `${p}.costHistory[${i}]`;
    const pair = check.array(raw, cp);
    if (pair.length !== 2) check.fail(`${cp} must be a pair [iteration, cost], it holds ${pair.length} values`);
    return [check.integer(pair[0], `${cp}[0]`, 0), check.number(pair[1], `${cp}[1]`)];
  });
  const trainAccuracy = check.fraction(check.field(o, 'trainAccuracy', p), `${p}.trainAccuracy`);
  const rawTest = check.field(o, 'testAccuracy', p);
  const testAccuracy = rawTest === null ? null : check.fraction(rawTest, `${p}.testAccuracy`);
  const seconds = check.number(check.field(o, 'seconds', p), `${p}.seconds`);
  if (seconds < 0) check.fail(`${p}.seconds must not be negative, not ${seconds}`);
  const source = check.string(check.field(o, 'source', p), `${p}.source`);
  const date = check.string(check.field(o, 'date', p), `${p}.date`);
  return {
    learningRate, iterations, init, ...(initScale === undefined ? {} : { initScale }), seed, batchSize, costHistory,
    trainAccuracy, testAccuracy, seconds, source, date,
  };
}

// ───────────────────────── initial parameters ─────────────────────────

/**
 * Starting parameters from a file: a whole model file, or a bare {W1, b1, W2, b2} object
 * (like the lesson's flower_init_seed2.json; b1 and b2 may also be flat arrays). Shapes
 * must agree with each other: W1 nh × nx, b1 nh × 1, W2 ny × nh, b2 ny × 1.
 */
export function parseInitialParams(text: string, fileName: string): Params {
  const check = new Checker(fileName);
  if (text.trim() === '') check.fail('the file is empty', 'Give a JSON object with W1, b1, W2 and b2, or a model file');
  const root = check.object(parseJson(text, check), 'the file');
  if ('format' in root) return paramsOf(readModel(root, check));
  for (const k of ['W1', 'b1', 'W2', 'b2']) {
    if (!(k in root)) check.fail(`has no ${k}; initial parameters need W1, b1, W2 and b2 (nested arrays, rows first)`, 'Give a JSON object with W1, b1, W2 and b2, or a model file');
  }
  const W1 = check.matrix(root.W1, 'W1');
  const nh = W1.length;
  const b1 = check.matrix(root.b1, 'b1', true);
  check.shape(b1, 'b1', nh, 1, 'nh × 1 (nh from W1)');
  const W2 = check.matrix(root.W2, 'W2');
  if (W2[0].length !== nh) check.fail(`W2 must have nh = ${nh} columns (one per row of W1), but it is ${W2.length} × ${W2[0].length}`);
  const ny = W2.length;
  const b2 = check.matrix(root.b2, 'b2', true);
  check.shape(b2, 'b2', ny, 1, 'ny × 1 (ny from W2)');
  return { W1: fromRows(W1), b1: fromRows(b1), W2: fromRows(W2), b2: fromRows(b2) };
}

/** Errors unless the initial parameters take nx inputs, give ny outputs, and have at most MAX_HIDDEN_UNITS hidden units. */
export function checkParamsFit(params: Params, nx: number, ny: number, fileName: string): void {
  const shape = (m: Matrix) => `${m.rows} × ${m.cols}`;
  const hint = 'Use initial parameters made for this data and target, or let training initialise them';
  if (params.W1.rows > MAX_HIDDEN_UNITS) {
    throw new ShallowNetError(
      'params-mismatch',
      `the initial parameters have ${params.W1.rows} hidden units (W1 is ${shape(params.W1)}); at most ${MAX_HIDDEN_UNITS} are supported`,
      { file: fileName },
      hint,
    );
  }
  if (params.W1.cols !== nx) {
    throw new ShallowNetError(
      'params-mismatch',
      `the initial parameters take ${params.W1.cols} input feature${params.W1.cols === 1 ? '' : 's'} (W1 is ${shape(params.W1)}), but the data has ${nx}`,
      { file: fileName },
      hint,
    );
  }
  if (params.W2.rows !== ny) {
    throw new ShallowNetError(
      'params-mismatch',
      `the initial parameters give ${params.W2.rows} output${params.W2.rows === 1 ? '' : 's'} (W2 is ${shape(params.W2)}), but the target needs ${ny}` +
        (ny === 1 ? ' (two classes: one sigmoid output)' : ` (${ny} classes, one-hot)`),
      { file: fileName },
      hint,
    );
  }
}
