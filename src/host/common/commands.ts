/**
 * The commands of the manifest. Each can be run by a person (menus, palette: quick picks
 * fill what is missing) or programmatically with an options object (tests, the panel):
 *   executeCommand('shallowNet.trainFile', csvUri, { settings: { iterations: 500 }, save: true })
 */
import * as vscode from 'vscode';
import { parseModel } from '../../engine/model';
import { gradCheckText } from '../../core/gradcheckRun';
import { gradCheckOffThread } from './toolJobs';
import type { GradCheckReport, RunView, TrainSettings } from '../../shared/runTypes';
import { parseTrainSettings } from '../../shared/validators';
import { labelOf, type Runs, type TrainResult } from '../training/runs';
import { defaultSettings, saveModelsSetting } from './settings';
import { chooseSettings } from '../training/trainFlow';
import { checkedSweepSizes, LESSON_SIZES_TEXT, parseSweepSizes, sweepSizesError } from '../../shared/sweepSizes';
import type { Sweeps } from '../sweep/sweeps';
import { readInputBytes } from './readInput';
import { decodeJson } from '../../engine/decode';

export interface TrainOptions {
  /** Settings over the defaults; given settings skip the quick picks. */
  settings?: Partial<TrainSettings>;
  /** Initial parameters file (URI string or Uri). */
  initialParams?: string | vscode.Uri;
  /** Save the model at the end (default true); `modelUri` picks the file. */
  save?: boolean;
  modelUri?: string | vscode.Uri;
  /** Don't open the panel. */
  noPanel?: boolean;
}

function asUri(v: string | vscode.Uri | undefined): vscode.Uri | undefined {
  if (v === undefined) return undefined;
  return typeof v === 'string' ? vscode.Uri.parse(v) : v;
}

function isCsv(uri: vscode.Uri | undefined): uri is vscode.Uri {
  return uri !== undefined && /\.csv$/i.test(uri.path);
}

export interface SweepOptions {
  /** The hidden sizes (a list, or text as typed: "1, 2, 3"); given sizes skip the input box. */
  sizes?: number[] | string;
  /** Settings over the defaults (the sweep replaces hiddenUnits). */
  settings?: Partial<TrainSettings>;
  /** Don't open the panel. */
  noPanel?: boolean;
}

/** Asks for the sweep's sizes, checked as they are typed; undefined when dismissed. */
async function askSweepSizes(fileName: string, value: string): Promise<number[] | undefined> {
  const text = await vscode.window.showInputBox({
    title: `Shallow Net: Sweep Hidden Layer Sizes on ${fileName}`,
    prompt: 'Hidden layer sizes to train, separated by commas (the lesson: 1, 2, 3, 4, 5, 20, 50). Each size trains with your shallowNet.* settings.',
    value,
    ignoreFocusOut: true,
    validateInput: sweepSizesError,
  });
  if (text === undefined) return undefined;
  const r = parseSweepSizes(text);
  return 'sizes' in r ? r.sizes : undefined;
}

