/**
 * "Export charts as PNG": the charts shown (cost; the hidden layer's saturation and the decision
 * boundary when they are shown) drawn one under the other into one PNG over the editor's
 * background, each under its title, at the canvases' own resolution. The host asks where to save it.
 */
import type { Theme } from './theme';

export interface ChartImage {
  title: string;
  canvas: HTMLCanvasElement;
}

/** Canvases not laid out (a hidden card, an empty chart) are left out. */
function shown(c: HTMLCanvasElement): boolean {
  return c.width > 0 && c.height > 0 && c.getClientRects().length > 0 && c.closest('.hidden, .no-data') === null;
}

export function chartsPng(charts: ChartImage[], theme: Theme): string {
  const parts = charts.filter((c) => shown(c.canvas));
  const scale = window.devicePixelRatio || 1;
  const pad = Math.round(12 * scale);
  const titleSize = Math.round(theme.fontSize * 1.1 * scale);
  const titleH = titleSize + Math.round(8 * scale);
  const width = Math.max(Math.round(320 * scale), ...parts.map((p) => p.canvas.width)) + 2 * pad;
  const height = pad + parts.reduce((sum, p) => sum + titleH + p.canvas.height + pad, 0) + (parts.length ? 0 : titleH);
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = theme.foreground;
  ctx.font = `600 ${titleSize}px ${theme.fontFamily}`;
  ctx.textBaseline = 'top';
  let y = pad;
  if (!parts.length) ctx.fillText('No chart shown', pad, y);
  for (const p of parts) {
    ctx.fillText(p.title, pad, y);
    y += titleH;
    ctx.drawImage(p.canvas, pad, y);
    y += p.canvas.height + pad;
  }
  return out.toDataURL('image/png');
}
