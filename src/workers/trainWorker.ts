/**
 * The training worker thread: decodes and parses the CSV, trains, and streams progress to
 * the host at most every `progressEveryMs` (the host never sees more than ~20 a second,
 * whatever the iteration rate). Stops between iterations when the host sets the flag.
 * Also runs hidden-layer-size sweeps (sweepJob.ts), one per worker.
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { BoundaryTracker, confusionView } from '../core/boundaryView';
import { errorInfo } from '../shared/errorInfo';
import { serializeModel } from '../engine/model';
import { baselineFor } from '../core/runBaseline';
import { runSweep } from './sweepJob';
import { paramCount, SnapshotKeeper } from '../core/snapshots';
import { DecimatedHistory, modelOf, prepareRun, snapshot, type PreparedRun } from '../core/pipeline';
import type { BoundaryView, CostPoint, HiddenPoint } from '../shared/runTypes';
import type { FromWorker, RunOutcome, StartRun, ToWorker } from './workerProtocol';
import { decodeCsv } from '../engine/decode';

const port = parentPort;
if (!port) throw new Error('trainWorker must run in a worker thread');
const post = (m: FromWorker): void => port.postMessage(m);

port.on('message', (m: ToWorker) => {
  if (m.type === 'start') run(m);
  else if (m.type === 'sweep') runSweep(m, (r) => port.postMessage(r));
});

function run(m: StartRun): void {
  const stop = new Int32Array(m.stop);
  let prepared: PreparedRun;
  try {
    const text = decodeCsv(m.csv, m.fileName);
    // The run ends in a model file (modelJson): one too big to write is refused before training.
    prepared = prepareRun(text, m.fileName, m.settings, m.initialParams, { savesModel: true });
  } catch (e) {
    post({ type: 'failed', error: errorInfo(e) });
    return;
  }
  // Data with two features or more: the network over the first two features' plane.
  const tracker = BoundaryTracker.for(prepared.dataset, prepared.arch);
  post({ type: 'prepared', dataset: prepared.summary, ...(tracker ? { scatter: tracker.scatter() } : {}) });
  // The lesson's baseline, logistic regression on the same data (a fraction of a second at most).
  try {
    post({ type: 'baseline', baseline: baselineFor(prepared) });
  } catch {
    // No baseline is no reason not to train.
  }

  const { trainer } = prepared;
  const total = m.settings.iterations;
  // Test cost is sampled: about 400 evaluations over a run, and at its end.
  const testEvery = Math.max(1, Math.floor(total / 400));
  const history = new DecimatedHistory();
  // The timeline: up to 60 snapshots of the parameters, iteration 0 and the final ones included.
  const keeper = new SnapshotKeeper(total, paramCount(trainer.params));
  let pending: CostPoint[] = [];
  let pendingTest: CostPoint[] = [];
  let pendingHidden: HiddenPoint[] = [];
  let lastPost = performance.now();
  // The boundary is heavier than a progress message: at most every 200 ms (~5 a second) and at the end.
  let lastBoundary = -Infinity;
  let outcome: RunOutcome = 'finished';
  let message: string | undefined;
  let done = 0;
  let lastCost = NaN;
  let lastAccuracy = NaN;
  const started = performance.now();

  const flush = (final = false): void => {
    let boundary: BoundaryView | undefined;
    if (tracker && (final || performance.now() - lastBoundary >= 200)) {
      boundary = tracker.boundary(trainer.params, done);
      lastBoundary = performance.now();
    }
    post({
      type: 'progress', iteration: done, points: pending, testPoints: pendingTest, params: snapshot(trainer.params),
      ...(boundary ? { boundary } : {}),
      ...(pendingHidden.length ? { hiddenPoints: pendingHidden } : {}),
    });
    pending = [];
    pendingTest = [];
    pendingHidden = [];
    lastPost = performance.now();
  };

  try {
    while (done < total) {
      if (Atomics.load(stop, 0) === 1) {
        outcome = 'stopped';
        message = `Stopped after ${done} iteration${done === 1 ? '' : 's'}; the model keeps what it learned so far.`;
        break;
      }
      // Saturation only on the iterations the decimated history keeps (nothing extra on the
      // others), and on the last one, so the hidden-layer line ends where the run does.
      const last = done === total - 1;
      trainer.watchHidden = last || history.wants(done);
      if (keeper.wants(done)) keeper.keep(done, trainer.params);
      const r = trainer.step();
      if (r.diverged) {
        outcome = 'diverged';
        message = `diverged at iteration ${r.iteration}; try a smaller learning rate`;
        break;
      }
      done = r.iteration + 1;
      lastCost = r.cost;
      lastAccuracy = r.accuracy;
      const p: CostPoint = [r.iteration, r.cost, r.accuracy];
      history.add(p, last);
      pending.push(p);
      if (r.hidden) pendingHidden.push([r.iteration, r.hidden.saturation, r.hidden.meanDerivative]);
      if (r.iteration % testEvery === 0) {
        const t = trainer.testMetrics();
        if (t) pendingTest.push([r.iteration, t.cost, t.accuracy]);
      }
      if (performance.now() - lastPost >= m.progressEveryMs) flush();
    }
  } catch (e) {
    post({ type: 'failed', error: errorInfo(e) });
    return;
  }
  const seconds = (performance.now() - started) / 1000;
  const finalTest = trainer.testMetrics();
  if (finalTest && done > 0) pendingTest.push([done - 1, finalTest.cost, finalTest.accuracy]);
  flush(true);
  const trainAccuracy = done > 0 ? trainer.trainAccuracy() : lastAccuracy;
  const summary = {
    iterations: done,
    cost: done > 0 ? trainer.trainCost() : lastCost,
    trainAccuracy,
    testAccuracy: finalTest ? finalTest.accuracy : null,
    testCost: finalTest ? finalTest.cost : null,
    seconds,
  };
  const model = modelOf(prepared, trainer.params, {
    costHistory: history.points,
    iterations: done,
    trainAccuracy,
    testAccuracy: summary.testAccuracy,
    seconds,
    date: new Date().toISOString(),
  });
  // A diverged run ends on the parameters the trainer put back (from before the update that
  // diverged): the timeline labels them with their own iteration, done − 1.
  const snapshots = keeper.finish(done, trainer.params, outcome === 'diverged');
  post({
    type: 'done',
    snapshots,
    outcome,
    summary,
    ...(message === undefined ? {} : { message }),
    modelJson: serializeModel(model),
    params: snapshot(trainer.params),
    confusion: confusionView(prepared.dataset, prepared.arch, trainer.params),
  });
}
