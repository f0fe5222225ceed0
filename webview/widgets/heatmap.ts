/**
 * Heatmaps of one layer's parameters, W[l] and b[l], side by side on a shared diverging colour
 * scale centred on 0 (negative: --vscode-charts-blue, 0: the editor background, positive:
 * --vscode-charts-red). Rows are the units of this layer, columns the units of the previous one.
 * Hovering a cell (or moving a keyboard cursor with the arrow keys) shows its exact value and
 * its (row, column) in the read-out line and a tooltip.
 */
import { CellEditor } from './cellEditor';
import { fitCanvas, FrameTask } from './canvas';
import { fmt, fmtExact, h, setChildren, setText } from './dom';
import { divergingColor, type Theme } from './theme';
import type { ParamsSnapshot } from '../../src/shared/runTypes';

export interface MatrixSpec {
  /** "W[1]" */
  name: string;
  values: number[][];
  rowLabels: string[];
  colLabels: string[];
  /** "hidden units × features" */
  meaning: string;
  /** Which parameter this is (cells can be edited when the heatmaps say so). */
  key?: ParamKey;
  /** Cells edited away from the trained values, as "r,c". */
  edited?: ReadonlySet<string>;
}

export type ParamKey = keyof ParamsSnapshot;

/** A cell typed in: which parameter, where, the new value. */
export interface CellEdit {
  key: ParamKey;
  r: number;
  c: number;
  value: number;
}

export interface LayerSpec {
  w: MatrixSpec;
  b: MatrixSpec;
}

interface Layout {
  rowLabelW: number;
  band: number;
  cellH: number;
  showRowLabels: boolean;
}

const MAX_PLOT_H = 280;
const MAX_CELL_H = 26;
const MAX_CELL_W = 44;
const GAP = 16;

let measureCtx: CanvasRenderingContext2D | null = null;
function measure(text: string, font: string): number {
  measureCtx ??= document.createElement('canvas').getContext('2d');
  if (!measureCtx) return text.length * 7;
  measureCtx.font = font;
  return measureCtx.measureText(text).width;
}

function clip(s: string, max = 18): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function rangeOf(m: number[][]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const row of m) for (const v of row) if (Number.isFinite(v)) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : { min: 0, max: 0 };
}

/** The tooltip shared by every heatmap (one element, moved around). */
export class Tip {
  readonly el = h('div', { class: 'heatmap-tip', attrs: { 'aria-hidden': 'true' } });
  show(text: string, x: number, y: number): void {
    setText(this.el, text);
    this.el.classList.add('visible');
    const w = this.el.offsetWidth;
    const left = Math.min(window.innerWidth - w - 4, x + 12);
    this.el.style.left = `${Math.max(4, left)}px`;
    this.el.style.top = `${y + 16}px`;
  }
  hide(): void {
    this.el.classList.remove('visible');
  }
}

/** The read-out line: a text, and the cell it reads (read again when the values shown change). */
type Readout = (text: string, at: { of: MatrixCanvas; r: number; c: number }) => void;

class MatrixCanvas {
  readonly figure: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  private readonly caption: HTMLElement;
  private spec: MatrixSpec | null = null;
  private cell: { r: number; c: number } | null = null;
  private geom = { left: 0, top: 0, cellW: 1, cellH: 1, w: 0, h: 0 };
  private last: { theme: Theme; maxAbs: number; layout: Layout; cellW: number; withRowLabels: boolean } | null = null;
  private readonly editor: CellEditor;
  /** Set when cells may be edited (a run that is not training). */
  onEdit: ((e: CellEdit) => void) | null = null;

  constructor(
    private readonly readout: Readout,
    private readonly tip: Tip,
  ) {
    this.canvas = h('canvas', { class: 'heatmap', attrs: { role: 'img', tabindex: 0 } });
    this.caption = h('figcaption', { class: 'matrix-caption' });
    this.figure = h('figure', { class: 'matrix' }, [this.caption, this.canvas]);
    this.editor = new CellEditor(this.figure);
    this.canvas.addEventListener('click', (e) => {
      const at = this.cellAt(e);
      if (at) this.edit(at.r, at.c);
    });
    this.canvas.addEventListener('mousemove', (e) => this.hover(e));
    this.canvas.addEventListener('mouseleave', () => this.leave());
    this.canvas.addEventListener('keydown', (e) => this.key(e));
    this.canvas.addEventListener('focus', () => {
      if (!this.cell && this.spec?.values.length) this.select(0, 0, null);
    });
    this.canvas.addEventListener('blur', () => {
      // Focus moving into this heatmap's own cell editor keeps the cell (the editor gives it back).
      if (this.editor.open) this.tip.hide();
      else this.leave();
    });
  }

