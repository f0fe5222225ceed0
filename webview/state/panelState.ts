/**
 * The panel's state: the session's runs as the host sent them, which are ticked on the charts,
 * which one is shown, the colours, the latest sweep, and what the person set (log scale, an
 * edited form). Reduces the host's messages and the person's picks; draws nothing.
 */
import type { StateMessage } from '../../src/shared/panelMessages';
import type { RunView, SweepView, TrainSettings } from '../../src/shared/runTypes';
import { RunColours } from './colours';
import { withoutSnapshots, type Persisted } from './persist';

/** A run that failed before its first iteration: nothing to draw. */
export function failedEmpty(r: RunView): boolean {
  return r.status === 'error' && r.points.length === 0 && r.testPoints.length === 0;
}

/** A run opened from a model file: no rows read, so no CSV the host knows of. */
export const fromModelFile = (r: RunView): boolean => r.dataset?.rowsRead === 0;

export class PanelState {
  readonly runs = new Map<number, RunView>();
  defaults: TrainSettings | undefined;
  training = false;
  readonly checked = new Set<number>();
  /** The run ticked automatically as the newest; unticked again when a newer one arrives. */
  private autoTicked: number | undefined;
  /** The automatic pick a new run replaced: ticked again if the new run fails with nothing to draw. */
  private previousAuto: number | undefined;
  readonly colours = new RunColours();
  /** The run whose status, summary and heatmaps are shown. */
  currentId: number | undefined;
  log = false;
  formDirty = false;
  sweep: SweepView | undefined;
  /** The shown run just failed: the next render brings its banner into view (once). */
  revealError = false;

  restore(s: Partial<Persisted>): void {
    for (const r of s.runs ?? []) this.runs.set(r.id, r);
    this.defaults = s.defaults;
    this.training = !!s.training;
    for (const id of s.checked ?? []) if (this.runs.has(id)) this.checked.add(id);
    this.autoTicked = s.autoTicked;
    this.colours.restore(s.colours ?? [], (id) => this.runs.has(id));
    this.currentId = s.currentId !== undefined && this.runs.has(s.currentId) ? s.currentId : this.newestId();
    this.log = !!s.log;
    this.formDirty = !!s.formDirty;
    this.sweep = s.sweep;
  }

  /** What is saved (the form and the sweep's sizes are the cards'). */
  persisted(): Omit<Persisted, 'form' | 'sweepSizes'> {
    return {
      v: 1,
      runs: [...this.runs.values()].map(withoutSnapshots),
      ...(this.defaults ? { defaults: this.defaults } : {}),
      training: this.training,
      checked: [...this.checked],
      ...(this.autoTicked !== undefined ? { autoTicked: this.autoTicked } : {}),
      colours: this.colours.entries(),
      ...(this.currentId !== undefined ? { currentId: this.currentId } : {}),
      log: this.log,
      formDirty: this.formDirty,
      ...(this.sweep ? { sweep: this.sweep } : {}),
    };
  }

  newestId(): number | undefined {
    let best: number | undefined;
    for (const id of this.runs.keys()) if (best === undefined || id > best) best = id;
    return best;
  }

  /** The runs, oldest first. */
  list(): RunView[] {
    return [...this.runs.values()].sort((a, b) => a.id - b.id);
  }

  shown(): RunView | undefined {
    return this.currentId !== undefined ? this.runs.get(this.currentId) : undefined;
  }

  /** The run a new run builds on: the one shown (the newest when none is). */
  baseRun(): RunView | undefined {
    const id = this.currentId !== undefined && this.runs.has(this.currentId) ? this.currentId : this.newestId();
    return id !== undefined ? this.runs.get(id) : undefined;
  }

  /** The person ticks or unticks a run. */
  tick(id: number, on: boolean): void {
    if (on) this.checked.add(id);
    else this.checked.delete(id);
    if (this.autoTicked === id) this.autoTicked = undefined; // the person chose: leave it as it is
  }

