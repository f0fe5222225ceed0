/**
 * What survives a reload of the webview (vscode.getState/setState; the host also re-sends its
 * state on 'ready', which replaces these runs). Runs are kept without their timeline's snapshots
 * (up to ~1.5 MB each, saved a few times a second while training): the timeline comes back with
 * the host's state (src/host/training/runHistory.ts keeps it across a window reload for networks small enough).
 */
import type { FromWebview } from '../../src/shared/panelMessages';
import type { RunView, SweepView, TrainSettings } from '../../src/shared/runTypes';
import type { FormValues } from '../cards/controls';

/** What VS Code gives the webview (acquireVsCodeApi): messages to the host, and its saved state. */
export interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState<T>(state: T): T;
}

export interface Persisted {
  v: 1;
  runs: RunView[];
  defaults?: TrainSettings;
  training: boolean;
  checked: number[];
  autoTicked?: number;
  /** Palette slot each run got when first ticked, [runId, slot]: colours follow the ticks, not the ids. */
  colours?: [number, number][];
  currentId?: number;
  log: boolean;
  form?: FormValues;
  formDirty: boolean;
  /** The latest hidden layer size sweep, and the sweep card's sizes field when typed in. */
  sweep?: SweepView;
  sweepSizes?: string;
}

/** The saved state, when it is one of this version. */
export function readPersisted(raw: unknown): Partial<Persisted> | undefined {
  const s = raw as Partial<Persisted> | undefined | null;
  return s && typeof s === 'object' && s.v === 1 ? s : undefined;
}

export function withoutSnapshots(r: RunView): RunView {
  if (!r.snapshots) return r;
  const copy = { ...r };
  delete copy.snapshots;
  return copy;
}

/** Saves at most every 300 ms whatever the number of changes in between. */
export class Persister {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly build: () => Persisted,
    private readonly save: (s: Persisted) => void,
  ) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.save(this.build());
    }, 300);
  }
}
