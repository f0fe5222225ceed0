/**
 * How the extension writes a file (models, predictions, NumPy exports, samples, PNGs): to
 * `<name>.tmp-<random>` beside it, then renamed to its name, so a crash or a failure midway
 * never leaves half a file under the name (at worst a stray temporary file, removed when the
 * failure is seen). The rename replaces an existing file only with `overwrite`, which callers
 * set only where the person chose the file (a save dialog, which asks before replacing).
 * `fs` is `vscode.workspace.fs` (a parameter so the unit tests can run it without VS Code).
 */
import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

export type AtomicFileSystem = Pick<vscode.FileSystem, 'writeFile' | 'rename' | 'delete'>;

/** The file's contents: bytes, text (written as UTF-8), or text in chunks (joined, as the file system writes whole files). */
export type FileData = Uint8Array | string | Iterable<string>;

function bytesOf(data: FileData): Uint8Array {
  if (data instanceof Uint8Array) return data;
  const encoder = new TextEncoder();
  if (typeof data === 'string') return encoder.encode(data);
  const parts: Uint8Array[] = [];
  let length = 0;
  for (const chunk of data) {
    const bytes = encoder.encode(chunk);
    parts.push(bytes);
    length += bytes.length;
  }
  const all = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

export async function writeAtomic(fs: AtomicFileSystem, uri: vscode.Uri, data: FileData, options: { overwrite: boolean }): Promise<void> {
  const temp = uri.with({ path: `${uri.path}.tmp-${randomBytes(6).toString('hex')}` });
  try {
    await fs.writeFile(temp, bytesOf(data));
    await fs.rename(temp, uri, { overwrite: options.overwrite });
  } catch (e) {
    await Promise.resolve(fs.delete(temp)).catch(() => undefined);
    throw e;
  }
}
