/**
 * "Shallow Net: Create Sample Dataset…": a seeded sample CSV (engine/samples) written into the
 * first workspace folder as `<kind>.csv` (the next free name if taken: never overwrites),
 * opened, with an offer to train on it. The flower's defaults are the lesson's own data.
 *
 * Programmatic form (tests): executeCommand('shallowNet.createSampleDataset',
 *   { kind: 'moons', rows: 200, noise: 0.1, seed: 3, open: false }) → the file's URI string.
 */
import * as vscode from 'vscode';
import { isShallowNetError } from '../../engine/errors';
import {
  SAMPLES,
  generateSample,
  isSampleKind,
  resolveSampleOptions,
  sampleCsv,
  sampleInfo,
  type RngName,
  type SampleInfo,
  type SampleKind,
  type SampleOptions,
} from '../../engine/samples';
import { nextFreeUri } from '../common/freeName';
import { writeAtomic } from '../common/writeAtomic';
import type { TrainSettings } from '../../shared/runTypes';

export const CREATE_SAMPLE_COMMAND = 'shallowNet.createSampleDataset';

export interface CreateSampleOptions {
  kind: SampleKind;
  rows?: number;
  noise?: number;
  classes?: number;
  seed?: number;
  rng?: RngName;
  /** Open the file and offer to train on it (default true). */
  open?: boolean;
}

const TITLE = 'Shallow Net: Create Sample Dataset';

/**
 * The lesson's run (lesson mode): tanh, 4 hidden units, learning rate 1.2, 10000 full-batch
 * iterations on the inputs as they are, from numpy's `np.random.seed(2)` small weights. On the
 * lesson's flower it reproduces the lesson's cost table and its 90.5 % accuracy.
 */
export const LESSON_SETTINGS: Partial<TrainSettings> = {
  hiddenUnits: 4,
  activation: 'tanh',
  learningRate: 1.2,
  iterations: 10000,
  batchSize: 0,
  init: 'small',
  seed: 2,
  rng: 'numpy',
  normalization: 'none',
  testFraction: 0,
};

const TRAIN = 'Train Shallow Net';
const TRAIN_AS_LESSON = 'Train as in the Lesson';

/** Asks for a number with a default; undefined if the person cancels. */
async function askNumber(
  step: number,
  steps: number,
  prompt: string,
  value: number,
  check: (n: number) => string | undefined,
): Promise<number | undefined> {
  const text = await vscode.window.showInputBox({
    title: `${TITLE} (${step}/${steps})`,
    prompt,
    value: String(value),
    validateInput: (s) => {
      const n = s.trim() === '' ? NaN : Number(s);
      return Number.isFinite(n) ? check(n) : 'Type a number';
    },
  });
  return text === undefined ? undefined : Number(text);
}

const wholeFrom = (min: number, max: number) => (n: number): string | undefined =>
  Number.isInteger(n) && n >= min && n <= max ? undefined : `A whole number from ${min} to ${max}`;

/** The person's choices, each pre-filled with the kind's defaults; undefined if cancelled. */
async function askOptions(): Promise<CreateSampleOptions | undefined> {
  const pick = await vscode.window.showQuickPick(
    SAMPLES.map((s) => ({ label: s.label, description: s.description, info: s })),
    { title: TITLE, placeHolder: 'Which data set? Then its size, noise and seed', matchOnDescription: true },
  );
  if (!pick) return undefined;
  const d: SampleInfo = pick.info;
  const steps = d.kind === 'blobs' ? 5 : 4;
  const rows = await askNumber(2, steps, 'Number of rows (examples)', d.rows, wholeFrom(4, 1_000_000));
  if (rows === undefined) return undefined;
  const noise = await askNumber(3, steps, 'Noise: standard deviation of the Gaussian noise', d.noise, (n) =>
    n >= 0 && n <= 10 ? undefined : 'A number from 0 to 10',
  );
  if (noise === undefined) return undefined;
  let classes: number | undefined;
  if (d.kind === 'blobs') {
    classes = await askNumber(4, steps, 'Number of classes (blobs)', d.classes ?? 3, wholeFrom(2, 4));
    if (classes === undefined) return undefined;
  }
  const seedPrompt =
    d.rng === 'numpy' ? "Random seed (numpy's np.random.seed: 1 gives the lesson's data set)" : 'Random seed: the same seed gives the same data';
  const seed = await askNumber(steps, steps, seedPrompt, d.seed, d.rng === 'numpy' ? wholeFrom(0, 4294967295) : wholeFrom(-1e15, 1e15));
  if (seed === undefined) return undefined;
  return { kind: d.kind, rows, noise, seed, ...(classes === undefined ? {} : { classes }) };
}

async function createSample(options?: Partial<CreateSampleOptions>): Promise<string | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage('Shallow Net: open a folder first. Sample data sets are written into the workspace folder.');
    return undefined;
  }
  let chosen: CreateSampleOptions | undefined;
  if (options?.kind !== undefined) {
    if (!isSampleKind(options.kind)) {
      void vscode.window.showErrorMessage(`Shallow Net: unknown sample "${String(options.kind)}". Choose one of ${SAMPLES.map((s) => s.kind).join(', ')}.`);
      return undefined;
    }
    chosen = { ...options, kind: options.kind };
  } else {
    chosen = await askOptions();
  }
  if (!chosen) return undefined;
  const { kind } = chosen;
  const sampleOptions: SampleOptions = {
    ...(chosen.rows === undefined ? {} : { rows: chosen.rows }),
    ...(chosen.noise === undefined ? {} : { noise: chosen.noise }),
    ...(chosen.classes === undefined ? {} : { classes: chosen.classes }),
    ...(chosen.seed === undefined ? {} : { seed: chosen.seed }),
    ...(chosen.rng === undefined ? {} : { rng: chosen.rng }),
  };
  let csv: string;
  let rows: number;
  try {
    const table = generateSample(kind, sampleOptions);
    csv = sampleCsv(table);
    rows = table.rows.length;
  } catch (e) {
    void vscode.window.showErrorMessage(`Shallow Net: ${isShallowNetError(e) || e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  const target = await nextFreeUri(folder.uri, kind, '.csv');
  await writeAtomic(vscode.workspace.fs, target, csv, { overwrite: false });
  if (chosen.open !== false) {
    await vscode.window.showTextDocument(target, { preview: false });
    const name = vscode.workspace.asRelativePath(target);
    const r = resolveSampleOptions(kind, sampleOptions);
    const lesson = kind === 'flower' && r.rows === 400 && r.noise === 0.2 && r.seed === 1 && r.rng === 'numpy' && r.trig === 'svml' ? " (the lesson's data set)" : '';
    const actions = lesson ? [TRAIN_AS_LESSON, TRAIN] : [TRAIN];
    void vscode.window
      .showInformationMessage(`Wrote ${name}: ${rows} rows of ${sampleInfo(kind).label.toLowerCase()}${lesson}.`, ...actions)
      .then((action) => {
        if (action === TRAIN) void vscode.commands.executeCommand('shallowNet.trainFile', target);
        if (action === TRAIN_AS_LESSON) void vscode.commands.executeCommand('shallowNet.trainFile', target, { settings: LESSON_SETTINGS });
      });
  }
  return target.toString();
}

export function registerSampleCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CREATE_SAMPLE_COMMAND, (options?: Partial<CreateSampleOptions>) => createSample(options)),
  );
}
