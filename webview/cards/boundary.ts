/**
 * The decision boundary: the network's predicted class (shaded by its probability) over the
 * plane of two features, in the CSV's units, with the training examples (filled) and the test
 * examples (hollow) on top, the way the lesson's plot_decision_boundary draws it, but live.
 * The host computes the grid (src/core/boundaryView.ts); this only paints it. Feature and class
 * names are DOM text; the canvas draws numbers only. Hover, or focus the plot and use the arrow
 * keys, to read the prediction at a point.
 */
import type { BoundaryView, DatasetSummary, RunView, ScatterView } from '../../src/shared/runTypes';
import { drawCells, fitCanvas, FrameTask, squarePlot } from '../widgets/canvas';
import { fmt, h, setChildren, setText } from '../widgets/dom';
import { atIteration, classColours, niceTicks } from '../widgets/plot';
import { mix, rgbaString, type Rgba, type Theme } from '../widgets/theme';
import './insights.css';



const MARGIN = { left: 44, right: 8, top: 8, bottom: 22 };
const MAX_SIZE = 380;

/** Shading of a cell: the class colour, stronger the surer the network is. */
function cellColour(theme: Theme, colours: Rgba[], b: BoundaryView, k: number, classes: number): Rgba {
  const p = b.prob[k] / 255;
  if (b.cls) {
    const base = 1 / Math.max(2, classes);
    const t = Math.max(0, Math.min(1, (p - base) / (1 - base)));
    return mix(theme.zero, colours[b.cls[k]] ?? theme.positive, 0.18 + 0.4 * t);
  }
  const t = Math.min(1, Math.abs(p - 0.5) * 2);
  return mix(theme.zero, p >= 0.5 ? colours[1] : colours[0], 0.55 * Math.sqrt(t));
}

export class BoundaryPlot {
  readonly element: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  private readonly xLabel: HTMLElement;
  private readonly yLabel: HTMLElement;
  private readonly legend: HTMLElement;
  private readonly readout: HTMLElement;
  private readonly note: HTMLElement;
  private boundary: BoundaryView | undefined;
  private scatter: ScatterView | undefined;
  private dataset: DatasetSummary | undefined;
  private cursor: { r: number; c: number } | null = null;
  private readonly redraw = new FrameTask(() => this.draw());
  private geom = { left: 0, top: 0, size: 1 };

  constructor(private theme: Theme) {
    this.canvas = h('canvas', { class: 'boundary-canvas', attrs: { role: 'img', tabindex: 0, 'aria-label': 'Decision boundary: no data yet' } });
    this.xLabel = h('div', { class: 'axis-label x-axis-label' });
    this.yLabel = h('div', { class: 'axis-label y-axis-label' });
    this.legend = h('div', { class: 'boundary-legend', attrs: { 'aria-label': 'Legend' } });
    this.readout = h('p', { class: 'boundary-readout', text: READOUT_HINT });
    this.note = h('p', { class: 'hint boundary-note' });
    this.element = h('div', { class: 'boundary' }, [
      h('div', { class: 'boundary-plot' }, [this.yLabel, h('div', { class: 'boundary-canvas-box' }, [this.canvas, this.xLabel])]),
      this.legend,
      this.note,
      this.readout,
    ]);
    this.canvas.addEventListener('mousemove', (e) => this.hover(e));
    this.canvas.addEventListener('mouseleave', () => this.move(null));
    this.canvas.addEventListener('blur', () => this.move(null));
    this.canvas.addEventListener('keydown', (e) => this.key(e));
    new ResizeObserver(() => this.schedule()).observe(this.element);
  }

  show(run: RunView | undefined): void {
    const b = run?.boundary;
    const s = run?.scatter;
    const d = run?.dataset;
    if (b === this.boundary && s === this.scatter && d === this.dataset) return;
    const legendChanged = d !== this.dataset || !!s?.test !== !!this.scatter?.test || (b?.cls === undefined) !== (this.boundary?.cls === undefined);
    const boundaryChanged = b !== this.boundary;
    this.boundary = b;
    this.scatter = s;
    this.dataset = d;
    // The read-out is of the plot shown: read again at the cursor, else back to the hint
    // (not another iteration's, parameters' or run's prediction under this plot).
    if (boundaryChanged) {
      if (this.cursor && b && this.cursor.r < b.res && this.cursor.c < b.res) this.read(this.cursor);
      else {
        this.cursor = null;
        setText(this.readout, READOUT_HINT);
      }
    }
    const names = b?.plane.names ?? (s ? s.features.map((f) => d?.featureNames[f] ?? `x${f + 1}`) : ['x1', 'x2']);
    setText(this.xLabel, names[0]);
    setText(this.yLabel, names[1]);
    const held = (d?.nx ?? 2) - 2;
    setText(this.note, held > 0 ? `The other ${held} feature${held === 1 ? ' is' : 's are'} held at ${held === 1 ? 'its' : 'their'} training mean.` : '');
    if (legendChanged) this.drawLegend();
    this.schedule();
  }

