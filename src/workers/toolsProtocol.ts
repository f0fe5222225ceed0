/**
 * Messages between the extension host and the tools worker thread (src/workers/toolsWorker.ts), which
 * runs Predict with Model and Gradient Check off the host's thread: one job per worker.
 */
import type { ErrorInfo, GradCheckReport, ParamsSnapshot, TrainSettings } from '../shared/runTypes';

/** A file's bytes, read by the host with workspace.fs (moved to the worker, not copied), and its name for messages. */
export interface FileBytes {
  bytes: Uint8Array;
  fileName: string;
}

/** The model's predictions for every row of the CSV, as the predictions CSV's bytes. */
export interface PredictJob {
  type: 'predict';
  model: FileBytes;
  csv: FileBytes;
}

/** The gradient check of the CSV with these settings (gradcheckRun.ts), at `params` if given. */
export interface GradCheckJob {
  type: 'gradCheck';
  csv: FileBytes;
  settings: TrainSettings;
  params?: ParamsSnapshot;
}

export type ToToolsWorker = PredictJob | GradCheckJob;

export type FromToolsWorker =
  | { type: 'predicted'; bytes: Uint8Array; rows: number }
  | { type: 'gradChecked'; result: GradCheckReport }
  | { type: 'failed'; error: ErrorInfo };
