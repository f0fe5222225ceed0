/**
 * The "Hidden layer size sweep" card (the lesson's experiment): train and test accuracy against
 * the number of hidden units, one point per size on a categorical axis, filling in as each size
 * finishes; the numbers in a table beside it (size, cost, train %, test %, seconds, diverged);
 * a sizes field and Run sweep / Stop sweep buttons. Every string goes in as text.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type TooltipItem } from 'chart.js';
import './sweep.css';
import type { SweepPoint, SweepView } from '../../src/shared/runTypes';
import { LESSON_SIZES_TEXT, parseSweepSizes } from '../../src/shared/sweepSizes';
import { fmt, h, pct, seconds, setChildren, setText } from '../widgets/dom';
import { applyChartTheme } from '../widgets/lineCharts';
import type { Theme } from '../widgets/theme';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface SweepHandlers {
  onRun: (sizes: number[]) => void;
  onStop: () => void;
  /** The sizes field changed (kept across reloads). */
  onEdit: (text: string) => void;
  /** A message for the live region. */
  announce: (text: string) => void;
}

const units = (n: number): string => `${n} hidden unit${n === 1 ? '' : 's'}`;
const running = (s: SweepView | undefined): boolean => s?.status === 'running' || s?.status === 'preparing';

/** The sweep in one sentence, for the chart's label and screen readers. */
export function describeSweep(s: SweepView): string {
  const done = s.results.filter(Boolean) as SweepPoint[];
  if (done.length === 0) return `Accuracy against hidden layer size on ${s.fileName}: no size trained yet.`;
  const each = done.map((r) => `${units(r.hiddenUnits)}: train ${pct(r.trainAccuracy)}${r.testAccuracy === null ? '' : `, test ${pct(r.testAccuracy)}`}${r.diverged ? ' (diverged)' : ''}`);
  return `Accuracy against hidden layer size on ${s.fileName}, ${done.length} of ${s.sizes.length} sizes: ${each.join('; ')}.`;
}

function statusText(s: SweepView | undefined): string {
  if (!s) return 'Trains the CSV of the run shown (else the latest run’s) once per size (the shallowNet.* settings) to compare train and test accuracy.';
  const st = s.settings;
  const how = `${st.activation}, learning rate ${st.learningRate}, ${st.iterations} iterations per size, seed ${st.seed}`;
  const n = s.results.filter(Boolean).length;
  switch (s.status) {
    case 'preparing':
      return `Sweep #${s.id} on ${s.fileName}: reading the file… (${how})`;
    case 'running': {
      const next = s.sizes[n];
      return `Sweep #${s.id} on ${s.fileName}: ${n} of ${s.sizes.length} sizes done${next === undefined ? '' : `, training ${units(next)}…`} (${how})`;
    }
    case 'finished':
      return `Sweep #${s.id} on ${s.fileName}: ${s.sizes.length === 1 ? 'the one size' : `all ${s.sizes.length} sizes`} (${how}).`;
    case 'stopped':
      return `Sweep #${s.id} on ${s.fileName}: stopped after ${n} of ${s.sizes.length} size${s.sizes.length === 1 ? '' : 's'} (${how}).`;
    case 'error':
      return `Sweep #${s.id} on ${s.fileName} failed: ${s.error ?? 'unknown error'}`;
  }
}

export class SweepCard {
  readonly element: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  private readonly status: HTMLElement;
  private readonly sizesField: HTMLElementTagNameMap['vscode-textfield'];
  private readonly sizesError: HTMLElement;
  readonly runButton: HTMLElementTagNameMap['vscode-button'];
  readonly stopButton: HTMLElementTagNameMap['vscode-button'];
  private readonly tableBox: HTMLElement;
  private readonly chartBox: HTMLElement;
  private readonly chart: Chart<'line', (number | null)[], string>;
  private sweep: SweepView | undefined;
  private shownJson = '';
  /** The sizes field was typed in since the last sweep started (else it follows the sweep's sizes). */
  private edited = false;
  private syncedId: number | undefined;