  /** The names on the x and y axes (page text beside the canvas, for the PNG export). */
  axisNames(): [string, string] {
    return [this.xLabel.textContent ?? '', this.yLabel.textContent ?? ''];
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.drawLegend();
    this.schedule();
  }

  private classes(): string[] {
    const d = this.dataset;
    if (d?.classes.length) return d.classes;
    return ['0', '1'];
  }

  private drawLegend(): void {
    const classes = this.classes();
    const colours = classColours(this.theme, classes.length);
    const items: Node[] = classes.map((name, i) => {
      const sw = h('span', { class: 'legend-swatch', attrs: { 'aria-hidden': 'true' } });
      sw.style.backgroundColor = rgbaString(colours[i]);
      return h('span', { class: 'legend-item' }, [sw, h('span', { class: 'legend-class', text: name })]);
    });
    items.push(h('span', { class: 'legend-item legend-marks' }, [
      h('span', { class: 'mark-filled', attrs: { 'aria-hidden': 'true' } }),
      ' train',
      ...(this.scatter?.test ? [h('span', { class: 'mark-hollow', attrs: { 'aria-hidden': 'true' } }), ' test'] : []),
    ]));
    items.push(h('span', { class: 'legend-item legend-shade', text: 'Shade: how sure the network is' }));
    setChildren(this.legend, items);
  }

  private schedule(): void {
    this.redraw.schedule();
  }

  private draw(): void {
    const b = this.boundary;
    const theme = this.theme;
    const box = this.canvas.parentElement;
    const { size, cssW, cssH } = squarePlot(box, MAX_SIZE, MARGIN);
    const c = this.canvas;
    const dpr = fitCanvas(c, cssW, cssH);
    this.xLabel.style.width = `${cssW}px`;
    this.xLabel.style.paddingLeft = `${MARGIN.left}px`;
    this.geom = { left: MARGIN.left, top: MARGIN.top, size };
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, cssW, cssH);
    const x0 = MARGIN.left;
    const y0 = MARGIN.top;
    const classes = this.classes();
    const colours = classColours(theme, classes.length);

    if (b) {
      // The grid, one pixel per cell, scaled up smoothly.
      drawCells(ctx, b.res, (k) => cellColour(theme, colours, b, k, classes.length), x0, y0, size, size);
      this.drawBoundaryLine(ctx, b, x0, y0, size);
    } else {
      ctx.fillStyle = rgbaString(theme.zero);
      ctx.fillRect(x0, y0, size, size);
    }

    // Examples: training filled, test hollow.
    const plane = this.extent();
    if (this.scatter && plane) {
      const px = (v: number): number => x0 + ((v - plane.x[0]) / (plane.x[1] - plane.x[0])) * size;
      const py = (v: number): number => y0 + size - ((v - plane.y[0]) / (plane.y[1] - plane.y[0])) * size;
      const radius = size < 240 ? 2.5 : 3;
      ctx.save();
      ctx.beginPath();
      ctx.rect(x0, y0, size, size);
      ctx.clip();
      const tr = this.scatter.train;
      ctx.lineWidth = 1;
      ctx.strokeStyle = rgbaString(theme.zero);
      for (let i = 0; i < tr.x.length; i++) {
        ctx.fillStyle = rgbaString(colours[tr.cls[i]] ?? theme.positive);
        ctx.beginPath();
        ctx.arc(px(tr.x[i]), py(tr.y[i]), radius, 0, Math.PI * 2);
        ctx.fill();
        ctx.stroke();
      }
      const te = this.scatter.test;
      if (te) {
        ctx.lineWidth = 1.75;
        for (let i = 0; i < te.x.length; i++) {
          ctx.fillStyle = rgbaString(theme.zero);
          ctx.strokeStyle = rgbaString(colours[te.cls[i]] ?? theme.positive);
          ctx.beginPath();
          ctx.arc(px(te.x[i]), py(te.y[i]), radius + 0.5, 0, Math.PI * 2);
          ctx.fill();
          ctx.stroke();
        }
      }
      ctx.restore();
    }

