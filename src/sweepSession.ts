/**
 * One hidden-layer-size sweep on the host side: starts a training worker thread with a
 * `sweep` message, relays each size's result as it finishes, stops it on request (within the
 * iteration under way), and always ends with exactly one result.
 */
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import type { DatasetSummary, ErrorInfo, SweepPoint, TrainSettings } from './protocol';
import type { FromSweepWorker, StartSweep } from './workerProtocol';

export type SweepSessionEnd = { kind: 'done'; stopped: boolean } | { kind: 'failed'; error: ErrorInfo };

export interface SweepListener {
  prepared(dataset: DatasetSummary): void;
  result(point: SweepPoint, index: number): void;
}

export class SweepSession {
  private readonly stopFlag = new SharedArrayBuffer(4);
  private worker: Worker | undefined;

  constructor(private readonly extensionPath: string) {}

  run(input: { csv: Uint8Array; fileName: string; settings: TrainSettings; sizes: number[] }, listener: SweepListener): Promise<SweepSessionEnd> {
    if (this.worker) throw new Error('this sweep has started already');
    const worker = new Worker(path.join(this.extensionPath, 'dist', 'trainWorker.js'));
    this.worker = worker;
    const ending = new Promise<SweepSessionEnd>((resolve) => {
      let settled = false;
      const end = (e: SweepSessionEnd): void => {
        if (settled) return;
        settled = true;
        void worker.terminate();
        resolve(e);
      };
      worker.on('message', (m: FromSweepWorker) => {
        switch (m.type) {
          case 'sweepPrepared':
            listener.prepared(m.dataset);
            break;
          case 'sweepResult':
            listener.result(m.result, m.index);
            break;
          case 'sweepDone':
            end({ kind: 'done', stopped: m.stopped });
            break;
          case 'failed':
            end({ kind: 'failed', error: m.error });
            break;
        }
      });
      worker.on('error', (err) => end({ kind: 'failed', error: { message: `The sweep's worker failed: ${err.message}` } }));
      worker.on('exit', (code) => end({ kind: 'failed', error: { message: `The sweep's worker stopped unexpectedly (exit code ${code}).` } }));
    });
    const start: StartSweep = { type: 'sweep', csv: input.csv, fileName: input.fileName, settings: input.settings, sizes: input.sizes, stop: this.stopFlag };
    worker.postMessage(start);
    return ending;
  }

  /** Ends the sweep within the iteration under way; the sizes finished so far are kept. */
  stop(): void {
    Atomics.store(new Int32Array(this.stopFlag), 0, 1);
  }

  dispose(): void {
    this.stop();
    const w = this.worker;
    if (w) setTimeout(() => void w.terminate(), 2000).unref();
  }
}