  set(spec: MatrixSpec): void {
    this.spec = spec;
    const rows = spec.values.length;
    const cols = rows ? spec.values[0].length : 0;
    // "W[1]  4 × 2 (hidden units × features)"; a bias's meaning is its W's rows, left out.
    setChildren(this.caption, [
      h('span', { class: 'matrix-name', text: spec.name }),
      ` ${rows} × ${cols}`,
      spec.meaning ? h('span', { class: 'matrix-meaning', text: ` (${spec.meaning})` }) : null,
    ]);
    if (this.cell && (this.cell.r >= rows || this.cell.c >= cols)) this.cell = null;
  }

  /** "W[1][h2, x1] = 0.25", "(edited)" when edited by hand; null past the matrix's edge. */
  textAt(r: number, c: number): string | null {
    const spec = this.spec;
    const v = spec?.values[r]?.[c];
    if (!spec || v === undefined) return null;
    const edited = spec.edited?.has(`${r},${c}`) ? ' (edited)' : '';
    return `${spec.name}[${spec.rowLabels[r] ?? r + 1}, ${spec.colLabels[c] ?? c + 1}] = ${fmtExact(v)}${edited}`;
  }

  /** Forgets the cursor (another run is shown); the next draw leaves no cell highlighted. */
  resetCursor(): void {
    this.cell = null;
  }

  captionWidth(): number {
    return Math.ceil(this.caption.getBoundingClientRect().width);
  }

  get cols(): number {
    return this.spec?.values[0]?.length ?? 0;
  }

  /** CSS width this matrix needs at a given cell width. */
  widthFor(layout: Layout, cellW: number, withRowLabels: boolean): number {
    return (withRowLabels ? layout.rowLabelW : 0) + this.cols * cellW + 2;
  }

  draw(theme: Theme, maxAbs: number, layout: Layout, cellW: number, withRowLabels: boolean): void {
    this.last = { theme, maxAbs, layout, cellW, withRowLabels };
    const spec = this.spec;
    if (!spec) return;
    const rows = spec.values.length;
    const cols = this.cols;
    const left = withRowLabels ? layout.rowLabelW : 0;
    const top = layout.band;
    const w = cols * cellW;
    const hgt = rows * layout.cellH;
    const cssW = Math.ceil(left + w + 2);
    const cssH = Math.ceil(top + hgt + 2);
    const c = this.canvas;
    const dpr = fitCanvas(c, cssW, cssH);
    this.geom = { left: left + 1, top: top + 1, cellW, cellH: layout.cellH, w, h: hgt };
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, cssW, cssH);

    // Cells: one pixel per cell in an offscreen image (sampled when there are more cells than
    // pixels), scaled up without smoothing.
    const sw = Math.max(1, Math.min(cols, Math.ceil(w * dpr)));
    const sh = Math.max(1, Math.min(rows, Math.ceil(hgt * dpr)));
    const img = new ImageData(sw, sh);
    for (let j = 0; j < sh; j++) {
      const row = spec.values[Math.floor((j * rows) / sh)];
      for (let i = 0; i < sw; i++) {
        const [r, g, b] = divergingColor(theme, row[Math.floor((i * cols) / sw)], maxAbs);
        const k = (j * sw + i) * 4;
        img.data[k] = r;
        img.data[k + 1] = g;
        img.data[k + 2] = b;
        img.data[k + 3] = 255;
      }
    }
    const off = document.createElement('canvas');
    off.width = sw;
    off.height = sh;
    off.getContext('2d')?.putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = false;
    const gx = this.geom.left;
    const gy = this.geom.top;
    ctx.drawImage(off, gx, gy, w, hgt);

