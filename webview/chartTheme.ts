/**
 * A chart.js chart's colours from the editor's theme (theme.ts reads them from the --vscode-*
 * variables): axes' grid, border, ticks and titles, the legend, the tooltip. Shared by the cost,
 * hidden-layer and sweep charts.
 */
import type { Chart } from 'chart.js';
import type { Theme } from './theme';

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
