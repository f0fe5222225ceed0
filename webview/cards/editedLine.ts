/** The parameters card's line over edited weights: what changed, the cost it gives, and Reset. */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { ExploreResult, RunView } from '../../src/shared/runTypes';
import { editedCount, shownIteration, type ExploreState } from '../state/explore';
import { fmt, h, integer, pct, setText } from '../widgets/dom';

/**
 * "Edited: 2 values changed · cost 0.69 (trained 0.25) …", with Reset; and the explore
 * service's status (evaluating, or why it cannot).
 */
export class EditedLine {
  readonly element: HTMLElement;
  private readonly text: HTMLElement;
  readonly reset: HTMLElement;

  constructor(onReset: () => void) {
    this.text = h('span', { class: 'edited-text' });
    const reset = document.createElement('vscode-button');
    reset.textContent = 'Reset to trained values';
    reset.id = 'reset-edits';
    reset.secondary = true;
    reset.setAttribute('aria-label', 'Reset the edited parameters to the trained values');
    reset.addEventListener('click', onReset);
    this.reset = reset;
    this.element = h('div', { class: 'edited-line hidden', attrs: { role: 'status' } }, [h('span', { class: 'edited-badge', text: 'Edited' }), this.text, reset]);
  }

  show(run: RunView | undefined, s: ExploreState | undefined, result: ExploreResult | undefined, pending: boolean): void {
    const on = !!run && !!s?.edited;
    this.element.classList.toggle('hidden', !on);
    if (!on || !run || !s) return;
    const n = editedCount(s);
    const trained = run.summary;
    const parts = [`${n} value${n === 1 ? '' : 's'} changed from the trained parameters (iteration ${integer(shownIteration(run, s))})`];
    if (result && !pending) {
      parts.push(`cost ${fmt(result.train.cost)}${trained && s.index === null ? ` (trained ${fmt(trained.cost)})` : ''}`);
      parts.push(`train accuracy ${pct(result.train.accuracy)}` + (result.test ? `, test ${pct(result.test.accuracy)}` : ''));
    } else if (pending) {
      parts.push('evaluating…');
    }
    setText(this.text, `${parts.join(' · ')}. Not saved: Save model saves the trained parameters.`);
  }
}
