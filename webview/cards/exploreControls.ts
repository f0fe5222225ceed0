/**
 * The controls that explore the shown run: the timeline (with its hint and the explore
 * service's status), the boundary's axes, and the edited-weights line with its status. They
 * change the run's explore state through state/exploreRequests.ts and show what it says.
 */
import type { RunView } from '../../src/shared/runTypes';
import { applyEdit, planeOf } from '../state/explore';
import type { ExploreRequests, ExploreView } from '../state/exploreRequests';
import { h, setText } from '../widgets/dom';
import type { CellEdit } from '../widgets/heatmap';
import { AxesPicker } from './axesPicker';
import { EditedLine } from './editedLine';
import { Timeline } from './timeline';
import './exploreControls.css';

export class ExploreControls {
  readonly timeline: Timeline;
  readonly axes: AxesPicker;
  readonly editedLine: EditedLine;
  /** The explore service's status under the timeline (announced) and over the heatmaps. */
  readonly exploreStatus = h('p', { class: 'explore-status hidden', attrs: { role: 'status', 'aria-live': 'polite' } });
  readonly editStatus = h('p', { class: 'explore-status hidden', attrs: { 'aria-hidden': 'true' } });
  readonly timelineHint = h('p', { class: 'hint timeline-hint', text: 'Drag the slider (or focus it and use the arrow keys) to see the heatmaps, the boundary and the hidden units at a kept iteration.' });
  /** A heatmap cell edited by hand. */
  readonly onCellEdit: (e: CellEdit) => void;

  constructor(explore: ExploreRequests, announce: (text: string) => void) {
    // Edits belong to the parameters they were made on: moving the timeline leaves them.
    this.timeline = new Timeline((index) => explore.update((s) => ({ ...s, index, edited: null, cells: {} })));
    this.axes = new AxesPicker((features) => explore.update((s) => ({ ...s, features })));
    this.editedLine = new EditedLine(() => {
      explore.update((s) => ({ ...s, edited: null, cells: {} }));
      announce('Parameters reset to the trained values.');
    });
    this.onCellEdit = (e) => {
      explore.update((s, run) => applyEdit(run, s, e.key, e.r, e.c, e.value));
      announce(`${e.key.replace(/(\d)/, '[$1]')} set to ${e.value}: the boundary and cost follow.`);
    };
  }

  /** Shows the run's explore state; returns whether the timeline card has something to show. */
  render(trained: RunView | undefined, v: ExploreView): boolean {
    const s = v.state;
    const kept = trained?.snapshots?.length ?? 0;
    this.timeline.show(trained?.snapshots, s?.index ?? null, trained?.settings.iterations ?? 0);
    this.timelineHint.classList.toggle('hidden', kept < 2);
    this.axes.show(trained?.dataset?.featureNames, trained && s ? planeOf(trained, s) : [0, 1]);
    this.editedLine.show(trained, s, v.result, v.pending);
    const text = v.error ?? (v.pending ? 'Evaluating the network at these parameters…' : '');
    for (const el of [this.exploreStatus, this.editStatus]) {
      setText(el, text);
      el.classList.toggle('hidden', !text);
      el.classList.toggle('is-error', !!v.error);
    }
    return !!trained && (kept >= 2 || !!v.error);
  }
}
