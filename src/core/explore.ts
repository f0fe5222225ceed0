/**
 * The network at any parameters over any plane of two features, with its cost: what the
 * panel's timeline, weight edits and feature pickers show (TensorFlow Playground's "edit a
 * weight and watch"). Pure (no vscode, no node): the explore worker runs it on a run's data,
 * prepared again from its CSV with its settings (the same split for the same seed).
 */
import { BoundaryTracker, confusionView } from './boundaryView';
import { fromRows, type Matrix } from '../engine/matrix';
import { accuracyOf, costOf, predictProbabilities } from '../engine/network';
import type { Architecture, Dataset, Params } from '../engine/types';
import { summarize } from './pipeline';
import type { DatasetSummary, ExploreResult, ParamsSnapshot, SplitMetrics, TrainSettings } from '../shared/runTypes';

export function paramsOf(p: ParamsSnapshot): Params {
  return { W1: fromRows(p.W1), b1: fromRows(p.b1), W2: fromRows(p.W2), b2: fromRows(p.b2) };
}

/**
 * Why the data prepared now is not the data the run trained on (its CSV changed since), or
 * undefined when it is the same as far as the summary tells.
 */
export function datasetChange(run: DatasetSummary, now: DatasetSummary): string | undefined {
  const file = run.fileName;
  const same = (a: string[], b: string[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);
  if (!same(run.featureNames, now.featureNames)) {
    return `${file} has changed since this run: its features are now ${now.featureNames.length} (${now.featureNames.slice(0, 6).join(', ')}${now.featureNames.length > 6 ? ', …' : ''}), the run had ${run.featureNames.length}. Train again to explore it.`;
  }
  if (run.targetName !== now.targetName || !same(run.classes, now.classes)) {
    return `${file} has changed since this run: its target's classes are now ${now.classes.join(', ')}. Train again to explore it.`;
  }
  if (run.rowsUsed !== now.rowsUsed || run.trainCount !== now.trainCount || run.testCount !== now.testCount) {
    return `${file} has changed since this run: it now has ${now.rowsUsed} usable rows, the run had ${run.rowsUsed}. Train again to explore it.`;
  }
  return undefined;
}

/** Why these parameters do not fit the data's network, or undefined. */
export function paramsMismatch(p: ParamsSnapshot, d: DatasetSummary): string | undefined {
  const nx = p.W1[0]?.length ?? 0;
  if (nx !== d.nx) return `The parameters take ${nx} features but the data has ${d.nx}.`;
  if (p.W2.length !== d.ny) return `The parameters have ${p.W2.length} outputs but the data needs ${d.ny}.`;
  return undefined;
}

function metrics(params: Params, arch: Architecture, X: Matrix, Y: Matrix): SplitMetrics {
  const A2 = predictProbabilities(params, arch, X);
  return { cost: costOf(A2, Y, arch.output), accuracy: accuracyOf(A2, Y) };
}

/** A run's data set, ready to evaluate any parameters on (the explore worker keeps a few). */
export class ExploreData {
  readonly summary: DatasetSummary;

  constructor(
    readonly dataset: Dataset,
    private readonly settings: TrainSettings,
  ) {
    this.summary = summarize(dataset);
  }

  /** The network at `snapshot` over the plane of features [fx, fy]; throws on parameters that do not fit. */
  evaluate(snapshot: ParamsSnapshot, features: [number, number], iteration = 0): ExploreResult {
    const mismatch = paramsMismatch(snapshot, this.summary);
    if (mismatch) throw new RangeError(mismatch);
    const d = this.dataset;
    const params = paramsOf(snapshot);
    const arch: Architecture = {
      nx: d.X.rows,
      nh: snapshot.W1.length,
      ny: d.Y.rows,
      activation: this.settings.activation,
      leakyAlpha: this.settings.leakyAlpha,
      output: d.encoding.output,
    };
    const [fx, fy] = features;
    const plane = d.X.rows >= 2 && d.X.cols > 0 && fx !== fy && fx < d.X.rows && fy < d.X.rows;
    const tracker = plane ? new BoundaryTracker(d, arch, fx, fy) : undefined;
    const hasTest = !!d.Xtest && !!d.Ytest && d.Xtest.cols > 0;
    return {
      ...(tracker ? { boundary: tracker.boundary(params, iteration), scatter: tracker.scatter() } : {}),
      train: metrics(params, arch, d.X, d.Y),
      test: hasTest && d.Xtest && d.Ytest ? metrics(params, arch, d.Xtest, d.Ytest) : null,
      confusion: confusionView(d, arch, params),
    };
  }
}
