// Sample data sets: the lesson's flower bit for bit in lesson mode, and the toy problems'
// shapes, classes, seeds and noise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from '../../../src/engine/csv';
import { SAMPLES, generateSample, linspace, sampleCsv, type SampleKind, type SampleTable } from '../../../src/engine/samples';
import { isShallowNetError } from '../../../src/engine/errors';
import { fixture } from '../helpers';

const numbers = (t: SampleTable, col: number): number[] => t.rows.map((r) => Number(r[col]));
const classesOf = (t: SampleTable): string[] => [...new Set(t.rows.map((r) => r[2]))].sort();

// flower.csv (the shared data set) is the lesson's load_planar_dataset() as numpy 1.22–1.24 ran it
// on an AVX-512 machine, whose np.sin and np.cos are Intel SVML's (svmlTrig.ts):
//   np.random.seed(1); m=400; N=200; a=4
//   for j in 0,1: t = np.linspace(j*3.12,(j+1)*3.12,N) + np.random.randn(N)*0.2
//                 r = a*np.sin(4*t) + np.random.randn(N)*0.2; rows r*np.sin(t), r*np.cos(t), j
test("lesson mode: the flower with seed 1 is the lesson's flower.csv to the last digit", () => {
  const csv = sampleCsv(generateSample('flower', { seed: 1, rng: 'numpy' }));
  assert.equal(csv, fixture('flower.csv'));
  // The defaults are the lesson's: 400 rows, noise 0.2, seed 1, numpy's stream, SVML's sin and cos.
  assert.equal(sampleCsv(generateSample('flower')), csv);
  assert.equal(sampleCsv(generateSample('flower', { trig: 'svml' })), csv);
});

// flower_numpy_glibc.csv is the same script run by numpy 2.4.6 on x86-64 Linux without AVX-512
// (glibc's correctly rounded sin and cos), written with repr().
test("trig 'libm': the flower is numpy >= 1.25's (or any numpy without AVX-512) to the last digit", () => {
  const csv = sampleCsv(generateSample('flower', { seed: 1, rng: 'numpy', trig: 'libm' }));
  assert.equal(csv, fixture('flower_numpy_glibc.csv'));
  // A few ulps from the lesson's in most rows, the same labels.
  const lesson = parseCsv(fixture('flower.csv'), 'flower.csv').rows;
  const libm = parseCsv(csv, 'flower.csv').rows;
  let differ = 0;
  lesson.forEach((row, i) => {
    assert.equal(libm[i][2], row[2]);
    for (const c of [0, 1]) {
      const [a, b] = [Number(libm[i][c]), Number(row[c])];
      assert.ok(Math.abs(a - b) <= 6 * Number.EPSILON * Math.abs(b), `row ${i} column ${c}: ${a} vs ${b}`);
      if (a !== b) differ++;
    }
  });
  assert.ok(differ > 300, `${differ} of 800 values differ`);
});

test('an unknown sin and cos is a clear error', () => {
  assert.throws(
    () => generateSample('flower', { trig: 'fast' as never }),
    (e: unknown) => isShallowNetError(e) && /unknown sin and cos "fast"/.test(e.message),
  );
  assert.throws(
    () => generateSample('moons', { trig: 'libm' }),
    (e: unknown) => isShallowNetError(e) && /only the flower takes a choice of sin and cos, not moons/.test(e.message),
  );
});

test('np.linspace: i·step + start, the last exactly stop', () => {
  assert.deepEqual(linspace(0, 1, 5), [0, 0.25, 0.5, 0.75, 1]);
  const y = linspace(3.12, 6.24, 200);
  assert.equal(y.length, 200);
  assert.equal(y[199], 6.24);
  assert.equal(y[1], 1 * ((6.24 - 3.12) / 199) + 3.12);
  assert.deepEqual(linspace(2, 5, 1), [2]);
});

