/**
 * "Runs compared": every run of the session, with its status, cost and accuracy, a checkbox that
 * overlays it on the cost chart and a button that shows its details (summary and heatmaps).
 * Rows are kept and updated in place, so live updates do not steal focus.
 */
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import type { RunView } from '../src/protocol';
import { fmt, h, pct, setText } from './dom';
import { lastAccuracy, lastCost } from './summary';

interface Row {
  tr: HTMLTableRowElement;
  check: HTMLElement & { checked: boolean; label: string };
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
      row.check.setAttribute('aria-label', `Show run #${run.id} ${label} on the cost chart`);
      if (row.check.checked !== checked.has(run.id)) row.check.checked = checked.has(run.id);
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
      setText(row.acc, testAcc === undefined || testAcc === null ? pct(lastAccuracy(run)) : `${pct(lastAccuracy(run))} / ${pct(testAcc)}`);
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
  }

  private makeRow(id: number): Row {
    const check = document.createElement('vscode-checkbox') as HTMLElement & { checked: boolean; label: string };
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
