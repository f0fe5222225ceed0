/**
 * Reading a CSV or a model in the extension: its size is checked (stat) against the one limit
 * before a byte is read, so a file too big to become text is refused with a clear message
 * instead of filling the extension host's memory.
 */
import * as vscode from 'vscode';
import { checkInputSize } from '../../engine/limits';

/** The bytes of a CSV or model file, refused past MAX_INPUT_BYTES. */
export async function readInputBytes(uri: vscode.Uri): Promise<Uint8Array> {
  const name = uri.path.split('/').pop() ?? uri.path;
  checkInputSize(name, (await vscode.workspace.fs.stat(uri)).size);
  const bytes = await vscode.workspace.fs.readFile(uri);
  checkInputSize(name, bytes.length); // it may have grown since
  return bytes;
}
