// Reading input safely: one size limit for a CSV or model file, a clear error past it (a file
// too big, a pipe that never ends, /dev/zero), never a hang or a V8 abort.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBytes } from '../../../src/cli/common';
import { checkInputSize, MAX_INPUT_BYTES } from '../../../src/engine/limits';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'shallow-net-size-'));

test('the limit is below the longest string V8 can make (2^29 − 24 characters)', () => {
  assert.ok(MAX_INPUT_BYTES < 2 ** 29 - 24);
  assert.throws(() => checkInputSize('big.csv', MAX_INPUT_BYTES + 1), /big\.csv: the file is 500000001 bytes, larger than 500 MB/);
  assert.doesNotThrow(() => checkInputSize('big.csv', MAX_INPUT_BYTES));
});

test('a file just past the limit is refused, one at the limit is read whole', () => {
  const file = join(tmp, 'ten.csv');
  writeFileSync(file, 'a,b\n1,2\n3,4\n'); // 12 bytes
  assert.equal(readBytes(file, 12).length, 12);
  assert.throws(() => readBytes(file, 11), (e: Error) => /ten\.csv: the file is 12 bytes, larger than 11 bytes/.test(e.message));
});

test('a pipe that never ends stops at the limit with the same error', async () => {
  const fifo = join(tmp, 'endless');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
  const writer = spawn('sh', ['-c', `yes 1,2 > '${fifo}'`], { stdio: 'ignore' });
  try {
    assert.throws(() => readBytes(fifo, 100_000), (e: Error) => /endless: the file is larger than 100 kB/.test(e.message));
  } finally {
    writer.kill();
  }
});

test('the CLI on /dev/zero ends at once with one error line and exit 2', () => {
  const r = spawnSync(process.execPath, [CLI, 'train', '/dev/zero'], { encoding: 'utf8', timeout: 20_000 });
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stderr, 'error: cannot read /dev/zero: it is a device, not a file\n');
});

test('the CLI refuses a folder and a missing file as before', () => {
  assert.match(spawnSync(process.execPath, [CLI, 'train', tmp], { encoding: 'utf8' }).stderr, /^error: cannot read .*: it is a folder\n$/);
  assert.match(spawnSync(process.execPath, [CLI, 'train', join(tmp, 'no.csv')], { encoding: 'utf8' }).stderr, /^error: cannot read .*: no such file\n$/);
});
