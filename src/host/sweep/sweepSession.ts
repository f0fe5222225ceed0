/**
 * One hidden-layer-size sweep on the host side: starts a training worker thread with a
 * `sweep` message (workerSession.ts: with the memory limit, exactly one end), relays each
 * size's result as it finishes, and stops it on request (within the iteration under way).
 */
import type { DatasetSummary, ErrorInfo, SweepPoint, TrainSettings } from '../../shared/runTypes';
import type { FromSweepWorker, StartSweep } from '../../workers/workerProtocol';
import { movable, startWorkerJob, workerScript, type WorkerJob } from '../common/workerSession';

export type SweepSessionEnd = { kind: 'done'; stopped: boolean } | { kind: 'failed'; error: ErrorInfo };

export interface SweepListener {
  prepared(dataset: DatasetSummary): void;
  result(point: SweepPoint, index: number): void;
}

export class SweepSession {
  private readonly stopFlag = new SharedArrayBuffer(4);
  private job: WorkerJob | undefined;

  constructor(private readonly extensionPath: string) {}

  /** `input.csv` is moved to the worker (workerSession.ts movable): not to be used after. */
  run(input: { csv: Uint8Array; fileName: string; settings: TrainSettings; sizes: number[] }, listener: SweepListener): Promise<SweepSessionEnd> {
    if (this.job) throw new Error('this sweep has started already');
    const start: StartSweep = { type: 'sweep', csv: input.csv, fileName: input.fileName, settings: input.settings, sizes: input.sizes, stop: this.stopFlag };
    const { ending, job } = startWorkerJob<StartSweep, FromSweepWorker, SweepSessionEnd>(
      { script: workerScript(this.extensionPath, 'trainWorker.js'), role: "sweep's worker", subject: () => input.fileName },
      start,
      movable(input.csv),
      {
        message: (m, end) => {
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
        },
        failed: (error) => ({ kind: 'failed', error }),
      },
    );
    this.job = job;
    return ending;
  }

  /** Ends the sweep within the iteration under way; the sizes finished so far are kept. */
  stop(): void {
    Atomics.store(new Int32Array(this.stopFlag), 0, 1);
  }

  dispose(): void {
    this.stop();
    this.job?.endWithin(2000);
  }
}
