/**
 * "Export charts as PNG": the charts shown (cost; the hidden layer's saturation and the decision
 * boundary when they are shown) drawn one under the other into one PNG over the editor's
 * background, each under its title, at the canvases' own resolution. A chart whose axis names are
 * page text beside its canvas (the boundary's features) gets them drawn in: x under it, y up its
 * left side. The host asks where to save it.
 */
import type { Theme } from './theme';

export interface ChartImage {
  title: string;
  canvas: HTMLCanvasElement;
  /** Names of the x and y axes, drawn beside the canvas (they are not on it). */
  axes?: [string, string];
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
  const labelSize = Math.round(theme.fontSize * scale);
  const labelBand = labelSize + Math.round(8 * scale);
  const left = (p: ChartImage): number => (p.axes ? labelBand : 0);
  const below = (p: ChartImage): number => (p.axes ? labelBand : 0);
  const width = Math.max(Math.round(320 * scale), ...parts.map((p) => left(p) + p.canvas.width)) + 2 * pad;
  const height = pad + parts.reduce((sum, p) => sum + titleH + p.canvas.height + below(p) + pad, 0) + (parts.length ? 0 : titleH);
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = theme.foreground;
  ctx.textBaseline = 'top';
  const titleFont = `600 ${titleSize}px ${theme.fontFamily}`;
  ctx.font = titleFont;
  let y = pad;
  if (!parts.length) ctx.fillText('No chart shown', pad, y);
  for (const p of parts) {
    ctx.font = titleFont;
    ctx.textAlign = 'left';
    ctx.fillText(p.title, pad, y);
    y += titleH;
    const x = pad + left(p);
    ctx.drawImage(p.canvas, x, y);
    if (p.axes) {
      ctx.font = `${labelSize}px ${theme.fontFamily}`;
      ctx.textAlign = 'center';
      ctx.fillText(p.axes[0], x + p.canvas.width / 2, y + p.canvas.height + Math.round(4 * scale), p.canvas.width);
      ctx.save();
      ctx.translate(pad, y + p.canvas.height / 2);
      ctx.rotate(-Math.PI / 2);
      ctx.fillText(p.axes[1], 0, Math.round(2 * scale), p.canvas.height);
      ctx.restore();
    }
    y += p.canvas.height + below(p) + pad;
  }
  return out.toDataURL('image/png');
}
