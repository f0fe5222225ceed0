/** What the `shallow-net` commands share: errors with an exit status, reading files, the model options. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ACTIVATION_NAMES, INIT_NAMES } from '../engine/types';
import { prepareRun, type PrepareOptions } from '../pipeline';
import type { TrainSettings } from '../protocol';
import { BUILT_IN_DEFAULTS } from '../settingsDefaults';
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

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
    throw new ExitError(`cannot read ${file}: ${why}`, 2);
  }
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

export function prepare(a: ParsedArgs, options: PrepareOptions = {}) {
  const file = a.positionals[0];
  const initFrom = stringOpt(a, 'init-from');
  const settings = settingsOf(a);
  const init = initFrom ? { text: readText(initFrom), fileName: basename(initFrom) } : undefined;
  return { file, settings, run: prepareRun(readText(file), basename(file), settings, init, options) };
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
  { name: 'init-from', kind: 'string', metavar: 'MODEL.json', help: 'start from these parameters (a model file or {W1,b1,W2,b2})' },
  { name: 'normalize', kind: 'string', choices: ['standard', 'none'], help: 'feature scaling (default standard: z-score)' },
  { name: 'test-fraction', kind: 'number', metavar: 'F', help: 'share of rows held out for testing (default 0)' },
];