    // Lines between the cells when they are big enough to tell apart (a cell near 0 is the
    // background's colour: its edges keep it, and the matrix's shape, in view), and a frame.
    ctx.strokeStyle = theme.cellBorder;
    ctx.lineWidth = 1;
    ctx.beginPath();
    if (cellW >= 6) {
      for (let i = 1; i < cols; i++) {
        const x = Math.round(gx + i * cellW) + 0.5;
        ctx.moveTo(x, gy);
        ctx.lineTo(x, gy + hgt);
      }
    }
    if (layout.cellH >= 6) {
      for (let j = 1; j < rows; j++) {
        const y = Math.round(gy + j * layout.cellH) + 0.5;
        ctx.moveTo(gx, y);
        ctx.lineTo(gx + w, y);
      }
    }
    ctx.stroke();
    ctx.strokeStyle = theme.description;
    ctx.strokeRect(gx - 0.5, gy - 0.5, w + 1, hgt + 1);

    // Labels (drawn as canvas text: nothing is parsed).
    const font = `${Math.max(10, theme.fontSize - 1)}px ${theme.fontFamily}`;
    ctx.font = font;
    ctx.fillStyle = theme.description;
    if (withRowLabels && layout.showRowLabels) {
      ctx.textAlign = 'right';
      ctx.textBaseline = 'middle';
      // Every row's label when rows are tall enough, else every k-th (hover names the rest).
      const step = Math.max(1, Math.ceil((theme.fontSize + 1) / layout.cellH));
      for (let j = 0; j < rows; j += step) ctx.fillText(clip(spec.rowLabels[j] ?? ''), gx - 6, gy + (j + 0.5) * layout.cellH, layout.rowLabelW - 8);
    }
    if (layout.band > 6) {
      const vertical = spec.colLabels.some((l) => measure(clip(l), font) > cellW - 4);
      const step = vertical ? Math.max(1, Math.ceil((theme.fontSize + 1) / cellW)) : 1;
      ctx.textBaseline = 'middle';
      for (let i = 0; i < cols; i += step) {
        const label = clip(spec.colLabels[i] ?? '');
        const x = gx + (i + 0.5) * cellW;
        if (vertical) {
          ctx.save();
          ctx.translate(x, gy - 5);
          ctx.rotate(-Math.PI / 2);
          ctx.textAlign = 'left';
          ctx.fillText(label, 0, 0, layout.band - 8);
          ctx.restore();
        } else {
          ctx.textAlign = 'center';
          ctx.fillText(label, x, gy - 4 - theme.fontSize / 2, cellW - 2);
        }
      }
    }

    // Edited cells: a dashed outline in the text colour.
    if (spec.edited?.size) {
      ctx.save();
      ctx.strokeStyle = theme.foreground;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([3, 2]);
      for (const rc of spec.edited) {
        const [r, cc] = rc.split(',').map(Number);
        if (r < rows && cc < cols) ctx.strokeRect(gx + cc * cellW + 1.5, gy + r * layout.cellH + 1.5, Math.max(1, cellW - 3), Math.max(1, layout.cellH - 3));
      }
      ctx.restore();
    }

    // The cell under the pointer or the keyboard cursor.
    if (this.cell) {
      ctx.strokeStyle = theme.focus;
      ctx.lineWidth = 2;
      const cx = gx + this.cell.c * cellW;
      const cy = gy + this.cell.r * layout.cellH;
      ctx.strokeRect(cx + 1, cy + 1, Math.max(1, cellW - 2), Math.max(1, layout.cellH - 2));
    }

