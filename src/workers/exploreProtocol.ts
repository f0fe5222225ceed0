/**
 * Messages between the extension host and the explore worker thread (src/workers/exploreWorker.ts),
 * which evaluates a run's network at any parameters on the run's data.
 */
import type { DatasetSummary, ExploreResult, ParamsSnapshot, TrainSettings } from '../shared/runTypes';

export interface ExploreJob {
  type: 'explore';
  id: number;
  /** Which data set: the run and the CSV's version (mtime and size), so a changed file is read again. */
  key: string;
  fileName: string;
  settings: TrainSettings;
  /** The data the run trained on, as its summary says (to tell a changed CSV). */
  expected: DatasetSummary;
  params: ParamsSnapshot;
  features: [number, number];
  iteration?: number;
  /** The CSV's bytes, only when the worker asked for them (it has no data set of that key). */
  csv?: Uint8Array;
}

export type ToExploreWorker = ExploreJob;

export type FromExploreWorker =
  | { type: 'needCsv'; id: number }
  | { type: 'explored'; id: number; result: ExploreResult }
  | { type: 'failed'; id: number; message: string };
