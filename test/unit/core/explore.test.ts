// The timeline's snapshots, the explore message's validation and the network at any parameters:
// what the panel's timeline slider, weight edits and feature pickers rely on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { datasetChange, ExploreData, paramsMismatch } from '../../../src/core/explore';
import { prepareDataset, prepareRun, snapshot } from '../../../src/core/pipeline';
import { parseFromWebview } from '../../../src/shared/panelMessages';
import type { ParamsSnapshot, TrainSettings } from '../../../src/shared/runTypes';
import { MAX_PARAM_ABS, paramsRefusal, parseParamsSnapshot } from '../../../src/shared/validators';
import { MAX_SNAPSHOTS, paramCount, SNAPSHOT_NUMBERS, SnapshotKeeper, snapshotLimit } from '../../../src/core/snapshots';
import { fixture } from '../helpers';

const SETTINGS: TrainSettings = {
  hiddenUnits: 4,
  activation: 'tanh',
  leakyAlpha: 0.01,
  learningRate: 1.2,
  iterations: 1000,
  batchSize: 0,
  init: 'small',
  seed: 2,
  normalization: 'standard',
  testFraction: 0.2,
};

/** Trains as the worker does, keeping snapshots; stops after `stopAt` iterations when given. */
function trainKeeping(settings: TrainSettings, file = 'flower.csv', stopAt = settings.iterations) {
  const run = prepareRun(fixture(file), file, settings);
  const keeper = new SnapshotKeeper(settings.iterations, paramCount(run.trainer.params));
  const costs = new Map<number, number>();
  let done = 0;
  let divergedAt: number | undefined;
  while (done < stopAt) {
    if (keeper.wants(done)) keeper.keep(done, run.trainer.params);
    const r = run.trainer.step();
    if (r.diverged) {
      divergedAt = r.iteration;
      break;
    }
    costs.set(r.iteration, r.cost);
    done = r.iteration + 1;
  }
  return { run, snapshots: keeper.finish(done, run.trainer.params, divergedAt !== undefined), costs, done, divergedAt };
}

test('the timeline keeps at most 60 snapshots, evenly spread, from iteration 0 to the final parameters', () => {
  const { run, snapshots } = trainKeeping(SETTINGS);
  assert.ok(snapshots.length <= MAX_SNAPSHOTS && snapshots.length >= 50, `${snapshots.length} snapshots`);
  assert.equal(snapshots[0].iteration, 0);
  assert.equal(snapshots[snapshots.length - 1].iteration, 1000);
  assert.deepEqual(snapshots[snapshots.length - 1].params, snapshot(run.trainer.params), 'the last one is the final parameters');
  const gaps = new Set(snapshots.slice(1, -1).map((s, i) => s.iteration - snapshots[i].iteration));
  assert.equal(gaps.size, 1, `one stride between kept iterations: ${[...gaps].join(', ')}`);
  for (let i = 1; i < snapshots.length; i++) assert.ok(snapshots[i].iteration > snapshots[i - 1].iteration, 'in order, no duplicates');
});

test('snapshot 0 is the initial parameters, and a kept snapshot gives back the cost of its iteration', () => {
  const initial = snapshot(prepareRun(fixture('flower.csv'), 'flower.csv', SETTINGS).trainer.params);
  const { run, snapshots, costs } = trainKeeping(SETTINGS);
  assert.deepEqual(snapshots[0].params, initial);
  const data = new ExploreData(run.dataset, SETTINGS);
  const mid = snapshots[20];
  const r = data.evaluate(mid.params, [0, 1], mid.iteration);
  const cost = costs.get(mid.iteration);
  assert.ok(cost !== undefined && Math.abs(r.train.cost - cost) < 1e-12, `cost ${r.train.cost} at iteration ${mid.iteration}, trained ${cost}`);
  assert.equal(r.boundary?.iteration, mid.iteration);
});