    // Frame, ticks and their values (numbers only; the names are DOM text).
    ctx.strokeStyle = theme.description;
    ctx.lineWidth = 1;
    ctx.strokeRect(x0 - 0.5, y0 - 0.5, size + 1, size + 1);
    if (plane) {
      ctx.fillStyle = theme.description;
      ctx.font = `${Math.max(10, theme.fontSize - 2)}px ${theme.fontFamily}`;
      ctx.beginPath();
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      for (const v of niceTicks(plane.x[0], plane.x[1], size < 240 ? 3 : 5)) {
        const x = Math.round(x0 + ((v - plane.x[0]) / (plane.x[1] - plane.x[0])) * size) + 0.5;
        ctx.moveTo(x, y0 + size);
        ctx.lineTo(x, y0 + size + 4);
        ctx.fillText(fmt(v, 3), x, y0 + size + 6);
      }
      ctx.textAlign = 'right';
      ctx.textBaseline = 'middle';
      for (const v of niceTicks(plane.y[0], plane.y[1], size < 240 ? 3 : 5)) {
        const y = Math.round(y0 + size - ((v - plane.y[0]) / (plane.y[1] - plane.y[0])) * size) + 0.5;
        ctx.moveTo(x0 - 4, y);
        ctx.lineTo(x0, y);
        ctx.fillText(fmt(v, 3), x0 - 6, y, MARGIN.left - 8);
      }
      ctx.stroke();
    }

