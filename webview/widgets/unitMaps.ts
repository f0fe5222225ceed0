/**
 * The hidden units, one small map each (TensorFlow Playground's neuron view): a unit's
 * activation A1 = g(W1·x + b1) over the decision boundary's plane, on a diverging scale
 * centred on 0 (tanh, ReLU, leaky ReLU: one scale for all units, so equal units look equal;
 * sigmoid: [0, 1] centred on ½), beside its row of W1 and its b1 as numbers. At most 16 maps.
 * When every row of W1 is the same (zero initialisation), a notice says why: the symmetry problem.
 */
import type { BoundaryView, DatasetSummary, ParamsSnapshot, RunView } from '../../src/shared/runTypes';
import { drawCells, fitCanvas, FrameTask } from './canvas';
import { fmt, h, setChildren, setText } from './dom';
import { divergingColor, type Theme } from './theme';

/** True when the network has two hidden units or more and all rows of W1 are equal. */
export function identicalRows(W1: number[][] | undefined): boolean {
  if (!W1 || W1.length < 2) return false;
  const first = W1[0];
  let scale = 0;
  for (const row of W1) for (const v of row) scale = Math.max(scale, Math.abs(v));
  const tol = 1e-9 * Math.max(1, scale);
  return W1.every((row) => row.length === first.length && row.every((v, i) => Math.abs(v - first[i]) <= tol));
}

export function symmetryText(n: number): string {
  return `All ${n} hidden units are identical: with zero initialisation every unit gets the same gradient, so they stay the same (the symmetry problem). Use the small random start.`;
}

/**
 * "A1 = 0 everywhere" when a unit's map is one value over the plane (its range is empty); "="
 * when its row of W1 is all zero (A1 = g(b1) whatever the input), "≈" when the map's range
 * rounds to nothing. Undefined when A1 varies.
 */
export function constantText(m: { min: number; max: number }, w1Row: readonly number[]): string | undefined {
  if (!(m.max <= m.min)) return undefined;
  const exact = w1Row.length > 0 && w1Row.every((v) => v === 0);
  return `A1 ${exact ? '=' : '≈'} ${fmt(m.min, 3)} everywhere`;
}

const MAP_SIZE = 84;

export class UnitMaps {
  readonly element: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly grid: HTMLElement;
  private readonly note: HTMLElement;
  private readonly scaleText: HTMLElement;
  private boundary: BoundaryView | undefined;
  private params: ParamsSnapshot | undefined;
  private shownRun: RunView | undefined;
  private shownKey = '';
  private readonly redraw = new FrameTask(() => this.render(this.shownRun?.dataset));

  constructor(private theme: Theme) {
    this.notice = h('p', { class: 'symmetry-notice hidden', attrs: { role: 'note' } });
    this.grid = h('div', { class: 'unit-grid', attrs: { role: 'list', 'aria-label': 'Hidden units' } });
    this.note = h('p', { class: 'hint unit-note' });
    this.scaleText = h('p', { class: 'hint unit-scale' });
    this.element = h('div', { class: 'units' }, [this.notice, this.scaleText, this.grid, this.note]);
  }

  show(run: RunView | undefined): void {
    const b = run?.boundary;
    const p = run?.params;
    // Live appends bring a new view object each time: redraw only when what is drawn changed.
    const key = `${run?.id}|${run?.settings.init}|${run?.settings.activation}|${run?.dataset?.featureNames.join('\u0000')}`;
    if (b === this.boundary && p === this.params && key === this.shownKey) return;
    this.boundary = b;
    this.params = p;
    this.shownRun = run;
    this.shownKey = key;
    const nh = p?.W1.length ?? b?.units.total ?? 0;
    const symmetric = nh > 1 && (identicalRows(p?.W1) || (run?.settings.init === 'zeros' && !p));
    this.notice.classList.toggle('hidden', !symmetric);
    setText(this.notice, symmetric ? symmetryText(nh) : '');
    this.element.classList.toggle('is-symmetric', symmetric);
    this.schedule();
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.schedule();
  }

  private schedule(): void {
    this.redraw.schedule();
  }