test('every kind: x1, x2, label; the rows asked; its classes; numbers that parse', () => {
  const expected: Record<SampleKind, string[]> = {
    flower: ['0', '1'],
    xor: ['0', '1'],
    circles: ['inner', 'outer'],
    moons: ['0', '1'],
    spirals: ['0', '1'],
    blobs: ['A', 'B', 'C'],
  };
  for (const { kind, rows } of SAMPLES) {
    for (const n of [rows, 37]) {
      const t = generateSample(kind, { rows: n });
      assert.deepEqual(t.header, ['x1', 'x2', 'label'], kind);
      assert.equal(t.rows.length, n, `${kind} rows`);
      assert.deepEqual(classesOf(t), expected[kind], `${kind} classes`);
      for (const r of t.rows) {
        assert.equal(r.length, 3);
        assert.ok(Number.isFinite(Number(r[0])) && Number.isFinite(Number(r[1])), `${kind}: ${r.join(',')}`);
      }
      // Balanced: the classes' counts differ by at most one (the flower's halves too).
      const counts = expected[kind].map((c) => t.rows.filter((r) => r[2] === c).length);
      if (kind !== 'xor') assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, `${kind} balance ${counts.join('/')}`);
    }
  }
  for (const k of [2, 3, 4]) {
    const t = generateSample('blobs', { classes: k, rows: 101 });
    assert.deepEqual(classesOf(t), ['A', 'B', 'C', 'D'].slice(0, k));
    assert.equal(t.rows.length, 101);
  }
});

test('the same seed gives the same table, another seed another; both generators are seeded', () => {
  for (const { kind } of SAMPLES) {
    for (const rng of ['default', 'numpy'] as const) {
      const a = sampleCsv(generateSample(kind, { seed: 7, rng }));
      assert.equal(sampleCsv(generateSample(kind, { seed: 7, rng })), a, `${kind} ${rng}`);
      assert.notEqual(sampleCsv(generateSample(kind, { seed: 8, rng })), a, `${kind} ${rng}`);
    }
  }
});

test('noise: 0 puts the points on the shapes; more noise spreads them', () => {
  const clean = generateSample('circles', { noise: 0 });
  clean.rows.forEach((r) => {
    const radius = Math.hypot(Number(r[0]), Number(r[1]));
    assert.ok(Math.abs(radius - (r[2] === 'outer' ? 1 : 0.5)) < 1e-12, `radius ${radius}`);
  });
  const moons = generateSample('moons', { noise: 0 });
  moons.rows.filter((r) => r[2] === '0').forEach((r) => assert.ok(Math.abs(Math.hypot(Number(r[0]), Number(r[1])) - 1) < 1e-12));
  const xor = generateSample('xor', { noise: 0 });
  xor.rows.forEach((r) => assert.equal(r[2], (Number(r[0]) >= 0) !== (Number(r[1]) >= 0) ? '1' : '0'));
  // Spread of a blob around its mean grows with the noise.
  const spread = (noise: number): number => {
    const t = generateSample('blobs', { noise, classes: 2 });
    const a = t.rows.filter((r) => r[2] === 'A');
    const xs = a.map((r) => Number(r[0]));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    return Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
  };
  assert.ok(Math.abs(spread(0.3) - 0.3) < 0.06, `std ${spread(0.3)}`);
  assert.ok(Math.abs(spread(1) - 1) < 0.2, `std ${spread(1)}`);
  // The flower without noise: r = 4 sin 4t exactly on the petals.
  const f = generateSample('flower', { noise: 0 });
  assert.deepEqual(numbers(f, 0).slice(0, 1), [0]);
});

test('options out of range are errors that say what is accepted', () => {
  const cases: [() => unknown, RegExp][] = [
    [() => generateSample('moons', { rows: 3 }), /rows must be a whole number from 4 to 1000000, not 3/],
    [() => generateSample('moons', { rows: 10.5 }), /rows must be a whole number/],
    [() => generateSample('moons', { noise: -1 }), /noise must be a number from 0 to 10, not -1/],
    [() => generateSample('blobs', { classes: 5 }), /blobs need 2 to 4 classes, not 5/],
    [() => generateSample('moons', { classes: 3 }), /moons has two classes; only blobs take a number of classes/],
    [() => generateSample('flower', { seed: -1 }), /from 0 to 4294967295 for numpy's generator, not -1/],
    [() => generateSample('moons', { seed: 0.5 }), /the seed must be a whole number, not 0.5/],
  ];
  for (const [fn, pattern] of cases) {
    assert.throws(fn, (e: unknown) => isShallowNetError(e) && e.code === 'bad-option' && pattern.test(e.message));
  }
  // A negative seed is fine for the default generator.
  assert.equal(generateSample('moons', { seed: -5 }).rows.length, 400);
});
