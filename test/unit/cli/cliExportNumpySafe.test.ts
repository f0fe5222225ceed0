// The report's attack on `shallow-net export-numpy`, as a person would run it: a CSV named
// to break out of the docstring, trained, exported under a name doing the same, and run.
// Runs the bundled dist/cli.js (`npm run test:unit` builds it first).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runPython, skipWithoutNumpy } from '../numpyPython';

const CLI = join(process.cwd(), 'dist', 'cli.js');

function cli(cwd: string, ...args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

test('train on f"""; __import__("os").system("touch PWNED"); """.csv, export-numpy --out a name like it: the script predicts and touches nothing', { skip: skipWithoutNumpy }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'shallow-net-pwned-'));
  const csv = 'f"""; __import__("os").system("touch PWNED"); """.csv';
  const out = '"""; __import__("os").system("touch PWNED2") #.py';
  copyFileSync(join(process.cwd(), 'test', 'fixtures', 'flower.csv'), join(dir, csv));
  assert.equal(cli(dir, 'train', csv, '--iterations', '50', '--save', 'm.model.json').status, 0);
  const exported = cli(dir, 'export-numpy', 'm.model.json', '--out', out);
  assert.equal(exported.status, 0, exported.stderr);
  const r = runPython([out, csv], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^x1,x2,label,probability_1,predicted_label\n/);
  const source = runPython(['-c', `import runpy; print(runpy.run_path(${JSON.stringify(out)})["SOURCE"])`], dir);
  assert.equal(source.stdout, `${csv}\n`);
  assert.deepEqual(readdirSync(dir).sort(), [out, csv, 'm.model.json'].sort(), 'no PWNED file');
});