test('a short run keeps every iteration; a stopped one ends at its last iteration; a big network keeps fewer, bounded in size', () => {
  const short = trainKeeping({ ...SETTINGS, iterations: 5 });
  assert.deepEqual(short.snapshots.map((s) => s.iteration), [0, 1, 2, 3, 4, 5]);
  const stopped = trainKeeping(SETTINGS, 'flower.csv', 123);
  assert.equal(stopped.snapshots[stopped.snapshots.length - 1].iteration, 123);
  assert.equal(snapshotLimit(17), MAX_SNAPSHOTS);
  assert.equal(snapshotLimit(SNAPSHOT_NUMBERS / 10), 10);
  assert.equal(snapshotLimit(10 * SNAPSHOT_NUMBERS), 2, 'the start and the end, whatever the size');
  const big = new SnapshotKeeper(10_000, SNAPSHOT_NUMBERS / 10);
  let kept = 0;
  for (let i = 0; i < 10_000; i++) if (big.wants(i)) kept++;
  assert.ok(kept + 1 <= 10, `${kept} + the final one`);
});

test('a diverged run\'s timeline ends on the parameters the trainer put back, labelled with their own iteration', () => {
  // Every iteration kept (a short run), so the bad parameters of the diverging iteration were kept too.
  const settings = { ...SETTINGS, iterations: 40, learningRate: 40 };
  const { run, snapshots, costs, divergedAt } = trainKeeping(settings);
  assert.ok(divergedAt !== undefined && divergedAt > 1, `diverged at ${divergedAt}`);
  const last = snapshots[snapshots.length - 1];
  assert.equal(last.iteration, divergedAt - 1, 'the parameters from before the update that diverged');
  assert.deepEqual(last.params, snapshot(run.trainer.params));
  for (let i = 1; i < snapshots.length; i++) assert.ok(snapshots[i].iteration > snapshots[i - 1].iteration, 'in order, no duplicates');
  const data = new ExploreData(run.dataset, settings);
  const cost = costs.get(last.iteration);
  const r = data.evaluate(last.params, [0, 1], last.iteration);
  assert.ok(cost !== undefined && Math.abs(r.train.cost - cost) < 1e-9, `cost ${r.train.cost} at iteration ${last.iteration}, trained ${cost}`);
});

test('the network at edited parameters: the boundary and cost follow at once, on the run\'s own split', () => {
  const { run } = trainKeeping({ ...SETTINGS, iterations: 300 });
  const data = new ExploreData(prepareDataset(fixture('flower.csv'), 'flower.csv', SETTINGS), SETTINGS);
  const trained = snapshot(run.trainer.params);
  const before = data.evaluate(trained, [0, 1]);
  assert.ok(Math.abs(before.train.cost - run.trainer.trainCost()) < 1e-12, 'same split, same cost as the trainer');
  assert.ok(before.test && Math.abs(before.test.accuracy - (run.trainer.testMetrics()?.accuracy ?? NaN)) < 1e-12);
  // b[2] pushed far positive: every example predicted as class 1, the cost rises.
  const edited: ParamsSnapshot = { ...trained, b2: [[50]] };
  const after = data.evaluate(edited, [0, 1]);
  assert.ok(after.train.cost > before.train.cost + 1, `cost ${before.train.cost} → ${after.train.cost}`);
  assert.ok(after.boundary && after.boundary.prob.every((p) => p === 255), 'the whole plane says class 1');
  const counts = after.confusion.train.counts;
  assert.equal(counts[0][0] + counts[1][0], 0, 'nothing predicted as class 0');
});

test('the feature picker: any two features make the plane, the others held at their means', () => {
  const settings = { ...SETTINGS, target: 'species' };
  const data = new ExploreData(prepareDataset(fixture('iris.csv'), 'iris.csv', settings), settings);
  const run = prepareRun(fixture('iris.csv'), 'iris.csv', settings);
  const p = snapshot(run.trainer.params);
  const r = data.evaluate(p, [2, 3]);
  assert.deepEqual(r.boundary?.plane.features, [2, 3]);
  assert.deepEqual(r.boundary?.plane.names, [data.summary.featureNames[2], data.summary.featureNames[3]]);
  assert.deepEqual(r.scatter?.features, [2, 3]);
  assert.notDeepEqual(r.scatter?.train.x, data.evaluate(p, [0, 1]).scatter?.train.x);
});

