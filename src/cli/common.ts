/** What the `shallow-net` commands share: errors with an exit status, reading files, the model options. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { parseInitialParams } from '../engine/model';
import { decodeCsv, decodeJson } from '../engine/decode';
import { checkInputSize, MAX_INPUT_BYTES, tooLargeError } from '../engine/limits';
import { ACTIVATION_NAMES, INIT_NAMES } from '../engine/types';
import { prepareRun, type PrepareOptions } from '../core/pipeline';
import type { TrainSettings } from '../shared/runTypes';
import { BUILT_IN_DEFAULTS } from '../shared/settingsDefaults';
import { numberOpt, stringOpt, type CommandSpec, type OptionSpec, type ParsedArgs } from './args';

/** One `shallow-net` command: its declared options and what it does. */
export interface CliCommand {
  readonly spec: CommandSpec;
  run(a: ParsedArgs): void;
}

/** An error the person can fix: printed as `error: <message>`, exiting with `code` (2 for bad input). */
export class ExitError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/** How much is read at a time from a stream whose size stat does not know (a pipe). */
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * The bytes of `file`, read in chunks with a running total: past `limit` (MAX_INPUT_BYTES but
 * for tests) it stops with a clear error, whether stat knew the size (a regular file, refused
 * before reading) or not (a pipe that never ends). A device (`/dev/zero`, a terminal) is
 * refused without reading: it is not a file of data.
 */
export function readBytes(file: string, limit = MAX_INPUT_BYTES): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw cannotRead(file, e);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new ExitError(`cannot read ${file}: it is a folder`, 2);
    if (!st.isFile() && !st.isFIFO()) throw new ExitError(`cannot read ${file}: it is a device, not a file`, 2);
    checkInputSize(file, st.size, limit);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      // A regular file in one read of its size (+1 to see that it ends), anything else in chunks.
      const want = chunks.length === 0 && st.isFile() ? st.size + 1 : CHUNK_BYTES;
      const buffer = Buffer.allocUnsafe(Math.min(want, limit + 1 - total));
      let n: number;
      try {
        n = readSync(fd, buffer, 0, buffer.length, null);
      } catch (e) {
        throw cannotRead(file, e);
      }
      if (n === 0) break;
      chunks.push(buffer.subarray(0, n));
      total += n;
      if (total > limit) throw tooLargeError(file, st.isFile() ? total : undefined, limit);
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

function cannotRead(file: string, e: unknown): ExitError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
  return new ExitError(`cannot read ${file}: ${why}`, 2);
}

/** A JSON file's text (a model, initial parameters): UTF-8 or UTF-16 (engine/decode.ts). */
export function readText(file: string): string {
  return decodeJson(readBytes(file), basename(file));
}

/** A CSV's text: UTF-8 or UTF-16; an invalid byte is an error naming its row and column. */
export function readCsvText(file: string): string {
  return decodeCsv(readBytes(file), basename(file));
}

/** The CLI trains on the whole file unless asked (the lesson's setting); otherwise the extension's defaults. */
const CLI_DEFAULTS: TrainSettings = { ...BUILT_IN_DEFAULTS, testFraction: 0 };

export function settingsOf(a: ParsedArgs): TrainSettings {
  const d = CLI_DEFAULTS;
  const target = stringOpt(a, 'target');
  const rng = stringOpt(a, 'rng');
  return {
    hiddenUnits: numberOpt(a, 'hidden') ?? d.hiddenUnits,
    activation: (stringOpt(a, 'activation') as TrainSettings['activation'] | undefined) ?? d.activation,
    leakyAlpha: numberOpt(a, 'leaky-alpha') ?? d.leakyAlpha,
    learningRate: numberOpt(a, 'learning-rate') ?? d.learningRate,
    iterations: numberOpt(a, 'iterations') ?? d.iterations,
    batchSize: numberOpt(a, 'batch-size') ?? d.batchSize,
    init: (stringOpt(a, 'init') as TrainSettings['init'] | undefined) ?? d.init,
    initScale: numberOpt(a, 'init-scale') ?? d.initScale,
    seed: numberOpt(a, 'seed') ?? d.seed,
    normalization: (stringOpt(a, 'normalize') as TrainSettings['normalization'] | undefined) ?? d.normalization,
    testFraction: numberOpt(a, 'test-fraction') ?? d.testFraction,
    ...(target === undefined ? {} : { target }),
    ...(rng === 'default' || rng === 'numpy' ? { rng } : {}),
  };
}

/**
 * `--init-from`'s file, read; its parameters set the hidden layer's size, so a `--hidden` that
 * says otherwise is an error (before the CSV is read) rather than silently overridden.
 */
export function initialOf(a: ParsedArgs): { text: string; fileName: string } | undefined {
  const initFrom = stringOpt(a, 'init-from');
  if (initFrom === undefined) return undefined;
  const initial = { text: readText(initFrom), fileName: basename(initFrom) };
  const hidden = numberOpt(a, 'hidden');
  if (hidden !== undefined) {
    const fromFile = parseInitialParams(initial.text, initial.fileName).W1.rows;
    if (fromFile !== hidden) {
      throw new ExitError(
        `--hidden ${hidden} disagrees with --init-from ${initFrom}, whose parameters have ${fromFile} hidden unit${fromFile === 1 ? '' : 's'}; ` +
          `the file would win: drop --hidden, or pass --hidden ${fromFile}`,
        2,
      );
    }
  }
  return initial;
}

export function prepare(a: ParsedArgs, options: PrepareOptions = {}) {
  const file = a.positionals[0];
  const settings = settingsOf(a);
  const init = initialOf(a);
  return { file, settings, run: prepareRun(readCsvText(file), basename(file), settings, init, options) };
}

export const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;


/** The options that describe a network and its data, shared by train, gradcheck and others. */
export const modelOptions: OptionSpec[] = [
  { name: 'target', kind: 'string', metavar: 'COL', help: 'target column, by name or 0-based index (default: the last column)' },
  { name: 'hidden', kind: 'int', metavar: 'N', help: 'hidden units n[1] (default 4)' },
  { name: 'activation', kind: 'string', choices: ACTIVATION_NAMES, help: 'hidden activation g (default tanh)' },
  { name: 'leaky-alpha', kind: 'number', metavar: 'F', help: "leaky ReLU's slope α for z < 0 (default 0.01)" },
  { name: 'init', kind: 'string', choices: INIT_NAMES, help: "initial weights (default small: the lesson's randn · 0.01)" },
  { name: 'init-scale', kind: 'number', metavar: 'F', help: 'scale of the small initialisation, randn · F (default 0.01; 10 saturates tanh)' },
  { name: 'seed', kind: 'int', metavar: 'N', help: 'random seed: initial weights, split, mini-batches (default 2)' },
  { name: 'init-from', kind: 'string', metavar: 'MODEL.json', help: "start from these parameters (a model file or {W1,b1,W2,b2}); their size is the hidden layer's" },
  { name: 'normalize', kind: 'string', choices: ['standard', 'none'], help: 'feature scaling (default standard: z-score)' },
  { name: 'test-fraction', kind: 'number', metavar: 'F', help: 'share of rows held out for testing (default 0)' },
];