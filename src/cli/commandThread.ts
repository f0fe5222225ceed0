/**
 * The command runs in a worker thread with a bounded heap (memoryLimit.ts), so a CSV too big
 * for memory ends as `error: <the out-of-memory message>` and exit 2, never as V8's
 * `FATAL ERROR: Reached heap limit` abort (exit 134).
 *
 * The main thread only starts the thread and waits; it never touches process.stdout or
 * process.stderr while the command runs. The thread writes standard output and error straight
 * to file descriptors 1 and 2, synchronously, as a command in the main thread does: the same
 * bytes in the same order, nothing piled up in the thread's heap, a terminal still a terminal.
 * A reader that closes the pipe early (EPIPE) gets nothing more and the command ends as it
 * would have, with its own exit status.
 */
import { writeSync } from 'node:fs';
import { totalmem } from 'node:os';
import { basename } from 'node:path';
import { isatty } from 'node:tty';
import { Worker } from 'node:worker_threads';
import { memoryLimitMb, outOfMemoryMessage } from '../core/memoryLimit';
import { parseArgs } from './args';
import { COMMANDS } from './commands';

/** What the main thread hands the command thread. */
export interface CommandThreadData {
  readonly shallowNetCommand: readonly string[];
}

/** The command's arguments when this thread is a command thread started by startCommandThread, else undefined. */
export function commandThreadArgv(data: unknown): readonly string[] | undefined {
  if (typeof data !== 'object' || data === null || !('shallowNetCommand' in data)) return undefined;
  const argv = (data as CommandThreadData).shallowNetCommand;
  return Array.isArray(argv) && argv.every((x) => typeof x === 'string') ? argv : undefined;
}

/**
 * Runs `entry` (the CLI's own bundle, which calls runInCommandThread when it is not the main
 * thread) as the command thread for `argv`; the process ends with the command's exit status,
 * or 2 and one `error:` line when the command ran out of memory.
 */
export function startCommandThread(entry: string, argv: readonly string[]): void {
  const limitMb = memoryLimitMb(totalmem(), process.env);
  const data: CommandThreadData = { shallowNetCommand: argv };
  const worker = new Worker(entry, {
    workerData: data,
    resourceLimits: { maxOldGenerationSizeMb: limitMb },
    // Not piped into this thread's process.stdout/stderr: the thread writes to the descriptors itself.
    stdout: true,
    stderr: true,
  });
  // Anything that still came through the thread's own streams goes out as it came.
  worker.stdout.on('data', (chunk: Uint8Array) => writeAll(1, chunk));
  worker.stderr.on('data', (chunk: Uint8Array) => writeAll(2, chunk));
  let failed = false;
  worker.on('error', (e: Error & { code?: string }) => {
    failed = true;
    const message = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemoryMessage(subjectOf(argv), limitMb) : `internal error: ${e.message}`;
    writeAll(2, `error: ${message.replace(/\n/g, ' ')}\n`);
    process.exitCode = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 2 : 1;
  });
  worker.on('exit', (code) => {
    if (!failed) process.exitCode = code;
  });
}

/** In the command thread: process.stdout and process.stderr write to descriptors 1 and 2 directly (see the top). */
export function useProcessDescriptors(): void {
  directly(process.stdout, 1);
  directly(process.stderr, 2);
}

function directly(stream: NodeJS.WriteStream, fd: number): void {
  let closed = false;
  const write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    if (!closed) {
      try {
        writeAll(fd, chunk);
      } catch (e) {
        // The reader has gone (`shallow-net … | head`): it has all it wants; the command goes on quietly.
        if ((e as NodeJS.ErrnoException).code !== 'EPIPE') throw e;
        closed = true;
      }
    }
    const callback = rest.find((x): x is () => void => typeof x === 'function');
    if (callback) process.nextTick(callback);
    return true;
  };
  Object.defineProperty(stream, 'write', { value: write, configurable: true, writable: true });
  Object.defineProperty(stream, 'isTTY', { value: isatty(fd), configurable: true });
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** All of `chunk` to `fd`, synchronously (waiting a moment whenever a non-blocking descriptor is full). */
function writeAll(fd: number, chunk: string | Uint8Array): void {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

/** What the out-of-memory message names: the command's last file argument (predict's CSV, train's CSV), else the command. */
function subjectOf(argv: readonly string[]): string {
  const [name, ...rest] = argv;
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (!command) return 'the command';
  try {
    const { positionals } = parseArgs(command.spec, rest);
    const files = positionals.filter((_, i) => /\.(csv|json)$/i.test(command.spec.positionals[i] ?? ''));
    const last = files[files.length - 1];
    return last === undefined ? `shallow-net ${name}` : basename(last);
  } catch {
    return `shallow-net ${name}`;
  }
}