    const { min, max } = rangeOf(spec.values);
    c.dataset.grid = `${gx},${gy},${cellW},${layout.cellH}`;
    c.setAttribute(
      'aria-label',
      `${spec.name}: ${rows} × ${cols} ${spec.meaning ? `matrix (${spec.meaning})` : 'column vector'}, values from ${fmt(min)} to ${fmt(max)}. ` +
        'Use the arrow keys to read single values' +
        (this.onEdit && spec.key ? ', Enter to edit one.' : '.') +
        (spec.edited?.size ? ` ${spec.edited.size} value${spec.edited.size === 1 ? '' : 's'} edited.` : ''),
    );
    c.classList.toggle('editable', !!this.onEdit && !!spec.key);
  }

  /** Opens the inline editor over cell (r, c), when this heatmap can be edited. */
  edit(r: number, c: number): void {
    const spec = this.spec;
    const onEdit = this.onEdit;
    const key = spec?.key;
    if (!spec || !onEdit || !key || r >= spec.values.length || c >= this.cols) return;
    this.select(r, c, null);
    this.tip.hide();
    const label = `${spec.name}[${spec.rowLabels[r] ?? r + 1}, ${spec.colLabels[c] ?? c + 1}]`;
    const top = this.canvas.offsetTop + this.geom.top + r * this.geom.cellH;
    const left = this.canvas.offsetLeft + this.geom.left + c * this.geom.cellW;
    this.editor.show(
      { left, top, width: this.geom.cellW, height: this.geom.cellH },
      label,
      spec.values[r][c],
      (value) => {
        this.readout(`${label} = ${fmtExact(value)} (edited)`, { of: this, r, c });
        onEdit({ key, r, c, value });
      },
      (refocus) => {
        if (refocus) this.canvas.focus();
        else this.leave();
      },
    );
  }

  private redraw(): void {
    const l = this.last;
    if (l) this.draw(l.theme, l.maxAbs, l.layout, l.cellW, l.withRowLabels);
  }

  private cellAt(e: MouseEvent): { r: number; c: number } | null {
    const rect = this.canvas.getBoundingClientRect();
    const x = e.clientX - rect.left - this.geom.left;
    const y = e.clientY - rect.top - this.geom.top;
    if (x < 0 || y < 0 || x >= this.geom.w || y >= this.geom.h) return null;
    const rows = this.spec?.values.length ?? 0;
    return {
      r: Math.min(rows - 1, Math.floor(y / this.geom.cellH)),
      c: Math.min(this.cols - 1, Math.floor(x / this.geom.cellW)),
    };
  }

  private hover(e: MouseEvent): void {
    const at = this.cellAt(e);
    if (!at) return this.leave();
    this.select(at.r, at.c, { x: e.clientX, y: e.clientY });
  }

  private select(r: number, c: number, pointer: { x: number; y: number } | null): void {
    const spec = this.spec;
    if (!spec) return;
    const changed = !this.cell || this.cell.r !== r || this.cell.c !== c;
    this.cell = { r, c };
    const text = this.textAt(r, c) ?? '';
    this.readout(text, { of: this, r, c });
    if (pointer) this.tip.show(text, pointer.x, pointer.y);
    else {
      const rect = this.canvas.getBoundingClientRect();
      this.tip.show(text, rect.left + this.geom.left + (c + 1) * this.geom.cellW, rect.top + this.geom.top + r * this.geom.cellH);
    }
    if (changed) this.redraw();
  }

  private leave(): void {
    this.tip.hide();
    if (this.cell) {
      this.cell = null;
      this.redraw();
    }
  }

  private key(e: KeyboardEvent): void {
    const spec = this.spec;
    if (!spec || !spec.values.length) return;
    const cur = this.cell ?? { r: 0, c: 0 };
    const rows = spec.values.length;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (e.key === 'Escape') return this.leave();
    if ((e.key === 'Enter' || e.key === 'F2') && this.onEdit && spec.key) {
      e.preventDefault();
      return this.edit(cur.r, cur.c);
    }
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    this.select(Math.max(0, Math.min(rows - 1, cur.r + m[0])), Math.max(0, Math.min(this.cols - 1, cur.c + m[1])), null);
  }
}

/** W[l] and b[l] of one layer, their shared scale and its legend. */
export class LayerHeatmaps {
  readonly element: HTMLElement;
  private readonly w: MatrixCanvas;
  private readonly b: MatrixCanvas;
  private readonly row: HTMLElement;
  private readonly legendBar: HTMLCanvasElement;
  private readonly legendMin: HTMLElement;
  private readonly legendMax: HTMLElement;
  private readonly legendRange: HTMLElement;
  private spec: LayerSpec | null = null;

