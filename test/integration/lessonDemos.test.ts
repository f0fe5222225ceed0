// The lesson's demonstrations through the real extension host and worker thread (issue 7):
// each run carries its logistic-regression baseline and the hidden layer's saturation per
// iteration; the initial scale reaches the engine; a linear run trains.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TrainResult } from '../../src/host/training/runs';
import { api, train, workspaceFile } from './helpers';

/** The lesson's demonstrations save no model: they are looked at, not kept. */
const trainUnsaved = (csv: vscode.Uri, options: object): Thenable<TrainResult | undefined> => train(csv, { save: false, ...options });

suite('Lesson demonstrations', () => {
  test('tanh at init scale 10 starts saturated, at 0.01 not; both runs carry the baseline (~47 % on the flower)', async () => {
    const { runs } = await api();
    const csv = workspaceFile('flower.csv');
    const views = [];
    for (const initScale of [10, 0.01]) {
      const result = await trainUnsaved(csv, { settings: { iterations: 300, testFraction: 0, initScale } });
      assert.equal(result?.status, 'finished');
      const view = runs.list.find((r) => r.id === result?.runId);
      assert.ok(view, 'the run is listed');
      views.push(view);
    }
    const [big, small] = views;
    assert.equal(big.settings.initScale, 10);
    const first = (v: typeof big): number => v.hiddenPoints?.[0]?.[1] ?? NaN;
    assert.equal(big.hiddenPoints?.[0]?.[0], 0, 'iteration 0 is recorded');
    assert.ok(first(big) > 0.5, `saturation at iteration 0, scale 10: ${first(big)}`);
    assert.equal(first(small), 0);
    assert.equal(small.hiddenPoints?.length, 300, 'every iteration of a short run');
    for (const v of views) {
      assert.ok(v.baseline, 'the run has its baseline');
      assert.ok(v.baseline.trainAccuracy >= 0.45 && v.baseline.trainAccuracy <= 0.5, `baseline ${v.baseline.trainAccuracy}`);
    }
    assert.match(big.label, /×10/);
  });

  test('a linear run trains and scores near its baseline', async () => {
    const { runs } = await api();
    const result = await trainUnsaved(workspaceFile('flower.csv'), { settings: { iterations: 1000, testFraction: 0, activation: 'linear' } });
    assert.equal(result?.status, 'finished');
    const view = runs.list.find((r) => r.id === result?.runId);
    assert.ok(view?.baseline && result?.summary);
    assert.ok(Math.abs(result.summary.trainAccuracy - view.baseline.trainAccuracy) <= 0.03, `${result.summary.trainAccuracy} vs ${view.baseline.trainAccuracy}`);
    assert.deepEqual(view.hiddenPoints?.[0]?.slice(1), [0, 1], 'never saturated, g′ = 1');
  });
});
