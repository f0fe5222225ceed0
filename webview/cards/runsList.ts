/**
 * "Runs compared": every run of the session, with its status, cost and accuracy, a checkbox that
 * overlays it on the cost chart and a button that shows its details (summary and heatmaps).
 * Rows are kept and updated in place, so live updates do not steal focus.
 */
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import type { RunView } from '../../src/shared/runTypes';
import { fmt, h, pct, setChildren, setText } from '../widgets/dom';
import { lastAccuracy, lastCost } from '../widgets/runFacts';

interface Row {
  tr: HTMLTableRowElement;
  check: HTMLElement & { checked: boolean; label: string; disabled: boolean };
  swatch: HTMLElement;
  /** "#3": the run's number, as in the chart's legend. */
  num: HTMLElement;
  status: HTMLElement;
  cost: HTMLElement;
  acc: HTMLElement;
  /** Under the accuracy: the logistic-regression baseline on the same data. */
  base: HTMLElement;
  view: HTMLButtonElement;
}

export const STATUS_TEXT: Record<RunView['status'], string> = {
  preparing: 'preparing',
  running: 'running',
  finished: 'finished',
  stopped: 'stopped',
  diverged: 'diverged',
  error: 'error',
};

/** Why a run has no line to draw on the cost chart (undefined: it has, or will have, one). */
export function nothingToDraw(run: RunView): string | undefined {
  if (run.points.length > 0 || run.testPoints.length > 0 || run.status === 'preparing' || run.status === 'running') return undefined;
  return run.status === 'error' ? 'it failed before its first iteration, so it has no cost to draw' : 'it has no recorded cost to draw';
}

/** "train 89.7 % · test 90.0 %": each accuracy says which split it is on. */
export function accuracyText(train: number | undefined, test: number | null | undefined): string {
  if ((train === undefined || !Number.isFinite(train)) && (test === undefined || test === null)) return '—';
  return test === undefined || test === null ? `train ${pct(train)}` : `train ${pct(train)} · test ${pct(test)}`;
}

/** The run's label without a leading "#N " (the number has its own column). */
function labelWithoutNumber(run: RunView): string {
  const prefix = `#${run.id} `;
  return run.label.startsWith(prefix) ? run.label.slice(prefix.length) : run.label;
}

export class RunsList {
  readonly element: HTMLElement;
  private readonly tbody: HTMLTableSectionElement;
  private readonly empty: HTMLElement;
  private readonly table: HTMLTableElement;
  private readonly rows = new Map<number, Row>();

  constructor(
    private readonly onToggle: (runId: number, checked: boolean) => void,
    private readonly onView: (runId: number) => void,
  ) {
    this.tbody = h('tbody');
    this.table = h('table', { class: 'runs hidden' }, [
      h('caption', { class: 'visually-hidden', text: 'Runs of this session; tick a run to draw its cost on the chart' }),
      h('thead', {}, [
        h('tr', {}, [
          h('th', { text: 'Run', attrs: { scope: 'col', title: 'Tick a run to draw its cost on the chart' } }),
          h('th', { text: 'Status', attrs: { scope: 'col' } }),
          h('th', { text: 'Cost', attrs: { scope: 'col', class: 'num' } }),
          h('th', { text: 'Accuracy', attrs: { scope: 'col', class: 'num', title: 'Accuracy on the training set / on the test split' } }),
          h('th', { text: '', attrs: { scope: 'col' } }, [h('span', { class: 'visually-hidden', text: 'Details' })]),
        ]),
      ]),
      this.tbody,
    ]);
    this.empty = h('p', { class: 'placeholder', text: 'Every run of this session is listed here, to compare their costs.' });
    this.element = h('div', { class: 'runs-list' }, [this.empty, this.table]);
    this.element.addEventListener('scroll', () => this.markOverflow(), { passive: true });
    new ResizeObserver(() => this.markOverflow()).observe(this.element);
  }

  /** Rows out of sight above or below: a shadow at that edge says the list scrolls. */
  private markOverflow(): void {
    const el = this.element;
    el.classList.toggle('more-above', el.scrollTop > 1);
    el.classList.toggle('more-below', el.scrollHeight - el.scrollTop - el.clientHeight > 1);
  }

