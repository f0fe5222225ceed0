/**
 * What the panel's canvas views share: redraws batched into one animation frame, a canvas
 * sized for the screen's pixel ratio, a square plot's size in its box, and a grid of cells
 * painted one pixel each and scaled up.
 */

/** A redraw batched into the next animation frame: however often it is scheduled before, it runs once. */
export class FrameTask {
  private frame = 0;

  constructor(private readonly task: () => void) {}

  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.task();
    });
  }
}

/** Sizes `c` to cssW × cssH CSS pixels at the screen's pixel ratio (only when it changed); returns the ratio. */
export function fitCanvas(c: HTMLCanvasElement, cssW: number, cssH: number): number {
  const dpr = window.devicePixelRatio || 1;
  if (c.width !== Math.round(cssW * dpr) || c.height !== Math.round(cssH * dpr)) {
    c.width = Math.round(cssW * dpr);
    c.height = Math.round(cssH * dpr);
    c.style.width = `${cssW}px`;
    c.style.height = `${cssH}px`;
  }
  return dpr;
}

export interface Margin {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A square plot in `box` (at most `maxSize` wide, at least 160) with its margins: its side and the canvas's CSS size. */
export function squarePlot(box: HTMLElement | null, maxSize: number, margin: Margin): { size: number; cssW: number; cssH: number } {
  const avail = Math.max(160, Math.min(maxSize, (box?.clientWidth ?? 300) || 300));
  const size = Math.floor(avail - margin.left - margin.right);
  return { size, cssW: size + margin.left + margin.right, cssH: size + margin.top + margin.bottom };
}

/** Paints res × res cells (row-major, colourAt(k) = [r, g, b]) one pixel each, smoothed up into the rectangle x, y, w, h. */
export function drawCells(ctx: CanvasRenderingContext2D, res: number, colourAt: (k: number) => readonly number[], x: number, y: number, w: number, h: number): void {
  const img = new ImageData(res, res);
  for (let k = 0; k < res * res; k++) {
    const [r, g, b] = colourAt(k);
    img.data[k * 4] = r;
    img.data[k * 4 + 1] = g;
    img.data[k * 4 + 2] = b;
    img.data[k * 4 + 3] = 255;
  }
  const off = document.createElement('canvas');
  off.width = res;
  off.height = res;
  off.getContext('2d')?.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(off, x, y, w, h);
}