test('a CSV changed since the run, or parameters of another shape, give a clear message', () => {
  const a = prepareDataset(fixture('flower.csv'), 'flower.csv', SETTINGS);
  const data = new ExploreData(a, SETTINGS);
  assert.equal(datasetChange(data.summary, data.summary), undefined);
  const lines = fixture('flower.csv').trim().split('\n');
  const fewer = [lines[0], ...lines.slice(1).filter((_, i) => i % 4 === 0)].join('\n');
  const b = new ExploreData(prepareDataset(fewer, 'flower.csv', SETTINGS), SETTINGS);
  assert.match(datasetChange(data.summary, b.summary) ?? '', /flower\.csv has changed since this run: it now has 100 usable rows, the run had 400/);
  const p = snapshot(prepareRun(fixture('iris.csv'), 'iris.csv', { ...SETTINGS, target: 'species' }).trainer.params);
  assert.match(paramsMismatch(p, data.summary) ?? '', /take 4 features but the data has 2/);
  assert.throws(() => data.evaluate(p, [0, 1]), /take 4 features/);
});

test('explore messages from the webview are validated: ids, parameters of consistent shapes and finite values, two distinct features', () => {
  const params = { W1: [[1, 2], [3, 4]], b1: [[0], [0]], W2: [[1, -1]], b2: [[0.5]] };
  const ok = { type: 'explore', requestId: 3, runId: 1, params, features: [1, 0], iteration: 40 };
  assert.deepEqual(parseFromWebview(ok), ok);
  const edited = { type: 'explore', requestId: 4, runId: 1, params, features: [0, 1] };
  assert.deepEqual(parseFromWebview(edited), edited, 'iteration is optional (edited parameters)');
  const bad: unknown[] = [
    { ...ok, requestId: -1 },
    { ...ok, runId: 1.5 },
    { ...ok, features: [0, 0] },
    { ...ok, features: [0, 2] },
    { ...ok, features: [0] },
    { ...ok, iteration: 'x' },
    { ...ok, params: { ...params, W1: [[1, 2], [3]] } },
    { ...ok, params: { ...params, W1: [[1, 2], [3, NaN]] } },
    { ...ok, params: { ...params, W1: [[1, 2], [3, '4']] } },
    { ...ok, params: { ...params, b1: [[0]] } },
    { ...ok, params: { ...params, W2: [[1, -1, 2]] } },
    { ...ok, params: { ...params, b2: [[0.5, 1]] } },
    { ...ok, params: { ...params, b2: [[MAX_PARAM_ABS * 2]] } },
    { ...ok, params: null },
    { ...ok, params: { ...params, W1: [] } },
  ];
  for (const m of bad) assert.equal(parseFromWebview(m), undefined, JSON.stringify(m));
  assert.ok(parseParamsSnapshot({ W1: [[1]], b1: [[0]], W2: [[1], [2], [3]], b2: [[0], [0], [0]] }), 'a softmax output of 3 classes');
  // One feature: no plane, [0, 1] accepted (and ignored).
  assert.ok(parseFromWebview({ ...ok, params: { W1: [[1]], b1: [[0]], W2: [[1]], b2: [[0]] }, features: [0, 1] }));
});

test('the webview tells why the host would refuse parameters, before it asks (a refused request gets no answer)', () => {
  const params: ParamsSnapshot = { W1: [[1, 2], [3, 4]], b1: [[0], [0]], W2: [[1, -1]], b2: [[0.5]] };
  const ask = (p: unknown): unknown => parseFromWebview({ type: 'explore', requestId: 1, runId: 1, params: p, features: [0, 1] });
  assert.equal(paramsRefusal(params), undefined);
  assert.ok(ask(params));
  const big = { ...params, W2: [[1, -2e6]] };
  assert.match(paramsRefusal(big) ?? '', /beyond ±1e6: they cannot be evaluated/);
  assert.equal(ask(big), undefined);
  // A diverged snapshot's NaN arrives as null (JSON).
  const nan = JSON.parse(JSON.stringify({ ...params, b1: [[NaN], [0]] })) as ParamsSnapshot;
  assert.match(paramsRefusal(nan) ?? '', /not finite numbers/);
  assert.equal(ask(nan), undefined);
  const ragged = { ...params, W1: [[1, 2], [3]] };
  assert.match(paramsRefusal(ragged) ?? '', /cannot be evaluated/);
  assert.equal(ask(ragged), undefined);
});
