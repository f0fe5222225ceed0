/**
 * For a run with a linear hidden layer: the network has collapsed to logistic regression,
 * Z[2] = W[2](W[1]X + b[1]) + b[2] = W′X + b′, and this shows that single layer,
 * W′ = W[2]W[1] and b′ = W[2]b[1] + b[2], as a heatmap on the same scale as the others.
 */
import { collapseLinearRows } from '../../src/engine/linear';
import type { RunView } from '../../src/shared/runTypes';
import { FrameTask } from '../widgets/canvas';
import { h, setText } from '../widgets/dom';
import { LayerHeatmaps, Tip } from '../widgets/heatmap';
import { layersFor } from '../widgets/heatmapLayers';
import type { Theme } from '../widgets/theme';

export class CollapsedLayer {
  readonly element: HTMLElement;
  /** Made on first use, so panels without a linear run hold no extra heatmaps. */
  private layer: LayerHeatmaps | undefined;
  private readonly readout: HTMLElement;
  private readonly note: HTMLElement;
  private readonly tip = new Tip();
  private theme: Theme;
  private shown: unknown;
  private visible = false;
  private readonly redraw = new FrameTask(() => this.layer?.draw(this.theme));

  constructor(theme: Theme) {
    this.theme = theme;
    this.readout = h('p', { class: 'readout', text: 'Hover a cell (or focus the heatmap and use the arrow keys) to read its value.' });
    this.note = h('p', { class: 'collapsed-note' });
    this.element = h('div', { class: 'collapsed' }, [
      this.note,
      h('p', { class: 'collapsed-formula', text: 'W′ = W[2]W[1],   b′ = W[2]b[1] + b[2]' }),
      this.readout,
    ]);
    new ResizeObserver(() => this.schedule()).observe(this.element);
  }

  /** Whether the run needs this view (a linear hidden layer with parameters). */
  static applies(run: RunView | undefined): boolean {
    return !!run && run.settings.activation === 'linear' && !!run.params;
  }

  show(run: RunView | undefined): void {
    this.visible = CollapsedLayer.applies(run);
    if (!run || !run.params || !this.visible || run.params === this.shown) return;
    this.shown = run.params;
    const { W, b } = collapseLinearRows(run.params);
    const [layer1, layer2] = layersFor(run.params, run.dataset);
    const nh = run.params.W1.length;
    setText(
      this.note,
      `With a linear g, the ${nh} hidden unit${nh === 1 ? '' : 's'} add nothing: Z[2] = W[2](W[1]X + b[1]) + b[2] = W′X + b′, ` +
        'so this network is logistic regression in disguise. Its predictions equal those of this single layer.',
    );
    if (!this.layer) {
      this.layer = new LayerHeatmaps('Single layer W′, b′', (t) => setText(this.readout, t), this.tip);
      this.readout.before(this.layer.element);
      document.body.append(this.tip.el);
    }
    this.layer.set({
      w: { name: 'W′', values: W, rowLabels: layer2.w.rowLabels, colLabels: layer1.w.colLabels, meaning: layer2.w.meaning.replace('hidden units', 'features') },
      b: { name: 'b′', values: b, rowLabels: layer2.b.rowLabels, colLabels: ['b'], meaning: '' },
    });
    this.schedule();
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.schedule();
  }

  private schedule(): void {
    if (this.visible) this.redraw.schedule();
  }
}
