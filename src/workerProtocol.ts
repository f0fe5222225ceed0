/**
 * Messages between the extension host and the training worker thread. The worker owns
 * everything slow — decoding, parsing, encoding and training — so the host never blocks.
 */
import type { BaselineSummary, BoundaryView, ConfusionView, CostPoint, DatasetSummary, ErrorInfo, HiddenPoint, ParamsAt, ParamsSnapshot, RunSummary, ScatterView, TrainSettings } from './protocol';

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

export type ToWorker = StartRun;

export type RunOutcome = 'finished' | 'stopped' | 'diverged';

export type FromWorker =
  | { type: 'prepared'; dataset: DatasetSummary; scatter?: ScatterView }
  | { type: 'baseline'; baseline: BaselineSummary }
  | { type: 'progress'; iteration: number; points: CostPoint[]; testPoints: CostPoint[]; params: ParamsSnapshot; boundary?: BoundaryView; hiddenPoints?: HiddenPoint[] }
  | { type: 'done'; outcome: RunOutcome; summary: RunSummary; message?: string; modelJson: string; params: ParamsSnapshot; confusion?: ConfusionView; snapshots?: ParamsAt[] }
  | { type: 'failed'; error: ErrorInfo };
