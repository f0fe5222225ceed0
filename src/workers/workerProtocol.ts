/**
 * Messages between the extension host and the training worker thread. The worker owns
 * everything slow — decoding, parsing, encoding and training — so the host never blocks.
 */
import type { BaselineSummary, BoundaryView, ConfusionView, CostPoint, DatasetSummary, ErrorInfo, HiddenPoint, ParamsAt, ParamsSnapshot, RunSummary, ScatterView, SweepPoint, TrainSettings } from '../shared/runTypes';

export interface StartRun {
  type: 'start';
  /** The CSV's bytes, read by the host with workspace.fs. */
  csv: Uint8Array;
  fileName: string;
  settings: TrainSettings;
  /** Initial parameters (a model file or a bare {W1,b1,W2,b2}), instead of initialising. */
  initialParams?: { text: string; fileName: string };
  /** Int32Array view [0]: set to 1 by the host to stop after the current iteration. */
  stop: SharedArrayBuffer;
  /** Minimum milliseconds between progress messages (≤ 20 a second by default). */
  progressEveryMs: number;
}

/** Train the CSV once per hidden size (a sweep), with `settings` otherwise. */
export interface StartSweep {
  type: 'sweep';
  csv: Uint8Array;
  fileName: string;
  settings: TrainSettings;
  sizes: number[];
  /** Int32Array view [0]: set to 1 by the host to stop within the iteration under way. */
  stop: SharedArrayBuffer;
}

export type ToWorker = StartRun | StartSweep;

/** What a sweep posts: the data read, each size as it finishes, then done (or failed). */
export type FromSweepWorker =
  | { type: 'sweepPrepared'; dataset: DatasetSummary }
  | { type: 'sweepResult'; result: SweepPoint; index: number }
  | { type: 'sweepDone'; stopped: boolean }
  | { type: 'failed'; error: ErrorInfo };

export type RunOutcome = 'finished' | 'stopped' | 'diverged';

export type FromWorker =
  | { type: 'prepared'; dataset: DatasetSummary; scatter?: ScatterView }
  | { type: 'baseline'; baseline: BaselineSummary }
  | { type: 'progress'; iteration: number; points: CostPoint[]; testPoints: CostPoint[]; params: ParamsSnapshot; boundary?: BoundaryView; hiddenPoints?: HiddenPoint[] }
  | { type: 'done'; outcome: RunOutcome; summary: RunSummary; message?: string; modelJson: string; params: ParamsSnapshot; confusion?: ConfusionView; snapshots?: ParamsAt[] }
  | { type: 'failed'; error: ErrorInfo };
