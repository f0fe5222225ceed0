// The `shallow-net` command line as a script or CI uses it: the lesson's run, JSON lines,
// predict, gradcheck, and exit status 2 with one `error:` line for bad input.
// Runs the bundled dist/cli.js (`npm run test:unit` builds it first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseModel } from '../../../src/engine/model';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const FIXTURES = join(process.cwd(), 'test', 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'shallow-net-cli-'));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

const LESSON = [
  'train', join(FIXTURES, 'flower.csv'), '--hidden', '4', '--activation', 'tanh', '--learning-rate', '1.2',
  '--iterations', '10000', '--normalize', 'none', '--init-from', join(FIXTURES, 'flower_init_seed2.json'),
];

test("the lesson's run through the CLI reproduces its published cost table and 90.5 % accuracy", () => {
  const table: [number, number, number][] = [
    [0, 0.693048, 5e-7], [1000, 0.288083, 5e-7], [2000, 0.254385, 5e-7], [3000, 0.233864, 5e-7],
    [4000, 0.226792, 5e-7], [5000, 0.222644, 5e-7], [6000, 0.219731, 5e-7], [7000, 0.217504, 5e-7],
    [8000, 0.2195, 1e-4], [9000, 0.2186, 1e-4],
  ];
  const r = cli(...LESSON, '--json');
  assert.equal(r.status, 0, r.stderr);
  const lines = jsonLines(r.stdout);
  const costs = new Map(lines.filter((l) => 'iteration' in l).map((l) => [l.iteration as number, l.cost as number]));
  for (const [i, expected, tolerance] of table) {
    const got = costs.get(i);
    assert.ok(got !== undefined && Math.abs(got - expected) <= tolerance, `iteration ${i}: ${got} vs ${expected}`);
  }
  const done = lines[lines.length - 1];
  assert.equal(done.done, true);
  assert.equal(done.iterations, 10000);
  assert.equal(done.testAccuracy, null);
  assert.equal(typeof done.seconds, 'number');
  // The lesson's 90.5 % is the accuracy of the last iteration's forward pass (iteration 9999,
  // before its update); after that update the parameters score 363/400 = 90.75 %, as numpy's do.
  const last = jsonLines(cli(...LESSON, '--json', '--log-every', '9999').stdout).find((l) => l.iteration === 9999);
  assert.equal(last?.accuracy, 0.905);
  assert.equal(done.trainAccuracy, 0.9075);
});

test('the human report has the cost table and the accuracies; --save writes a model that predict uses', () => {
  const model = join(tmp, 'flower.model.json');
  const r = cli('train', join(FIXTURES, 'flower.csv'), '--iterations', '1200', '--test-fraction', '0.25', '--save', model);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /iteration +cost\n +0 +0\.69\d+\n +1000 +0\.\d+/);
  assert.match(r.stdout, /train accuracy \d+\.\d %, test accuracy \d+\.\d %/);
  assert.match(r.stdout, /network 2-4-1, tanh hidden units, sigmoid output/);
  const parsed = parseModel(readFileSync(model, 'utf8'), 'flower.model.json');
  assert.equal(parsed.training.iterations, 1200);

  const out = join(tmp, 'predicted.csv');
  const p = cli('predict', model, join(FIXTURES, 'flower.csv'), '--out', out);
  assert.equal(p.status, 0, p.stderr);
  const lines = readFileSync(out, 'utf8').trim().split(/\r?\n/);
  assert.equal(lines[0], 'x1,x2,label,probability_1,predicted_label');
  assert.equal(lines.length, 401);
});

test('three classes train a softmax output; iris reaches at least 95 % with the defaults', () => {
  const r = cli('train', join(FIXTURES, 'iris.csv'), '--json');
  assert.equal(r.status, 0, r.stderr);
  const done = jsonLines(r.stdout).pop();
  assert.ok((done?.trainAccuracy as number) >= 0.95, `iris accuracy ${done?.trainAccuracy}`);
});

test('gradcheck passes for every activation on both output kinds', () => {
  for (const file of ['flower.csv', 'iris.csv']) {
    for (const activation of ['sigmoid', 'tanh', 'relu', 'leaky-relu']) {
      const r = cli('gradcheck', join(FIXTURES, file), '--activation', activation, '--init', 'xavier', '--json');
      assert.equal(r.status, 0, `${file} ${activation}: ${r.stdout}${r.stderr}`);
      const result = JSON.parse(r.stdout) as { overall: number; pass: boolean };
      assert.ok(result.pass && result.overall < 1e-7, `${file} ${activation}: ${result.overall}`);
    }
  }
});

test('a diverging learning rate stops with the advice and exit status 1', () => {
  const r = cli('train', join(FIXTURES, 'flower.csv'), '--learning-rate', '1e9', '--iterations', '100', '--json');
  assert.equal(r.status, 1);
  const last = jsonLines(r.stdout).pop();
  assert.equal(last?.diverged, true);
  assert.match(String(last?.message), /^diverged at iteration \d+; try a smaller learning rate$/);
  assert.ok(!r.stdout.includes('NaN'));
});

test('bad input and bad options exit 2 with one line on stderr that begins "error:"', () => {
  const broken = join(tmp, 'broken.csv');
  writeFileSync(broken, 'x1,x2,label\n1,2,0\n3,abc,1\n4,5,0\n6,7,1\n');
  const cases: [string[], RegExp][] = [
    [['train', join(tmp, 'missing.csv')], /^error: cannot read .*missing\.csv: no such file$/],
    [['train', broken], /^error: broken\.csv row 3, column "x2": "abc" is not a number/],
    [['train', join(FIXTURES, 'flower.csv'), '--hidden', 'x'], /^error: --hidden must be a number, not "x"$/],
    [['train', join(FIXTURES, 'flower.csv'), '--hidden', '0'], /^error: hidden units must be a whole number from 1 to 10000, not 0/],
    [['train', join(FIXTURES, 'flower.csv'), '--activation', 'swish'], /^error: --activation must be one of sigmoid, tanh, relu, leaky-relu/],
    [['train', join(FIXTURES, 'flower.csv'), '--frobnicate'], /^error: unknown option --frobnicate/],
    [['train', join(FIXTURES, 'flower.csv'), '--target', 'nope'], /^error: .*nope/],
    [['train'], /^error: missing FILE\.csv/],
    [['fly'], /^error: unknown command "fly"/],
    [[], /^error: no command given; run "shallow-net --help"/],
    [['predict', join(FIXTURES, 'flower.csv'), join(FIXTURES, 'flower.csv')], /^error: flower\.csv/],
  ];
  for (const [args, pattern] of cases) {
    const r = cli(...args);
    assert.equal(r.status, 2, `${args.join(' ')} → ${r.status}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
    assert.match(r.stderr.trim(), pattern);
    assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
  }
});

test('--help works for the program and each command', () => {
  for (const args of [['--help'], ['train', '--help'], ['predict', '--help'], ['gradcheck', '--help']]) {
    const r = cli(...args);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /usage: shallow-net/);
  }
});

test('a reader that closes the pipe early ends the command quietly, with no stack trace', () => {
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" train "${join(FIXTURES, 'iris.csv')}" --iterations 3000 | head -1`], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^iris\.csv: 150 rows used/);
  assert.equal(r.stderr, '');
});