  update(
    runs: RunView[],
    checked: ReadonlySet<number>,
    currentId: number | undefined,
    colourOf: (id: number) => string | undefined,
    dashedOf: (id: number) => boolean = () => false,
  ): void {
    this.empty.classList.toggle('hidden', runs.length > 0);
    this.table.classList.toggle('hidden', runs.length === 0);
    const seen = new Set<number>();
    // Newest first.
    const ordered = [...runs].sort((a, b) => b.id - a.id);
    ordered.forEach((run, index) => {
      seen.add(run.id);
      let row = this.rows.get(run.id);
      if (!row) {
        row = this.makeRow(run.id);
        this.rows.set(run.id, row);
      }
      if (this.tbody.children[index] !== row.tr) this.tbody.insertBefore(row.tr, this.tbody.children[index] ?? null);
      const label = labelWithoutNumber(run);
      if (row.check.label !== label) row.check.label = label;
      // Nothing to draw (a run that failed before iterating): the checkbox is off, and says why.
      const none = nothingToDraw(run);
      if (row.check.disabled !== !!none) row.check.disabled = !!none;
      row.check.setAttribute('aria-label', none ? `Run #${run.id} ${label}: not on the cost chart, ${none}` : `Show run #${run.id} ${label} on the cost chart`);
      row.check.title = none ? `Not on the cost chart: ${none}` : 'Tick to draw this run’s cost on the chart';
      const on = !none && checked.has(run.id);
      if (row.check.checked !== on) row.check.checked = on;
      setText(row.num, `#${run.id}`);
      // The swatch is the run's line on the chart: coloured only while the run is drawn.
      const colour = colourOf(run.id);
      row.swatch.style.backgroundColor = colour ?? '';
      row.swatch.style.borderColor = colour ?? '';
      row.swatch.classList.toggle('off', colour === undefined);
      row.swatch.classList.toggle('dashed', colour !== undefined && dashedOf(run.id));
      setText(row.status, STATUS_TEXT[run.status]);
      row.status.className = `status status-${run.status}`;
      setText(row.cost, fmt(lastCost(run)));
      const testAcc = run.summary ? run.summary.testAccuracy : run.testPoints[run.testPoints.length - 1]?.[2];
      // Each part unbroken; a narrow column breaks between train and test, not inside them.
      const acc = none && run.status === 'error' ? 'nothing to draw' : accuracyText(lastAccuracy(run), testAcc);
      if (row.acc.dataset.text !== acc) {
        row.acc.dataset.text = acc;
        setChildren(row.acc, acc.split(' · ').flatMap((part, i) => [...(i ? [' · '] : []), h('span', { class: 'acc-part', text: part })]));
      }
      const b = run.baseline;
      setText(row.base, b ? `baseline ${b.testAccuracy === null ? pct(b.trainAccuracy) : `${pct(b.trainAccuracy)} / ${pct(b.testAccuracy)}`}` : '');
      row.base.title = b ? 'Logistic regression (no hidden layer) on the same data: train / test accuracy' : '';
      const current = run.id === currentId;
      row.tr.classList.toggle('current', current);
      if (current) row.tr.setAttribute('aria-current', 'true');
      else row.tr.removeAttribute('aria-current');
      // The shown run's button says so (and stays a working, focusable button).
      setText(row.view, current ? 'Shown' : 'Details');
      row.view.classList.toggle('shown', current);
      if (current) row.view.setAttribute('aria-current', 'true');
      else row.view.removeAttribute('aria-current');
      row.view.setAttribute('aria-label', current ? `Run #${run.id} ${label}: its details are shown` : `Show the details of run #${run.id} ${label}`);
      row.tr.title = run.fileName;
    });
    for (const [id, row] of this.rows) {
      if (!seen.has(id)) {
        row.tr.remove();
        this.rows.delete(id);
      }
    }
    this.markOverflow();
  }

  private makeRow(id: number): Row {
    const check = document.createElement('vscode-checkbox') as Row['check'];
    check.dataset.runId = String(id);
    check.addEventListener('change', () => this.onToggle(id, check.checked));
    const swatch = h('span', { class: 'swatch off', attrs: { 'aria-hidden': 'true' } });
    const num = h('span', { class: 'run-num', attrs: { 'aria-hidden': 'true' } });
    const status = h('span', { class: 'status' });
    const cost = h('td', { class: 'num cost' });
    const acc = h('span', { class: 'acc' });
    const base = h('span', { class: 'acc-baseline' });
    const view = h('button', { class: 'link-button', text: 'Details', attrs: { type: 'button' } });
    view.addEventListener('click', () => this.onView(id));
    const tr = h('tr', { attrs: { 'data-run-id': id } }, [
      h('td', { class: 'run-cell' }, [swatch, num, check]),
      h('td', {}, [status]),
      cost,
      h('td', { class: 'num acc-cell' }, [acc, base]),
      h('td', {}, [view]),
    ]);
    return { tr, check, swatch, num, status, cost, acc, base, view };
  }
}