/** `openPanel` shows (or reveals) the panel: passed in, so only extension.ts knows the panel. */
export function registerCommands(context: vscode.ExtensionContext, runs: Runs, sweeps: Sweeps, openPanel: () => void): void {

  const train = async (csv: vscode.Uri, options?: TrainOptions): Promise<TrainResult | undefined> => {
    const defaults = defaultSettings(csv);
    let settings: TrainSettings | undefined;
    if (options?.settings) {
      settings = parseTrainSettings({ ...defaults, ...options.settings });
      if (!settings) {
        void vscode.window.showErrorMessage('Shallow Net: those training settings are out of range. Check hidden units, learning rate and iterations.');
        return undefined;
      }
    } else {
      settings = await chooseSettings(csv, defaults);
      if (!settings) return undefined;
    }
    if (!options?.noPanel) openPanel();
    const initialParams = asUri(options?.initialParams);
    const modelUri = asUri(options?.modelUri);
    return runs.train({
      csv,
      settings,
      ...(initialParams ? { initialParams } : {}),
      ...(modelUri ? { modelUri } : {}),
      save: options?.save ?? saveModelsSetting(csv),
    });
  };

  const pickCsv = async (title = 'Shallow Net: Train on CSV'): Promise<vscode.Uri | undefined> => {
    const files = await vscode.workspace.findFiles('**/*.csv', '**/node_modules/**', 2000);
    if (files.length === 0) {
      void vscode.window.showInformationMessage('No CSV files in this workspace. Open a folder that holds a .csv file, or create one.');
      return undefined;
    }
    files.sort((a, b) => a.path.localeCompare(b.path));
    const pick = await vscode.window.showQuickPick(
      files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
      { title, placeHolder: 'Choose a CSV file of the workspace', matchOnDescription: true },
    );
    return pick?.uri;
  };

  /** The default settings (over `overrides`) at the initial parameters, like `shallow-net gradcheck`. */
  const gradientCheck = async (csv: vscode.Uri, overrides?: Partial<TrainSettings>): Promise<GradCheckReport | undefined> => {
    const settings = parseTrainSettings({ ...defaultSettings(csv), ...overrides });
    if (!settings) {
      void vscode.window.showErrorMessage('Shallow Net: those settings are out of range. Check hidden units, learning rate and iterations.');
      return undefined;
    }
    const fileName = csv.path.split('/').pop() ?? csv.path;
    try {
      // Parsing and checking happen on a worker: a big CSV never blocks the host.
      const answer = await gradCheckOffThread(context.extensionPath, { bytes: await readInputBytes(csv), fileName }, settings);
      if ('error' in answer) {
        void vscode.window.showErrorMessage(answer.error.message);
        return undefined;
      }
      const { result } = answer;
      const message = gradCheckText(fileName, result);
      if (result.pass) void vscode.window.showInformationMessage(message);
      else void vscode.window.showWarningMessage(message);
      return result;
    } catch (e) {
      void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
      return undefined;
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('shallowNet.trainFile', async (uri?: vscode.Uri, options?: TrainOptions) => {
      const active = vscode.window.activeTextEditor?.document.uri;
      const csv = isCsv(uri) ? uri : isCsv(active) ? active : await pickCsv();
      return csv ? train(csv, options) : undefined;
    }),
    vscode.commands.registerCommand('shallowNet.trainOnCsv', async (options?: TrainOptions) => {
      const csv = await pickCsv();
      return csv ? train(csv, options) : undefined;
    }),
    vscode.commands.registerCommand('shallowNet.trainWithLastSettings', async () => {
      const last = runs.lastRequest;
      if (!last) {
        void vscode.window.showInformationMessage('No run yet in this window: right-click a CSV and choose Train Shallow Net…');
        return undefined;
      }
      openPanel();
      return runs.train(last);
    }),
    vscode.commands.registerCommand('shallowNet.gradientCheck', async (uri?: vscode.Uri, options?: { settings?: Partial<TrainSettings> }) => {
      const csv = isCsv(uri) ? uri : await pickCsv('Shallow Net: Gradient Check');
      return csv ? gradientCheck(csv, options?.settings) : undefined;
    }),
    vscode.commands.registerCommand('shallowNet.sweepHiddenSizes', async (uri?: vscode.Uri, options?: SweepOptions) => {
      const csv = isCsv(uri) ? uri : await pickCsv('Shallow Net: Sweep Hidden Layer Sizes');
      if (!csv) return undefined;
      const fileName = csv.path.split('/').pop() ?? csv.path;
      let sizes: number[] | undefined;
      if (options?.sizes === undefined) {
        sizes = await askSweepSizes(fileName, sweeps.latest ? sweeps.latest.sizes.join(', ') : LESSON_SIZES_TEXT);
        if (!sizes) return undefined;
      } else {
        const given = typeof options.sizes === 'string' ? parseSweepSizes(options.sizes) : { sizes: checkedSweepSizes(options.sizes) };
        sizes = 'sizes' in given ? given.sizes : undefined;
        if (!sizes) {
          void vscode.window.showErrorMessage(`Shallow Net: ${'error' in given ? given.error : 'hidden layer sizes must be distinct whole numbers from 1 to 1000, at most 20 of them.'}`);
          return undefined;
        }
      }
      const settings = parseTrainSettings({ ...defaultSettings(csv), ...options?.settings });
      if (!settings) {
        void vscode.window.showErrorMessage('Shallow Net: those training settings are out of range. Check learning rate and iterations.');
        return undefined;
      }
      if (!options?.noPanel) openPanel();
      return sweeps.run({ csv, settings, sizes });
    }),
    // Stops whatever trains: the run under way and the hidden layer size sweep under way.
    vscode.commands.registerCommand('shallowNet.stopTraining', () => {
      const run = runs.stop();
      const sweep = sweeps.stop();
      if (!run && !sweep) void vscode.window.showInformationMessage('Shallow Net is not training.');
    }),
    vscode.commands.registerCommand('shallowNet.openPanel', () => {
      openPanel();
    }),
    vscode.commands.registerCommand('shallowNet.openModel', async (uri?: vscode.Uri) => {
      const target =
        uri ??
        (
          await vscode.window.showOpenDialog({
            canSelectMany: false,
            filters: { 'Shallow Net model': ['json'] },
            title: 'Open Shallow Net Model',
            openLabel: 'Open Model',
          })
        )?.[0];
      if (!target) return undefined;
      const fileName = target.path.split('/').pop() ?? 'model';
      try {
        const model = parseModel(decodeJson(await readInputBytes(target), fileName), fileName);
        const run = addModelRun(runs, model, fileName, target);
        openPanel();
        return run.id;
      } catch (e) {
        void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
        return undefined;
      }
    }),
  );
}

type Model = ReturnType<typeof parseModel>;

function addModelRun(runs: Runs, model: Model, fileName: string, uri: vscode.Uri): RunView {
  const t = model.training;
  const settings: TrainSettings = {
    ...defaultSettings(uri),
    hiddenUnits: model.architecture.nh,
    activation: model.architecture.activation,
    leakyAlpha: model.architecture.leakyAlpha,
    ...(t ? { learningRate: t.learningRate, iterations: Math.max(1, t.iterations), batchSize: t.batchSize, seed: t.seed } : {}),
    normalization: model.encoding.normalization.kind,
  };
  const points = (t?.costHistory ?? []).map(([i, c]): [number, number, number] => [i, c, NaN]);
  const last = points[points.length - 1];
  return runs.addLoaded({
    label: labelOf(settings, fileName),
    fileName: t?.source ?? fileName,
    settings,
    status: 'finished',
    points,
    testPoints: [],
    iteration: t?.iterations ?? 0,
    params: { W1: model.W1, b1: model.b1, W2: model.W2, b2: model.b2 },
    summary: {
      iterations: t?.iterations ?? 0,
      cost: last ? last[1] : NaN,
      trainAccuracy: t?.trainAccuracy ?? NaN,
      testAccuracy: t?.testAccuracy ?? null,
      testCost: null,
      seconds: t?.seconds ?? 0,
      modelPath: vscode.workspace.asRelativePath(uri),
    },
    dataset: {
      fileName: t?.source ?? fileName,
      rowsRead: 0,
      rowsUsed: 0,
      rowsDropped: 0,
      droppedExamples: [],
      featureNames: model.encoding.featureNames,
      targetName: model.encoding.targetName,
      classes: model.encoding.classes,
      output: model.architecture.output,
      nx: model.architecture.nx,
      ny: model.architecture.ny,
      trainCount: 0,
      testCount: 0,
    },
  });
}
