// The CLI side of the lesson's demonstrations (issue 7): `baseline`, `--init-scale`, `--activation
// linear`, and the JSON iteration lines' saturation and mean g'. Runs the bundled dist/cli.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const FLOWER = join(process.cwd(), 'test', 'fixtures', 'flower.csv');
const IRIS = join(process.cwd(), 'test', 'fixtures', 'iris.csv');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

test('baseline FILE.csv: logistic regression on the flower scores 45–50 %', () => {
  const r = cli('baseline', FLOWER);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /logistic regression \(no hidden layer\), sigmoid output, learning rate 1\.2/);
  const m = /train accuracy ([\d.]+) %/.exec(r.stdout);
  assert.ok(m, r.stdout);
  const acc = Number(m[1]);
  assert.ok(acc >= 45 && acc <= 50, r.stdout);
});

test('baseline --json on iris with a test split: one object, close to the network', () => {
  const r = cli('baseline', IRIS, '--test-fraction', '0.2', '--json');
  assert.equal(r.status, 0, r.stderr);
  const [o, ...rest] = jsonLines(r.stdout);
  assert.equal(rest.length, 0);
  assert.equal(o.model, 'logistic-regression');
  assert.equal(o.diverged, false);
  assert.ok((o.trainAccuracy as number) > 0.93);
  assert.equal(typeof o.testAccuracy, 'number');
  const net = jsonLines(cli('train', IRIS, '--test-fraction', '0.2', '--iterations', '3000', '--learning-rate', '0.5', '--json').stdout).pop();
  assert.ok(net && Math.abs((net.trainAccuracy as number) - (o.trainAccuracy as number)) <= 0.05, JSON.stringify({ net, o }));
});

test('baseline: bad options exit 2; --help lists the data options but not the network\'s', () => {
  const bad = cli('baseline', FLOWER, '--hidden', '4');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^error: unknown option --hidden for "baseline"/);
  const help = cli('baseline', '--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--test-fraction/);
  assert.match(help.stdout, /--learning-rate/);
  assert.match(cli('--help').stdout, /baseline FILE\.csv/);
});

test('--json iteration lines carry saturation and meanDerivative: tanh at scale 10 saturates, at 0.01 not', () => {
  const big = jsonLines(cli('train', FLOWER, '--init-scale', '10', '--iterations', '1001', '--json').stdout);
  const first = big[0];
  assert.equal(first.iteration, 0);
  assert.ok((first.saturation as number) > 0.5, JSON.stringify(first));
  assert.ok((first.meanDerivative as number) < 0.5);
  const small = jsonLines(cli('train', FLOWER, '--iterations', '1001', '--json').stdout)[0];
  assert.equal(small.saturation, 0);
  assert.ok((small.meanDerivative as number) > 0.99);
  assert.ok(!('saturation' in big[big.length - 1]), 'the final line is the summary');
});

test('--init-scale must be positive; --activation linear trains and stays near the baseline', () => {
  const bad = cli('train', FLOWER, '--init-scale', '0');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^error: the initial scale must be a number above 0/);
  const lin = jsonLines(cli('train', FLOWER, '--activation', 'linear', '--iterations', '2000', '--json').stdout).pop();
  assert.ok(lin && Math.abs((lin.trainAccuracy as number) - 0.47) <= 0.03, JSON.stringify(lin));
  const line = jsonLines(cli('train', FLOWER, '--activation', 'linear', '--iterations', '1', '--json').stdout)[0];
  assert.equal(line.saturation, 0);
  assert.equal(line.meanDerivative, 1);
});