  constructor(theme: Theme, private readonly handlers: SweepHandlers) {
    this.sizesField = document.createElement('vscode-textfield');
    this.sizesField.id = 'sweep-sizes';
    this.sizesField.value = LESSON_SIZES_TEXT;
    this.sizesField.setAttribute('aria-label', 'Hidden layer sizes to sweep, separated by commas');
    this.sizesField.setAttribute('aria-describedby', 'sweep-sizes-error');
    this.sizesField.title = 'Hidden layer sizes, separated by commas: whole numbers from 1 to 1000, at most 20';
    this.sizesError = h('div', { class: 'field-error', attrs: { id: 'sweep-sizes-error', role: 'alert' } });
    this.sizesField.addEventListener('input', () => {
      this.edited = true;
      this.check();
      this.handlers.onEdit(this.sizesField.value);
    });
    this.sizesField.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') this.run();
    });
    this.runButton = document.createElement('vscode-button');
    this.runButton.id = 'run-sweep';
    this.runButton.textContent = 'Run sweep';
    this.runButton.setAttribute('aria-label', 'Run the hidden layer size sweep on the CSV of the run shown (else the latest run’s)');
    this.runButton.addEventListener('click', () => this.run());
    this.stopButton = document.createElement('vscode-button');
    this.stopButton.id = 'stop-sweep';
    this.stopButton.textContent = 'Stop sweep';
    this.stopButton.secondary = true;
    this.stopButton.addEventListener('click', () => {
      if (!this.stopButton.disabled) this.handlers.onStop();
    });
    this.status = h('p', { class: 'sweep-status', attrs: { id: 'sweep-status', 'aria-live': 'polite' } });
    this.canvas = h('canvas', { class: 'sweep-canvas', attrs: { role: 'img', 'aria-label': 'Accuracy against hidden layer size: no sweep yet' } });
    this.tableBox = h('div', { class: 'sweep-table-box' });
    const label = h('label', { class: 'sweep-label', text: 'Hidden sizes', attrs: { for: 'sweep-sizes' } });
    // Before any sweep: the one-line explanation, the sizes and Run sweep (no empty chart).
    this.chartBox = h('div', { class: 'chart-box sweep-box no-data hidden' }, [
      this.canvas,
      h('p', { class: 'chart-empty placeholder', text: 'Train and test accuracy against the number of hidden units are drawn here as each size finishes.' }),
    ]);
    this.element = h('div', { class: 'sweep' }, [
      this.status,
      h('div', { class: 'sweep-form' }, [label, this.sizesField, this.runButton, this.stopButton]),
      this.sizesError,
      this.chartBox,
      this.tableBox,
    ]);
    this.chart = new Chart<'line', (number | null)[], string>(this.canvas, {
      type: 'line',
      data: { labels: [], datasets: [] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        spanGaps: false,
        interaction: { mode: 'index', intersect: false },
        elements: { point: { radius: 3.5, hoverRadius: 5, hitRadius: 8 }, line: { borderWidth: 2, tension: 0 } },
        scales: {
          // offset: half a category of room at each end, so the first and last markers are whole.
          x: { type: 'category', offset: true, title: { display: true, text: 'hidden units' } },
          y: { type: 'linear', suggestedMin: 40, max: 100, title: { display: true, text: 'accuracy (%)' }, ticks: { maxTicksLimit: 7 } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 18, boxHeight: 2 } },
          tooltip: {
            callbacks: {
              title: (items: TooltipItem<'line'>[]) => (items.length ? units(Number(items[0].label)) : ''),
              label: (item: TooltipItem<'line'>) => `${item.dataset.label ?? ''}: ${fmt(item.parsed.y ?? NaN, 4)} %`,
            },
          },
        },
      },
    });
    this.applyTheme(theme);
    this.render();
  }

  /** The sizes field's text when typed in (kept across a reload); undefined when it shows the sweep's sizes. */
  get editedSizes(): string | undefined {
    return this.edited ? this.sizesField.value : undefined;
  }

  restoreSizes(text: string): void {
    this.sizesField.value = text;
    this.edited = true;
    this.check();
  }

  show(sweep: SweepView | undefined): void {
    this.sweep = sweep;
    // A new sweep (from the palette too): the field shows its sizes unless the person is typing others.
    if (sweep && sweep.id !== this.syncedId) {
      this.syncedId = sweep.id;
      if (!this.edited) {
        this.sizesField.value = sweep.sizes.join(', ');
        this.check();
      }
    }
    this.render();
  }

  applyTheme(t: Theme): void {
    applyChartTheme(this.chart, t);
    this.train = t.series[0];
    this.test = t.series[1];
    this.shownJson = '';
    this.render();
  }

  private train = '';
  private test = '';

  private check(): number[] | undefined {
    const r = parseSweepSizes(this.sizesField.value);
    const error = 'error' in r ? r.error : '';
    setText(this.sizesError, error);
    this.sizesField.invalid = error !== '';
    return 'sizes' in r ? r.sizes : undefined;
  }

  private run(): void {
    if (this.runButton.disabled) return;
    const sizes = this.check();
    if (!sizes) {
      this.handlers.announce(this.sizesError.textContent ?? '');
      return;
    }
    this.edited = false;
    this.handlers.onRun(sizes);
    this.handlers.announce(`Sweep requested: ${sizes.join(', ')} hidden units.`);
  }

  private render(): void {
    const s = this.sweep;
    const busy = running(s);
    this.runButton.disabled = busy;
    this.stopButton.disabled = !busy;
    this.stopButton.classList.toggle('hidden', !busy);
    setText(this.status, statusText(s));
    this.status.classList.toggle('sweep-error', s?.status === 'error');
    this.chartBox.classList.toggle('hidden', !s);
    const json = JSON.stringify(s ?? null);
    if (json === this.shownJson) return;
    this.shownJson = json;
    this.drawChart(s);
    this.drawTable(s);
  }

  private drawChart(s: SweepView | undefined): void {
    const results = s?.results ?? [];
    const at = (i: number): SweepPoint | undefined => results[i] ?? undefined;
    const sizes = s?.sizes ?? [];
    const hasTest = !!s?.hasTest || results.some((r) => r && r.testAccuracy !== null);
    const datasets: { label: string; data: (number | null)[]; borderColor: string; backgroundColor: string; borderDash?: number[]; pointStyle?: 'circle' | 'rectRot' }[] = [
      { label: 'train accuracy', data: sizes.map((_, i) => { const r = at(i); return r ? 100 * r.trainAccuracy : null; }), borderColor: this.train, backgroundColor: this.train, pointStyle: 'circle' },
    ];
    if (hasTest) {
      datasets.push({
        label: 'test accuracy', data: sizes.map((_, i) => { const r = at(i); return r && r.testAccuracy !== null ? 100 * r.testAccuracy : null; }),
        borderColor: this.test, backgroundColor: this.test, borderDash: [6, 4], pointStyle: 'rectRot',
      });
    }
    this.chart.data.labels = sizes.map(String);
    this.chart.data.datasets = datasets;
    this.chart.update('none');
    const drawn = results.filter(Boolean).length;
    this.canvas.dataset.points = String(drawn);
    this.canvas.dataset.datasets = String(datasets.length);
    this.canvas.parentElement?.classList.toggle('no-data', drawn === 0);
    this.canvas.setAttribute('aria-label', s ? describeSweep(s) : 'Accuracy against hidden layer size: no sweep yet');
  }

  private drawTable(s: SweepView | undefined): void {
    if (!s) {
      setChildren(this.tableBox, []);
      return;
    }
    const hasTest = !!s.hasTest || s.results.some((r) => r && r.testAccuracy !== null);
    const n = s.results.filter(Boolean).length;
    const rows = s.sizes.map((size, i) => {
      const r = s.results[i] as SweepPoint | undefined;
      if (!r) {
        const pending = running(s) && i === n ? 'training…' : running(s) ? 'waiting' : 'not trained';
        return h('tr', { class: 'pending', attrs: { 'data-size': size } }, [
          h('th', { class: 'num', text: String(size), attrs: { scope: 'row' } }),
          h('td', { class: 'num', text: '—' }),
          h('td', { class: 'num', text: '—' }),
          hasTest ? h('td', { class: 'num', text: '—' }) : null,
          h('td', { class: 'num', text: '—' }),
          h('td', { class: 'note', text: pending }),
        ]);
      }
      return h('tr', { class: r.diverged ? 'diverged' : '', attrs: { 'data-size': size } }, [
        h('th', { class: 'num', text: String(size), attrs: { scope: 'row' } }),
        h('td', { class: 'num', text: fmt(r.cost, 4) }),
        h('td', { class: 'num', text: pct(r.trainAccuracy) }),
        hasTest ? h('td', { class: 'num', text: pct(r.testAccuracy) }) : null,
        h('td', { class: 'num', text: seconds(r.seconds) }),
        h('td', { class: 'note', text: r.diverged ? `diverged: ${r.diverged}` : '' }),
      ]);
    });
    const col = (text: string, cls = 'num'): HTMLElement => h('th', { class: cls, text, attrs: { scope: 'col' } });
    setChildren(this.tableBox, [
      h('table', { class: 'sweep-table', attrs: { id: 'sweep-table' } }, [
        // The status line above says which sweep on which file and how far: said once, not here.
        h('caption', { class: 'visually-hidden', text: `Sweep #${s.id}: train and test accuracy per hidden layer size, ${n} of ${s.sizes.length} sizes trained` }),
        h('thead', {}, [h('tr', {}, [col('hidden units'), col('cost'), col('train'), hasTest ? col('test') : null, col('time'), col('note', 'note')])]),
        h('tbody', {}, rows),
      ]),
    ]);
  }
}
