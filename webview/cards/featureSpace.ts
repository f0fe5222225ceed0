/**
 * The hidden feature space (ConvNetJS's view): the decision boundary's plane and the training
 * examples mapped through the hidden layer, A1 = g(W1·x + b1), drawn with two hidden units on
 * the axes. The plane's straight grid lines bend; the classes, tangled in the input, move apart
 * until the output layer can cut them with a line. Previous / Next (or the arrow keys on the
 * plot) cycle through the pairs of units. The worker computes the points (src/core/boundaryView.ts);
 * this only draws them. Names are DOM text; the canvas draws numbers only.
 */
import { base64ToBytes } from '../../src/shared/base64Bytes';
import type { BoundaryView, DatasetSummary, HiddenSpaceView, ParamsSnapshot, RunView } from '../../src/shared/runTypes';
import { atIteration, classColours, niceTicks } from '../widgets/plot';
import { fitCanvas, FrameTask, squarePlot } from '../widgets/canvas';
import { fmt, h, setChildren, setText } from '../widgets/dom';
import { rgbaString, type Theme } from '../widgets/theme';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import './featureSpace.css';

const MARGIN = { left: 44, right: 10, top: 10, bottom: 22 };
const MAX_SIZE = 340;

/** Every pair (i, j), i < j, of n units, in reading order: (1, 2), (1, 3) … (n − 1, n). */
export function unitPairs(n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push([i, j]);
  return out;
}

/** A unit's values back from bytes: A1 = min + q/255 · (max − min). */
function decode(u: HiddenSpaceView['units'][number], text: string): Float64Array {
  const q = base64ToBytes(text);
  const out = new Float64Array(q.length);
  const span = u.max - u.min;
  for (let k = 0; k < q.length; k++) out[k] = u.min + (q[k] / 255) * span;
  return out;
}

const isZero = (m: readonly (readonly number[])[] | undefined): boolean => !!m && m.every((row) => row.every((v) => v === 0));

/**
 * When the pair shown does not spread the examples out (a unit's A[1] is one value for every
 * input, its range empty), why, in words; undefined when both units vary. `params` and `init`
 * say whether the rows of W[1] are zero and whether zero initialisation keeps them so.
 */
export function collapseText(s: HiddenSpaceView, pair: [number, number], params: ParamsSnapshot | undefined, init: string | undefined): string | undefined {
  const flat = pair.filter((k) => !!s.units[k] && !(s.units[k].max > s.units[k].min));
  if (!flat.length) return undefined;
  const zeroRow = (k: number): boolean => !!params?.W1[k] && params.W1[k].every((v) => v === 0);
  const value = (k: number): string => `${zeroRow(k) ? '=' : '≈'} ${fmt(s.units[k].min, 3)}`;
  const [i, j] = pair;
  const parts: string[] = [];
  if (flat.length === 2) {
    parts.push(s.units[i].min === s.units[j].min
      ? `Every example maps to the same point: hidden units ${i + 1} and ${j + 1} are constant, A[1] ${value(i)} for every input.`
      : `Every example maps to the same point: hidden units ${i + 1} and ${j + 1} are constant, A[1] ${value(i)} and ${value(j)} for every input.`);
  } else {
    const k = flat[0];
    parts.push(`Hidden unit ${k + 1} is constant, A[1] ${value(k)} for every input, so every example lies on one ${k === i ? 'vertical' : 'horizontal'} line.`);
  }
  if (flat.every(zeroRow)) {
    parts.push(`${flat.length === 2 ? 'Their rows' : 'Its row'} of W[1] ${flat.length === 2 ? 'are' : 'is'} zero, so A[1] = g(b[1]) whatever the input.`);
    const allZeroA1 = s.units.every((u) => u.min === 0 && u.max === 0);
    if (init === 'zeros' && isZero(params?.W1) && isZero(params?.W2) && allZeroA1) {
      parts.push('Zero initialisation keeps them so: with A[1] = 0 the gradient of W[2] is 0, and with W[2] = 0 no gradient reaches W[1] or b[1], so the hidden layer never moves. Use the small random start.');
    } else if (init === 'zeros' && isZero(params?.W1)) {
      parts.push('Zero initialisation starts every unit here.');
    }
  }
  return parts.join(' ');
}

interface Decoded {
  lattice: Float64Array[];
  points: Float64Array[];
}

type Button = HTMLElementTagNameMap['vscode-button'];

