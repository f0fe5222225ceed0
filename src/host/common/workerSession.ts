/**
 * The one lifecycle of the extension's worker threads (training and sweeps, explore, predict
 * and gradient check): a worker is started with the memory limit (memoryLimit.ts), its
 * messages are relayed, and its end — asked for, or not: an uncaught error, running out of
 * memory, an exit — is reported exactly once. Running out of memory ends the worker only,
 * never the extension host, and becomes the one clear message (outOfMemoryMessage).
 *
 * WorkerThread is a worker kept for many requests (explore); startWorkerJob runs one job on
 * its own worker and ends with exactly one result (training, sweep, predict, gradient check).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { memoryLimitMb, outOfMemoryMessage } from '../../core/memoryLimit';
import type { ErrorInfo } from '../../shared/runTypes';

/** The worker bundles in dist/ (esbuild.mjs). */
export type WorkerBundle = 'trainWorker.js' | 'exploreWorker.js' | 'toolsWorker.js';

export function workerScript(extensionPath: string, bundle: WorkerBundle): string {
  return path.join(extensionPath, 'dist', bundle);
}

/** Node's code for a worker stopped at its resourceLimits. */
export const WORKER_OUT_OF_MEMORY = 'ERR_WORKER_OUT_OF_MEMORY';

export interface WorkerSpec {
  /** The worker's script (workerScript). */
  script: string;
  /** "training worker", "sweep's worker"… as the messages name it. */
  role: string;
  /** The file the worker works on, as the out-of-memory message names it (read when the worker is lost). */
  subject: () => string;
  /** The old-generation heap limit in MB; memoryLimitMb of this machine and process.env, read at each start, by default. */
  limitMb?: number;
}

/**
 * The buffer of `bytes` to move to a worker instead of copying it (a big CSV is not held twice
 * on the host): only when `bytes` alone covers all of it (a file read whole, never a view into
 * a shared pool), and only from 64 KB. The host must not use `bytes` after the post.
 */
export function movable(bytes: Uint8Array): ArrayBuffer[] {
  const b = bytes.buffer;
  return b instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === b.byteLength && b.byteLength >= 64 * 1024 ? [b] : [];
}

/** How a worker that ended on its own is explained: out of memory, an uncaught error, or an exit. */
export function lostError(how: { error: unknown } | { exitCode: number }, role: string, subject: string, limitMb: number): ErrorInfo {
  if ('exitCode' in how) return { message: `The ${role} stopped unexpectedly (exit code ${how.exitCode}).` };
  const e = how.error;
  const code = typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : undefined;
  // No `file`: the error is at no place in the CSV, so it is no Problem on it (and the host never
  // reads a file this big to place one).
  if (code === WORKER_OUT_OF_MEMORY) return { message: outOfMemoryMessage(subject, limitMb), code: WORKER_OUT_OF_MEMORY };
  return { message: `The ${role} failed: ${e instanceof Error ? e.message : String(e)}` };
}

/**
 * A worker thread with the memory limit. `lost` is called at most once, when the worker ends
 * without terminate() (or cannot start); no message is relayed after it, nor after terminate().
 */
export class WorkerThread<ToW, FromW> {
  readonly limitMb: number;
  private readonly worker: Worker | undefined;
  private over = false;
  private readonly lose: (how: { error: unknown } | { exitCode: number }) => void;

  constructor(spec: WorkerSpec, handlers: { message(m: FromW): void; lost(error: ErrorInfo): void }) {
    this.limitMb = spec.limitMb ?? memoryLimitMb(os.totalmem(), process.env);
    const lose = (how: { error: unknown } | { exitCode: number }): void => {
      if (this.over) return;
      this.over = true;
      void this.worker?.terminate();
      handlers.lost(lostError(how, spec.role, spec.subject(), this.limitMb));
    };
    this.lose = lose;
    try {
      this.worker = new Worker(spec.script, { resourceLimits: { maxOldGenerationSizeMb: this.limitMb } });
    } catch (e) {
      // Reported after the constructor returns, as a worker's own end would be.
      queueMicrotask(() => lose({ error: e }));
      return;
    }
    this.worker.on('message', (m: FromW) => {
      if (!this.over) handlers.message(m);
    });
    this.worker.on('error', (error) => lose({ error }));
    this.worker.on('exit', (exitCode) => lose({ exitCode }));
  }

  /** Whether the worker has ended (lost or terminated). */
  get ended(): boolean {
    return this.over;
  }

  /** Posts `m`, moving the buffers in `transfer` (see movable) rather than copying them. */
  post(m: ToW, transfer: ArrayBuffer[] = []): void {
    if (this.over || !this.worker) return;
    try {
      this.worker.postMessage(m, transfer);
    } catch (error) {
      // A message that cannot be cloned: the worker will never answer it.
      this.lose({ error });
    }
  }

  /** The worker must not keep the extension host alive on its own. */
  unref(): void {
    this.worker?.unref();
  }

  /** Ends the worker now; `lost` is not called. */
  terminate(): void {
    this.over = true;
    void this.worker?.terminate();
  }
}

export interface WorkerJob {
  /** Terminates the worker if it has not ended within `ms` (it was asked to stop); the job then ends as failed. */
  endWithin(ms: number): void;
}

/**
 * One job on its own worker: posts `start` (moving the buffers in `transfer`), hands each message to `message` (which calls
 * `end` with the job's result when it has one), and resolves exactly once: with that result,
 * or with `failed(error)` when the worker is lost. The worker is terminated at the end.
 */
export function startWorkerJob<ToW, FromW, End>(
  spec: WorkerSpec,
  start: ToW,
  transfer: ArrayBuffer[],
  handlers: { message(m: FromW, end: (e: End) => void): void; failed(error: ErrorInfo): End },
): { ending: Promise<End>; job: WorkerJob } {
  let thread: WorkerThread<ToW, FromW> | undefined = undefined;
  let resolveEnding: (e: End) => void = () => undefined;
  const ending = new Promise<End>((resolve) => (resolveEnding = resolve));
  let settled = false;
  const end = (e: End): void => {
    if (settled) return;
    settled = true;
    thread?.terminate();
    resolveEnding(e);
  };
  thread = new WorkerThread<ToW, FromW>(spec, {
    message: (m) => handlers.message(m, end),
    lost: (error) => end(handlers.failed(error)),
  });
  thread.post(start, transfer);
  return {
    ending,
    job: {
      endWithin(ms: number): void {
        if (settled) return;
        setTimeout(() => end(handlers.failed({ message: `The ${spec.role} did not stop when asked; it was ended.` })), ms).unref();
      },
    },
  };
}
