/** A run's name and latest figures, as the banner, the runs list and the summary say them. */
import type { RunView } from '../../src/protocol';

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
