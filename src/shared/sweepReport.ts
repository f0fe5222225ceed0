/** The words of a sweep: the progress line, the best size and the closing message. Pure. */
import type { SweepPoint, SweepView } from './runTypes';

const units = (n: number): string => `${n} hidden unit${n === 1 ? '' : 's'}`;
const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

/** "size 3 of 7: 3 hidden units…": what the notification says while a size trains. */
export function sweepProgressText(sizes: readonly number[], index: number): string {
  return `size ${index + 1} of ${sizes.length}: ${units(sizes[index])}…`;
}

/** The size with the best test accuracy (train accuracy without a split), diverged ones left out; ties: the first. */
export function bestOf(results: readonly (SweepPoint | undefined)[]): SweepPoint | undefined {
  const score = (r: SweepPoint): number => r.testAccuracy ?? r.trainAccuracy;
  let best: SweepPoint | undefined;
  for (const r of results) if (r && !r.diverged && (!best || score(r) > score(best))) best = r;
  return best;
}

/** "Sweep finished on flower.csv: 7 of 7 sizes in 12.3 s. Best test accuracy 91.2 % with 5 hidden units." */
export function sweepEndText(view: SweepView, seconds: number): string {
  const best = bestOf(view.results);
  const verb = view.status === 'stopped' ? 'Sweep stopped' : 'Sweep finished';
  const done = `${view.results.length} of ${view.sizes.length} size${view.sizes.length === 1 ? '' : 's'}`;
  const bestText = best ? ` Best ${best.testAccuracy === null ? 'train' : 'test'} accuracy ${pct(best.testAccuracy ?? best.trainAccuracy)} with ${units(best.hiddenUnits)}.` : '';
  return `${verb} on ${view.fileName}: ${done} in ${seconds.toFixed(1)} s.${bestText}`;
}
