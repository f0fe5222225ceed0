// The lifecycle every extension worker shares (src/host/common/workerSession.ts): with tiny worker scripts,
// a job ends exactly once, with its result, an out-of-memory worker's one clear message (and this
// process goes on), an uncaught error, an exit, or a worker that did not stop when asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErrorInfo } from '../../../../src/shared/runTypes';
import { outOfMemoryMessage } from '../../../../src/core/memoryLimit';
import { movable, startWorkerJob, WORKER_OUT_OF_MEMORY, WorkerThread } from '../../../../src/host/common/workerSession';

const dir = mkdtempSync(join(tmpdir(), 'snx-worker-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** A worker script file of this source (CommonJS, as the dist/ bundles are). */
function script(name: string, source: string): string {
  const file = join(dir, `${name}.js`);
  writeFileSync(file, `const { parentPort } = require('node:worker_threads');\n${source}\n`);
  return file;
}

type End = { kind: 'done'; value: number } | { kind: 'failed'; error: ErrorInfo };

function job(file: string, start: unknown = { n: 1 }, limitMb?: number): { ending: Promise<End>; ends: End[] } {
  const ends: End[] = [];
  const { ending } = startWorkerJob<unknown, { value: number }, End>(
    { script: file, role: 'test worker', subject: () => 'big.csv', ...(limitMb === undefined ? {} : { limitMb }) },
    start,
    [],
    {
      message: (m, end) => end({ kind: 'done', value: m.value }),
      failed: (error) => ({ kind: 'failed', error }),
    },
  );
  void ending.then((e) => ends.push(e));
  return { ending, ends };
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 300));

test('a job ends with the result its worker posts, once', async () => {
  const echo = script('echo', `parentPort.on('message', (m) => { parentPort.postMessage({ value: m.n * 2 }); parentPort.postMessage({ value: 0 }); });`);
  const { ending, ends } = job(echo, { n: 21 });
  assert.deepEqual(await ending, { kind: 'done', value: 42 });
  await settle();
  assert.equal(ends.length, 1);
});

test('a worker past its memory limit ends the job with the one out-of-memory message; this process goes on', async () => {
  const hog = script('hog', `parentPort.on('message', () => { const keep = []; for (;;) keep.push(new Array(100000).fill({ a: keep.length })); });`);
  const { ending, ends } = job(hog, {}, 16);
  const end = await ending;
  assert.equal(end.kind, 'failed');
  if (end.kind !== 'failed') return;
  assert.equal(end.error.message, outOfMemoryMessage('big.csv', 16));
  assert.equal(end.error.code, WORKER_OUT_OF_MEMORY);
  assert.equal(end.error.file, undefined, 'no place in the file: no Problem on it');
  await settle();
  assert.equal(ends.length, 1, 'the exit that follows the error ends nothing again');
  // And a next job works.
  const echo = script('echo2', `parentPort.on('message', (m) => parentPort.postMessage({ value: m.n }));`);
  assert.deepEqual(await job(echo, { n: 7 }).ending, { kind: 'done', value: 7 });
});

test("a worker's uncaught error and a worker's exit each end the job with a message naming it", async () => {
  const thrower = script('thrower', `parentPort.on('message', () => { throw new Error('boom'); });`);
  assert.deepEqual(await job(thrower).ending, { kind: 'failed', error: { message: 'The test worker failed: boom' } });
  const quitter = script('quitter', `parentPort.on('message', () => process.exit(3));`);
  assert.deepEqual(await job(quitter).ending, { kind: 'failed', error: { message: 'The test worker stopped unexpectedly (exit code 3).' } });
});

test('a script that is not there ends the job as failed, not with an exception', async () => {
  const end = await job(join(dir, 'missing.js')).ending;
  assert.equal(end.kind, 'failed');
});

test('a worker that does not stop when asked is ended, and so is the job', async () => {
  const stuck = script('stuck', `parentPort.on('message', () => { for (;;) {} });`);
  const { ending, job: j } = startWorkerJob<unknown, { value: number }, End>(
    { script: stuck, role: 'test worker', subject: () => 'big.csv' },
    {},
    [],
    { message: (m, end) => end({ kind: 'done', value: m.value }), failed: (error) => ({ kind: 'failed', error }) },
  );
  j.endWithin(50);
  assert.deepEqual(await ending, { kind: 'failed', error: { message: 'The test worker did not stop when asked; it was ended.' } });
});

test('a kept worker relays messages until terminated, and terminate() reports no loss', async () => {
  const echo = script('echo3', `parentPort.on('message', (m) => parentPort.postMessage(m));`);
  const got: unknown[] = [];
  const lost: ErrorInfo[] = [];
  const w = new WorkerThread<number, number>({ script: echo, role: 'test worker', subject: () => 'x.csv' }, { message: (m) => got.push(m), lost: (e) => lost.push(e) });
  w.post(1);
  w.post(2);
  await new Promise<void>((resolve) => {
    const t = setInterval(() => {
      if (got.length === 2) {
        clearInterval(t);
        resolve();
      }
    }, 5);
  });
  w.terminate();
  w.post(3);
  await settle();
  assert.deepEqual(got, [1, 2]);
  assert.deepEqual(lost, []);
  assert.equal(w.ended, true);
});

test("a file's bytes read whole are moved to the worker, not copied; a view into a larger buffer is copied", async () => {
  const sum = script('sum', `parentPort.on('message', (m) => parentPort.postMessage({ value: m.bytes.reduce((a, b) => a + b, 0) }));`);
  const whole = new Uint8Array(1024 * 1024).fill(1);
  assert.equal(movable(whole).length, 1);
  const { ending } = startWorkerJob<{ bytes: Uint8Array }, { value: number }, End>(
    { script: sum, role: 'test worker', subject: () => 'big.csv' },
    { bytes: whole },
    movable(whole),
    { message: (m, end) => end({ kind: 'done', value: m.value }), failed: (error) => ({ kind: 'failed', error }) },
  );
  assert.equal(whole.byteLength, 0, 'moved: the host no longer holds it');
  assert.deepEqual(await ending, { kind: 'done', value: 1024 * 1024 });

  const big = new Uint8Array(1024 * 1024);
  assert.deepEqual(movable(big.subarray(1)), [], 'a view that does not cover its buffer');
  assert.deepEqual(movable(big.subarray(0, 1000)), []);
  assert.deepEqual(movable(Buffer.from('a,b\n1,2\n')), [], "a small Buffer (Node's pool)");
  assert.deepEqual(movable(new Uint8Array(1000)), [], 'small: copying costs nothing');
});
