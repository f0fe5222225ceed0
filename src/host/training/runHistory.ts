/**
 * The runs of a window survive a reload: when a run ends, the last runs (their views, and
 * the model of each so "Save model" still works) are kept in the workspace's state, and
 * restored when the extension starts again. A run that was still training is restored as
 * stopped, with a word on why.
 */
import type * as vscode from 'vscode';
import type { CostPoint, RunView } from '../../shared/runTypes';

const KEY = 'shallowNet.runs.v1';
/** How many runs are kept, and how many cost points each keeps (the chart needs no more). */
export const KEPT_RUNS = 12;
const KEPT_POINTS = 1500;
/** A run's timeline is kept across reloads when it is small (a few hundred kB at most). */
const KEPT_SNAPSHOT_NUMBERS = 20_000;

function snapshotNumbers(view: RunView): number {
  let n = 0;
  for (const s of view.snapshots ?? []) for (const m of [s.params.W1, s.params.b1, s.params.W2, s.params.b2]) n += m.length * (m[0]?.length ?? 0);
  return n;
}

export interface StoredRun {
  view: RunView;
  /** The CSV the run trained on (URI string) and its model file's text, when it has one. */
  csv?: string;
  modelJson?: string;
}

function thin(points: CostPoint[], limit: number): CostPoint[] {
  if (points.length <= limit) return points;
  const stride = Math.ceil(points.length / limit);
  const kept = points.filter((_, i) => i % stride === 0);
  const last = points[points.length - 1];
  if (kept[kept.length - 1] !== last) kept.push(last);
  return kept;
}

export function storeRuns(memento: vscode.Memento, runs: StoredRun[]): Thenable<void> {
  const kept = runs.slice(-KEPT_RUNS).map((r) => {
    const view: RunView = { ...r.view, points: thin(r.view.points, KEPT_POINTS), testPoints: thin(r.view.testPoints, KEPT_POINTS) };
    if (snapshotNumbers(view) > KEPT_SNAPSHOT_NUMBERS) delete view.snapshots;
    return { ...r, view };
  });
  return memento.update(KEY, kept);
}

function isStoredRun(v: unknown): v is StoredRun {
  if (typeof v !== 'object' || v === null) return false;
  const view = (v as { view?: unknown }).view;
  if (typeof view !== 'object' || view === null) return false;
  const r = view as Partial<RunView>;
  return typeof r.id === 'number' && typeof r.label === 'string' && typeof r.fileName === 'string' &&
    typeof r.status === 'string' && Array.isArray(r.points) && Array.isArray(r.testPoints) && typeof r.settings === 'object';
}

export function loadRuns(memento: vscode.Memento): StoredRun[] {
  const raw = memento.get<unknown>(KEY);
  if (!Array.isArray(raw)) return [];
  return raw.filter(isStoredRun).map((r) =>
    r.view.status === 'running' || r.view.status === 'preparing'
      ? { ...r, view: { ...r.view, status: 'stopped' as const, message: 'This run was interrupted when the window reloaded.' } }
      : r,
  );
}