  constructor(title: string, readout: Readout, tip: Tip) {
    this.w = new MatrixCanvas(readout, tip);
    this.b = new MatrixCanvas(readout, tip);
    this.row = h('div', { class: 'matrices' }, [this.w.figure, this.b.figure]);
    this.legendBar = h('canvas', { class: 'legend-bar', attrs: { 'aria-hidden': 'true', width: 160, height: 10 } });
    this.legendMin = h('span', { class: 'legend-end' });
    this.legendMax = h('span', { class: 'legend-end' });
    this.legendRange = h('span', { class: 'legend-range' });
    const legend = h('div', { class: 'legend' }, [
      this.legendMin,
      h('span', { class: 'legend-scale' }, [this.legendBar, h('span', { class: 'legend-zero', text: '0' })]),
      this.legendMax,
      this.legendRange,
    ]);
    this.element = h('section', { class: 'layer', attrs: { 'aria-label': title } }, [h('h3', { text: title }), this.row, legend]);
  }

  resetCursor(): void {
    this.w.resetCursor();
    this.b.resetCursor();
  }

  /** Lets cells be edited (null: read only). */
  setEditable(onEdit: ((e: CellEdit) => void) | null): void {
    this.w.onEdit = onEdit;
    this.b.onEdit = onEdit;
  }

  set(spec: LayerSpec): void {
    this.spec = spec;
    this.w.set(spec.w);
    this.b.set(spec.b);
  }

  draw(theme: Theme): void {
    const spec = this.spec;
    if (!spec) return;
    const width = Math.max(160, this.row.clientWidth || this.element.clientWidth || 600);
    const rows = spec.w.values.length;
    const font = `${Math.max(10, theme.fontSize - 1)}px ${theme.fontFamily}`;
    const cellH = Math.max(1, Math.min(MAX_CELL_H, Math.floor(MAX_PLOT_H / Math.max(1, rows)) || 1));
    const showRowLabels = true;
    const rowLabelW = Math.ceil(Math.min(130, Math.max(...spec.w.rowLabels.map((l) => measure(clip(l), font)), 10)) + 10);
    const bCellW = Math.max(16, Math.min(MAX_CELL_H, cellH));
    const layoutBase = { rowLabelW, cellH, showRowLabels };
    const cols = Math.max(1, this.w.cols);
    // b sits to the right of W when both fit: its figure is as wide as its caption.
    const bFigure = Math.max(bCellW + 2, this.b.captionWidth());
    const avail = width - rowLabelW - bFigure - GAP - 6;
    const raw = avail / cols;
    const cellW = Math.max(0.5, Math.min(MAX_CELL_W, raw >= 2 ? Math.floor(raw) : raw));
    // Column-label band: horizontal labels if they fit the cells, else vertical ones.
    let band = 6;
    if (cellW >= 3) {
      const widest = Math.max(...spec.w.colLabels.map((l) => measure(clip(l), font)), 0);
      band = widest > cellW - 4 ? Math.min(120, Math.ceil(widest) + 10) : theme.fontSize + 8;
    }
    const layout: Layout = { ...layoutBase, band };
    const { min: wMin, max: wMax } = rangeOf(spec.w.values);
    const { min: bMin, max: bMax } = rangeOf(spec.b.values);
    const min = Math.min(wMin, bMin);
    const max = Math.max(wMax, bMax);
    const maxAbs = Math.max(Math.abs(min), Math.abs(max));
    this.w.draw(theme, maxAbs, layout, cellW, true);
    this.b.draw(theme, maxAbs, layout, bCellW, false);
    this.drawLegend(theme, maxAbs);
    setText(this.legendMin, maxAbs ? fmt(-maxAbs, 3) : '0');
    setText(this.legendMax, maxAbs ? fmt(maxAbs, 3) : '0');
    setText(this.legendRange, `min ${fmt(min)} · max ${fmt(max)}`);
  }