export class FeatureSpace {
  readonly element: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  private readonly nav: HTMLElement;
  private readonly prev: Button;
  private readonly next: Button;
  private readonly pairLabel: HTMLElement;
  private readonly plot: HTMLElement;
  private readonly xLabel: HTMLElement;
  private readonly yLabel: HTMLElement;
  private readonly legend: HTMLElement;
  private readonly oneUnit: HTMLElement;
  private readonly collapsed: HTMLElement;
  private readonly note: HTMLElement;
  private boundary: BoundaryView | undefined;
  private params: ParamsSnapshot | undefined;
  private init: string | undefined;
  private dataset: DatasetSummary | undefined;
  private decoded: Decoded | undefined;
  /** The pair shown, as unit indices: kept while the run's updates arrive. */
  private pair: [number, number] = [0, 1];
  private readonly redraw = new FrameTask(() => this.draw());

  constructor(private theme: Theme) {
    this.prev = this.button('Previous', 'Previous pair of hidden units', -1);
    this.next = this.button('Next', 'Next pair of hidden units', 1);
    this.pairLabel = h('span', { class: 'fs-pair', attrs: { 'aria-live': 'polite', id: 'fs-pair' } });
    this.nav = h('div', { class: 'fs-nav', attrs: { role: 'group', 'aria-label': 'Pair of hidden units on the axes' } }, [this.prev, this.pairLabel, this.next]);
    this.canvas = h('canvas', {
      class: 'fs-canvas',
      attrs: { role: 'img', tabindex: 0, 'aria-label': 'Hidden feature space: no data yet', 'aria-describedby': 'fs-pair' },
    });
    this.xLabel = h('div', { class: 'fs-axis fs-x-label' });
    this.yLabel = h('div', { class: 'fs-axis fs-y-label' });
    this.plot = h('div', { class: 'fs-plot' }, [this.yLabel, h('div', { class: 'fs-canvas-box' }, [this.canvas, this.xLabel])]);
    this.legend = h('div', { class: 'fs-legend', attrs: { 'aria-label': 'Legend' } });
    this.oneUnit = h('p', { class: 'fs-one-unit hidden', attrs: { role: 'note' } });
    this.collapsed = h('p', { class: 'fs-collapsed hidden', attrs: { role: 'note' } });
    this.note = h('p', { class: 'hint fs-note' });
    this.element = h('div', { class: 'feature-space' }, [this.nav, this.collapsed, this.plot, this.legend, this.oneUnit, this.note]);
    this.element.addEventListener('keydown', (e) => this.key(e));
    new ResizeObserver(() => this.schedule()).observe(this.element);
  }

  private button(text: string, label: string, step: number): Button {
    const b = document.createElement('vscode-button');
    b.textContent = text;
    b.secondary = true;
    b.setAttribute('aria-label', label);
    b.classList.add(step < 0 ? 'fs-prev' : 'fs-next');
    b.addEventListener('click', () => this.step(step));
    return b;
  }

  /** The canvas title for the PNG export. */
  title(): string {
    return `Hidden feature space: A[1] of units ${this.pair[0] + 1} and ${this.pair[1] + 1}`;
  }

  show(run: RunView | undefined): void {
    const b = run?.boundary;
    const d = run?.dataset;
    if (b === this.boundary && d === this.dataset) return;
    const classesChanged = d?.classes.join('\u0000') !== this.dataset?.classes.join('\u0000');
    this.boundary = b;
    this.dataset = d;
    this.params = run?.params;
    this.init = run?.settings.init;
    const s = b?.hiddenSpace;
    this.decoded = s ? { lattice: s.units.map((u) => decode(u, u.lattice)), points: s.units.map((u) => decode(u, u.points)) } : undefined;
    const n = s?.units.length ?? 0;
    if (this.pair[1] >= n) this.pair = [0, 1];
    if (classesChanged) this.drawLegend();
    this.update();
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.drawLegend();
    this.schedule();
  }

  /** Move `by` pairs along the list of pairs, wrapping around. */
  step(by: number): void {
    const pairs = unitPairs(this.boundary?.hiddenSpace?.units.length ?? 0);
    if (pairs.length < 2) return;
    const at = pairs.findIndex(([i, j]) => i === this.pair[0] && j === this.pair[1]);
    this.pair = pairs[(((at < 0 ? 0 : at) + by) % pairs.length + pairs.length) % pairs.length];
    this.update();
  }

