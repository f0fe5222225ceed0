/**
 * A model file's size known before training: serializeModel (model.ts) writes the file as one
 * string, and V8's strings end at 2^29 − 24 characters, so a network too big to save is
 * refused before the trainer allocates anything (checkModelSavable), with the size its file
 * would have, instead of failing after the whole training.
 */
import { ShallowNetError } from './errors';
import { INLINE_WIDTH, MODEL_FORMAT, MODEL_VERSION, type ModelTraining } from './modelFormat';
import type { Architecture, Encoding } from './types';

/**
 * The longest model file that can be written: V8's longest string (2^29 − 24 characters,
 * about 536.8 million). serializeModel builds the file as one string.
 */
export const MAX_MODEL_JSON_LENGTH = 2 ** 29 - 24;

/** Characters a trained weight takes in the file: a double printed in full ("-0.01234567890123456" is 20). */
const CHARS_PER_NUMBER = 20;
/** Characters a cost takes: a double below 1 ("0.6931303521987419" is 18, "0.035796589043733486" 20). */
const CHARS_PER_COST = 19;

/**
 * What the file will say of its training, known before training (the rest is a number or
 * two): `iterations` is the number asked for (the history's iteration numbers have at most its
 * digits), `historyPoints` the cost-history points the file will hold.
 */
export type ModelTrainingShape = Pick<ModelTraining, 'learningRate' | 'iterations' | 'init' | 'initScale' | 'seed' | 'batchSize' | 'source'> & {
  historyPoints: number;
};

/**
 * The length serializeModel's text will have, within a few per cent, for a network of this
 * architecture and encoding: every part as serializeModel lays it out, with the values not
 * known before training at their typical length (weights, accuracies, seconds CHARS_PER_NUMBER,
 * costs CHARS_PER_COST).
 */
export function estimateModelJsonLength(arch: Architecture, encoding: Encoding, training: ModelTrainingShape): number {
  const e = encoding;
  const t = training;
  const n = (x: number): Sized => scalar(JSON.stringify(x).length);
  const str = (x: string): Sized => scalar(JSON.stringify(x).length);
  const unknown = scalar(CHARS_PER_NUMBER);
  const root = object([
    ['format', str(MODEL_FORMAT)],
    ['version', n(MODEL_VERSION)],
    ['architecture', object([
      ['nx', n(arch.nx)], ['nh', n(arch.nh)], ['ny', n(arch.ny)], ['activation', str(arch.activation)],
      ['leakyAlpha', n(arch.leakyAlpha)], ['output', str(arch.output)],
    ])],
    ['W1', matrix(arch.nh, arch.nx)],
    ['b1', matrix(arch.nh, 1)],
    ['W2', matrix(arch.ny, arch.nh)],
    ['b2', matrix(arch.ny, 1)],
    ['encoding', object([
      ['features', list(e.features.map((f) => object([
        ['kind', str(f.kind)], ['name', str(f.name)], ...(f.kind === 'numeric' ? [] : [['levels', strings(f.levels)] as const]),
      ])))],
      ['featureNames', strings(e.featureNames)],
      ['normalization', object([['kind', str(e.normalization.kind)], ['mean', numbers(e.normalization.mean)], ['std', numbers(e.normalization.std)]])],
      ['targetName', str(e.targetName)],
      ['classes', strings(e.classes)],
      ['output', str(e.output)],
    ])],
    ['training', object([
      ['learningRate', n(t.learningRate)],
      ['iterations', n(t.iterations)],
      ['init', str(t.init)],
      ...(t.initScale === undefined ? [] : [['initScale', n(t.initScale)] as const]),
      ['seed', n(t.seed)],
      ['batchSize', n(t.batchSize)],
      ['costHistory', costHistory(t.iterations, Math.min(t.iterations, t.historyPoints))],
      ['trainAccuracy', unknown],
      ['testAccuracy', unknown],
      ['seconds', unknown],
      ['source', str(t.source)],
      ['date', str(new Date(0).toISOString())],
    ])],
  ]);
  return root.at(0) + 1;
}

