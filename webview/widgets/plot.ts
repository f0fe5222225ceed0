/** What the plots over a plane share: class colours, axis ticks, and the iteration they show. */
import type { BoundaryView } from '../../src/shared/runTypes';
import { over, parseColor, type Rgba, type Theme } from './theme';

/** The colour of each class: two classes use the diverging pair, more use the chart series. */
export function classColours(theme: Theme, k: number): Rgba[] {
  if (k <= 2) return [theme.negative, theme.positive];
  return Array.from({ length: k }, (_, i) => over(parseColor(theme.series[i % theme.series.length]), theme.zero));
}

/** "Nice" tick values (1, 2 or 5 × 10^k apart) covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 4): number[] {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return [lo];
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((s) => s * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

/** "at iteration 40", or for parameters edited by hand "with edited parameters (from iteration 40)". */
export function atIteration(b: BoundaryView): string {
  return b.edited ? `with edited parameters (from iteration ${b.iteration})` : `at iteration ${b.iteration}`;
}
