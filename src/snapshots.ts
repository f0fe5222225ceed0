/**
 * The run's timeline: parameter snapshots kept over a run so the panel can scrub back through it.
 * At most `MAX_SNAPSHOTS` (fewer for a big network: all of them together hold at most
 * `SNAPSHOT_NUMBERS` numbers), evenly spread over the run's iterations, always iteration 0 (the
 * initial parameters) and the final parameters. Pure: used by the training worker.
 */
import type { Params } from './engine/types';
import { snapshot } from './pipeline';
import type { ParamsAt } from './protocol';

export const MAX_SNAPSHOTS = 60;
/** About 1.5 MB of JSON at most, whatever the network's size. */
export const SNAPSHOT_NUMBERS = 120_000;

export function paramCount(p: Params): number {
  return p.W1.data.length + p.b1.data.length + p.W2.data.length + p.b2.data.length;
}

/** How many snapshots a run of networks of `numbers` parameters keeps (2 at least: the start and the end). */
export function snapshotLimit(numbers: number): number {
  return Math.max(2, Math.min(MAX_SNAPSHOTS, Math.floor(SNAPSHOT_NUMBERS / Math.max(1, numbers))));
}

export class SnapshotKeeper {
  readonly kept: ParamsAt[] = [];
  private readonly stride: number;

  /** `iterations`: the run's planned iterations; `numbers`: parameters of the network. */
  constructor(iterations: number, numbers: number) {
    const limit = snapshotLimit(numbers);
    // limit − 1 evenly spaced iterations 0, s, 2s, … below `iterations`, and the end.
    this.stride = Math.max(1, Math.ceil(iterations / (limit - 1)));
  }

  /** Whether the parameters before iteration i's update are kept. */
  wants(iteration: number): boolean {
    return iteration % this.stride === 0;
  }

  /** Keeps the parameters as they are before iteration `iteration` (i.e. after that many updates). */
  keep(iteration: number, params: Params): void {
    const last = this.kept[this.kept.length - 1];
    if (last && last.iteration === iteration) this.kept.pop();
    this.kept.push({ iteration, params: snapshot(params) });
  }

  /** The snapshots, ending with the final parameters after `done` updates. */
  finish(done: number, params: Params): ParamsAt[] {
    this.keep(done, params);
    return this.kept;
  }
}
