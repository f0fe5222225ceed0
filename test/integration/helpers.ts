// What the integration suites share: the extension's API, the workspace's files, a run
// started from the command as the panel or a test would start it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ShallowNetApi } from '../../src/extension';
import type { TrainResult } from '../../src/host/training/runs';

export const EXT_ID = 'shallow-net.shallow-net-explorer';

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function api(): Promise<ShallowNetApi> {
  const ext = vscode.extensions.getExtension<ShallowNetApi>(EXT_ID);
  assert.ok(ext, `${EXT_ID} is installed`);
  return ext.activate();
}

/** Whether a file is there: the extension's own check. */
export { exists } from '../../src/host/common/freeName';

export async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function write(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export function train(csv: vscode.Uri, options: object): Thenable<TrainResult | undefined> {
  return vscode.commands.executeCommand<TrainResult | undefined>('shallowNet.trainFile', csv, { noPanel: true, ...options });
}

export async function waitFor(check: () => boolean, what: string, ms = 20000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
