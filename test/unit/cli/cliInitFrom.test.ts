// `--init-from` sets the hidden layer's size: a `--hidden` that disagrees is an error saying the
// file would win, and a file past the hidden-unit limit (MAX_HIDDEN_UNITS) is refused like --hidden.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_HIDDEN_UNITS } from '../../../src/engine/config';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const FIXTURES = join(process.cwd(), 'test', 'fixtures');
const FLOWER = join(FIXTURES, 'flower.csv');
const INIT = join(FIXTURES, 'flower_init_seed2.json');
const tmp = mkdtempSync(join(tmpdir(), 'shallow-net-initfrom-'));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('--hidden that disagrees with --init-from is an error saying the file would win', () => {
  for (const command of ['train', 'gradcheck']) {
    const r = cli(command, FLOWER, '--hidden', '8', '--init-from', INIT);
    assert.equal(r.status, 2, command);
    assert.match(r.stderr, /^error: --hidden 8 disagrees with --init-from .*flower_init_seed2\.json, whose parameters have 4 hidden units; the file would win: drop --hidden, or pass --hidden 4\n$/);
    assert.equal(r.stdout, '');
  }
  const agree = cli('train', FLOWER, '--hidden', '4', '--init-from', INIT, '--iterations', '10');
  assert.equal(agree.status, 0, agree.stderr);
  assert.match(agree.stdout, /network 2-4-1/);
  const fileOnly = cli('train', FLOWER, '--init-from', INIT, '--iterations', '10');
  assert.match(fileOnly.stdout, /network 2-4-1/);
});

test('an --init-from file with more hidden units than the limit is refused', () => {
  const nh = MAX_HIDDEN_UNITS + 1;
  const file = join(tmp, 'huge.json');
  const column = (v: number): number[][] => Array.from({ length: nh }, () => [v]);
  writeFileSync(file, JSON.stringify({
    W1: Array.from({ length: nh }, () => [0.01, -0.01]),
    b1: column(0),
    W2: [Array.from({ length: nh }, () => 0.01)],
    b2: [[0]],
  }));
  const r = cli('train', FLOWER, '--init-from', file, '--iterations', '1');
  assert.equal(r.status, 2, r.stdout);
  assert.match(r.stderr, new RegExp(`^error: huge\\.json: the initial parameters have ${nh} hidden units \\(W1 is ${nh} × 2\\); at most ${MAX_HIDDEN_UNITS} are supported`));
  const hidden = cli('train', FLOWER, '--hidden', String(nh), '--iterations', '1');
  assert.match(hidden.stderr, new RegExp(`hidden units must be a whole number from 1 to ${MAX_HIDDEN_UNITS}, not ${nh}`));
});
