// `--target` takes a column's name or its 0-based index, as the help says; a column whose name
// is itself digits is taken by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveTarget } from '../../../src/engine/dataset';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const FIXTURES = join(process.cwd(), 'test', 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'shallow-net-target-'));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('a target given as digits is a 0-based index unless a column has that name', () => {
  assert.equal(resolveTarget(['x1', 'x2', 'label'], '2', 'f.csv'), 2);
  assert.equal(resolveTarget(['x1', 'x2', 'label'], ' 0 ', 'f.csv'), 0);
  assert.equal(resolveTarget(['x1', 'x2', 'label'], 'label', 'f.csv'), 2);
  assert.equal(resolveTarget(['2', 'x', 'y'], '2', 'f.csv'), 0, 'a header "2" wins by name');
  assert.throws(() => resolveTarget(['x1', 'x2', 'label'], '3', 'f.csv'), /there is no column number 3 \(counting from 0, the file has columns 0 to 2/);
  assert.throws(() => resolveTarget(['x1', 'x2', 'label'], '-1', 'f.csv'), /there is no column named "-1"/);
});

test('train --target 2 trains on the third column', () => {
  const byIndex = cli('train', join(FIXTURES, 'flower.csv'), '--target', '2', '--iterations', '10');
  assert.equal(byIndex.status, 0, byIndex.stderr);
  assert.match(byIndex.stdout, /target "label"/);
  const first = cli('train', join(FIXTURES, 'flower.csv'), '--target', '0', '--iterations', '10');
  assert.notEqual(first.status, 0, 'x1 is a quantity, not classes');
  assert.match(first.stderr, /^error: .*the target has \d+ different numbers/);
  const csv = join(tmp, 'digits.csv');
  // Column 0 is named "2"; index 2 would be "kind".
  writeFileSync(csv, '2,x,kind\na,0.5,0\nb,1.5,1\na,0.25,0\nb,2,1\n');
  const named = cli('train', csv, '--target', '2', '--iterations', '10');
  assert.equal(named.status, 0, named.stderr);
  assert.match(named.stdout, /target "2" with classes a, b/);
  const last = cli('train', csv, '--iterations', '10');
  assert.match(last.stdout, /target "kind" with classes 0, 1/);
});
