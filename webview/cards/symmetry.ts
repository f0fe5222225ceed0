/**
 * The symmetry problem, side by side: a run started from zeros next to the same run from the
 * lesson's small random start (randn · 0.01): the same CSV, target, hidden units, activation,
 * learning rate and iterations. Each side shows its hidden units' maps and W1 rows (UnitMaps) and
 * how far its rows of W1 are apart: 0 for zeros, whatever the training, the symmetry problem.
 * With only the zeros run, a button trains its small-start twin.
 */
import type { RunView, TrainSettings } from '../../src/shared/runTypes';
import { fmt, h, setText } from '../widgets/dom';
import type { Theme } from '../widgets/theme';
import { UnitMaps } from '../widgets/unitMaps';

/** The largest |W1[i][k] − W1[0][k]| over the rows: how far apart the hidden units are. */
export function rowSpread(W1: number[][] | undefined): number | undefined {
  if (!W1 || W1.length === 0) return undefined;
  const first = W1[0];
  let spread = 0;
  for (const row of W1) for (let k = 0; k < row.length; k++) spread = Math.max(spread, Math.abs(row[k] - (first[k] ?? 0)));
  return spread;
}

/** True when `b` is `a` started otherwise: the same data, network and schedule. */
export function twins(a: TrainSettings, b: TrainSettings, fileA: string, fileB: string): boolean {
  return (
    fileA === fileB &&
    a.target === b.target &&
    a.hiddenUnits === b.hiddenUnits &&
    a.activation === b.activation &&
    a.learningRate === b.learningRate &&
    a.iterations === b.iterations &&
    a.batchSize === b.batchSize &&
    a.leakyAlpha === b.leakyAlpha &&
    a.testFraction === b.testFraction &&
    a.normalization === b.normalization
  );
}

export interface SymmetryPair {
  zeros: RunView;
  /** The newest small-start twin; undefined when there is none yet. */
  small?: RunView;
}

const hasParams = (r: RunView): boolean => !!r.params;
/** The lesson's small start is randn · 0.01 (a larger scale is another lesson: saturation). */
const lessonScale = (r: RunView): boolean => r.settings.init !== 'small' || (r.settings.initScale ?? 0.01) === 0.01;

/**
 * The pair to show for the run shown: a zeros run with more than one hidden unit and its newest
 * small-start twin, or a small-start run and its newest zeros twin; otherwise undefined.
 */
export function symmetryPair(runs: readonly RunView[], current: RunView | undefined): SymmetryPair | undefined {
  if (!current || current.settings.hiddenUnits < 2) return undefined;
  const newestTwin = (of: RunView, init: TrainSettings['init']): RunView | undefined =>
    runs
      .filter((r) => r.id !== of.id && r.settings.init === init && lessonScale(r) && hasParams(r) && twins(of.settings, r.settings, of.fileName, r.fileName))
      .reduce<RunView | undefined>((best, r) => (!best || r.id > best.id ? r : best), undefined);
  if (current.settings.init === 'zeros') {
    const small = newestTwin(current, 'small');
    return small ? { zeros: current, small } : { zeros: current };
  }
  if (current.settings.init === 'small' && lessonScale(current) && hasParams(current)) {
    const zeros = newestTwin(current, 'zeros');
    return zeros ? { zeros, small: current } : undefined;
  }
  return undefined;
}

/** What one side says about its W1 rows. */
export function spreadText(run: RunView): string {
  const n = run.params?.W1.length ?? run.settings.hiddenUnits;
  const spread = rowSpread(run.params?.W1);
  if (spread === undefined) return `${n} hidden units: training…`;
  if (spread === 0) return `All ${n} rows of W1 are equal: every unit gets the same gradient, so the units stay alike.`;
  return `The ${n} rows of W1 differ by up to ${fmt(spread, 3)}: each unit learned its own feature.`;
}

function costText(run: RunView): string {
  const s = run.summary;
  if (!s) return `#${run.id} · iteration ${run.iteration}`;
  return `#${run.id} · cost ${fmt(s.cost, 4)} · train accuracy ${fmt(s.trainAccuracy * 100, 3)} %`;
}

class Side {
  readonly element: HTMLElement;
  readonly maps: UnitMaps;
  private readonly title: HTMLElement;
  private readonly meta: HTMLElement;
  private readonly spread: HTMLElement;

  constructor(theme: Theme, heading: string, cls: string) {
    this.maps = new UnitMaps(theme);
    this.title = h('h3', { text: heading });
    this.meta = h('p', { class: 'hint symmetry-meta' });
    this.spread = h('p', { class: 'symmetry-spread' });
    this.element = h('section', { class: `symmetry-side ${cls}`, attrs: { 'aria-label': heading } }, [this.title, this.meta, this.spread, this.maps.element]);
  }

  show(run: RunView | undefined): void {
    this.element.classList.toggle('hidden', !run);
    this.maps.show(run);
    setText(this.meta, run ? costText(run) : '');
    setText(this.spread, run ? spreadText(run) : '');
  }
}

export class SymmetryCompare {
  readonly element: HTMLElement;
  private readonly zeros: Side;
  private readonly small: Side;
  private readonly offer: HTMLElement;
  private readonly button: HTMLElement & { disabled: boolean };
  private pair: SymmetryPair | undefined;

  constructor(
    theme: Theme,
    /** Train `settings` on the CSV of run `runId`. */
    private readonly onTrain: (settings: TrainSettings, runId: number) => void,
  ) {
    this.zeros = new Side(theme, 'Zero initialisation', 'symmetry-zeros');
    this.small = new Side(theme, 'Small random start (randn · 0.01)', 'symmetry-small');
    const button = document.createElement('vscode-button');
    button.id = 'train-small-twin';
    button.textContent = 'Train from the small random start beside it';
    button.setAttribute('aria-describedby', 'symmetry-offer-text');
    button.addEventListener('click', () => {
      const z = this.pair?.zeros;
      if (z && !this.button.disabled) this.onTrain({ ...z.settings, init: 'small', initScale: 0.01 }, z.id);
    });
    this.button = button;
    this.offer = h('div', { class: 'symmetry-offer' }, [
      h('p', {
        class: 'hint',
        text: 'The same network from the lesson’s small random start breaks the symmetry: train it to see the two side by side.',
        attrs: { id: 'symmetry-offer-text' },
      }),
      button,
    ]);
    this.element = h('div', { class: 'symmetry' }, [h('div', { class: 'symmetry-sides' }, [this.zeros.element, this.small.element]), this.offer]);
  }

  /** Whether there is a pair to show for the run shown. */
  get visible(): boolean {
    return !!this.pair;
  }

  show(pair: SymmetryPair | undefined, training: boolean): void {
    this.pair = pair;
    this.zeros.show(pair?.zeros);
    this.small.show(pair?.small);
    this.offer.classList.toggle('hidden', !pair || !!pair.small);
    this.button.disabled = training;
  }

  setTheme(theme: Theme): void {
    this.zeros.maps.setTheme(theme);
    this.small.maps.setTheme(theme);
  }
}
