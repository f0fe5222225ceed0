// `shallow-net gradcheck` checks on the extension's seeded subsample of at most 200 training
// examples (src/core/gradcheckRun.ts) and says how many it used. Runs the bundled dist/cli.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GRADCHECK_MAX_EXAMPLES, gradCheckCsv } from '../../../src/core/gradcheckRun';
import { BUILT_IN_DEFAULTS } from '../../../src/shared/settingsDefaults';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const FIXTURES = join(process.cwd(), 'test', 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'shallow-net-gradcheck-'));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('gradcheck on 20 000 rows uses 200 of them, seeded, as the extension does, and says so', () => {
  const csv = join(tmp, 'moons.csv');
  assert.equal(cli('sample', 'moons', '--rows', '20000', '--out', csv).status, 0);
  const r = cli('gradcheck', csv, '--seed', '5');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^200 of 20000 \(seed 5\) training examples\n/);
  assert.match(r.stdout, /overall .*: pass/);
  const json = JSON.parse(cli('gradcheck', csv, '--seed', '5', '--json').stdout) as { examples: number; total: number; overall: number; pass: boolean };
  assert.equal(json.examples, GRADCHECK_MAX_EXAMPLES);
  assert.equal(json.total, 20000);
  const extension = gradCheckCsv(readFileSync(csv, 'utf8'), 'moons.csv', { ...BUILT_IN_DEFAULTS, testFraction: 0, seed: 5 });
  assert.equal(json.overall, extension.overall, "the extension's subsample and result");
});

test('gradcheck on a small file uses all its rows and says so', () => {
  const r = cli('gradcheck', join(FIXTURES, 'iris.csv'));
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^all 150 training examples\n/);
});
