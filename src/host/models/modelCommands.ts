/**
 * Using a trained model: "Predict with Model…" (a model and a CSV with the same feature
 * columns give `<csv>.predictions.csv` beside the CSV) and "Export Model as NumPy" (a
 * Python file beside the model). Both never overwrite a file: the next free name is taken.
 * Everything that can fail (reading, parsing, encoding every row) happens before a file is
 * written. The export writes executable code, so it is refused in Restricted Mode (an
 * untrusted workspace); predictions are data and work there. Programmatic forms, for tests:
 *   executeCommand('shallowNet.predictWithModel', modelUri, csvUri, { open: false }) → written URI string
 *   executeCommand('shallowNet.exportNumpy', modelUri, { open: false }) → written URI string
 * (undefined after an error, which is shown to the person).
 */
import * as vscode from 'vscode';
import { exportNumpy, numpyFileNameFor } from '../../engine/exportNumpy';
import { parseModel, type ShallowNetModel } from '../../engine/model';
import { nextFreeUri } from '../common/freeName';
import { writeAtomic } from '../common/writeAtomic';
import { readInputBytes } from '../common/readInput';
import { predictOffThread } from '../common/toolJobs';
import { decodeJson } from '../../engine/decode';

export interface UseModelOptions {
  /** Open the written file in an editor (default true). */
  open?: boolean;
}

const MODEL_GLOB = '**/*.model.json';

function fileNameOf(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.path;
}

/** A Uri from a command argument: a Uri, a URI string, or nothing usable (e.g. the Explorer's selection array). */
function uriArg(v: unknown): vscode.Uri | undefined {
  if (v instanceof vscode.Uri) return v;
  if (typeof v === 'string' && v !== '') return vscode.Uri.parse(v);
  return undefined;
}

function optionsArg(...candidates: unknown[]): UseModelOptions {
  for (const c of candidates) {
    if (typeof c === 'object' && c !== null && !Array.isArray(c) && !(c instanceof vscode.Uri) && 'open' in c) {
      return { open: (c as { open?: unknown }).open !== false };
    }
  }
  return {};
}

const isCsv = (uri: vscode.Uri): boolean => /\.csv$/i.test(uri.path);

