// The extension's training run ends in a model file (the worker's modelJson): a network too
// big to write is refused by the worker before it trains, with the size, not lost at the end.
// Runs the bundled dist/trainWorker.js.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FromWorker, StartRun } from '../../../src/workers/workerProtocol';
import { TEST_SETTINGS } from '../trainedRun';

test('the training worker refuses a 20,000-feature × 1,300-unit run before training, saying how big its model would be', async () => {
  const cols = 20_000;
  const header = [...Array.from({ length: cols }, (_, k) => `f${k}`), 'label'].join(',');
  const row = (i: number): string => [...Array.from({ length: cols }, (_, k) => (i + k) % 7), i % 2 ? 'yes' : 'no'].join(',');
  const csv = new TextEncoder().encode(`${header}\n${row(0)}\n${row(1)}\n${row(2)}\n`);
  const worker = new Worker(join(process.cwd(), 'dist', 'trainWorker.js'));
  try {
    const first = new Promise<FromWorker>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    const start: StartRun = {
      type: 'start',
      csv,
      fileName: 'wide.csv',
      settings: { ...TEST_SETTINGS, hiddenUnits: 1300, testFraction: 0 },
      stop: new SharedArrayBuffer(4),
      progressEveryMs: 50,
    };
    worker.postMessage(start);
    const m = await first;
    assert.equal(m.type, 'failed', `the first message is ${m.type}, not the refusal`);
    if (m.type !== 'failed') return;
    assert.match(m.error.message, /^a 20000-1300-1 network cannot be saved: its model file would be about 5\d\d MB, past the 537 MB a model file can hold/);
  } finally {
    await worker.terminate();
  }
});
