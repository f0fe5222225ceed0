// Runs survive a window reload: what is kept, how much, and how a run cut off by the
// reload comes back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { KEPT_RUNS, loadRuns, storeRuns, type StoredRun } from '../../../../src/host/training/runHistory';
import type { CostPoint, RunView } from '../../../../src/shared/runTypes';
import { BUILT_IN_DEFAULTS } from '../../../../src/shared/settingsDefaults';

class MemoryMemento implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? (structuredClone(this.values.get(key)) as T) : fallback;
  }
  update(key: string, value: unknown): Thenable<void> {
    this.values.set(key, structuredClone(value));
    return Promise.resolve();
  }
}

function run(id: number, status: RunView['status'], points = 10): StoredRun {
  const p: CostPoint[] = Array.from({ length: points }, (_, i) => [i, 1 / (i + 1), 0.5]);
  return {
    view: { id, label: `run ${id}`, fileName: 'flower.csv', settings: BUILT_IN_DEFAULTS, status, points: p, testPoints: [], iteration: points },
    csv: 'file:///w/flower.csv',
    modelJson: '{"format":"shallow-net-model"}',
  };
}

test('finished runs come back as they were, with their model', async () => {
  const m = new MemoryMemento();
  await storeRuns(m, [run(1, 'finished'), run(2, 'diverged')]);
  const back = loadRuns(m);
  assert.deepEqual(back.map((r) => [r.view.id, r.view.status]), [[1, 'finished'], [2, 'diverged']]);
  assert.equal(back[0].modelJson, '{"format":"shallow-net-model"}');
  assert.equal(back[0].view.points.length, 10);
});

test('a run still training when the window reloaded comes back stopped, saying why', async () => {
  const m = new MemoryMemento();
  await storeRuns(m, [run(3, 'running')]);
  const [r] = loadRuns(m);
  assert.equal(r.view.status, 'stopped');
  assert.match(r.view.message ?? '', /interrupted when the window reloaded/);
});

test('only the latest runs are kept, each with a thinned cost curve that keeps its last point', async () => {
  const m = new MemoryMemento();
  await storeRuns(m, Array.from({ length: KEPT_RUNS + 5 }, (_, i) => run(i + 1, 'finished', 10000)));
  const back = loadRuns(m);
  assert.equal(back.length, KEPT_RUNS);
  assert.equal(back[0].view.id, 6);
  const pts = back[0].view.points;
  assert.ok(pts.length <= 1501, `${pts.length} points`);
  assert.deepEqual(pts[pts.length - 1], [9999, 1 / 10000, 0.5]);
});

test('anything else in the state (an older format, a hand edit) is ignored', async () => {
  const m = new MemoryMemento();
  await m.update('shallowNet.runs.v1', [{ view: { id: 'x' } }, 42, null, run(4, 'finished')]);
  assert.deepEqual(loadRuns(m).map((r) => r.view.id), [4]);
});
