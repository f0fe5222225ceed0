/**
 * The hidden layer per iteration, beside the cost: how much of it sits in the flat part of g
 * (|z| > 3 for tanh and sigmoid; dead units for ReLU and leaky ReLU), solid, and the mean of
 * g'(Z[1]), dashed, for every ticked run in its colour. With tanh and large initial weights the
 * solid line starts high and the dashed one low, and the cost beside them crawls.
 */
import { Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartDataset } from 'chart.js';
import './lessonDemos.css';
import { ACTIVATIONS } from '../../src/engine/activations';
import { saturationKindOf, SATURATION_Z } from '../../src/engine/saturation';
import type { ActivationName } from '../../src/engine/types';
import type { CostPoint, HiddenPoint } from '../../src/shared/runTypes';
import { decimate } from '../widgets/decimate';
import { FrameTask } from '../widgets/canvas';
import { fmt, h, pct, setText } from '../widgets/dom';
import { applyChartTheme, iterationChartOptions } from '../widgets/lineCharts';
import type { Theme } from '../widgets/theme';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Legend);

export interface SaturationSeries {
  runId: number;
  name: string;
  colour: string;
  activation: ActivationName;
  /** Units of the hidden layer (for "2 of 4 units dead"). */
  hiddenUnits: number;
  points: readonly HiddenPoint[];
}

interface XY {
  x: number;
  y: number;
}

/** What the solid line measures for an activation, in words. */
export function saturationLabel(activation: ActivationName): string {
  switch (saturationKindOf(activation)) {
    case 'flat':
      return `saturated (|z| > ${SATURATION_Z})`;
    case 'dead':
      return 'dead units';
    case 'none':
      return 'saturated (never: g′ = 1)';
  }
}

/** One line for people and screen readers: the latest figures of a run. */
export function describeHidden(s: Pick<SaturationSeries, 'activation' | 'hiddenUnits' | 'points'>): string {
  const last = s.points[s.points.length - 1];
  if (!last) return 'No hidden-layer figures yet.';
  const [i, sat, mean] = last;
  const g = `mean g′(Z[1]) ${fmt(mean, 3)}`;
  switch (saturationKindOf(s.activation)) {
    case 'flat':
      return `Iteration ${i}: ${pct(sat)} of the hidden activations are saturated (|z| > ${SATURATION_Z}), ${g}.`;
    case 'dead': {
      const dead = Math.round(sat * s.hiddenUnits);
      return `Iteration ${i}: ${dead} of ${s.hiddenUnits} hidden unit${s.hiddenUnits === 1 ? '' : 's'} dead (z ≤ 0 for every example), ${g}.`;
    }
    case 'none':
      return `Iteration ${i}: ${ACTIVATIONS[s.activation].label} units never saturate, ${g}.`;
  }
}

/** Where a run started (" At iteration 0: 74.0 % saturated (|z| > 3)."), for the chart's label. */
function startOf(s: SaturationSeries): string {
  const first = s.points[0];
  if (!first || s.points.length < 2) return '';
  const share = saturationKindOf(s.activation) === 'dead' ? `${Math.round(first[1] * s.hiddenUnits)} of ${s.hiddenUnits} units` : pct(first[1]);
  return ` At iteration ${first[0]}: ${share} ${saturationLabel(s.activation)}, mean g′ ${fmt(first[2], 3)}.`;
}

export class SaturationChart {
  readonly element: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  private readonly text: HTMLElement;
  private readonly chart: Chart<'line', XY[]>;
  private series: SaturationSeries[] = [];
  private current: SaturationSeries | undefined;
  private readonly redrawTask = new FrameTask(() => this.redraw());

  constructor(theme: Theme) {
    this.canvas = h('canvas', { class: 'saturation-canvas', attrs: { role: 'img', 'aria-label': 'Hidden-layer saturation per iteration: no run shown' } });
    const box = h('div', { class: 'chart-box saturation-box no-data' }, [
      this.canvas,
      h('p', { class: 'chart-empty placeholder', text: 'The share of saturated (or dead) hidden units and the mean g′(Z[1]) are drawn here while a run trains.' }),
    ]);
    this.text = h('p', { class: 'saturation-text', attrs: { id: 'saturation-text' } });
    this.element = h('section', { class: 'saturation', attrs: { 'aria-labelledby': 'heading-saturation' } }, [
      h('h3', { class: 'saturation-heading', text: 'Hidden layer: saturation and mean g′', attrs: { id: 'heading-saturation' } }),
      box,
      this.text,
    ]);
    this.chart = new Chart<'line', XY[]>(this.canvas, {
      type: 'line',
      data: { datasets: [] },
      options: iterationChartOptions({ type: 'linear', min: 0, suggestedMax: 1, title: { display: true, text: 'share, g′' }, ticks: { maxTicksLimit: 6 } }, () => this.schedule()),
    });
    this.applyTheme(theme);
  }

  /** The ticked runs, and the shown one (whose latest figures are written under the chart). */
  setSeries(series: SaturationSeries[], current: SaturationSeries | undefined): void {
    this.series = series;
    this.current = current;
    this.schedule();
  }

  applyTheme(t: Theme): void {
    applyChartTheme(this.chart, t);
    this.schedule();
  }

  private schedule(): void {
    this.redrawTask.schedule();
  }

  private redraw(): void {
    const buckets = Math.max(50, Math.round(this.chart.chartArea ? this.chart.chartArea.width : this.canvas.clientWidth || 600));
    const datasets: ChartDataset<'line', XY[]>[] = [];
    for (const s of this.series) {
      if (!s.points.length) continue;
      const meanPoints: CostPoint[] = s.points.map((p) => [p[0], p[2], 0]);
      datasets.push({ label: `${s.name} ${saturationLabel(s.activation)}`, data: decimate(s.points, buckets, false), borderColor: s.colour, backgroundColor: s.colour });
      datasets.push({ label: `${s.name} mean g′`, data: decimate(meanPoints, buckets, false), borderColor: s.colour, backgroundColor: s.colour, borderDash: [5, 4] });
    }
    this.chart.data.datasets = datasets;
    this.chart.update('none');
    this.canvas.dataset.datasets = String(datasets.length);
    this.canvas.parentElement?.classList.toggle('no-data', datasets.length === 0);
    const line = this.current ? describeHidden(this.current) : 'No run shown.';
    setText(this.text, this.current && this.current.points.length ? `${this.current.name}: ${line}` : this.series.length ? 'No hidden-layer figures for the shown run.' : '');
    this.canvas.setAttribute(
      'aria-label',
      this.series.length
        ? `Hidden-layer saturation and mean g′ per iteration; ${this.series.map((s) => `run ${s.name}: ${describeHidden(s)}${startOf(s)}`).join(' ')}`
        : 'Hidden-layer saturation per iteration: no run shown',
    );
  }
}
