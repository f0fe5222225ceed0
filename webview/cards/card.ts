/**
 * What every card of the panel is: a section of the page that draws one part of the shown
 * run (or of the session) from the render context, and redraws its canvases when the theme
 * changes. main.ts mounts the cards in the lesson's order and calls `render` once per
 * animation frame; a card keeps no copy of the panel's state, and no card imports another.
 */
import type { RunView, SweepView } from '../../src/shared/runTypes';
import type { ExploreState } from '../state/explore';
import type { Theme } from '../widgets/theme';

export interface RenderContext {
  /** The run shown, as trained (undefined: no run yet). */
  readonly trained: RunView | undefined;
  /** The run as explored: a timeline snapshot, edited parameters, other axes (else as trained). */
  readonly current: RunView | undefined;
  /** What is explored of the shown run (its axes, timeline position, edits, hover read-out). */
  readonly explore: ExploreState | undefined;
  /** Every run of the session, oldest first, and those ticked for comparison. */
  readonly runs: readonly RunView[];
  readonly ticked: readonly RunView[];
  /** A run is training in this window. */
  readonly training: boolean;
  /** The session's latest hidden-layer sweep, if any. */
  readonly sweep: SweepView | undefined;
  readonly theme: Theme;
  /** A compared run's colour and dash (stable while it stays ticked). */
  colourOf(runId: number): string | undefined;
  dashedOf(runId: number): boolean;
}

export interface Card {
  /** The card's whole section (heading, tools, body); main.ts places it. */
  readonly element: HTMLElement;
  /** Draw from the context: hide itself when it does not apply to the shown run. */
  render(ctx: RenderContext): void;
  /** The theme changed: redraw canvases in its colours (CSS follows by itself). */
  setTheme(theme: Theme): void;
}
