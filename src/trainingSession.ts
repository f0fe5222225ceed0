/**
 * One training run on the host side: starts the worker thread, relays its (already
 * throttled) events, stops it on request, and always ends with exactly one `ended` event.
 */
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BaselineSummary, BoundaryView, ConfusionView, CostPoint, DatasetSummary, ErrorInfo, HiddenPoint, ParamsAt, ParamsSnapshot, RunSummary, ScatterView, TrainSettings } from './protocol';
import type { FromWorker, RunOutcome, StartRun } from './workerProtocol';

export type SessionEvent =
  | { kind: 'prepared'; dataset: DatasetSummary; scatter?: ScatterView }
  | { kind: 'baseline'; baseline: BaselineSummary }
  | { kind: 'progress'; iteration: number; points: CostPoint[]; testPoints: CostPoint[]; params: ParamsSnapshot; boundary?: BoundaryView; hiddenPoints?: HiddenPoint[] };

export type SessionEnd =
  | { kind: 'done'; outcome: RunOutcome; summary: RunSummary; message?: string; modelJson: string; params: ParamsSnapshot; confusion?: ConfusionView; snapshots?: ParamsAt[] }
  | { kind: 'failed'; error: ErrorInfo };

export interface SessionInput {
  csv: Uint8Array;
  fileName: string;
  settings: TrainSettings;
  initialParams?: { text: string; fileName: string };
}

export class TrainingSession implements vscode.Disposable {
  private readonly events = new vscode.EventEmitter<SessionEvent>();
  readonly onEvent = this.events.event;
  private readonly stopFlag = new SharedArrayBuffer(4);
  private worker: Worker | undefined;
  private ending: Promise<SessionEnd> | undefined;

  constructor(private readonly extensionPath: string) {}

  start(input: SessionInput): Promise<SessionEnd> {
    if (this.ending) throw new Error('this session has started already');
    const worker = new Worker(path.join(this.extensionPath, 'dist', 'trainWorker.js'));
    this.worker = worker;
    this.ending = new Promise<SessionEnd>((resolve) => {
      let settled = false;
      const end = (e: SessionEnd): void => {
        if (settled) return;
        settled = true;
        void worker.terminate();
        resolve(e);
      };
      worker.on('message', (m: FromWorker) => {
        switch (m.type) {
          case 'prepared':
            this.events.fire({ kind: 'prepared', dataset: m.dataset, ...(m.scatter ? { scatter: m.scatter } : {}) });
            break;
          case 'baseline':
            this.events.fire({ kind: 'baseline', baseline: m.baseline });
            break;
          case 'progress':
            this.events.fire({
              kind: 'progress', iteration: m.iteration, points: m.points, testPoints: m.testPoints, params: m.params,
              ...(m.boundary ? { boundary: m.boundary } : {}),
              ...(m.hiddenPoints ? { hiddenPoints: m.hiddenPoints } : {}),
            });
            break;
          case 'done':
            end({ kind: 'done', outcome: m.outcome, summary: m.summary, modelJson: m.modelJson, params: m.params, ...(m.snapshots ? { snapshots: m.snapshots } : {}), ...(m.message === undefined ? {} : { message: m.message }), ...(m.confusion ? { confusion: m.confusion } : {}) });
            break;
          case 'failed':
            end({ kind: 'failed', error: m.error });
            break;
        }
      });
      worker.on('error', (err) => end({ kind: 'failed', error: { message: `The training worker failed: ${err.message}` } }));
      worker.on('exit', (code) => end({ kind: 'failed', error: { message: `The training worker stopped unexpectedly (exit code ${code}).` } }));
    });
    const start: StartRun = {
      type: 'start',
      csv: input.csv,
      fileName: input.fileName,
      settings: input.settings,
      ...(input.initialParams ? { initialParams: input.initialParams } : {}),
      stop: this.stopFlag,
      progressEveryMs: 50,
    };
    worker.postMessage(start);
    return this.ending;
  }

  /** Ends the run after the iteration under way; its result keeps what was learned. */
  stop(): void {
    Atomics.store(new Int32Array(this.stopFlag), 0, 1);
  }

  dispose(): void {
    this.stop();
    this.events.dispose();
    // The worker ends itself after a stop; terminate only if it hangs on.
    const w = this.worker;
    if (w) setTimeout(() => void w.terminate(), 2000).unref();
  }
}
