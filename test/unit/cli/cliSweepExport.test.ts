// `shallow-net sweep` and `shallow-net export-numpy` as a script or CI uses them.
// Runs the bundled dist/cli.js (`npm run test:unit` builds it first).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const FIXTURES = join(process.cwd(), 'test', 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'shallow-net-cli2-'));
const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('sweep --json: one line per size (hidden units, cost, accuracies, seconds), then a done line', () => {
  const r = cli('sweep', join(FIXTURES, 'flower.csv'), '--sizes', '1,3', '--iterations', '300', '--json');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(lines.length, 3);
  assert.deepEqual(lines.slice(0, 2).map((l) => l.hiddenUnits), [1, 3]);
  for (const l of lines.slice(0, 2)) {
    assert.deepEqual(Object.keys(l).sort(), ['cost', 'diverged', 'hiddenUnits', 'iterations', 'seconds', 'testAccuracy', 'trainAccuracy']);
    assert.equal(l.testAccuracy, null);
    assert.equal(l.iterations, 300);
  }
  assert.equal(lines[2].done, true);
  assert.equal(lines[2].sizes, 2);
  // Deterministic: the same command gives the same costs.
  const again = cli('sweep', join(FIXTURES, 'flower.csv'), '--sizes', '1,3', '--iterations', '300', '--json');
  const costs = (s: string) => s.trim().split('\n').slice(0, 2).map((l) => (JSON.parse(l) as { cost: number }).cost);
  assert.deepEqual(costs(again.stdout), costs(r.stdout));
});

test('sweep: a human table, with test accuracy when there is a split; the default sizes are the lesson\'s', () => {
  const r = cli('sweep', join(FIXTURES, 'flower.csv'), '--sizes', '2,4', '--iterations', '200', '--test-fraction', '0.25');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^hidden units +cost +train accuracy +test accuracy +seconds$/m);
  assert.match(r.stdout, /^ +2 +0\.\d{6} +\d+\.\d % +\d+\.\d % +\d+\.\d\d$/m);
  assert.match(r.stdout, /^ +4 +0\.\d{6} +\d+\.\d % +\d+\.\d % +\d+\.\d\d$/m);
  assert.match(r.stdout, /best test accuracy: \d hidden units/);
  const help = cli('sweep', '--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--sizes N,N,… +hidden sizes to train, comma-separated \(default 1,2,3,4,5,20,50\)/);
});

test('export-numpy writes a Python file that predicts like `shallow-net predict`', { skip: !hasNumpy && 'python3-numpy missing' }, () => {
  const model = join(tmp, 'iris.model.json');
  assert.equal(cli('train', join(FIXTURES, 'iris.csv'), '--iterations', '500', '--save', model).status, 0);
  const py = join(tmp, 'iris_model.py');
  const r = cli('export-numpy', model, '--out', py);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, `wrote ${py}\n`);
  assert.match(readFileSync(py, 'utf8'), /^def predict\(X\):$/m);
  const stdout = cli('export-numpy', model, '--out', '-');
  assert.equal(stdout.stdout, readFileSync(py, 'utf8').replace('python3 iris_model.py', 'python3 this_file.py'));
  const python = spawnSync('python3', [py, join(FIXTURES, 'iris.csv')], { encoding: 'utf8' });
  assert.equal(python.status, 0, python.stderr);
  const engine = cli('predict', model, join(FIXTURES, 'iris.csv'));
  const labels = (csv: string) => csv.trim().split('\n').map((l) => l.split(',').pop());
  assert.deepEqual(labels(python.stdout), labels(engine.stdout));
});

test('sweep and export-numpy: bad input exits 2 with one "error:" line', () => {
  const notModel = join(tmp, 'not.model.json');
  writeFileSync(notModel, '{"W1": []}');
  const cases: [string[], RegExp][] = [
    [['sweep', join(FIXTURES, 'flower.csv'), '--sizes', '1,x'], /^error: --sizes must be whole numbers from 1 to 1000 separated by commas, e\.g\. 1,2,3,4,5,20,50; "x" is not$/],
    [['sweep', join(FIXTURES, 'flower.csv'), '--sizes', '0'], /^error: --sizes must be whole numbers/],
    [['sweep', join(FIXTURES, 'flower.csv'), '--sizes', ''], /^error: --sizes must be whole numbers/],
    [['sweep', join(FIXTURES, 'flower.csv'), '--hidden', '3'], /^error: unknown option --hidden for "sweep"/],
    [['sweep', join(tmp, 'missing.csv')], /^error: cannot read .*missing\.csv: no such file$/],
    [['sweep'], /^error: missing FILE\.csv/],
    [['export-numpy', notModel, '--out', join(tmp, 'x.py')], /^error: not\.model\.json: is not a Shallow Net model/],
    [['export-numpy', join(tmp, 'nothing.json'), '--out', join(tmp, 'x.py')], /^error: cannot read .*nothing\.json: no such file$/],
    [['export-numpy', notModel], /^error: --out FILE\.py is required/],
  ];
  for (const [args, pattern] of cases) {
    const r = cli(...args);
    assert.equal(r.status, 2, `${args.join(' ')} → ${r.status}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
    assert.match(r.stderr.trim(), pattern);
  }
  assert.ok(!existsSync(join(tmp, 'x.py')), 'nothing written on an error');
});