async function pickFile(glob: string, title: string, placeHolder: string, none: string): Promise<vscode.Uri | undefined> {
  const files = await vscode.workspace.findFiles(glob, '**/node_modules/**', 2000);
  if (files.length === 0) {
    void vscode.window.showInformationMessage(none);
    return undefined;
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  const pick = await vscode.window.showQuickPick(
    files.map((uri) => {
      const relative = vscode.workspace.asRelativePath(uri);
      return { label: fileNameOf(uri), ...(relative === fileNameOf(uri) ? {} : { description: relative }), uri };
    }),
    { title, placeHolder, matchOnDescription: true },
  );
  return pick?.uri;
}

const pickModel = (title: string): Promise<vscode.Uri | undefined> =>
  pickFile(MODEL_GLOB, title, 'Choose a trained model (.model.json) of the workspace', 'No trained models (*.model.json) in this workspace: train on a CSV first.');

async function readModel(uri: vscode.Uri): Promise<ShallowNetModel> {
  return parseModel(decodeJson(await readInputBytes(uri), fileNameOf(uri)), fileNameOf(uri));
}

function showError(e: unknown): undefined {
  const message = e instanceof Error ? e.message : String(e);
  void vscode.window.showErrorMessage(`Shallow Net: ${message}`);
  return undefined;
}

async function openWritten(uri: vscode.Uri, options: UseModelOptions): Promise<void> {
  if (options.open === false) return;
  await vscode.window.showTextDocument(uri, { preview: false });
}

/**
 * The model's predictions for every row of the CSV, written to the next free
 * `<csv name>.predictions.csv` beside it (then `<csv name>-2.predictions.csv`, as model
 * files are numbered). Returns the written URI (string).
 */
export async function predictWithModel(extensionPath: string, model: vscode.Uri, csv: vscode.Uri, options: UseModelOptions = {}): Promise<string | undefined> {
  try {
    const csvName = fileNameOf(csv);
    // Parsing the model and the CSV, and encoding every row (a missing column, a non-number or
    // an unseen category fails there), happen on a worker: a big CSV never blocks the host.
    const modelBytes = await readInputBytes(model);
    const csvBytes = await readInputBytes(csv);
    const answer = await predictOffThread(extensionPath, { bytes: modelBytes, fileName: fileNameOf(model) }, { bytes: csvBytes, fileName: csvName });
    if ('error' in answer) return showError(answer.error.message);
    const target = await nextFreeUri(vscode.Uri.joinPath(csv, '..'), csvName.replace(/\.csv$/i, ''), '.predictions.csv');
    await writeAtomic(vscode.workspace.fs, target, answer.bytes, { overwrite: false });
    await openWritten(target, options);
    const n = answer.rows;
    void vscode.window.showInformationMessage(`Shallow Net: ${n} prediction${n === 1 ? '' : 's'} written to ${vscode.workspace.asRelativePath(target)}`);
    return target.toString();
  } catch (e) {
    return showError(e);
  }
}

/** Why Export Model as NumPy does nothing in Restricted Mode (package.json's untrustedWorkspaces says the same). */
export const EXPORT_NEEDS_TRUST =
  'Shallow Net: Export Model as NumPy is disabled in Restricted Mode: it writes a Python file (executable code) into this workspace. Trust the workspace to export.';

/** Says why the export is refused in an untrusted workspace, with a button to manage trust. */
function refuseUntrusted(): undefined {
  void vscode.window.showWarningMessage(EXPORT_NEEDS_TRUST, 'Manage Workspace Trust').then((pick) => {
    if (pick) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return undefined;
}

/**
 * The model as a Python file over NumPy, the next free `<model name>.py` beside it. Returns the
 * written URI (string); in Restricted Mode writes nothing and says why.
 */
export async function exportModelAsNumpy(model: vscode.Uri, options: UseModelOptions = {}): Promise<string | undefined> {
  if (!vscode.workspace.isTrusted) return refuseUntrusted();
  try {
    const parsed = await readModel(model);
    const stem = numpyFileNameFor(fileNameOf(model)).replace(/\.py$/, '');
    const target = await nextFreeUri(vscode.Uri.joinPath(model, '..'), stem, '.py', '_');
    const source = exportNumpy(parsed);
    await writeAtomic(vscode.workspace.fs, target, source, { overwrite: false });
    await openWritten(target, options);
    void vscode.window.showInformationMessage(`Shallow Net: model exported to ${vscode.workspace.asRelativePath(target)} (predict(X) in NumPy)`);
    return target.toString();
  } catch (e) {
    return showError(e);
  }
}

export function registerModelCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('shallowNet.predictWithModel', async (first?: unknown, second?: unknown, third?: unknown) => {
      // From the Explorer: (clicked file, selection); from the palette: nothing; from tests: (model, csv, options).
      const a = uriArg(first);
      const b = uriArg(second);
      let model = a && !isCsv(a) ? a : b && !isCsv(b) ? b : undefined;
      let csv = a && isCsv(a) ? a : b && isCsv(b) ? b : undefined;
      model ??= await pickModel('Shallow Net: Predict with Model (1/2: the model)');
      if (!model) return undefined;
      csv ??= await pickFile(
        '**/*.csv',
        'Shallow Net: Predict with Model (2/2: the data)',
        `Choose a CSV with the model's feature columns`,
        'No CSV files in this workspace. Open a folder that holds a .csv file.',
      );
      if (!csv) return undefined;
      return predictWithModel(context.extensionPath, model, csv, optionsArg(third, second));
    }),
    vscode.commands.registerCommand('shallowNet.exportNumpy', async (first?: unknown, second?: unknown) => {
      if (!vscode.workspace.isTrusted) return refuseUntrusted();
      const active = vscode.window.activeTextEditor?.document.uri;
      const activeModel = active && /\.model\.json$/i.test(active.path) ? active : undefined;
      const model = uriArg(first) ?? activeModel ?? (await pickModel('Shallow Net: Export Model as NumPy'));
      if (!model) return undefined;
      return exportModelAsNumpy(model, optionsArg(second));
    }),
  );
}
