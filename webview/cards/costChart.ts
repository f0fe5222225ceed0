/**
 * The cost chart: training cost per iteration (solid) and test cost (dashed) of every ticked
 * run, one colour per run. Redraws are batched into one per animation frame and each series is
 * decimated to about two points per pixel (min and max of each pixel's bucket), so the chart
 * stays smooth whatever the iteration count.
 */
import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
  type ChartDataset,
} from 'chart.js';
import type { CostPoint } from '../../src/shared/runTypes';
import { FrameTask } from '../widgets/canvas';
import { fmt } from '../widgets/dom';
import { decimate, type XY } from '../widgets/decimate';
import { applyChartTheme, iterationChartOptions } from '../widgets/lineCharts';
import type { Theme } from '../widgets/theme';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Tooltip, Legend);

export interface CostSeries {
  runId: number;
  /** Short name in the legend and tooltips: "#2". */
  name: string;
  colour: string;
  /** Dotted lines (train and test): a run sharing its colour with another ticked run. */
  dashed?: boolean;
  points: readonly CostPoint[];
  testPoints: readonly CostPoint[];
}



export class CostChart {
  private readonly chart: Chart<'line', XY[]>;
  private series: CostSeries[] = [];
  private log = false;
  private readonly redrawTask = new FrameTask(() => this.redraw());
  /** The timeline's iteration, marked by a vertical line (null: none). */
  private marker: number | null = null;
  private markerColour = '';

  constructor(
    private readonly canvas: HTMLCanvasElement,
    theme: Theme,
  ) {
    this.chart = new Chart<'line', XY[]>(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: iterationChartOptions(
        {
          type: 'linear',
          title: { display: true, text: 'cost J' },
          ticks: {
            maxTicksLimit: 6,
            // On a log scale chart.js labels every minor tick; keep 1, 2, 3 and 5 × 10^k.
            callback: (value) => {
              const v = Number(value);
              if (!this.log) return fmt(v, 3);
              const m = v / 10 ** Math.floor(Math.log10(v) + 1e-9);
              const r = Math.round(m);
              return Math.abs(m - r) < 1e-6 && [1, 2, 3, 5].includes(r) ? fmt(v, 2) : '';
            },
          },
        },
        () => this.schedule(),
      ),
      plugins: [
        {
          id: 'timelineMarker',
          afterDatasetsDraw: (chart) => this.drawMarker(chart),
        },
      ],
    });
    this.applyTheme(theme);
  }

  setSeries(series: CostSeries[]): void {
    this.series = series;
    this.schedule();
  }

  /** Marks the timeline's iteration on the chart (null: no mark, the latest parameters shown). */
  setMarker(iteration: number | null): void {
    if (this.marker === iteration) return;
    this.marker = iteration;
    this.schedule();
  }

  private drawMarker(chart: Chart): void {
    const it = this.marker;
    const area = chart.chartArea;
    const x = chart.scales.x;
    if (it === null || !area || !x) return;
    const px = x.getPixelForValue(it);
    if (!Number.isFinite(px) || px < area.left - 1 || px > area.right + 1) return;
    const ctx = chart.ctx;
    ctx.save();
    ctx.strokeStyle = this.markerColour;
    ctx.fillStyle = this.markerColour;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(Math.round(px) + 0.5, area.top);
    ctx.lineTo(Math.round(px) + 0.5, area.bottom);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.textBaseline = 'top';
    const label = `iteration ${it}`;
    const w = ctx.measureText(label).width;
    ctx.textAlign = px + 4 + w > area.right ? 'right' : 'left';
    ctx.fillText(label, ctx.textAlign === 'right' ? px - 4 : px + 4, area.top + 2);
    ctx.restore();
  }

  setLog(log: boolean): void {
    if (this.log === log) return;
    this.log = log;
    const y = this.chart.options.scales?.y;
    if (y) {
      (y as { type: string }).type = log ? 'logarithmic' : 'linear';
      // Every 1…9 × 10^k tick on a log scale (only some are labelled); a few on a linear one.
      if (y.ticks) (y.ticks as { maxTicksLimit?: number }).maxTicksLimit = log ? 40 : 6;
    }
    this.schedule();
  }

  applyTheme(t: Theme): void {
    this.markerColour = t.focus;
    Chart.defaults.font.family = t.fontFamily;
    Chart.defaults.font.size = Math.max(10, t.fontSize - 1);
    Chart.defaults.color = t.foreground;
    Chart.defaults.borderColor = t.grid;
    applyChartTheme(this.chart, t);
    this.schedule();
  }

  /** Number of datasets drawn (for tests and the aria-label). */
  get datasetCount(): number {
    return this.chart.data.datasets.length;
  }

  private schedule(): void {
    this.redrawTask.schedule();
  }

  private redraw(): void {
    const buckets = Math.max(50, Math.round(this.chart.chartArea ? this.chart.chartArea.width : this.canvas.clientWidth || 600));
    const datasets: ChartDataset<'line', XY[]>[] = [];
    for (const s of this.series) {
      // A run with no iteration (failed before training, or not started) gets no dataset.
      if (s.points.length) {
        datasets.push({
          label: `${s.name} train cost`,
          data: decimate(s.points, buckets, this.log),
          borderColor: s.colour,
          backgroundColor: s.colour,
          ...(s.dashed ? { borderDash: [1.5, 2.5] } : {}),
        });
      }
      if (s.testPoints.length) {
        datasets.push({
          label: `${s.name} test cost`,
          data: decimate(s.testPoints, buckets, this.log),
          borderColor: s.colour,
          backgroundColor: s.colour,
          borderDash: s.dashed ? [8, 3, 1.5, 3] : [5, 4],
        });
      }
    }
    this.chart.data.datasets = datasets;
    this.chart.update('none');
    this.canvas.setAttribute('aria-label', describe(this.series, this.log) + (this.marker === null ? '' : `; the timeline shows iteration ${this.marker}`));
    this.canvas.dataset.datasets = String(datasets.length);
    const empty = datasets.every((d) => d.data.length === 0);
    this.canvas.parentElement?.classList.toggle('no-data', empty);
  }
}

function describe(series: CostSeries[], log: boolean): string {
  if (!series.length) return 'Cost per iteration: no run shown';
  const parts = series.map((s) => {
    const last = s.points[s.points.length - 1];
    const test = s.testPoints[s.testPoints.length - 1];
    return last
      ? `run ${s.name}: cost ${fmt(last[1])} at iteration ${last[0]}${test ? `, test cost ${fmt(test[1])}` : ''}`
      : `run ${s.name}: no iteration yet`;
  });
  return `Cost per iteration${log ? ' (log scale)' : ''}; ${parts.join('; ')}`;
}
