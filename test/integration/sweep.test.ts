// Sweep Hidden Layer Sizes… inside the real extension host: each size reaches the panel's feed as
// it finishes, the numbers are the engine's own, a cancel ends the sweep within moments, and a
// bad CSV is an error naming the file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sweepHiddenSizes } from '../../src/engine/sweep';
import { prepareRun } from '../../src/core/pipeline';
import type { SweepView } from '../../src/shared/runTypes';
import { defaultSettings } from '../../src/host/common/settings';
import { Sweeps } from '../../src/host/sweep/sweeps';
import { api, EXT_ID, read, waitFor, workspaceFile, write } from './helpers';

/** A workspace state of our own, to see what a reloaded window would find. */
class MemoryMemento implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : fallback;
  }
  update(key: string, value: unknown): Thenable<void> {
    this.values.set(key, JSON.parse(JSON.stringify(value)));
    return Promise.resolve();
  }
}

const sweep = (csv: vscode.Uri, options: object): Thenable<SweepView | undefined> =>
  vscode.commands.executeCommand<SweepView | undefined>('shallowNet.sweepHiddenSizes', csv, { noPanel: true, ...options });

suite('Hidden layer size sweep', () => {
  suiteSetup(async () => {
    await api();
  });

  test('flower.csv with sizes "1,2,3": each size reaches the panel as it finishes, with the engine\'s numbers', async () => {
    const { sweeps } = await api();
    const seen: number[] = [];
    const sub = sweeps.onDidChange((v) => seen.push(v.results.length));
    let view: SweepView | undefined;
    try {
      view = await sweep(workspaceFile('flower.csv'), { sizes: '1,2,3', settings: { iterations: 300 } });
    } finally {
      sub.dispose();
    }
    assert.ok(view, 'the command returns the sweep');
    assert.equal(view.status, 'finished');
    assert.deepEqual(view.sizes, [1, 2, 3]);
    assert.deepEqual(view.results.map((r) => r.hiddenUnits), [1, 2, 3]);
    assert.equal(view.hasTest, true, 'the default 0.2 test fraction');
    // The panel heard each size as it finished (1, 2, then 3 results), not only the end.
    for (const n of [1, 2, 3]) assert.ok(seen.includes(n), `a change with ${n} results; saw ${seen.join(',')}`);
    assert.deepEqual(sweeps.latest, view);
    // The same as the engine run here with the same settings.
    const settings = { ...defaultSettings(workspaceFile('flower.csv')), iterations: 300 };
    const run = prepareRun(await read(workspaceFile('flower.csv')), 'flower.csv', settings);
    const expected = sweepHiddenSizes(run.dataset, run.config, { sizes: [1, 2, 3] }).results;
    for (const [i, r] of view.results.entries()) {
      assert.equal(r.cost, expected[i].cost, `cost of ${r.hiddenUnits}`);
      assert.equal(r.trainAccuracy, expected[i].trainAccuracy);
      assert.equal(r.testAccuracy, expected[i].testAccuracy);
      assert.equal(r.iterations, 300);
      assert.equal(r.diverged, null);
      assert.ok(r.trainAccuracy > 0.4 && r.trainAccuracy <= 1 && r.testAccuracy !== null);
    }
  });

  test('the sweep leaves the extension host free; cancel ends it promptly and keeps the sizes finished', async function () {
    this.timeout(60_000);
    const { sweeps } = await api();
    // 2 000 000 iterations a size would take minutes (size 1 too): the sweep is still training
    // size 1 when cancelled, so it ends with no size finished (any finished would be kept).
    const ending = sweep(workspaceFile('flower.csv'), { sizes: [1, 50], settings: { iterations: 2_000_000 } });
    await waitFor(() => sweeps.running && sweeps.latest?.status === 'running', 'the sweep to start', 20_000);
    // The sweep trains off the extension host: its timers keep firing meanwhile. The bound only
    // catches training on the host's thread (that would block it for minutes), not a loaded machine.
    let worst = 0;
    for (let i = 0; i < 10; i++) {
      const t = Date.now();
      await new Promise((r) => setTimeout(r, 20));
      worst = Math.max(worst, Date.now() - t - 20);
    }
    assert.ok(worst < 1500, `a 20 ms timer was ${worst} ms late`);
    // A second sweep while one runs is refused.
    assert.equal(await sweep(workspaceFile('flower.csv'), { sizes: [2] }), undefined);
    const asked = Date.now();
    assert.equal(sweeps.stop(), true);
    const view = await ending;
    // Within the iteration under way, not after the size's 2 000 000 (minutes); generous for a loaded machine.
    const took = Date.now() - asked;
    assert.ok(took < 10_000, `stopped in ${took} ms`);
    assert.ok(view);
    assert.equal(view.status, 'stopped');
    assert.ok(view.results.length < 2);
    assert.equal(sweeps.running, false);
    assert.equal(sweeps.stop(), false, 'nothing left to stop');
  });

  test('"Shallow Net: Stop Training" stops a sweep under way too, keeping the sizes finished', async function () {
    this.timeout(60_000);
    const { sweeps, runs } = await api();
    assert.equal(runs.training, false, 'no run to stop: only the sweep');
    // 2 000 000 iterations a size: still training when the command comes.
    const ending = sweep(workspaceFile('flower.csv'), { sizes: [1, 50], settings: { iterations: 2_000_000 } });
    await waitFor(() => sweeps.running && sweeps.latest?.status === 'running', 'the sweep to start', 20_000);
    await vscode.commands.executeCommand('shallowNet.stopTraining');
    const view = await ending;
    assert.ok(view);
    assert.equal(view.status, 'stopped');
    assert.ok(view.results.length < 2);
    assert.equal(sweeps.running, false);
  });

  test('a bad CSV is an error naming the file; bad sizes are refused', async () => {
    const bad = await write('sweep-bad.csv', 'x,y,label\n1,2,a\n3,oops,b\n5,6,a\n');
    const view = await sweep(bad, { sizes: [1, 2] });
    assert.ok(view);
    assert.equal(view.status, 'error');
    assert.match(view.error ?? '', /sweep-bad\.csv/);
    assert.deepEqual(view.results, []);
    assert.equal(await sweep(workspaceFile('flower.csv'), { sizes: '1, 0' }), undefined);
    assert.equal(await sweep(workspaceFile('flower.csv'), { sizes: [1, 1] }), undefined);
  });

  test('the latest sweep comes back after a reload of the window (workspace state), with its CSV', async () => {
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext);
    const memento = new MemoryMemento();
    const first = new Sweeps(ext.extensionPath, memento);
    const csv = workspaceFile('flower.csv');
    const view = await first.run({ csv, settings: { ...defaultSettings(csv), iterations: 50 }, sizes: [2, 1] });
    first.dispose();
    assert.ok(view);
    assert.equal(view.status, 'finished');
    const again = new Sweeps(ext.extensionPath, memento);
    assert.deepEqual(again.latest, view);
    assert.equal(again.lastCsv?.toString(), csv.toString());
    again.dispose();
  });

  test('a reload of the window mid-sweep finds the sweep (workspace state) and shows it stopped', async function () {
    this.timeout(60_000);
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext);
    const memento = new MemoryMemento();
    const first = new Sweeps(ext.extensionPath, memento);
    const csv = workspaceFile('flower.csv');
    // 2 000 000 iterations a size: still training the first size when the "reload" comes.
    const settings = { ...defaultSettings(csv), iterations: 2_000_000 };
    const ending = first.run({ csv, settings, sizes: [1, 2] });
    try {
      await waitFor(() => first.latest?.status === 'running', 'the sweep to start', 20_000);
      const reloaded = new Sweeps(ext.extensionPath, memento);
      assert.ok(reloaded.latest, 'the sweep under way was kept');
      assert.equal(reloaded.latest.id, first.latest?.id);
      assert.equal(reloaded.latest.status, 'stopped');
      assert.equal(reloaded.running, false);
      assert.equal(reloaded.lastCsv?.toString(), csv.toString());
      reloaded.dispose();
    } finally {
      first.stop();
      await ending;
      first.dispose();
    }
  });
});
