/**
 * Where trained models go: beside the CSV (or in `shallowNet.modelFolder`), named
 * `<csv name>.model.json`, never overwriting an existing file unasked: the next free
 * name `<csv name>-2.model.json`, `-3`, … is taken instead.
 */
import * as vscode from 'vscode';
import { nextFreeUri } from '../common/freeName';
import { modelFolderSetting } from '../common/settings';
import { writeAtomic } from '../common/writeAtomic';

export const MODEL_SUFFIX = '.model.json';

export function modelFolderFor(csv: vscode.Uri): vscode.Uri {
  const setting = modelFolderSetting(csv);
  const beside = vscode.Uri.joinPath(csv, '..');
  if (!setting) return beside;
  if (setting.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(setting)) return csv.with({ path: setting.replace(/\\/g, '/') });
  const root = vscode.workspace.getWorkspaceFolder(csv)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri ?? beside;
  return vscode.Uri.joinPath(root, setting);
}

export async function freeModelUri(csv: vscode.Uri): Promise<vscode.Uri> {
  const folder = modelFolderFor(csv);
  const base = csv.path.split('/').pop()?.replace(/\.csv$/i, '') ?? 'model';
  return nextFreeUri(folder, base, MODEL_SUFFIX);
}

export async function saveModel(csv: vscode.Uri, modelJson: string, target?: vscode.Uri): Promise<vscode.Uri> {
  const uri = target ?? (await freeModelUri(csv));
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  // A target is the person's choice (the save dialog asked before replacing); a free name replaces nothing.
  await writeAtomic(vscode.workspace.fs, uri, modelJson, { overwrite: target !== undefined });
  return uri;
}
