/** Cost curves thinned to what a chart can show, spikes kept (the cost and saturation charts). */
import type { CostPoint } from '../../src/shared/runTypes';

export interface XY {
  x: number;
  y: number;
}

/**
 * Min/max per bucket: keeps the first and last point and, for each of `buckets` equal x-ranges,
 * the lowest and highest cost in x order, so spikes (divergence) survive decimation.
 * Non-finite costs are left out (a diverged cost cannot be drawn); on a log scale so is y ≤ 0.
 */
export function decimate(points: readonly CostPoint[], buckets: number, log: boolean): XY[] {
  const ok = (y: number): boolean => Number.isFinite(y) && (!log || y > 0);
  const n = points.length;
  if (n <= Math.max(4, buckets * 2)) {
    const out: XY[] = [];
    for (const p of points) if (ok(p[1])) out.push({ x: p[0], y: p[1] });
    return out;
  }
  const x0 = points[0][0];
  const x1 = points[n - 1][0];
  const span = x1 - x0 || 1;
  const out: XY[] = [];
  let bucket = -1;
  let lo: CostPoint | null = null;
  let hi: CostPoint | null = null;
  const flush = (): void => {
    if (!lo || !hi) return;
    if (lo === hi) out.push({ x: lo[0], y: lo[1] });
    else if (lo[0] < hi[0]) out.push({ x: lo[0], y: lo[1] }, { x: hi[0], y: hi[1] });
    else out.push({ x: hi[0], y: hi[1] }, { x: lo[0], y: lo[1] });
  };
  for (let i = 0; i < n; i++) {
    const p = points[i];
    if (!ok(p[1])) continue;
    const b = Math.min(buckets - 1, Math.floor(((p[0] - x0) / span) * buckets));
    if (b !== bucket || !lo || !hi) {
      flush();
      bucket = b;
      lo = hi = p;
    } else {
      if (p[1] < lo[1]) lo = p;
      if (p[1] > hi[1]) hi = p;
    }
  }
  flush();
  // The latest point always shows (it is what a person watches while training).
  const last = points[n - 1];
  if (ok(last[1]) && out.length && out[out.length - 1].x !== last[0]) out.push({ x: last[0], y: last[1] });
  return out;
}
