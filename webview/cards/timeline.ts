/**
 * The timeline: a slider over the run's kept snapshots of the parameters (iteration 0 to the
 * final ones). Moving it shows that snapshot in the heatmaps, the boundary, the unit maps and
 * the summary; "Latest" goes back to the run's latest parameters. A native range input: arrow
 * keys, Page Up/Down, Home and End move it; its value is read out as the iteration.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { ParamsAt } from '../../src/shared/runTypes';
import { h, integer, setText } from '../widgets/dom';

export class Timeline {
  readonly element: HTMLElement;
  readonly slider: HTMLInputElement;
  private readonly value: HTMLElement;
  private readonly latest: HTMLElement & { disabled: boolean };
  private snapshots: ParamsAt[] = [];

  /** `onPick`: a snapshot's index, or null for the latest parameters. */
  constructor(private readonly onPick: (index: number | null) => void) {
    this.slider = h('input', { class: 'timeline-slider', attrs: { type: 'range', id: 'timeline-slider', min: 0, max: 0, step: 1, value: 0 } });
    const label = h('label', { class: 'timeline-label', text: 'Iteration', attrs: { for: 'timeline-slider' } });
    this.value = h('output', { class: 'timeline-value', attrs: { for: 'timeline-slider', 'aria-live': 'off' } });
    const latest = document.createElement('vscode-button');
    latest.textContent = 'Latest';
    latest.id = 'timeline-latest';
    latest.secondary = true;
    latest.title = 'Back to the latest parameters of the run';
    latest.setAttribute('aria-label', 'Show the latest parameters of the run');
    latest.addEventListener('click', () => this.onPick(null));
    this.latest = latest;
    this.slider.addEventListener('input', () => {
      const i = Number(this.slider.value);
      this.onPick(i >= this.snapshots.length - 1 ? null : i);
    });
    this.element = h('div', { class: 'timeline' }, [label, this.slider, this.value, latest]);
  }

  /** The run's snapshots and the one shown (null: the latest). */
  show(snapshots: ParamsAt[] | undefined, index: number | null, total: number): void {
    this.snapshots = snapshots ?? [];
    const n = this.snapshots.length;
    this.element.classList.toggle('hidden', n < 2);
    if (n < 2) return;
    const at = index === null ? n - 1 : Math.max(0, Math.min(n - 1, index));
    this.slider.max = String(n - 1);
    if (this.slider.value !== String(at)) this.slider.value = String(at);
    const it = this.snapshots[at].iteration;
    const text = index === null ? `${integer(it)} of ${integer(total)} (latest)` : `${integer(it)} of ${integer(total)}`;
    setText(this.value, text);
    this.slider.setAttribute('aria-valuetext', `Iteration ${integer(it)} of ${integer(total)}${index === null ? ', the latest parameters' : `, snapshot ${at + 1} of ${n}`}`);
    this.slider.setAttribute('aria-label', `Timeline: the parameters at a kept iteration (${n} snapshots)`);
    this.latest.disabled = index === null;
  }
}
