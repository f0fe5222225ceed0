/**
 * From CSV text and a person's settings to a prepared run and, at its end, a model file.
 * Shared by the training worker and the CLI; pure (no vscode, no node), over the engine.
 */
import { checkTestFraction, checkTrainConfig } from '../engine/config';
import { parseCsv } from '../engine/csv';
import { buildDataset } from '../engine/dataset';
import { toRows } from '../engine/matrix';
import { checkModelSavable, checkParamsFit, parseInitialParams, type ModelTraining, type ShallowNetModel } from '../engine/model';
import { numpyRngForRun } from '../engine/mt19937';
import { Trainer } from '../engine/train';
import type { Architecture, Dataset, Params, TrainConfig } from '../engine/types';
import type { CostPoint, DatasetSummary, ParamsSnapshot, TrainSettings } from '../shared/runTypes';

export interface PreparedRun {
  dataset: Dataset;
  arch: Architecture;
  config: TrainConfig;
  trainer: Trainer;
  summary: DatasetSummary;
}

export function configOf(s: TrainSettings, initialParams?: Params): TrainConfig {
  return {
    hiddenUnits: s.hiddenUnits,
    activation: s.activation,
    leakyAlpha: s.leakyAlpha,
    learningRate: s.learningRate,
    iterations: s.iterations,
    batchSize: s.batchSize,
    init: s.init,
    ...(s.initScale === undefined ? {} : { initScale: s.initScale }),
    seed: s.seed,
    ...(initialParams ? { initialParams } : {}),
  };
}

/** The run's data set: parsed, encoded, normalised and split as `settings` say (the same for the same seed). */
export function prepareDataset(csvText: string, fileName: string, settings: TrainSettings): Dataset {
  checkTestFraction(settings.testFraction);
  const table = parseCsv(csvText, fileName);
  return buildDataset(table, {
    fileName,
    ...(settings.target === undefined ? {} : { target: settings.target }),
    normalize: settings.normalization,
    testFraction: settings.testFraction,
    seed: settings.seed,
  });
}

/** The most cost-history points a run keeps (DecimatedHistory), and so a model file holds. */
export const MAX_HISTORY_POINTS = 4000;

export interface PrepareOptions {
  /**
   * The run's model will be written out (the CLI's --save; the extension's runs always are):
   * a network whose model file would be too long to write is refused here, before training.
   */
  savesModel?: boolean;
}

export function prepareRun(
  csvText: string,
  fileName: string,
  settings: TrainSettings,
  initial?: { text: string; fileName: string },
  options: PrepareOptions = {},
): PreparedRun {
  checkTrainConfig(configOf(settings));
  const rng = settings.rng === 'numpy' ? numpyRngForRun(settings.init, settings.seed) : undefined;
  const dataset = prepareDataset(csvText, fileName, settings);
  const nx = dataset.X.rows;
  const ny = dataset.Y.rows;
  let initialParams: Params | undefined;
  let nh = settings.hiddenUnits;
  if (initial) {
    initialParams = parseInitialParams(initial.text, initial.fileName);
    checkParamsFit(initialParams, nx, ny, initial.fileName);
    nh = initialParams.W1.rows;
  }
  const arch: Architecture = {
    nx,
    nh,
    ny,
    activation: settings.activation,
    leakyAlpha: settings.leakyAlpha,
    output: dataset.encoding.output,
  };
  const config = configOf({ ...settings, hiddenUnits: nh }, initialParams);
  if (options.savesModel) {
    checkModelSavable(arch, dataset.encoding, {
      ...trainingOf(config),
      iterations: config.iterations,
      historyPoints: historyLength(config.iterations),
      source: dataset.fileName,
    });
  }
  const trainer = new Trainer(
    { X: dataset.X, Y: dataset.Y, Xtest: dataset.Xtest, Ytest: dataset.Ytest },
    arch,
    config,
    rng,
  );
  return { dataset, arch, config, trainer, summary: summarize(dataset) };
}

export function summarize(d: Dataset): DatasetSummary {
  return {
    fileName: d.fileName,
    rowsRead: d.rowsRead,
    rowsUsed: d.rowsUsed,
    rowsDropped: d.rowsDropped,
    droppedExamples: d.droppedExamples,
    featureNames: d.encoding.featureNames,
    targetName: d.encoding.targetName,
    classes: d.encoding.classes,
    output: d.encoding.output,
    nx: d.X.rows,
    ny: d.Y.rows,
    trainCount: d.X.cols,
    testCount: d.Xtest ? d.Xtest.cols : 0,
  };
}

export function snapshot(p: Params): ParamsSnapshot {
  return { W1: toRows(p.W1), b1: toRows(p.b1), W2: toRows(p.W2), b2: toRows(p.b2) };
}

export interface RunRecordForModel {
  costHistory: CostPoint[];
  iterations: number;
  trainAccuracy: number;
  testAccuracy: number | null;
  seconds: number;
  date: string;
}

export function modelOf(run: PreparedRun, params: Params, r: RunRecordForModel): ShallowNetModel {
  return {
    format: 'shallow-net-model',
    version: 1,
    architecture: run.arch,
    W1: toRows(params.W1),
    b1: toRows(params.b1),
    W2: toRows(params.W2),
    b2: toRows(params.b2),
    encoding: run.dataset.encoding,
    training: {
      ...trainingOf(run.config),
      iterations: r.iterations,
      costHistory: r.costHistory.map(([i, c]) => [i, c]),
      trainAccuracy: r.trainAccuracy,
      testAccuracy: r.testAccuracy,
      seconds: r.seconds,
      source: run.dataset.fileName,
      date: r.date,
    },
  };
}

/** What a model file says of how it was trained, from the run's configuration. */
function trainingOf(config: TrainConfig): Pick<ModelTraining, 'learningRate' | 'init' | 'initScale' | 'seed' | 'batchSize'> {
  return {
    learningRate: config.learningRate,
    init: config.initialParams ? 'file' : config.init,
    ...(!config.initialParams && config.init === 'small' && config.initScale !== undefined && config.initScale !== 0.01
      ? { initScale: config.initScale }
      : {}),
    seed: config.seed,
    batchSize: config.batchSize,
  };
}

/** How many points a DecimatedHistory of `limit` holds after `iterations` iterations (about: the last one may add one). */
export function historyLength(iterations: number, limit = MAX_HISTORY_POINTS): number {
  let stride = 1;
  while (Math.ceil(iterations / stride) > limit) stride *= 2;
  return Math.ceil(iterations / stride);
}

/** Keeps a cost history to at most `limit` points by halving its resolution when full. */
export class DecimatedHistory {
  readonly points: CostPoint[] = [];
  private stride = 1;
  constructor(private readonly limit = MAX_HISTORY_POINTS) {}

  /** Whether a point of iteration i would be kept now (so whether it is worth computing). */
  wants(i: number): boolean {
    return i % this.stride === 0;
  }

  /** `last`: the run's final iteration, kept whatever the stride (the history ends where the run did). */
  add(p: CostPoint, last = false): boolean {
    if (!last && p[0] % this.stride !== 0) return false;
    this.points.push(p);
    if (this.points.length > this.limit) {
      this.stride *= 2;
      let w = 0;
      for (const q of this.points) if (q[0] % this.stride === 0 || q === p) this.points[w++] = q;
      this.points.length = w;
    }
    return true;
  }
}
