/**
 * What the panel's chart.js line charts share: the options of a chart over iterations (the cost
 * and the hidden layer's charts), and the colours of any line chart from the editor's theme
 * (theme.ts reads them from the --vscode-* variables): axes' grid, border, ticks and titles, the
 * legend, the tooltip (also the sweep's chart).
 */
import type { Chart, ChartOptions, TooltipItem } from 'chart.js';
import { fmtExact } from './dom';
import type { Theme } from './theme';

type YAxis = NonNullable<NonNullable<ChartOptions<'line'>['scales']>['y']>;

/** A line chart over iterations: points given as {x, y}, the iteration on x, `y` as given, a tooltip per iteration. */
export function iterationChartOptions(y: YAxis, onResize: () => void): ChartOptions<'line'> {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    parsing: false,
    normalized: true,
    spanGaps: true,
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    elements: { point: { radius: 0, hitRadius: 6, hoverRadius: 3 }, line: { borderWidth: 1.5, tension: 0 } },
    scales: {
      x: { type: 'linear', title: { display: true, text: 'iteration' }, ticks: { maxTicksLimit: 8, precision: 0 } },
      y,
    },
    plugins: {
      legend: { position: 'bottom', labels: { boxWidth: 18, boxHeight: 2 } },
      tooltip: {
        callbacks: {
          title: (items: TooltipItem<'line'>[]) => (items.length ? `iteration ${items[0].parsed.x}` : ''),
          label: (item: TooltipItem<'line'>) => `${item.dataset.label ?? ''}: ${fmtExact(item.parsed.y ?? NaN)}`,
        },
      },
    },
    onResize,
  };
}

export function applyChartTheme<TData, TLabel>(chart: Chart<'line', TData, TLabel>, t: Theme): void {
  const o = chart.options;
  for (const axis of ['x', 'y'] as const) {
    const s = o.scales?.[axis];
    if (!s) continue;
    s.grid = { ...(s.grid ?? {}), color: t.grid };
    s.border = { ...(s.border ?? {}), color: t.border };
    s.ticks = { ...(s.ticks ?? {}), color: t.description };
    (s as { title: { color: string } }).title.color = t.description;
  }
  if (o.plugins?.legend?.labels) o.plugins.legend.labels.color = t.foreground;
  if (o.plugins?.tooltip) {
    o.plugins.tooltip.backgroundColor = t.background;
    o.plugins.tooltip.titleColor = t.foreground;
    o.plugins.tooltip.bodyColor = t.foreground;
    o.plugins.tooltip.borderColor = t.border;
    o.plugins.tooltip.borderWidth = 1;
  }
}
