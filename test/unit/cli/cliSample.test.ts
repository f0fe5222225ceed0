// `shallow-net sample` and lesson mode on the command line (`train --rng numpy`): the lesson's
// whole run with no files given. Runs the bundled dist/cli.js (`npm run test:unit` builds it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const FIXTURES = join(process.cwd(), 'test', 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'shallow-net-sample-'));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const TABLE: [number, number][] = [
  [0, 0.693048], [1000, 0.288083], [2000, 0.254385], [3000, 0.233864],
  [4000, 0.226792], [5000, 0.222644], [6000, 0.219731], [7000, 0.217504],
];

function lessonCosts(csv: string, ...extra: string[]): Map<number, number> {
  const r = cli(
    'train', csv, '--hidden', '4', '--activation', 'tanh', '--learning-rate', '1.2', '--iterations', '10000',
    '--normalize', 'none', '--init', 'small', '--seed', '2', '--rng', 'numpy', '--json', ...extra,
  );
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { iteration?: number; cost?: number });
  return new Map(lines.filter((l) => l.iteration !== undefined).map((l) => [l.iteration ?? -1, l.cost ?? NaN]));
}

test("sample flower --seed 1 --rng numpy writes the lesson's flower.csv to the last digit", () => {
  const out = join(tmp, 'flower.csv');
  const r = cli('sample', 'flower', '--seed', '1', '--rng', 'numpy', '--out', out);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^wrote 400 rows of flower \(classes 0, 1\) to .*flower\.csv\n$/);
  const text = readFileSync(out, 'utf8');
  // The lesson's flower.csv, byte for byte.
  assert.equal(text, readFileSync(join(FIXTURES, 'flower.csv'), 'utf8'));
  // --trig libm: numpy >= 1.25's numbers (or any numpy's without AVX-512).
  const libm = join(tmp, 'flower-libm.csv');
  const r2 = cli('sample', 'flower', '--seed', '1', '--rng', 'numpy', '--trig', 'libm', '--out', libm);
  assert.equal(r2.status, 0, r2.stderr);
  assert.equal(readFileSync(libm, 'utf8'), readFileSync(join(FIXTURES, 'flower_numpy_glibc.csv'), 'utf8'));
  const bad = cli('sample', 'flower', '--trig', 'fast', '--out', join(tmp, 'no.csv'));
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--trig must be one of svml, libm, not "fast"/);
  // Its defaults are the lesson's.
  const plain = join(tmp, 'flower-defaults.csv');
  assert.equal(cli('sample', 'flower', '--out', plain).status, 0);
  assert.equal(readFileSync(plain, 'utf8'), text);
});

test('sample: every kind, --rows, --noise, --classes; the same seed gives the same file', () => {
  for (const kind of ['xor', 'circles', 'moons', 'spirals', 'blobs']) {
    const a = join(tmp, `${kind}-a.csv`);
    const b = join(tmp, `${kind}-b.csv`);
    assert.equal(cli('sample', kind, '--rows', '50', '--noise', '0.05', '--seed', '9', '--out', a).status, 0);
    assert.equal(cli('sample', kind, '--rows', '50', '--noise', '0.05', '--seed', '9', '--out', b).status, 0);
    const lines = readFileSync(a, 'utf8').trim().split('\n');
    assert.equal(lines.length, 51, kind);
    assert.equal(lines[0], 'x1,x2,label');
    assert.equal(readFileSync(a, 'utf8'), readFileSync(b, 'utf8'), kind);
  }
  const blobs = join(tmp, 'blobs4.csv');
  const r = cli('sample', 'blobs', '--classes', '4', '--out', blobs);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /classes A, B, C, D/);
});

test('sample: bad kinds and options exit 2 with one error line', () => {
  const out = join(tmp, 'x.csv');
  const cases: [string[], RegExp][] = [
    [['sample', 'petals', '--out', out], /^error: unknown sample "petals" \(samples: flower, xor, circles, moons, spirals, blobs\)$/],
    [['sample', 'moons'], /^error: sample needs --out FILE\.csv/],
    [['sample', 'blobs', '--classes', '5', '--out', out], /^error: blobs need 2 to 4 classes, not 5/],
    [['sample', 'moons', '--classes', '3', '--out', out], /^error: moons has two classes/],
    [['sample', 'moons', '--rows', '2', '--out', out], /^error: rows must be a whole number from 4 to 1000000, not 2/],
    [['sample', 'flower', '--seed', '-3', '--out', out], /^error: the seed must be a whole number from 0 to 4294967295 for numpy's generator, not -3/],
    [['sample', 'moons', '--rng', 'mersenne', '--out', out], /^error: --rng must be one of default, numpy/],
    [['sample'], /^error: missing KIND/],
  ];
  for (const [args, pattern] of cases) {
    const r = cli(...args);
    assert.equal(r.status, 2, `${args.join(' ')} → ${r.status}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr.trim(), pattern);
  }
});

test("train --init small --seed 2 --rng numpy starts from the lesson's weights: its cost table, no --init-from", () => {
  const costs = lessonCosts(join(FIXTURES, 'flower.csv'));
  for (const [i, expected] of TABLE) {
    const got = costs.get(i);
    assert.ok(got !== undefined && Math.abs(got - expected) <= 5e-7, `iteration ${i}: ${got} vs ${expected}`);
  }
  // Identical, iteration for iteration, to starting from flower_init_seed2.json.
  const fromFile = cli(
    'train', join(FIXTURES, 'flower.csv'), '--hidden', '4', '--learning-rate', '1.2', '--iterations', '3001', '--normalize', 'none',
    '--init-from', join(FIXTURES, 'flower_init_seed2.json'), '--json',
  );
  const fileCosts = fromFile.stdout.trim().split('\n').map((l) => JSON.parse(l) as { iteration?: number; cost?: number });
  for (const l of fileCosts) if (l.iteration !== undefined) assert.equal(costs.get(l.iteration), l.cost);
});

test("the lesson's whole run from nothing: sample flower, then train --rng numpy", () => {
  const out = join(tmp, 'lesson.csv');
  assert.equal(cli('sample', 'flower', '--out', out).status, 0);
  const costs = lessonCosts(out);
  for (const [i, expected] of TABLE) {
    const got = costs.get(i);
    assert.ok(got !== undefined && Math.abs(got - expected) <= 5e-7, `iteration ${i}: ${got} vs ${expected}`);
  }
});

test('--rng numpy goes with --init small only; a numpy seed is 0 to 2^32 − 1', () => {
  const flower = join(FIXTURES, 'flower.csv');
  const r = cli('train', flower, '--init', 'xavier', '--rng', 'numpy', '--iterations', '5');
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim(), "error: --rng numpy goes with --init small (the lesson's randn · 0.01), not --init xavier");
  const s = cli('train', flower, '--seed', '-1', '--rng', 'numpy', '--iterations', '5');
  assert.equal(s.status, 2);
  assert.match(s.stderr.trim(), /^error: numpy's seed must be a whole number from 0 to 4294967295, not -1/);
  assert.equal(cli('train', flower, '--rng', 'default', '--iterations', '5').status, 0);
});