  /** Details: shows a run, ticked; the chart compares runs on its CSV, so runs of other CSVs leave it. */
  show(id: number): void {
    this.currentId = id;
    this.revealError = false;
    this.checked.add(id);
    const csv = this.runs.get(id)?.fileName;
    for (const other of [...this.checked]) {
      if (this.runs.get(other)?.fileName === csv) continue;
      this.checked.delete(other);
      if (this.autoTicked === other) this.autoTicked = undefined;
    }
  }

  /** A run's update; returns the run when it is new (shown and ticked now). */
  onRun(run: RunView, append: boolean): RunView | undefined {
    const old = this.runs.get(run.id);
    if (old && append) {
      this.runs.set(run.id, {
        ...run,
        points: old.points.concat(run.points),
        testPoints: old.testPoints.concat(run.testPoints),
        hiddenPoints: (old.hiddenPoints ?? []).concat(run.hiddenPoints ?? []),
        // Appends leave out what was sent before: keep it.
        boundary: run.boundary ?? old.boundary,
        scatter: run.scatter ?? old.scatter,
        confusion: run.confusion ?? old.confusion,
      });
    } else {
      this.runs.set(run.id, run);
    }
    if (!old) {
      // A new run: show it, tick it, and untick the previous automatic pick.
      this.previousAuto = undefined;
      if (this.autoTicked !== undefined && this.autoTicked !== run.id && this.checked.delete(this.autoTicked)) this.previousAuto = this.autoTicked;
      this.checked.add(run.id);
      this.autoTicked = run.id;
      this.currentId = run.id;
    }
    // The shown run fails (not one already failed): its error is at the top, maybe out of sight.
    if (run.id === this.currentId && run.status === 'error' && old?.status !== 'error') this.revealError = true;
    // A run that failed before its first iteration has nothing to draw: no tick, no legend entry;
    // the automatic pick it replaced comes back.
    const now = this.runs.get(run.id);
    if (now && failedEmpty(now) && this.autoTicked === run.id) {
      this.checked.delete(run.id);
      this.autoTicked = undefined;
      if (this.previousAuto !== undefined && this.runs.has(this.previousAuto)) {
        this.checked.add(this.previousAuto);
        this.autoTicked = this.previousAuto;
      }
      this.previousAuto = undefined;
    }
    return old ? undefined : run;
  }

  /** The host's whole state; returns the settings the form shows when not edited. */
  onState(msg: StateMessage): TrainSettings {
    const runs = this.runs;
    runs.clear();
    for (const r of msg.runs) runs.set(r.id, r);
    this.defaults = msg.defaults;
    this.training = msg.training;
    for (const id of [...this.checked]) if (!runs.has(id)) this.checked.delete(id);
    if (this.autoTicked !== undefined && !runs.has(this.autoTicked)) this.autoTicked = undefined;
    const newest = this.newestId();
    if (this.currentId === undefined || !runs.has(this.currentId)) this.currentId = newest;
    // Tick the newest run that has something to draw (not one that failed before iterating).
    const drawable = [...runs.values()].filter((r) => !failedEmpty(r)).reduce<number | undefined>((best, r) => (best === undefined || r.id > best ? r.id : best), undefined);
    if (this.checked.size === 0 && drawable !== undefined) {
      this.checked.add(drawable);
      this.autoTicked = drawable;
    }
    // The host's sweep, when it has one. A reloaded window may not: keep the webview's own, but a
    // sweep it saved under way ended with the window's worker (no host sweep to stop, and Run sweep
    // must come back).
    const sweep = this.sweep;
    if (msg.sweep && typeof msg.sweep === 'object') this.sweep = msg.sweep;
    else if (sweep && (sweep.status === 'running' || sweep.status === 'preparing')) this.sweep = { ...sweep, status: 'stopped' };
    return (newest !== undefined ? runs.get(newest)?.settings : undefined) ?? msg.defaults;
  }
}
