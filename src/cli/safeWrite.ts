/**
 * How the `shallow-net` commands write files (`train --save`, `predict --out`, `export-numpy
 * --out`, `sample --out`):
 *  - checkDestination, before any work: the folder exists, the destination is not a folder,
 *    not one of the command's own inputs (even with --force), and does not exist unless
 *    --force is given. A mistake costs no training.
 *  - writeAtomic: the data goes to `<name>.tmp-<random>` beside the destination, is flushed,
 *    and only then takes the destination's name. A kill or a failure midway leaves the
 *    destination as it was (at worst a stray temporary file). Without --force the name is
 *    taken with link(), which fails if the name exists: the check and the write are one step,
 *    so of two runs saving to one path only the first succeeds. With --force rename()
 *    replaces the destination (a symbolic link there is replaced, never followed).
 */
import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fchmodSync, fsyncSync, linkSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { OptionSpec } from './args';
import { ExitError } from './common';

/** The option every writing command takes. */
export const FORCE_OPTION: OptionSpec = { name: 'force', kind: 'flag', help: 'replace the output file if it exists (never one of the inputs)' };

export interface DestinationOptions {
  /** --force: an existing destination may be replaced. */
  readonly force: boolean;
  /** The command's input files: never written over, even with --force. */
  readonly inputs?: readonly string[];
}

export const existsMessage = (path: string): string => `${path} exists; pass --force to replace it`;

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ExitError(`cannot write ${path}: ${(e as Error).message}`, 2);
  }
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Throws an ExitError (exit 2) if `path` cannot or must not be written; see the module's comment. */
export function checkDestination(path: string, options: DestinationOptions): void {
  const folder = dirname(path);
  let folderStat: Stats;
  try {
    folderStat = statSync(folder);
  } catch {
    throw new ExitError(`cannot write ${path}: there is no folder ${folder}`, 2);
  }
  if (!folderStat.isDirectory()) throw new ExitError(`cannot write ${path}: ${folder} is not a folder`, 2);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new ExitError(`cannot write ${path}: no permission to create files in ${folder}`, 2);
  }
  const own = lstatOrUndefined(path);
  if (own === undefined) return;
  if (own.isDirectory()) throw new ExitError(`cannot write ${path}: it is a folder; give a file name`, 2);
  // What the destination is, and what it leads to if it is a link: neither may be an input.
  const targets = [own];
  try {
    targets.push(statSync(path));
  } catch {
    // A dangling link leads nowhere.
  }
  const real = realOrResolved(path);
  for (const input of options.inputs ?? []) {
    let inputStat: Stats | undefined;
    try {
      inputStat = statSync(input);
    } catch {
      inputStat = undefined;
    }
    if ((inputStat && targets.some((t) => sameFile(t, inputStat))) || realOrResolved(input) === real) {
      throw new ExitError(`${path} is one of this command's inputs (${input}); it is never written over, even with --force: choose another file`, 2);
    }
  }
  if (!options.force) throw new ExitError(existsMessage(path), 2);
}

export type WriteData = string | Uint8Array | Iterable<string | Uint8Array>;

function chunksOf(data: WriteData): Iterable<string | Uint8Array> {
  return typeof data === 'string' || data instanceof Uint8Array ? [data] : data;
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/**
 * Writes `data` (a string, bytes, or chunks of either, e.g. a generator) to `path` through a
 * temporary file beside it; see the module's comment. Throws an ExitError if `path` appeared
 * meanwhile and `force` is not set; any other failure (a chunk that throws, a full disk) leaves
 * `path` untouched and no temporary file.
 */
export function writeAtomic(path: string, data: WriteData, options: { force: boolean }): void {
  const temp = `${dirname(path)}/${basename(path)}.tmp-${randomBytes(6).toString('hex')}`;
  let fd: number;
  try {
    fd = openSync(temp, 'wx', 0o666);
  } catch (e) {
    throw new ExitError(`cannot write ${path}: ${(e as Error).message}`, 2);
  }
  try {
    try {
      for (const chunk of chunksOf(data)) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
      }
      // A replaced file keeps its permissions (an executable script stays executable).
      const old = options.force ? lstatOrUndefined(path) : undefined;
      if (old?.isFile()) fchmodSync(fd, old.mode & 0o7777);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.force) renameSync(temp, path);
    else takeNameIfFree(temp, path);
  } catch (e) {
    unlinkQuietly(temp);
    if (e instanceof ExitError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new ExitError(`cannot write ${path}: the disk is full`, 2);
    if (code === 'EACCES' || code === 'EPERM') throw new ExitError(`cannot write ${path}: permission denied`, 2);
    throw e;
  }
}

/** Gives `temp` the name `path` only if no file has it (link + unlink); the temporary name is gone after. */
function takeNameIfFree(temp: string, path: string): void {
  try {
    linkSync(temp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new ExitError(`${existsMessage(path)} (it appeared while this command ran; nothing was written)`, 2);
    // A file system without hard links (FAT, some network shares): check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
    if (lstatOrUndefined(path) !== undefined) throw new ExitError(existsMessage(path), 2);
    renameSync(temp, path);
    return;
  }
  unlinkSync(temp);
}
