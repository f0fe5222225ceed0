/**
 * The host side of exploring a run: a worker thread (dist/exploreWorker.js), one per panel,
 * started on the panel's first request and ended when the panel closes (dispose), that
 * evaluates a run's network at given parameters on the run's data, so the extension host
 * never does the heavy work. One request at a time; while one runs, a newer request replaces
 * the one waiting (the panel shows only the latest). Errors come back as a message, never
 * thrown; once disposed, every request is answered at once (no worker is started again).
 */
import * as vscode from 'vscode';
import type { ExploreJob, FromExploreWorker } from '../../workers/exploreProtocol';
import type { DatasetSummary, ExploreResult, ParamsSnapshot, TrainSettings } from '../../shared/runTypes';
import { readInputBytes } from '../common/readInput';
import { movable, workerScript, WorkerThread, WORKER_OUT_OF_MEMORY } from '../common/workerSession';

export interface ExploreRequest {
  csv: vscode.Uri;
  runId: number;
  settings: TrainSettings;
  dataset: DatasetSummary;
  params: ParamsSnapshot;
  features: [number, number];
  iteration?: number;
}

const CLOSED = 'The panel was closed.';

export type ExploreAnswer = { result: ExploreResult } | { error: string };

interface Waiting {
  request: ExploreRequest;
  resolve: (a: ExploreAnswer | undefined) => void;
}

export class ExploreService implements vscode.Disposable {
  private worker: WorkerThread<ExploreJob, FromExploreWorker> | undefined;
  /** The handler of the answer awaited from the worker (one request at a time). */
  private onAnswer: ((m: FromExploreWorker) => void) | undefined;
  private busy = false;
  private waiting: Waiting | undefined;
  private nextId = 1;
  private current: { resolve: (a: ExploreAnswer) => void; fileName: string } | undefined;
  private disposed = false;

  constructor(private readonly extensionPath: string) {}

  /**
   * The network at `params` on the run's data; undefined when a newer request replaced this
   * one before it started.
   */
  explore(request: ExploreRequest): Promise<ExploreAnswer | undefined> {
    if (this.disposed) return Promise.resolve({ error: CLOSED });
    return new Promise((resolve) => {
      this.waiting?.resolve(undefined);
      this.waiting = { request, resolve };
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.busy || !this.waiting) return;
    const { request, resolve } = this.waiting;
    this.waiting = undefined;
    this.busy = true;
    try {
      resolve(await this.run(request));
    } catch (e) {
      // new Worker or postMessage may throw: an answer all the same, never a hanging panel.
      resolve({ error: `The network could not be evaluated: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      this.busy = false;
      void this.pump();
    }
  }

  private async run(r: ExploreRequest): Promise<ExploreAnswer> {
    const fileName = r.csv.path.split('/').pop() ?? r.csv.path;
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(r.csv);
    } catch {
      return { error: `${fileName} is no longer where this run read it (deleted, moved or renamed): the timeline, edits and feature picker need the run's data.` };
    }
    const job: ExploreJob = {
      type: 'explore',
      id: this.nextId++,
      key: `${r.runId}|${r.csv.toString()}|${stat.mtime}|${stat.size}`,
      fileName,
      settings: r.settings,
      expected: r.dataset,
      params: r.params,
      features: r.features,
      ...(r.iteration === undefined ? {} : { iteration: r.iteration }),
    };
    const first = await this.send(job);
    if (first !== 'needCsv') return first;
    let csv: Uint8Array;
    try {
      csv = await readInputBytes(r.csv);
    } catch (e) {
      return { error: `Could not read ${fileName}: ${e instanceof Error ? e.message : String(e)}` };
    }
    const second = await this.send({ ...job, id: this.nextId++, csv });
    return second === 'needCsv' ? { error: `Could not prepare ${fileName} again.` } : second;
  }

  private send(job: ExploreJob): Promise<ExploreAnswer | 'needCsv'> {
    return new Promise((resolve) => {
      // Closed while the CSV was being read: no worker to start again.
      if (this.disposed) return resolve({ error: CLOSED });
      const worker = this.ensureWorker();
      this.current = { resolve: (a) => resolve(a), fileName: job.fileName };
      this.onAnswer = (m) => {
        if (m.id !== job.id) return;
        this.onAnswer = undefined;
        this.current = undefined;
        if (m.type === 'needCsv') resolve('needCsv');
        else if (m.type === 'explored') resolve({ result: m.result });
        else resolve({ error: m.message });
      };
      worker.post(job, job.csv ? movable(job.csv) : []);
    });
  }

  private ensureWorker(): WorkerThread<ExploreJob, FromExploreWorker> {
    if (this.disposed) throw new Error(CLOSED);
    if (this.worker) return this.worker;
    const worker: WorkerThread<ExploreJob, FromExploreWorker> = new WorkerThread<ExploreJob, FromExploreWorker>(
      { script: workerScript(this.extensionPath, 'exploreWorker.js'), role: 'explore worker', subject: () => this.current?.fileName ?? "the run's CSV" },
      {
        message: (m) => this.onAnswer?.(m),
        lost: (error) => {
          if (this.worker !== worker) return;
          this.worker = undefined;
          this.onAnswer = undefined;
          const c = this.current;
          this.current = undefined;
          // The next request starts a new worker.
          c?.resolve({ error: error.code === WORKER_OUT_OF_MEMORY ? error.message : `${error.message} Try again.` });
        },
      },
    );
    worker.unref();
    this.worker = worker;
    return worker;
  }

  dispose(): void {
    this.disposed = true;
    this.waiting?.resolve(undefined);
    this.waiting = undefined;
    // The request under way is answered now: the worker's exit would find it no longer current.
    const c = this.current;
    this.current = undefined;
    c?.resolve({ error: CLOSED });
    const w = this.worker;
    this.worker = undefined;
    this.onAnswer = undefined;
    w?.terminate();
  }
}
