// Predict with Model and Gradient Check off the extension host's thread (src/host/common/toolJobs.ts on
// dist/toolsWorker.js): the same answers as on the thread, errors as ErrorInfo (with the row),
// and a CSV past the memory limit the one out-of-memory message, this process going on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from '../../../../src/engine/csv';
import { parseModel, serializeModel } from '../../../../src/engine/model';
import { predictTable, writePredictionsCsv } from '../../../../src/engine/predict';
import { gradCheckCsv } from '../../../../src/core/gradcheckRun';
import { MEMORY_ENV, outOfMemoryMessage } from '../../../../src/core/memoryLimit';
import { modelOf, snapshot } from '../../../../src/core/pipeline';
import { gradCheckOffThread, predictOffThread } from '../../../../src/host/common/toolJobs';
import { WORKER_OUT_OF_MEMORY } from '../../../../src/host/common/workerSession';
import { fixture } from '../../helpers';
import { TEST_SETTINGS, trained } from '../../trainedRun';

// Tests run from the repository root, after `node esbuild.mjs --tests` (which builds dist/ too).
const root = process.cwd();
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const flower = fixture('flower.csv');

const run = trained('flower.csv');
const modelJson = serializeModel(modelOf(run, run.trainer.params, { costHistory: [], iterations: 200, trainAccuracy: 0, testAccuracy: null, seconds: 0, date: '2026-01-01T00:00:00.000Z' }));

test('predict off the thread writes what predicting on the thread writes', async () => {
  const answer = await predictOffThread(root, { bytes: bytes(modelJson), fileName: 'flower.model.json' }, { bytes: bytes(flower), fileName: 'flower.csv' });
  assert.ok(!('error' in answer), JSON.stringify(answer));
  const model = parseModel(modelJson, 'flower.model.json');
  const table = parseCsv(flower, 'flower.csv');
  const expected = writePredictionsCsv(table, predictTable(model, table, 'flower.csv'), model);
  assert.equal(new TextDecoder().decode(answer.bytes), expected);
  assert.equal(answer.rows, table.rows.length);
});

test('a CSV that does not fit the model is an error naming the row', async () => {
  const csv = 'x1,x2\n1,2\n3,abc\n';
  const answer = await predictOffThread(root, { bytes: bytes(modelJson), fileName: 'flower.model.json' }, { bytes: bytes(csv), fileName: 'bad.csv' });
  assert.ok('error' in answer);
  assert.equal(answer.error.row, 3);
  assert.match(answer.error.message, /bad\.csv/);
});

test('the gradient check off the thread is the one on the thread, at the initial and at given parameters', async () => {
  const initial = await gradCheckOffThread(root, { bytes: bytes(flower), fileName: 'flower.csv' }, TEST_SETTINGS);
  assert.deepEqual(initial, { result: gradCheckCsv(flower, 'flower.csv', TEST_SETTINGS) });
  const params = snapshot(run.trainer.params);
  const final = await gradCheckOffThread(root, { bytes: bytes(flower), fileName: 'flower.csv' }, TEST_SETTINGS, params);
  assert.deepEqual(final, { result: gradCheckCsv(flower, 'flower.csv', TEST_SETTINGS, params) });
});

test('a CSV past the memory limit is the out-of-memory message, and the next job works', async () => {
  // 400,000 rows of 8 short numbers: a few MB on disk, far more than 16 MB once parsed.
  const row = '1,2,3,4,5,6,7,0\n';
  const big = bytes('a,b,c,d,e,f,g,y\n' + row.repeat(400_000));
  const before = process.env.SHALLOW_NET_MAX_MEMORY_MB;
  assert.equal(MEMORY_ENV, 'SHALLOW_NET_MAX_MEMORY_MB');
  process.env.SHALLOW_NET_MAX_MEMORY_MB = '16';
  try {
    const answer = await gradCheckOffThread(root, { bytes: big, fileName: 'big.csv' }, TEST_SETTINGS);
    assert.ok('error' in answer, 'the check fails');
    assert.equal(answer.error.code, WORKER_OUT_OF_MEMORY);
    assert.equal(answer.error.message, outOfMemoryMessage('big.csv', 16));
  } finally {
    if (before === undefined) delete process.env.SHALLOW_NET_MAX_MEMORY_MB;
    else process.env.SHALLOW_NET_MAX_MEMORY_MB = before;
  }
  const again = await gradCheckOffThread(root, { bytes: bytes(flower), fileName: 'flower.csv' }, TEST_SETTINGS);
  assert.ok('result' in again);
});
