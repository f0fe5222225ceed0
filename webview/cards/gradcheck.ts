/**
 * The panel's gradient check: a button that asks the host to check the shown run
 * (backpropagation against central differences at the run's final parameters, on at most 200
 * of its training examples) and a small table of the answer: the relative error of W[1], b[1],
 * W[2], b[2] and overall, each with pass or fail against 1e-7, all as text. A matrix whose
 * numerical and analytic gradients are both exactly 0 (a tanh run from zeros: nothing reaches
 * W[1], b[1], W[2]) has a relative error of 0 that checks nothing: its row says so instead of "pass".
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { GradCheckMessage } from '../../src/shared/panelMessages';
import type { GradCheckReport, RunView } from '../../src/shared/runTypes';
import { h, integer, setChildren } from '../widgets/dom';

const THRESHOLD = 1e-7;
const ROWS: [keyof Pick<GradCheckReport, 'W1' | 'b1' | 'W2' | 'b2' | 'overall'>, string][] = [
  ['W1', 'W[1]'], ['b1', 'b[1]'], ['W2', 'W[2]'], ['b2', 'b[2]'], ['overall', 'overall'],
];

/** "W[1]", "W[1] and b[1]", "W[1], b[1] and W[2]". */
function list(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export class GradCheckView {
  readonly element: HTMLElement;
  readonly button: HTMLElementTagNameMap['vscode-button'];
  private readonly body: HTMLElement;
  private readonly results = new Map<number, GradCheckMessage>();
  private pending: number | undefined;
  private runId: number | undefined;
  private shown: GradCheckMessage | undefined | null = null;

  constructor(private readonly request: (runId: number) => void) {
    this.button = document.createElement('vscode-button');
    this.button.textContent = 'Gradient check';
    this.button.id = 'gradient-check';
    this.button.secondary = true;
    this.button.disabled = true;
    this.button.setAttribute('aria-label', 'Gradient check: compare backpropagation with numerical gradients for the shown run');
    this.button.title = 'Backpropagation against central differences at the shown run’s final parameters (at most 200 training examples); pass below 1e-7';
    this.button.addEventListener('click', () => {
      if (this.button.disabled || this.runId === undefined) return;
      this.pending = this.runId;
      this.results.delete(this.runId);
      this.request(this.runId);
      this.render();
    });
    this.body = h('div', { class: 'gradcheck-body', attrs: { 'aria-live': 'polite' } });
    this.element = h('div', { class: 'gradcheck' }, [this.body]);
    this.render();
  }

  show(run: RunView | undefined): void {
    if (run?.id === this.runId) return;
    this.runId = run?.id;
    this.render();
  }

  setResult(m: GradCheckMessage): void {
    this.results.set(m.runId, m);
    if (this.pending === m.runId) this.pending = undefined;
    this.render();
  }

  private render(): void {
    const id = this.runId;
    this.button.disabled = id === undefined || this.pending === id;
    if (id !== undefined && this.pending === id) {
      this.shown = null;
      setChildren(this.body, [h('p', { class: 'hint', text: `Checking run #${id}…` })]);
      return;
    }
    const m = id !== undefined ? this.results.get(id) : undefined;
    if (m === this.shown) return;
    this.shown = m;
    if (!m) {
      setChildren(this.body, [h('p', { class: 'hint', text: 'Compares backpropagation’s gradients with central differences; below 1e-7 the backward pass is right.' })]);
      return;
    }
    if (!m.result) {
      setChildren(this.body, [h('p', { class: 'gradcheck-error', text: m.error ?? 'The gradient check failed.' })]);
      return;
    }
    const r = m.result;
    const norms = r.norms;
    const bothZero = (key: (typeof ROWS)[number][0]): boolean => {
      if (!norms) return false;
      const keys = key === 'overall' ? (['W1', 'b1', 'W2', 'b2'] as const) : [key];
      return keys.every((k) => norms[k].numerical === 0 && norms[k].analytic === 0);
    };
    const zeroRows = ROWS.filter(([key]) => key !== 'overall' && bothZero(key)).map(([, label]) => label);
    const rows = ROWS.map(([key, label]) => {
      const pass = r[key] < THRESHOLD;
      const zero = bothZero(key);
      return h('tr', { class: key === 'overall' ? 'overall' : '' }, [
        h('th', { text: label, attrs: { scope: 'row' } }),
        h('td', { class: 'num', text: r[key].toExponential(2) }),
        zero
          ? h('td', { class: 'zero', text: 'both gradients are 0' })
          : h('td', { class: pass ? 'pass' : 'fail', text: pass ? 'pass' : 'fail' }),
      ]);
    });
    const zeroNote = zeroRows.length
      ? h('p', {
        class: 'hint gradcheck-zero',
        text: `${list(zeroRows)}: backpropagation and the numerical gradient are both exactly 0 (nothing reaches ${zeroRows.length === 1 ? 'that matrix' : 'those matrices'}), so a relative error of 0 there checks nothing.`,
      })
      : null;
    const caption = `Run #${m.runId} · ${r.at} parameters · ${r.examples === r.total ? `all ${integer(r.total)}` : `${integer(r.examples)} of ${integer(r.total)}`} training examples · pass below 1e-7`;
    setChildren(this.body, [
      h('table', { class: 'gradcheck-table', attrs: { 'aria-label': `Gradient check of run #${m.runId}: ${r.pass ? 'pass' : 'fail'}` } }, [
        h('caption', { text: caption }),
        h('thead', {}, [h('tr', {}, [
          h('th', { text: 'parameters', attrs: { scope: 'col' } }),
          h('th', { class: 'num', text: 'relative error', attrs: { scope: 'col' } }),
          h('th', { text: 'result', attrs: { scope: 'col' } }),
        ])]),
        h('tbody', {}, rows),
      ]),
      zeroNote,
    ]);
  }
}