  private key(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const pairs = unitPairs(this.boundary?.hiddenSpace?.units.length ?? 0);
    if (pairs.length < 2) return;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown' || e.key === 'PageDown') this.step(1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp' || e.key === 'PageUp') this.step(-1);
    else if (e.key === 'Home') this.step(-pairs.findIndex(([i, j]) => i === this.pair[0] && j === this.pair[1]));
    else if (e.key === 'End') this.step(pairs.length - 1 - pairs.findIndex(([i, j]) => i === this.pair[0] && j === this.pair[1]));
    else return;
    e.preventDefault();
  }

  /** Text (label, axes, notes), then a redraw of the canvas. */
  private update(): void {
    const s = this.boundary?.hiddenSpace;
    const n = s?.units.length ?? 0;
    const one = !!s && n < 2;
    this.oneUnit.classList.toggle('hidden', !one);
    this.nav.classList.toggle('hidden', one);
    this.plot.classList.toggle('hidden', one);
    this.legend.classList.toggle('hidden', one);
    setText(
      this.oneUnit,
      one
        ? 'One hidden unit: the hidden layer maps every example to a single number A[1] (a 1-D space, a line), so there is no pair of units to draw. Train with two hidden units or more to see the layer pull the classes apart.'
        : '',
    );
    const [i, j] = this.pair;
    const pairs = unitPairs(n);
    const at = pairs.findIndex(([a, b]) => a === i && b === j);
    setText(this.pairLabel, s && !one ? `units ${i + 1} and ${j + 1} of ${s.total}` : 'units —');
    this.pairLabel.title = pairs.length ? `Pair ${at + 1} of ${pairs.length}` : '';
    for (const b of [this.prev, this.next]) b.disabled = pairs.length < 2;
    setText(this.xLabel, s && !one ? `A[1] of unit ${i + 1}` : 'A[1] of a unit');
    setText(this.yLabel, s && !one ? `A[1] of unit ${j + 1}` : 'A[1] of a unit');
    const names = this.boundary?.plane.names ?? ['x1', 'x2'];
    const collapse = s && !one ? collapseText(s, this.pair, this.params, this.init) : undefined;
    this.collapsed.classList.toggle('hidden', collapse === undefined);
    setText(this.collapsed, collapse ?? '');
    const parts: string[] = [];
    if (s && !one) {
      // Lines squashed onto a point or a line are not "bent": the note above says what happened.
      if (collapse === undefined) parts.push(`Grid lines: ${s.lines} lines of ${names[0]} and ${s.lines} of ${names[1]} over the decision boundary's plane, straight there, bent by the hidden layer.`);
      else parts.push(`Grid lines: ${s.lines} lines of ${names[0]} and ${s.lines} of ${names[1]} over the decision boundary's plane.`);
      if ((this.dataset?.nx ?? 2) > 2) parts.push('The lattice holds the other features at their training means; the examples keep their own values.');
      parts.push(`Points: ${s.cls.length === s.examples ? `the ${s.examples}` : `${s.cls.length} of the ${s.examples}`} training examples.`);
      if (s.total > n) parts.push(`Pairs of the first ${n} of ${s.total} hidden units.`);
    }
    setText(this.note, parts.join(' '));
    this.schedule();
  }

  private classes(): string[] {
    return this.dataset?.classes.length ? this.dataset.classes : ['0', '1'];
  }

  private drawLegend(): void {
    const classes = this.classes();
    const colours = classColours(this.theme, classes.length);
    setChildren(
      this.legend,
      classes.map((name, i) => {
        const sw = h('span', { class: 'fs-swatch', attrs: { 'aria-hidden': 'true' } });
        sw.style.backgroundColor = rgbaString(colours[i]);
        return h('span', { class: 'fs-legend-item' }, [sw, h('span', { class: 'fs-class', text: name })]);
      }),
    );
  }

  private schedule(): void {
    this.redraw.schedule();
  }

  private draw(): void {
    const s = this.boundary?.hiddenSpace;
    const d = this.decoded;
    const theme = this.theme;
    const c = this.canvas;
    if (s && s.units.length < 2) return;
    const box = c.parentElement;
    const { size, cssW, cssH } = squarePlot(box, MAX_SIZE, MARGIN);
    const dpr = fitCanvas(c, cssW, cssH);
    this.xLabel.style.width = `${cssW}px`;
    this.xLabel.style.paddingLeft = `${MARGIN.left}px`;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, cssW, cssH);
    const x0 = MARGIN.left;
    const y0 = MARGIN.top;
    ctx.fillStyle = rgbaString(theme.zero);
    ctx.fillRect(x0, y0, size, size);

    if (s && d) {
      const [i, j] = this.pair;
      const range = (u: HiddenSpaceView['units'][number]): [number, number] => {
        const span = u.max - u.min;
        const pad = span > 0 ? span * 0.05 : 0.5;
        return [u.min - pad, u.max + pad];
      };
      const rx = range(s.units[i]);
      const ry = range(s.units[j]);
      const px = (v: number): number => x0 + ((v - rx[0]) / (rx[1] - rx[0])) * size;
      const py = (v: number): number => y0 + size - ((v - ry[0]) / (ry[1] - ry[0])) * size;
      ctx.save();
      ctx.beginPath();
      ctx.rect(x0, y0, size, size);
      ctx.clip();
      // The lattice: each grid line a polyline through its mapped points.
      const lx = d.lattice[i];
      const ly = d.lattice[j];
      ctx.strokeStyle = theme.description;
      ctx.globalAlpha = theme.kind === 'high-contrast' ? 0.8 : 0.45;
      ctx.lineWidth = 1;
      ctx.beginPath();
      for (let l = 0; l < 2 * s.lines; l++) {
        for (let t = 0; t < s.samples; t++) {
          const k = l * s.samples + t;
          if (t === 0) ctx.moveTo(px(lx[k]), py(ly[k]));
          else ctx.lineTo(px(lx[k]), py(ly[k]));
        }
      }
      ctx.stroke();
      ctx.globalAlpha = 1;
      // The examples, coloured by class.
      const colours = classColours(theme, this.classes().length);
      const ex = d.points[i];
      const ey = d.points[j];
      const radius = size < 240 ? 2.5 : 3;
      ctx.lineWidth = 1;
      ctx.strokeStyle = rgbaString(theme.zero);
      for (let k = 0; k < s.cls.length; k++) {
        ctx.fillStyle = rgbaString(colours[s.cls[k]] ?? theme.positive);
        ctx.beginPath();
        ctx.arc(px(ex[k]), py(ey[k]), radius, 0, Math.PI * 2);
        ctx.fill();
        ctx.stroke();
      }
      ctx.restore();
      // Ticks and their values (numbers only).
      ctx.strokeStyle = theme.description;
      ctx.fillStyle = theme.description;
      ctx.font = `${Math.max(10, theme.fontSize - 2)}px ${theme.fontFamily}`;
      ctx.beginPath();
      ctx.textAlign = 'center';
      ctx.textBaseline = 'top';
      for (const v of niceTicks(rx[0], rx[1], size < 240 ? 3 : 5)) {
        const x = Math.round(px(v)) + 0.5;
        ctx.moveTo(x, y0 + size);
        ctx.lineTo(x, y0 + size + 4);
        ctx.fillText(fmt(v, 3), x, y0 + size + 6);
      }
      ctx.textAlign = 'right';
      ctx.textBaseline = 'middle';
      for (const v of niceTicks(ry[0], ry[1], size < 240 ? 3 : 5)) {
        const y = Math.round(py(v)) + 0.5;
        ctx.moveTo(x0 - 4, y);
        ctx.lineTo(x0, y);
        ctx.fillText(fmt(v, 3), x0 - 6, y, MARGIN.left - 8);
      }
      ctx.stroke();
    }
    ctx.strokeStyle = theme.description;
    ctx.lineWidth = 1;
    ctx.strokeRect(x0 - 0.5, y0 - 0.5, size + 1, size + 1);
    c.setAttribute('aria-label', this.describe());
    c.dataset.pair = s ? `${this.pair[0] + 1},${this.pair[1] + 1}` : '';
    c.dataset.iteration = this.boundary ? String(this.boundary.iteration) : '';
  }

  private describe(): string {
    const b = this.boundary;
    const s = b?.hiddenSpace;
    if (!b || !s) return 'Hidden feature space: waiting for the first snapshot of the network.';
    const [i, j] = this.pair;
    const [ui, uj] = [s.units[i], s.units[j]];
    const [n0, n1] = b.plane.names;
    const collapse = collapseText(s, this.pair, this.params, this.init);
    return `Hidden feature space ${atIteration(b)}: ${s.cls.length} training examples and ${s.lines} by ${s.lines} grid lines of ${n0} and ${n1}, mapped through A[1] of hidden unit ${i + 1} (across, ${fmt(ui.min, 3)} to ${fmt(ui.max, 3)}) and unit ${j + 1} (up, ${fmt(uj.min, 3)} to ${fmt(uj.max, 3)}).${collapse ? ` ${collapse}` : ''} Use the arrow keys for the other pairs of units.`;
  }
}
