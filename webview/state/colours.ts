/**
 * The colour of each run on the charts: a palette slot per run, kept for the run (ticked again,
 * it has its colour back unless a ticked run holds that slot now). A run without one gets the
 * slot least used among the ticked runs (ties: a solid colour first, then one no other run
 * remembers, then the first), in tick order, so runs drawn together differ; past the palette's
 * colours, slots repeat the colours with a dotted line (CostSeries.dashed).
 */
export class RunColours {
  /** The slot each run got when first ticked. */
  private readonly remembered = new Map<number, number>();
  /** The slot of each ticked run. */
  private readonly shown = new Map<number, number>();

  /** Slots saved with the webview's state, for the runs still there. */
  restore(pairs: readonly [number, number][], has: (id: number) => boolean): void {
    for (const [id, slot] of pairs) if (has(id)) this.remembered.set(id, slot);
  }

  entries(): [number, number][] {
    return [...this.remembered];
  }

  /** Gives each ticked run its slot; `n` is the palette's size. */
  assign(checked: ReadonlySet<number>, has: (id: number) => boolean, n: number): void {
    for (const id of [...this.remembered.keys()]) if (!has(id)) this.remembered.delete(id);
    const held = new Map<number, number>();
    for (const id of checked) {
      const slot = this.shown.get(id);
      if (slot !== undefined) held.set(slot, (held.get(slot) ?? 0) + 1);
    }
    for (const id of [...this.shown.keys()]) if (!checked.has(id)) this.shown.delete(id);
    for (const id of checked) {
      if (this.shown.has(id)) continue;
      const own = this.remembered.get(id);
      const best = own !== undefined && !held.get(own) ? own : this.freeSlot(id, checked, held, n);
      this.shown.set(id, best);
      this.remembered.set(id, best);
      held.set(best, (held.get(best) ?? 0) + 1);
    }
  }

  /** A ticked run's colour in the palette; undefined for a run not on the chart. */
  colourOf(id: number, palette: readonly string[]): string | undefined {
    const slot = this.shown.get(id);
    return slot === undefined ? undefined : palette[slot % palette.length];
  }

  /** A ticked run past the palette's colours: drawn dotted. */
  dashedOf(id: number, n: number): boolean {
    return (this.shown.get(id) ?? 0) >= n;
  }

  private freeSlot(id: number, checked: ReadonlySet<number>, held: ReadonlyMap<number, number>, n: number): number {
    const others = new Set<number>();
    for (const [other, slot] of this.remembered) if (other !== id && !checked.has(other)) others.add(slot);
    const rank = (slot: number): number[] => [held.get(slot) ?? 0, slot < n ? 0 : 1, others.has(slot) ? 1 : 0, slot];
    let best = 0;
    for (let slot = 1; slot < 2 * n; slot++) {
      const [a, b] = [rank(slot), rank(best)];
      const i = a.findIndex((v, k) => v !== b[k]);
      if (i >= 0 && a[i] < b[i]) best = slot;
    }
    return best;
  }
}