    if (this.cursor && b) {
      const cell = size / b.res;
      ctx.strokeStyle = theme.focus;
      ctx.lineWidth = 2;
      ctx.strokeRect(x0 + this.cursor.c * cell - 2, y0 + this.cursor.r * cell - 2, cell + 4, cell + 4);
    }
    c.setAttribute('aria-label', this.describe());
    c.dataset.iteration = b ? String(b.iteration) : '';
  }

  /** The line where the prediction changes: marching squares at P = 0.5 (binary), cell edges between classes (more). */
  private drawBoundaryLine(ctx: CanvasRenderingContext2D, b: BoundaryView, x0: number, y0: number, size: number): void {
    const res = b.res;
    const cell = size / res;
    ctx.strokeStyle = this.theme.foreground;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    if (b.cls) {
      // Marching squares on the class labels: in each square of four cell centres, join the
      // midpoints of the edges whose ends differ (through the square's centre when 3 or 4 do).
      const cls = b.cls;
      for (let r = 0; r + 1 < res; r++) {
        for (let c = 0; c + 1 < res; c++) {
          const v = [cls[r * res + c], cls[r * res + c + 1], cls[(r + 1) * res + c + 1], cls[(r + 1) * res + c]];
          const corners: [number, number][] = [[c, r], [c + 1, r], [c + 1, r + 1], [c, r + 1]];
          const mids: [number, number][] = [];
          for (let e = 0; e < 4; e++) {
            const z = (e + 1) % 4;
            if (v[e] !== v[z]) mids.push([(corners[e][0] + corners[z][0]) / 2, (corners[e][1] + corners[z][1]) / 2]);
          }
          const px = (q: [number, number]): [number, number] => [x0 + (q[0] + 0.5) * cell, y0 + (q[1] + 0.5) * cell];
          if (mids.length === 2) {
            ctx.moveTo(...px(mids[0]));
            ctx.lineTo(...px(mids[1]));
          } else if (mids.length > 2) {
            for (const m of mids) {
              ctx.moveTo(...px(m));
              ctx.lineTo(...px([c + 0.5, r + 0.5]));
            }
          }
        }
      }
    } else {
      const t = 127.5;
      const p = b.prob;
      // Corners are cell centres; an edge crossing is linearly interpolated.
      const at = (r: number, c: number): [number, number] => [x0 + (c + 0.5) * cell, y0 + (r + 0.5) * cell];
      const lerp = (a: [number, number], bb: [number, number], va: number, vb: number): [number, number] => {
        const u = (t - va) / (vb - va);
        return [a[0] + (bb[0] - a[0]) * u, a[1] + (bb[1] - a[1]) * u];
      };
      for (let r = 0; r + 1 < res; r++) {
        for (let c = 0; c + 1 < res; c++) {
          const v = [p[r * res + c], p[r * res + c + 1], p[(r + 1) * res + c + 1], p[(r + 1) * res + c]];
          const pts = [at(r, c), at(r, c + 1), at(r + 1, c + 1), at(r + 1, c)];
          const cross: [number, number][] = [];
          for (let e = 0; e < 4; e++) {
            const a = e;
            const z = (e + 1) % 4;
            if ((v[a] > t) !== (v[z] > t)) cross.push(lerp(pts[a], pts[z], v[a], v[z]));
          }
          for (let i = 0; i + 1 < cross.length; i += 2) {
            ctx.moveTo(cross[i][0], cross[i][1]);
            ctx.lineTo(cross[i + 1][0], cross[i + 1][1]);
          }
        }
      }
    }
    ctx.stroke();
  }

  private extent(): { x: [number, number]; y: [number, number] } | undefined {
    return this.boundary ? { x: this.boundary.plane.x, y: this.boundary.plane.y } : undefined;
  }

  private describe(): string {
    const b = this.boundary;
    if (!b) return 'Decision boundary: waiting for the first snapshot of the network.';
    const [nx, ny] = b.plane.names;
    const classes = this.classes();
    const counts = new Array<number>(classes.length).fill(0);
    for (let k = 0; k < b.prob.length; k++) counts[b.cls ? b.cls[k] : b.prob[k] >= 128 ? 1 : 0]++;
    const shares = classes.map((name, i) => `${name} ${Math.round((100 * (counts[i] ?? 0)) / b.prob.length)} %`).join(', ');
    const s = this.scatter;
    const pts = s ? ` ${s.train.x.length} training examples (filled)${s.test ? ` and ${s.test.x.length} test examples (hollow)` : ''} on top.` : '';
    return `Decision boundary ${atIteration(b)} over ${nx} (${fmt(b.plane.x[0], 3)} to ${fmt(b.plane.x[1], 3)}) and ${ny} (${fmt(b.plane.y[0], 3)} to ${fmt(b.plane.y[1], 3)}): share of the plane predicted as ${shares}.${pts} Use the arrow keys to read the prediction at a point.`;
  }

  private hover(e: MouseEvent): void {
    const b = this.boundary;
    if (!b) return;
    const rect = this.canvas.getBoundingClientRect();
    const x = e.clientX - rect.left - this.geom.left;
    const y = e.clientY - rect.top - this.geom.top;
    if (x < 0 || y < 0 || x >= this.geom.size || y >= this.geom.size) return this.move(null);
    const cell = this.geom.size / b.res;
    this.move({ r: Math.floor(y / cell), c: Math.floor(x / cell) });
  }

  private key(e: KeyboardEvent): void {
    const b = this.boundary;
    if (!b) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (e.key === 'Escape') return this.move(null);
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    const step = e.shiftKey ? 1 : 3;
    const cur = this.cursor ?? { r: Math.floor(b.res / 2), c: Math.floor(b.res / 2) };
    const clamp = (v: number): number => Math.max(0, Math.min(b.res - 1, v));
    this.move(this.cursor ? { r: clamp(cur.r + m[0] * step), c: clamp(cur.c + m[1] * step) } : cur);
  }

  private move(cursor: { r: number; c: number } | null): void {
    const same = cursor && this.cursor && cursor.r === this.cursor.r && cursor.c === this.cursor.c;
    if (same) return;
    this.cursor = cursor;
    if (cursor) this.read(cursor);
    this.schedule();
  }

  /** Writes the prediction at a cell of the boundary shown into the read-out. */
  private read(cursor: { r: number; c: number }): void {
    const b = this.boundary;
    if (b) {
      const { x, y, names } = b.plane;
      const vx = x[0] + ((cursor.c + 0.5) * (x[1] - x[0])) / b.res;
      const vy = y[1] - ((cursor.r + 0.5) * (y[1] - y[0])) / b.res;
      const k = cursor.r * b.res + cursor.c;
      const classes = this.classes();
      const p = b.prob[k] / 255;
      const what = b.cls
        ? `predicted ${classes[b.cls[k]] ?? b.cls[k]} (P ≈ ${p.toFixed(2)})`
        : `P(${classes[1] ?? '1'}) ≈ ${p.toFixed(2)}, predicted ${p > 0.5 ? classes[1] ?? '1' : classes[0] ?? '0'}`;
      setText(this.readout, `${names[0]} = ${fmt(vx, 3)}, ${names[1]} = ${fmt(vy, 3)}: ${what}`);
    }
  }
}

const READOUT_HINT = 'Hover the plot (or focus it and use the arrow keys) to read the prediction at a point.';