/**
 * A part of the file by its length, as pretty() lays it out: `at(indent)` is its length when
 * it starts at that indentation; `scalar` when pretty() keeps it on one line with its
 * neighbours (a value, or an array of values).
 */
interface Sized {
  readonly scalar: boolean;
  at(indent: number): number;
}

function scalar(length: number): Sized {
  return { scalar: true, at: () => length };
}

/** An array of values on one line: `[a, b, c]`. */
function scalarList(lengths: number, count: number): Sized {
  return scalar(2 + lengths + 2 * Math.max(0, count - 1));
}

function strings(xs: readonly string[]): Sized {
  let total = 0;
  for (const x of xs) total += JSON.stringify(x).length;
  return scalarList(total, xs.length);
}

function numbers(xs: readonly number[]): Sized {
  let total = 0;
  for (const x of xs) total += JSON.stringify(x).length;
  return scalarList(total, xs.length);
}

/** An array of non-scalars, one per line, one indent deeper. */
function list(items: readonly Sized[]): Sized {
  if (items.length === 0) return scalar(2);
  return {
    scalar: false,
    at: (indent) => {
      let total = 0;
      for (const item of items) total += indent + 2 + item.at(indent + 2);
      return 2 + total + 2 * (items.length - 1) + 1 + indent + 1;
    },
  };
}

/** A rows × cols matrix of unknown numbers: one row per line. */
function matrix(rows: number, cols: number): Sized {
  const row = 2 + cols * CHARS_PER_NUMBER + 2 * (cols - 1);
  if (rows === 0) return scalar(2);
  return { scalar: false, at: (indent) => 2 + rows * (indent + 2 + row) + 2 * (rows - 1) + 1 + indent + 1 };
}

/** `points` [iteration, cost] pairs spread evenly over `iterations`, one per line. */
function costHistory(iterations: number, points: number): Sized {
  if (points === 0) return scalar(2);
  // The iteration numbers' digits: how many of the points fall among the 1-digit, 2-digit, … numbers.
  const stride = iterations / points;
  let digits = 0;
  for (let d = 1; ; d++) {
    const low = d === 1 ? 0 : 10 ** (d - 1);
    const high = Math.min(10 ** d, iterations);
    if (high <= low) break;
    digits += (d * (high - low)) / stride;
  }
  const fixed = 2 + 2 + CHARS_PER_COST; // "[", ", ", the cost, "]"
  return {
    scalar: false,
    at: (indent) => Math.round(2 + points * (indent + 2 + fixed) + digits + 2 * (points - 1) + 1 + indent + 1),
  };
}

/** An object: on one line when every value is scalar and the line fits INLINE_WIDTH, else one entry per line. */
function object(entries: readonly (readonly [string, Sized])[]): Sized {
  return {
    scalar: false,
    at: (indent) => {
      const inner = indent + 2;
      let total = 0;
      for (const [k, v] of entries) total += JSON.stringify(k).length + 2 + v.at(inner);
      const separators = 2 * (entries.length - 1);
      if (entries.every(([, v]) => v.scalar)) {
        const line = 4 + total + separators;
        if (line + indent <= INLINE_WIDTH) return line;
      }
      return 2 + entries.length * inner + total + separators + 1 + indent + 1;
    },
  };
}

/** Refuses, before training, a model whose file would pass MAX_MODEL_JSON_LENGTH (it could not be written). */
export function checkModelSavable(arch: Architecture, encoding: Encoding, training: ModelTrainingShape): void {
  const length = estimateModelJsonLength(arch, encoding, training);
  if (length > MAX_MODEL_JSON_LENGTH) throw modelTooBig(length, arch);
}

/** The one message for a model too big to save, with the size its file would have. */
export function modelTooBig(length: number, arch: Architecture): ShallowNetError {
  const mb = (chars: number): string => `${Math.round(chars / 1e6).toLocaleString('en-US')} MB`;
  return new ShallowNetError(
    'bad-option',
    `a ${arch.nx}-${arch.nh}-${arch.ny} network cannot be saved: its model file would be about ${mb(length)}, ` +
      `past the ${mb(MAX_MODEL_JSON_LENGTH)} a model file can hold`,
    {},
    'Use fewer hidden units, or fewer feature columns (or categories)',
  );
}
