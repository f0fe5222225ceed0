/**
 * The run's timeline: parameter snapshots kept over a run so the panel can scrub back through it.
 * At most `MAX_SNAPSHOTS`, evenly spread over the run's iterations, always iteration 0 (the
 * initial parameters) and the final parameters. A big network keeps fewer: as many as hold
 * `SNAPSHOT_NUMBERS` numbers together, but never fewer than those two, so a network of more than
 * `SNAPSHOT_NUMBERS / 2` parameters keeps two snapshots of its size each (its timeline is
 * bounded by 2 × its own parameters, not by `SNAPSHOT_NUMBERS`). Pure: used by the training worker.
 */
import type { Params } from '../engine/types';
import { snapshot } from './pipeline';
import type { ParamsAt } from '../shared/runTypes';

export const MAX_SNAPSHOTS = 60;
/** About 1.5 MB of JSON for a network of up to SNAPSHOT_NUMBERS / 2 parameters (beyond: its two snapshots). */
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

  /**
   * The snapshots, ending with the final parameters `params`: those after `done` updates; for a
   * run that diverged, the trainer's (Trainer.step put back the parameters from before the update
   * that diverged: after `done − 1` updates, or the initial ones), with any snapshot kept past
   * them dropped. Parameters that are not finite are left out (JSON would turn them into nulls).
   */
  finish(done: number, params: Params, diverged = false): ParamsAt[] {
    const at = diverged ? Math.max(0, done - 1) : done;
    while (this.kept.length && this.kept[this.kept.length - 1].iteration >= at) this.kept.pop();
    if ([params.W1, params.b1, params.W2, params.b2].every((m) => m.data.every(Number.isFinite))) this.keep(at, params);
    return this.kept;
  }
}
