/** A run's name and latest figures, as the banner, the runs list and the summary say them. */
import type { RunView } from '../../src/shared/runTypes';

/** "#3 flower.csv · tanh · …": the run's number, as in the chart's legend, then its label (once). */
export function runName(run: RunView): string {
  return run.label.startsWith(`#${run.id} `) ? run.label : `#${run.id} ${run.label}`;
}

export function lastCost(run: RunView): number | undefined {
  if (run.summary) return run.summary.cost;
  const p = run.points[run.points.length - 1];
  return p ? p[1] : undefined;
}

export function lastAccuracy(run: RunView): number | undefined {
  if (run.summary) return run.summary.trainAccuracy;
  const p = run.points[run.points.length - 1];
  return p ? p[2] : undefined;
}

/** What Train will train on: the base run's CSV and target (the host trains on that CSV). */
export function trainsOnText(r: RunView | undefined): string {
  if (!r) return 'No run yet: Train asks for a CSV file to train on.';
  if (r.dataset?.rowsRead === 0) return `Run #${r.id} came from a model file: Train asks for a CSV file to train on.`;
  const file = r.dataset?.fileName ?? r.fileName;
  const of = `Trains on ${file} (run #${r.id}’s CSV)`;
  if (r.settings.target !== undefined) return `${of} · target ${r.settings.target}`;
  return r.dataset ? `${of} · target ${r.dataset.targetName} (the last column)` : `${of} · the last column as target`;
}
