// Exploring a run inside the real extension host: the run's timeline (snapshots kept by the
// training worker) and the explore worker (dist/exploreWorker.js) evaluating the network at a
// snapshot, at edited parameters and on another plane; a changed or deleted CSV is a message.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ExploreService, type ExploreRequest } from '../../src/host/panel/exploreService';
import type { RunView } from '../../src/shared/runTypes';
import { api, EXT_ID, read, train, write } from './helpers';

suite('Explore a run', () => {
  let explorer: ExploreService;
  let run: RunView;
  let csv: vscode.Uri;
  let extensionPath: string;

  suiteSetup(async () => {
    const { runs } = await api();
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext);
    extensionPath = ext.extensionPath;
    explorer = new ExploreService(ext.extensionPath);
    csv = await write('explore-iris.csv', await read(vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0].uri ?? vscode.Uri.file('/'), 'iris.csv')));
    const r = await train(csv, { settings: { iterations: 400, hiddenUnits: 4, target: 'species' }, save: false });
    assert.ok(r && r.status === 'finished', `trained: ${JSON.stringify(r)}`);
    const view = runs.list.find((v) => v.id === r.runId);
    assert.ok(view);
    run = view;
  });

  suiteTeardown(() => explorer?.dispose());

  const request = (over: Partial<ExploreRequest>): ExploreRequest => {
    assert.ok(run.dataset && run.params);
    return { csv, runId: run.id, settings: run.settings, dataset: run.dataset, params: run.params, features: [0, 1], ...over };
  };

  test('the run keeps its timeline: iteration 0 to the final parameters, at most 60 snapshots', () => {
    const s = run.snapshots ?? [];
    assert.ok(s.length >= 40 && s.length <= 60, `${s.length} snapshots`);
    assert.equal(s[0].iteration, 0);
    assert.equal(s[s.length - 1].iteration, 400);
    assert.deepEqual(s[s.length - 1].params, run.params);
  });

  test('a snapshot, edited parameters and another plane, evaluated off the extension host thread', async () => {
    const s = run.snapshots ?? [];
    const first = await explorer.explore(request({ params: s[0].params, iteration: 0 }));
    assert.ok(first && 'result' in first, JSON.stringify(first));
    // Three classes, tiny initial weights: the cost is about ln 3.
    assert.ok(Math.abs(first.result.train.cost - Math.log(3)) < 0.02, `initial cost ${first.result.train.cost}`);
    assert.equal(first.result.boundary?.iteration, 0);
    const last = await explorer.explore(request({}));
    assert.ok(last && 'result' in last);
    assert.ok(Math.abs(last.result.train.cost - (run.summary?.cost ?? NaN)) < 1e-9, 'the final parameters give the run\'s own cost');
    assert.ok(Math.abs((last.result.test?.accuracy ?? NaN) - (run.summary?.testAccuracy ?? NaN)) < 1e-12, 'and its test accuracy');
    const params = run.params;
    assert.ok(params);
    const edited = { ...params, b2: params.b2.map((row, i) => [i === 0 ? row[0] + 30 : row[0]]) };
    const e = await explorer.explore(request({ params: edited }));
    assert.ok(e && 'result' in e);
    assert.ok(e.result.train.cost > last.result.train.cost + 1, `edited cost ${e.result.train.cost}`);
    const plane = await explorer.explore(request({ features: [2, 3] }));
    assert.ok(plane && 'result' in plane);
    assert.deepEqual(plane.result.boundary?.plane.names, ['petal_length', 'petal_width']);
  });

  test('closing the panel answers the request under way and starts no worker again', async () => {
    const workerOf = (s: ExploreService): unknown => (s as unknown as { worker?: unknown }).worker;
    const settle = <T>(p: Promise<T>): Promise<T | 'hung'> => Promise.race([p, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 10_000))]);
    // Closed while the host reads the CSV's stat: no worker is started for it afterwards.
    const a = new ExploreService(extensionPath);
    const reading = a.explore(request({}));
    a.dispose();
    const first = await settle(reading);
    assert.ok(first !== 'hung' && first && 'error' in first, JSON.stringify(first));
    assert.equal(workerOf(a), undefined, 'no worker started after dispose');
    const later = await settle(a.explore(request({})));
    assert.ok(later !== 'hung' && later && 'error' in later, 'a request after dispose is answered at once');
    // Closed while the worker evaluates: the request is answered, the worker ended.
    const b = new ExploreService(extensionPath);
    const working = b.explore(request({ features: [1, 3] }));
    for (let i = 0; i < 500 && !workerOf(b); i++) await new Promise((r) => setTimeout(r, 5));
    assert.ok(workerOf(b), 'the worker started');
    b.dispose();
    const second = await settle(working);
    assert.notEqual(second, 'hung', 'the request under way settles');
    assert.equal(workerOf(b), undefined);
  });

  test('a CSV changed since the run, or deleted, is a clear message', async () => {
    const text = await read(csv);
    await write('explore-iris.csv', text.trim().split('\n').slice(0, 120).join('\n'));
    const changed = await explorer.explore(request({}));
    assert.ok(changed && 'error' in changed);
    assert.match(changed.error, /explore-iris\.csv has changed since this run/);
    await vscode.workspace.fs.delete(csv);
    const gone = await explorer.explore(request({}));
    assert.ok(gone && 'error' in gone);
    assert.match(gone.error, /explore-iris\.csv is no longer where this run read it/);
  });
});
