/**
 * Every message between the extension host and the panel's webview, as discriminated
 * unions (the idea of vscode-hexeditor's shared/protocol.ts). Messages from the webview are
 * untrusted: the host accepts only what `parseFromWebview` lets through.
 */
import type { ExploreResult, GradCheckReport, ParamsSnapshot, RunView, SweepView, TrainSettings } from './runTypes';
import { checkedSweepSizes } from './sweepSizes';
import { finite, isRecord, parseParamsSnapshot, parsePngDataUrl, parseTrainSettings } from './validators';

// ── host → webview ────────────────────────────────────────────────────────────
export interface StateMessage {
  type: 'state';
  runs: RunView[];
  defaults: TrainSettings;
  training: boolean;
  /** The latest hidden-layer-size sweep, if any. */
  sweep?: SweepView;
}
export interface RunUpdateMessage {
  type: 'run';
  /**
   * The run's whole view, minus points already sent: `points`/`testPoints` are appended. When
   * `append` is true, a missing `boundary`, `scatter` or `confusion` keeps the one shown.
   */
  run: RunView;
  append: boolean;
}
export interface TrainingMessage {
  type: 'training';
  training: boolean;
}
/** The answer to a GradientCheckMessage: the result, or why there is none. */
export interface GradCheckMessage {
  type: 'gradCheck';
  runId: number;
  result?: GradCheckReport;
  error?: string;
}
/** The sweep changed (a size finished, it ended): its whole view (a few rows). */
export interface SweepMessage {
  type: 'sweep';
  sweep: SweepView;
}
/** The answer to an ExploreMessage (only the latest request is answered; older ones may be dropped). */
export interface ExploredMessage {
  type: 'explored';
  requestId: number;
  runId: number;
  result?: ExploreResult;
  error?: string;
}
export type ToWebview = StateMessage | RunUpdateMessage | TrainingMessage | GradCheckMessage | SweepMessage | ExploredMessage;

// ── webview → host ────────────────────────────────────────────────────────────
export interface ReadyMessage {
  type: 'ready';
}
export interface TrainMessage {
  type: 'train';
  settings: TrainSettings;
  /** Train on this run's CSV (the symmetry card's twin); absent: the latest run's CSV. */
  csvOfRun?: number;
}
export interface StopMessage {
  type: 'stop';
}
export interface SaveModelMessage {
  type: 'saveModel';
  runId: number;
}
/** Open the CSV of a failed run at the row and column its error names. */
export interface RevealErrorMessage {
  type: 'revealError';
  runId: number;
}
/** Gradient-check a run's CSV with its settings at its final parameters. */
export interface GradientCheckMessage {
  type: 'gradientCheck';
  runId: number;
}
/** The charts shown, as one PNG (canvas.toDataURL): the host asks where to save it. */
export interface ExportPngMessage {
  type: 'exportPng';
  dataUrl: string;
}
/** Sweep these hidden sizes with the default settings, on the CSV of run `csvOfRun` (the run shown) or else the latest run's. */
export interface RunSweepMessage {
  type: 'runSweep';
  sizes: number[];
  csvOfRun?: number;
}
/** Stop the sweep under way. */
export interface StopSweepMessage {
  type: 'stopSweep';
}
/**
 * Evaluate a run's network at these parameters (a timeline snapshot or edited ones) over the
 * plane of features [x, y] (encoded indices), on the run's data. The latest request wins.
 */
export interface ExploreMessage {
  type: 'explore';
  requestId: number;
  runId: number;
  params: ParamsSnapshot;
  features: [number, number];
  /** The iteration the parameters are of; for edited ones, the iteration they were edited from. */
  iteration?: number;
}
export type FromWebview =
  | ReadyMessage
  | TrainMessage
  | StopMessage
  | SaveModelMessage
  | RevealErrorMessage
  | GradientCheckMessage
  | ExportPngMessage
  | RunSweepMessage
  | StopSweepMessage
  | ExploreMessage;

/** The host's gate for webview messages: anything not exactly of the protocol is dropped. */
export function parseFromWebview(v: unknown): FromWebview | undefined {
  if (!isRecord(v) || typeof v.type !== 'string') return undefined;
  switch (v.type) {
    case 'ready':
      return { type: 'ready' };
    case 'stop':
      return { type: 'stop' };
    case 'train': {
      const settings = parseTrainSettings(v.settings);
      if (!settings) return undefined;
      if (v.csvOfRun === undefined) return { type: 'train', settings };
      const csvOfRun = finite(v.csvOfRun, 0, Number.MAX_SAFE_INTEGER, true);
      return csvOfRun === undefined ? undefined : { type: 'train', settings, csvOfRun };
    }
    case 'saveModel':
    case 'revealError':
    case 'gradientCheck': {
      const runId = finite(v.runId, 0, Number.MAX_SAFE_INTEGER, true);
      return runId === undefined ? undefined : { type: v.type, runId };
    }
    case 'runSweep': {
      const sizes = checkedSweepSizes(v.sizes);
      if (!sizes) return undefined;
      if (v.csvOfRun === undefined) return { type: 'runSweep', sizes };
      const csvOfRun = finite(v.csvOfRun, 0, Number.MAX_SAFE_INTEGER, true);
      return csvOfRun === undefined ? undefined : { type: 'runSweep', sizes, csvOfRun };
    }
    case 'stopSweep':
      return { type: 'stopSweep' };
    case 'explore': {
      const requestId = finite(v.requestId, 0, Number.MAX_SAFE_INTEGER, true);
      const runId = finite(v.runId, 0, Number.MAX_SAFE_INTEGER, true);
      const params = parseParamsSnapshot(v.params);
      const f = v.features;
      if (requestId === undefined || runId === undefined || !params || !Array.isArray(f) || f.length !== 2) return undefined;
      // A single feature has no plane: [0, 1] is accepted and ignored.
      const top = Math.max(1, params.W1[0].length - 1);
      const fx = finite(f[0], 0, top, true);
      const fy = finite(f[1], 0, top, true);
      if (fx === undefined || fy === undefined || fx === fy) return undefined;
      const iteration = v.iteration === undefined ? undefined : finite(v.iteration, 0, Number.MAX_SAFE_INTEGER, true);
      if (v.iteration !== undefined && iteration === undefined) return undefined;
      return { type: 'explore', requestId, runId, params, features: [fx, fy], ...(iteration === undefined ? {} : { iteration }) };
    }
    case 'exportPng': {
      const dataUrl = parsePngDataUrl(v.dataUrl);
      return dataUrl === undefined ? undefined : { type: 'exportPng', dataUrl };
    }
    default:
      return undefined;
  }
}
