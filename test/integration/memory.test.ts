// A CSV that needs more memory than a worker may use, inside the real extension host: the run,
// the gradient check, the prediction, the sweep and exploring end with the one out-of-memory message, and the
// extension host goes on (the next commands work). The limit is made tiny through the
// documented SHALLOW_NET_MAX_MEMORY_MB, set in this process: the tests run in the extension
// host, which reads it each time it starts a worker.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ExploreService } from '../../src/host/panel/exploreService';
import { outOfMemoryMessage } from '../../src/core/memoryLimit';
import type { GradCheckReport, SweepView } from '../../src/shared/runTypes';
import { api, EXT_ID, exists, train, workspaceFile, write } from './helpers';

const LIMIT_MB = 16;

/** 400,000 rows of 8 short numbers: 6 MB on disk, far more than 16 MB once parsed. */
function bigCsv(): string {
  return 'a,b,c,d,e,f,g,y\n' + '1,2,3,4,5,6,7,0\n3,2,1,4,5,6,7,1\n'.repeat(200_000);
}

suite('Memory limit', () => {
  let before: string | undefined;

  suiteSetup(async () => {
    await api();
    before = process.env.SHALLOW_NET_MAX_MEMORY_MB;
  });

  setup(() => {
    process.env.SHALLOW_NET_MAX_MEMORY_MB = String(LIMIT_MB);
  });

  teardown(() => {
    if (before === undefined) delete process.env.SHALLOW_NET_MAX_MEMORY_MB;
    else process.env.SHALLOW_NET_MAX_MEMORY_MB = before;
  });

  test('a run on a CSV past the limit ends with the out-of-memory message; training on flower.csv works after', async () => {
    const { runs } = await api();
    const csv = await write('memory-big.csv', bigCsv());
    const result = await train(csv, { settings: { iterations: 5, testFraction: 0 } });
    assert.equal(result?.status, 'error');
    assert.equal(result?.error?.message, outOfMemoryMessage('memory-big.csv', LIMIT_MB));
    // The panel shows the run's error.
    const view = runs.list.find((r) => r.id === result?.runId);
    assert.equal(view?.status, 'error');
    assert.equal(view?.error?.message, outOfMemoryMessage('memory-big.csv', LIMIT_MB));
    assert.equal(await exists(workspaceFile('memory-big.model.json')), false);
    assert.equal(runs.training, false, 'no run is left under way');

    process.env.SHALLOW_NET_MAX_MEMORY_MB = '512';
    const next = await train(workspaceFile('flower.csv'), { settings: { iterations: 50, testFraction: 0 }, save: false });
    assert.equal(next?.status, 'finished');
  });

  test('the gradient check and Predict with Model on a CSV past the limit answer nothing, and work after', async () => {
    const csv = await write('memory-big-2.csv', bigCsv());
    const checked = await vscode.commands.executeCommand<GradCheckReport | undefined>('shallowNet.gradientCheck', csv);
    assert.equal(checked, undefined);

    process.env.SHALLOW_NET_MAX_MEMORY_MB = '512';
    const trained = await train(workspaceFile('flower.csv'), { settings: { iterations: 20, testFraction: 0 }, save: true, modelUri: workspaceFile('memory-flower.model.json').toString() });
    assert.ok(trained?.modelUri, 'a model to predict with');
    process.env.SHALLOW_NET_MAX_MEMORY_MB = String(LIMIT_MB);
    const flowerShaped = await write('memory-big-3.csv', 'x1,x2\n' + '0.5,1.5\n-1,2\n'.repeat(200_000));
    const predicted = await vscode.commands.executeCommand<string | undefined>('shallowNet.predictWithModel', trained.modelUri, flowerShaped.toString(), { open: false });
    assert.equal(predicted, undefined);
    assert.equal(await exists(workspaceFile('memory-big-3.predictions.csv')), false);

    process.env.SHALLOW_NET_MAX_MEMORY_MB = '512';
    const again = await vscode.commands.executeCommand<GradCheckReport | undefined>('shallowNet.gradientCheck', workspaceFile('flower.csv'), { settings: { activation: 'tanh' } });
    assert.equal(again?.pass, true);
  });

  test('a sweep on a CSV past the limit ends with the out-of-memory message, and a sweep on flower.csv works after', async () => {
    const csv = await write('memory-big-4.csv', bigCsv());
    const sweep = (uri: vscode.Uri): Thenable<SweepView | undefined> =>
      vscode.commands.executeCommand<SweepView | undefined>('shallowNet.sweepHiddenSizes', uri, { noPanel: true, sizes: [1, 2], settings: { iterations: 5 } });
    const failed = await sweep(csv);
    assert.equal(failed?.status, 'error');
    assert.equal(failed?.error, outOfMemoryMessage('memory-big-4.csv', LIMIT_MB));

    process.env.SHALLOW_NET_MAX_MEMORY_MB = '512';
    const next = await sweep(workspaceFile('flower.csv'));
    assert.equal(next?.status, 'finished');
  });

  test("exploring on a CSV past the limit answers the out-of-memory message, and the next request starts a worker that answers", async () => {
    const { runs } = await api();
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext);
    process.env.SHALLOW_NET_MAX_MEMORY_MB = '512';
    const flower = workspaceFile('flower.csv');
    const r = await train(flower, { settings: { iterations: 30, testFraction: 0 }, save: false });
    const run = runs.list.find((v) => v.id === r?.runId);
    assert.ok(run?.dataset && run.params);
    const { id: runId, settings, dataset, params } = run;
    const big = await write('memory-big-5.csv', bigCsv());
    const explorer = new ExploreService(ext.extensionPath);
    try {
      const ask = (csv: vscode.Uri): ReturnType<ExploreService['explore']> => explorer.explore({ csv, runId, settings, dataset, params, features: [0, 1] });
      process.env.SHALLOW_NET_MAX_MEMORY_MB = String(LIMIT_MB);
      assert.deepEqual(await ask(big), { error: outOfMemoryMessage('memory-big-5.csv', LIMIT_MB) });
      process.env.SHALLOW_NET_MAX_MEMORY_MB = '512';
      const next = await ask(flower);
      assert.ok(next && 'result' in next, JSON.stringify(next));
    } finally {
      explorer.dispose();
    }
  });
});
