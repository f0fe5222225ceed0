/**
 * The panel's "Export charts as PNG": the webview's data URL (validated by the protocol) decoded
 * and written where the person says, by default `<csv>-charts.png` beside the CSV (the next free
 * name, never over a file). Tests pass `target` and skip the dialog.
 */
import * as vscode from 'vscode';
import { nextFreeUri } from '../common/freeName';
import { PNG_DATA_URL_PREFIX } from '../../shared/validators';
import { writeAtomic } from '../common/writeAtomic';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The PNG's bytes; an error if the payload is not a PNG. */
export function pngBytes(dataUrl: string): Uint8Array {
  if (!dataUrl.startsWith(PNG_DATA_URL_PREFIX)) throw new Error('not a PNG data URL');
  const bytes = new Uint8Array(Buffer.from(dataUrl.slice(PNG_DATA_URL_PREFIX.length), 'base64'));
  if (bytes.length < PNG_SIGNATURE.length || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) throw new Error('the charts image is not a PNG');
  return bytes;
}

async function defaultUri(csv: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (csv) {
    const stem = (csv.path.split('/').pop() ?? 'charts').replace(/\.csv$/i, '');
    return nextFreeUri(vscode.Uri.joinPath(csv, '..'), `${stem}-charts`, '.png');
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? nextFreeUri(folder, 'shallow-net-charts', '.png') : undefined;
}

/** Writes the charts; undefined when the person cancels the dialog. */
export async function saveChartsPng(dataUrl: string, csv: vscode.Uri | undefined, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = pngBytes(dataUrl);
  } catch (e) {
    void vscode.window.showErrorMessage(`Shallow Net: ${e instanceof Error ? e.message : String(e)}.`);
    return undefined;
  }
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      ...(await defaultUri(csv).then((d) => (d ? { defaultUri: d } : {}))),
      filters: { 'PNG image': ['png'] },
      title: 'Export Charts as PNG',
      saveLabel: 'Export',
    }));
  if (!uri) return undefined;
  // The person chose the file (the save dialog asked before replacing one), or a test did.
  await writeAtomic(vscode.workspace.fs, uri, bytes, { overwrite: true });
  if (!target) void vscode.window.showInformationMessage(`Charts saved as ${vscode.workspace.asRelativePath(uri)}.`);
  return uri;
}