  private drawLegend(theme: Theme, maxAbs: number): void {
    const c = this.legendBar;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(c.width, c.height);
    for (let i = 0; i < c.width; i++) {
      const v = ((i / (c.width - 1)) * 2 - 1) * (maxAbs || 1);
      const [r, g, b] = divergingColor(theme, v, maxAbs || 1);
      for (let j = 0; j < c.height; j++) {
        const k = (j * c.width + i) * 4;
        img.data[k] = r;
        img.data[k + 1] = g;
        img.data[k + 2] = b;
        img.data[k + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
    ctx.strokeStyle = theme.description;
    ctx.strokeRect(0.5, 0.5, c.width - 1, c.height - 1);
  }
}

const READOUT_HINT = 'Hover a cell (or focus a heatmap and use the arrow keys) to read its value; once a run has ended, click a cell (or press Enter) to try another value.';

/** The parameter section: layer 1 and layer 2, the read-out line and the shared tooltip. */
export class ParamsHeatmaps {
  readonly element: HTMLElement;
  readonly readout: HTMLElement;
  private readonly layer1: LayerHeatmaps;
  private readonly layer2: LayerHeatmaps;
  private readonly tip = new Tip();
  private readonly empty: HTMLElement;
  private readonly body: HTMLElement;
  private readonly redraw = new FrameTask(() => {
    this.layer1.draw(this.theme);
    this.layer2.draw(this.theme);
  });
  private theme: Theme;
  private hasSpec = false;
  private onEdit: ((e: CellEdit) => void) | null = null;
  /** The run and the matrices' shapes the read-out belongs to ("1:4x2,4x1,1x4,1x1"). */
  private shownKey = '';
  /** The cell the read-out reads. */
  private reading: { of: MatrixCanvas; r: number; c: number } | undefined;

  constructor(theme: Theme) {
    this.theme = theme;
    // Polite live region: each cell reached with the arrow keys is announced.
    this.readout = h('p', { class: 'readout', text: READOUT_HINT, attrs: { 'aria-live': 'polite', 'aria-atomic': 'true' } });
    const say: Readout = (t, at) => {
      setText(this.readout, t);
      this.reading = at;
    };
    this.layer1 = new LayerHeatmaps('Layer 1 (hidden)', say, this.tip);
    this.layer2 = new LayerHeatmaps('Layer 2 (output)', say, this.tip);
    this.empty = h('p', { class: 'placeholder', text: 'The weights W[1], b[1], W[2], b[2] appear here when training starts.' });
    this.body = h('div', { class: 'params-body hidden' }, [this.layer1.element, this.layer2.element, this.readout]);
    this.element = h('div', { class: 'params' }, [this.empty, this.body]);
    document.body.append(this.tip.el);
    new ResizeObserver(() => this.schedule()).observe(this.element);
  }

  /** Lets the cells be edited (click, or Enter on a focused cell); null: read only. */
  setEditable(onEdit: ((e: CellEdit) => void) | null): void {
    if (onEdit === this.onEdit) return;
    this.onEdit = onEdit;
    this.layer1.setEditable(onEdit);
    this.layer2.setEditable(onEdit);
    this.schedule();
  }

  /** `runId`: the run the layers are of; another run, or other shapes, clear the read-out. */
  set(layers: [LayerSpec, LayerSpec] | null, runId?: number): void {
    const shape = (m: MatrixSpec): string => `${m.values.length}x${m.values[0]?.length ?? 0}`;
    const key = layers ? `${runId ?? ''}:${layers.map((l) => `${shape(l.w)},${shape(l.b)}`).join(',')}` : '';
    if (key !== this.shownKey) {
      this.shownKey = key;
      this.reading = undefined;
      setText(this.readout, READOUT_HINT);
      this.tip.hide();
      this.layer1.resetCursor();
      this.layer2.resetCursor();
    }
    this.hasSpec = !!layers;
    this.empty.classList.toggle('hidden', !!layers);
    this.body.classList.toggle('hidden', !layers);
    if (layers) {
      this.layer1.set(layers[0]);
      this.layer2.set(layers[1]);
    }
    // Other values of the same shape (training, the timeline, an edit, Reset): the read-out reads them.
    if (this.reading) setText(this.readout, this.reading.of.textAt(this.reading.r, this.reading.c) ?? READOUT_HINT);
    this.schedule();
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.schedule();
  }

  private schedule(): void {
    if (this.hasSpec) this.redraw.schedule();
  }
}
