/**
 * What the panel explores of the shown run: a timeline snapshot, parameters edited by hand and
 * the two features on the boundary's axes. The host evaluates the network at those parameters
 * on the run's data (the explore service); until its answer comes, the heatmaps already show
 * the parameters. Pure helpers here; the widgets are Timeline, AxesPicker and EditedLine (cards/).
 */
import type { ExploreResult, ParamsSnapshot, RunView } from '../../src/shared/runTypes';
import { integer } from '../widgets/dom';
import type { ParamKey } from '../widgets/heatmap';

export interface ExploreState {
  runId: number;
  /** A timeline snapshot's index; null: the run's latest parameters. */
  index: number | null;
  /** Parameters edited by hand (from the snapshot or latest ones shown when the first cell was edited). */
  edited: ParamsSnapshot | null;
  /** The edited cells, "r,c" per parameter. */
  cells: Partial<Record<ParamKey, Set<string>>>;
  /** The features on the boundary's axes as picked; null: the run's own pair (planeOf). */
  features: [number, number] | null;
}

export function freshState(run: RunView): ExploreState {
  return { runId: run.id, index: null, edited: null, cells: {}, features: null };
}

/**
 * The features on the boundary's axes: those picked, else the run's own pair, which a run in
 * training only knows once its data is read (so it is not fixed when the run is first shown).
 */
export function planeOf(run: RunView, s: ExploreState): [number, number] {
  return s.features ?? defaultFeatures(run);
}

/** The plane the run's own boundary is drawn on (the first two features). */
export function defaultFeatures(run: RunView): [number, number] {
  const f = run.boundary?.plane.features ?? run.scatter?.features;
  return f ? [f[0], f[1]] : [0, 1];
}

/** The trained parameters at the timeline's position (the latest when none). */
export function trainedParams(run: RunView, index: number | null): ParamsSnapshot | undefined {
  if (index !== null) return run.snapshots?.[index]?.params ?? run.params;
  return run.params;
}

/** The parameters shown: edited ones, else the timeline's. */
export function shownParams(run: RunView, s: ExploreState): ParamsSnapshot | undefined {
  return s.edited ?? trainedParams(run, s.index);
}

/** The iteration of the parameters shown (for an edit: of the parameters it started from). */
export function shownIteration(run: RunView, s: ExploreState): number {
  if (s.index !== null) return run.snapshots?.[s.index]?.iteration ?? run.iteration;
  return run.summary?.iterations ?? run.iteration;
}

/** Whether nothing is explored: the run as trained, latest parameters, on its own plane. */
export function isPlain(run: RunView, s: ExploreState): boolean {
  const d = defaultFeatures(run);
  const f = planeOf(run, s);
  return s.index === null && !s.edited && f[0] === d[0] && f[1] === d[1];
}

/** A copy of `p` with one value changed. */
export function withValue(p: ParamsSnapshot, key: ParamKey, r: number, c: number, value: number): ParamsSnapshot {
  const m = p[key].map((row, i) => (i === r ? row.map((v, j) => (j === c ? value : v)) : row));
  return { ...p, [key]: m };
}

/** Records an edit: the new parameters and the cell marked (unmarked when back at the trained value). */
export function applyEdit(run: RunView, s: ExploreState, key: ParamKey, r: number, c: number, value: number): ExploreState {
  const base = trainedParams(run, s.index);
  const from = s.edited ?? base;
  if (!from || !base) return s;
  const edited = withValue(from, key, r, c, value);
  const cells = { ...s.cells, [key]: new Set(s.cells[key] ?? []) };
  const set = cells[key] ?? new Set<string>();
  if (base[key][r]?.[c] === value) set.delete(`${r},${c}`);
  else set.add(`${r},${c}`);
  const count = Object.values(cells).reduce((n, cs) => n + (cs?.size ?? 0), 0);
  return count ? { ...s, edited, cells } : { ...s, edited: null, cells: {} };
}

export function editedCount(s: ExploreState): number {
  return Object.values(s.cells).reduce((n, cs) => n + (cs?.size ?? 0), 0);
}

/**
 * The run as the panel shows it: the parameters explored, and the host's answer for them
 * (boundary, unit maps, scatter, confusion, and the cost and accuracy in the summary).
 */
export function exploredRun(run: RunView, s: ExploreState, result: ExploreResult | undefined, failed: boolean): RunView {
  if (isPlain(run, s)) return run;
  const params = shownParams(run, s);
  const out: RunView = { ...run, ...(params ? { params } : {}) };
  const moved = s.index !== null || !!s.edited;
  if (failed) {
    // Nothing to show that matches these parameters but the heatmaps.
    if (moved) {
      delete out.boundary;
      delete out.scatter;
      delete out.confusion;
    }
    return out;
  }
  if (!result) return out;
  // Edited parameters are of no iteration: the boundary says they were edited from `iteration`.
  if (result.boundary) out.boundary = s.edited ? { ...result.boundary, edited: true } : result.boundary;
  if (result.scatter) out.scatter = result.scatter;
  if (moved) {
    out.confusion = result.confusion;
    const base = run.summary ?? { iterations: run.iteration, cost: NaN, trainAccuracy: NaN, testAccuracy: null, testCost: null, seconds: NaN };
    out.summary = {
      ...base,
      iterations: shownIteration(run, s),
      cost: result.train.cost,
      trainAccuracy: result.train.accuracy,
      testAccuracy: result.test ? result.test.accuracy : null,
      testCost: result.test ? result.test.cost : null,
    };
  }
  return out;
}

/** The summary's "Showing" line, or undefined for the run as trained. */
export function showingText(run: RunView, s: ExploreState): string | undefined {
  const n = editedCount(s);
  const it = integer(shownIteration(run, s));
  if (s.edited) return `edited parameters: ${n} value${n === 1 ? '' : 's'} changed from those of iteration ${it} (not saved)`;
  if (s.index !== null) return `the timeline's snapshot at iteration ${it}`;
  return undefined;
}
