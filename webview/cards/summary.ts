/** The run's summary: data set, architecture, training settings and results, as a definition list. */
import { ACTIVATIONS } from '../../src/engine/activations';
import type { RunView } from '../../src/shared/runTypes';
import { fmt, h, integer, pct, seconds, setChildren } from '../widgets/dom';
import { lastAccuracy, lastCost, runName } from '../widgets/runFacts';

const MAX_NAMES = 12;

function names(list: string[]): string {
  const shown = list.slice(0, MAX_NAMES).join(', ');
  return list.length > MAX_NAMES ? `${shown}, … (${list.length - MAX_NAMES} more)` : shown;
}




export class Summary {
  readonly element: HTMLElement;
  private readonly list: HTMLDListElement;
  private readonly empty: HTMLElement;

  constructor() {
    this.list = h('dl', { class: 'summary-list hidden' });
    this.empty = h('p', { class: 'placeholder', text: 'No run yet.' });
    this.element = h('div', { class: 'summary' }, [this.empty, this.list]);
  }

  /** `showing`: what of the run is shown when not its trained latest parameters (timeline, edits). */
  show(run: RunView | undefined, showing?: string): void {
    this.empty.classList.toggle('hidden', !!run);
    this.list.classList.toggle('hidden', !run);
    if (!run) return setChildren(this.list, []);
    const d = run.dataset;
    const s = run.settings;
    const rows: [string, string][] = [];
    rows.push(['Run', runName(run)]);
    if (showing) rows.push(['Showing', showing]);
    rows.push(['Data set', d?.fileName ?? run.fileName]);
    // A model opened with "Open Model…" carries no rows or split (its file records neither).
    const fromModel = !!d && d.rowsRead === 0 && d.trainCount === 0;
    if (fromModel) rows.push(['Source', 'a saved model (its rows and split are not recorded)']);
    if (d) {
      const dropped = d.rowsDropped
        ? `, ${integer(d.rowsDropped)} dropped (missing values${d.droppedExamples.length ? `: row ${d.droppedExamples.slice(0, 5).join(', ')}${d.rowsDropped > 5 ? ', …' : ''}` : ''})`
        : ', none dropped';
      if (!fromModel) {
        rows.push(['Rows', `${integer(d.rowsUsed)} of ${integer(d.rowsRead)} used${dropped}`]);
        rows.push(['Split', d.testCount ? `${integer(d.trainCount)} train · ${integer(d.testCount)} test` : `${integer(d.trainCount)} train · no test split`]);
      }
      rows.push([`Features (n_x = ${d.nx})`, names(d.featureNames)]);
      rows.push(['Target', d.targetName]);
      const classes =
        d.output === 'sigmoid' && d.classes.length === 2
          ? `${d.classes[0]} = 0, ${d.classes[1]} = 1 (ŷ = P(${d.classes[1]}))`
          : `${names(d.classes)} (${d.classes.length}, softmax)`;
      rows.push(['Classes', classes]);
    }
    const nh = run.params?.W1.length ?? s.hiddenUnits;
    rows.push(['Architecture', d ? `${d.nx} – ${nh} – ${d.ny} (n_x – n_h – n_y), output ${d.output}` : `n_h = ${nh} (n_x and n_y come from the data)`]);
    const act = ACTIVATIONS[s.activation];
    rows.push(['Activation', `${act.label}: ${act.formula}${s.activation === 'leaky-relu' ? ` (α = ${s.leakyAlpha})` : ''}` +
      (s.activation === 'linear' ? ' — the network collapses to logistic regression (see W′, b′)' : '')]);
    rows.push(['Learning rate', String(s.learningRate)]);
    const init = s.init === 'small' ? `small (randn · ${s.initScale ?? 0.01})` : s.init;
    rows.push(['Initialisation', `${init} · seed ${s.seed}${s.batchSize ? ` · mini-batch ${s.batchSize}` : ' · full batch'}`]);
    const done = run.summary?.iterations ?? run.iteration;
    rows.push(['Iterations', `${integer(done)} of ${integer(s.iterations)}`]);
    rows.push(['Cost', fmt(lastCost(run))]);
    if (run.summary?.testCost !== undefined && run.summary?.testCost !== null) rows.push(['Test cost', fmt(run.summary.testCost)]);
    const base = run.baseline;
    rows.push(['Train accuracy', pct(lastAccuracy(run)) + (base ? ` · baseline ${pct(base.trainAccuracy)}` : '')]);
    const testAcc = run.summary ? run.summary.testAccuracy : run.testPoints[run.testPoints.length - 1]?.[2];
    // The summary's test accuracy wins (a saved model records it though its split is unknown).
    const known = testAcc !== undefined && testAcc !== null;
    rows.push([
      'Test accuracy',
      !known && fromModel
        ? 'not recorded in the model'
        : !known && d && !d.testCount
          ? 'no test split'
          : pct(testAcc) + (base && base.testAccuracy !== null ? ` · baseline ${pct(base.testAccuracy)}` : ''),
    ]);
    if (base) {
      rows.push([
        'Baseline',
        `logistic regression (no hidden layer, same data): train ${pct(base.trainAccuracy)}` +
          (base.testAccuracy !== null ? `, test ${pct(base.testAccuracy)}` : '') +
          `, cost ${fmt(base.cost)} after ${integer(base.iterations)} iterations`,
      ]);
    }
    if (run.summary) rows.push(['Training time', seconds(run.summary.seconds)]);
    rows.push(['Model', run.summary?.modelPath ?? 'not saved']);
    setChildren(
      this.list,
      rows.flatMap(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })]),
    );
  }
}