  /** How the scale is read: a sigmoid's A1 around ½ in [0, 1], others around 0, shared by all units. */
  private scaleOf(b: BoundaryView): { centre: number; maxAbs: number; text: string } {
    const act = this.shownRun?.settings.activation;
    if (act === 'sigmoid') return { centre: 0.5, maxAbs: 0.5, text: 'Colour: A1 from 0 to 1 (½ is the background).' };
    if (act === 'tanh') return { centre: 0, maxAbs: 1, text: 'Colour: A1 from −1 to 1 (0 is the background).' };
    let maxAbs = 0;
    for (const m of b.units.maps) maxAbs = Math.max(maxAbs, Math.abs(m.min), Math.abs(m.max));
    return { centre: 0, maxAbs, text: `Colour: A1 from −${fmt(maxAbs, 3)} to ${fmt(maxAbs, 3)}, the same scale for every unit (0 is the background).` };
  }

  private render(d: DatasetSummary | undefined): void {
    const b = this.boundary;
    const p = this.params;
    if (!b) {
      setChildren(this.grid, []);
      setText(this.note, '');
      setText(this.scaleText, '');
      return;
    }
    const maps = b.units.maps;
    const scale = this.scaleOf(b);
    setText(this.scaleText, scale.text);
    const features = b.plane.names;
    const nx = p?.W1[0]?.length ?? 0;
    // Reuse the figures when the count is unchanged (live updates redraw in place).
    if (this.grid.children.length !== maps.length) {
      setChildren(this.grid, maps.map((_, i) => this.figure(i)));
    }
    maps.forEach((m, i) => {
      const fig = this.grid.children[i] as HTMLElement;
      const canvas = fig.querySelector('canvas');
      const weights = fig.querySelector('.unit-weights');
      const flat = fig.querySelector('.unit-constant');
      if (canvas) this.paint(canvas, m, b.units.res, scale);
      const row = p?.W1[i] ?? [];
      // A unit whose A1 is one value over the whole plane paints a plain square: say so in words.
      const constant = constantText(m, row);
      if (flat) {
        setText(flat, constant ?? '');
        flat.classList.toggle('hidden', constant === undefined);
      }
      const name = (f: number): string => d?.featureNames[f] ?? `x${f + 1}`;
      const parts = row.map((v, f) => `${name(f)} ${fmt(v, 3)}`);
      const bias = p?.b1[i]?.[0];
      if (weights) {
        // Name (whole, wrapping when it must; also in its title) and value, one weight a line.
        const pair = (n: string, v: string, cls = ''): Node[] => [
          h('span', { class: `unit-weight-name${cls}`, text: n, attrs: { title: n } }),
          h('span', { class: `unit-weight-value${cls}`, text: v }),
        ];
        setChildren(weights, [
          ...row.slice(0, 4).flatMap((v, f) => pair(name(f), fmt(v, 3))),
          ...(nx > 4 ? [h('span', { class: 'unit-weight-more', text: `… ${nx - 4} more` })] : []),
          ...(bias === undefined ? [] : pair('b', fmt(bias, 3), ' unit-bias')),
        ]);
      }
      fig.setAttribute(
        'aria-label',
        `Hidden unit h${i + 1}: ${constant ? `${constant} over ${features[0]} and ${features[1]}` : `A1 over ${features[0]} and ${features[1]} from ${fmt(m.min, 3)} to ${fmt(m.max, 3)}`}; W1 row ${parts.join(', ')}${bias === undefined ? '' : `; b1 ${fmt(bias, 3)}`}`,
      );
    });
    const total = b.units.total;
    setText(this.note, total > maps.length ? `Showing the first ${maps.length} of ${total} hidden units.` : '');
  }

  private figure(i: number): HTMLElement {
    const canvas = h('canvas', { class: 'unit-map', attrs: { 'aria-hidden': 'true', width: MAP_SIZE, height: MAP_SIZE } });
    return h('figure', { class: 'unit', attrs: { role: 'listitem' } }, [
      canvas,
      h('span', { class: 'unit-constant hidden' }),
      h('figcaption', {}, [h('span', { class: 'unit-name', text: `h${i + 1}` }), h('span', { class: 'unit-weights' })]),
    ]);
  }

  private paint(canvas: HTMLCanvasElement, m: BoundaryView['units']['maps'][number], res: number, scale: { centre: number; maxAbs: number }): void {
    const px = Math.round(MAP_SIZE * fitCanvas(canvas, MAP_SIZE, MAP_SIZE));
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const span = m.max - m.min;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    drawCells(ctx, res, (k) => divergingColor(this.theme, m.min + ((m.q[k] ?? 0) / 255) * span - scale.centre, scale.maxAbs), 0, 0, px, px);
    ctx.strokeStyle = this.theme.description;
    ctx.lineWidth = 1;
    ctx.strokeRect(0.5, 0.5, px - 1, px - 1);
  }
}
