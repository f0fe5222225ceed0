/**
 * One training run on the host side: starts the worker thread (workerSession.ts: with the
 * memory limit, exactly one end), relays its (already throttled) events, stops it on request.
 */
import * as vscode from 'vscode';
import type { BaselineSummary, BoundaryView, ConfusionView, CostPoint, DatasetSummary, ErrorInfo, HiddenPoint, ParamsAt, ParamsSnapshot, RunSummary, ScatterView, TrainSettings } from '../../shared/runTypes';
import type { FromWorker, RunOutcome, StartRun } from '../../workers/workerProtocol';
import { movable, startWorkerJob, workerScript, type WorkerJob } from '../common/workerSession';

export type SessionEvent =
  | { kind: 'prepared'; dataset: DatasetSummary; scatter?: ScatterView }
  | { kind: 'baseline'; baseline: BaselineSummary }
  | { kind: 'progress'; iteration: number; points: CostPoint[]; testPoints: CostPoint[]; params: ParamsSnapshot; boundary?: BoundaryView; hiddenPoints?: HiddenPoint[] };

export type SessionEnd =
  | { kind: 'done'; outcome: RunOutcome; summary: RunSummary; message?: string; modelJson: string; params: ParamsSnapshot; confusion?: ConfusionView; snapshots?: ParamsAt[] }
  | { kind: 'failed'; error: ErrorInfo };

export interface SessionInput {
  /** The CSV's bytes; moved to the worker (workerSession.ts movable): not to be used after start. */
  csv: Uint8Array;
  fileName: string;
  settings: TrainSettings;
  initialParams?: { text: string; fileName: string };
}

export class TrainingSession implements vscode.Disposable {
  private readonly events = new vscode.EventEmitter<SessionEvent>();
  readonly onEvent = this.events.event;
  private readonly stopFlag = new SharedArrayBuffer(4);
  private job: WorkerJob | undefined;
  private ending: Promise<SessionEnd> | undefined;

  constructor(private readonly extensionPath: string) {}

  start(input: SessionInput): Promise<SessionEnd> {
    if (this.ending) throw new Error('this session has started already');
    const start: StartRun = {
      type: 'start',
      csv: input.csv,
      fileName: input.fileName,
      settings: input.settings,
      ...(input.initialParams ? { initialParams: input.initialParams } : {}),
      stop: this.stopFlag,
      progressEveryMs: 50,
    };
    const { ending, job } = startWorkerJob<StartRun, FromWorker, SessionEnd>(
      { script: workerScript(this.extensionPath, 'trainWorker.js'), role: 'training worker', subject: () => input.fileName },
      start,
      movable(input.csv),
      {
        message: (m, end) => {
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
        },
        failed: (error) => ({ kind: 'failed', error }),
      },
    );
    this.job = job;
    this.ending = ending;
    return ending;
  }

  /** Ends the run after the iteration under way; its result keeps what was learned. */
  stop(): void {
    Atomics.store(new Int32Array(this.stopFlag), 0, 1);
  }

  dispose(): void {
    this.stop();
    this.events.dispose();
    // The worker ends itself after a stop; terminate only if it hangs on.
    this.job?.endWithin(2000);
  }
}
