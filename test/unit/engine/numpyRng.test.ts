// Lesson mode: numpy's legacy stream (np.random.seed + randn) reproduced bit for bit, and the
// correctly rounded log/sin/cos it relies on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cos, log, sin } from '../../../src/engine/correctlyRounded';
import { pythonFloat } from '../../../src/engine/floatText';
import { initialiseParams } from '../../../src/engine/init';
import { MT19937, createNumpyRng } from '../../../src/engine/mt19937';
import { permutation } from '../../../src/engine/random';
import { prepareRun } from '../../../src/core/pipeline';
import { parseTrainSettings } from '../../../src/shared/validators';
import { BUILT_IN_DEFAULTS } from '../../../src/shared/settingsDefaults';
import { fixture } from '../helpers';

test('MT19937 seeded as np.random.seed gives the reference words (init_genrand 5489 and numpy seeds)', () => {
  // The first outputs of mt19937ar.c for init_genrand(5489), the algorithm's default seed.
  const mt = new MT19937(5489);
  assert.deepEqual([mt.nextUint32(), mt.nextUint32(), mt.nextUint32()], [3499211612, 581869302, 3890346734]);
  // np.random.seed(1); np.random.random_sample(3) and np.random.seed(0); np.random.randn(3)
  const u = createNumpyRng(1);
  assert.deepEqual([u.uniform(), u.uniform(), u.uniform()], [0.417022004702574, 0.7203244934421581, 0.00011437481734488664]);
  const g = createNumpyRng(0);
  assert.deepEqual([g.randn(), g.randn(), g.randn()], [1.764052345967664, 0.4001572083672233, 0.9787379841057392]);
});

test("createNumpyRng(2) with the small initialisation gives the lesson's flower_init_seed2.json exactly", () => {
  const expected = JSON.parse(fixture('flower_init_seed2.json')) as { W1: number[][]; W2: number[][]; b1: number[][]; b2: number[][] };
  const p = initialiseParams({ nx: 2, nh: 4, ny: 1, activation: 'tanh', leakyAlpha: 0.01, output: 'sigmoid' }, 'small', createNumpyRng(2));
  // Bitwise: Object.is on every double (W1 is 4×2 row-major, then W2).
  assert.deepEqual(Array.from(p.W1.data), expected.W1.flat());
  assert.deepEqual(Array.from(p.W2.data), expected.W2.flat());
  expected.W1.flat().forEach((w, i) => assert.ok(Object.is(w, p.W1.data[i]), `W1[${i}]`));
  assert.deepEqual(Array.from(p.b1.data), [0, 0, 0, 0]);
});

test("shuffles draw as np.random.shuffle does (np.random.seed(0); np.random.permutation(10))", () => {
  assert.deepEqual(Array.from(permutation(10, createNumpyRng(0))), [2, 8, 4, 9, 1, 6, 7, 3, 0, 5]);
});

test('numpy seeds are 0 to 2^32 − 1, as numpy accepts them', () => {
  assert.throws(() => createNumpyRng(-1), RangeError);
  assert.throws(() => createNumpyRng(2 ** 32), RangeError);
  assert.throws(() => createNumpyRng(1.5), RangeError);
  assert.doesNotThrow(() => createNumpyRng(2 ** 32 - 1));
});

test('correctly rounded log, sin, cos agree with Math.* to an ulp and are exact where known', () => {
  const ulp = (x: number): number => Math.max(Number.MIN_VALUE, Math.abs(x) * Number.EPSILON);
  for (let i = 1; i < 2000; i++) {
    const x = i * 0.0137 - 3;
    assert.ok(Math.abs(sin(x) - Math.sin(x)) <= ulp(Math.sin(x)), `sin ${x}`);
    assert.ok(Math.abs(cos(x) - Math.cos(x)) <= ulp(Math.cos(x)), `cos ${x}`);
    const y = i * 0.00731;
    assert.ok(Math.abs(log(y) - Math.log(y)) <= ulp(Math.log(y)), `log ${y}`);
  }
  assert.equal(log(1), 0);
  assert.equal(log(Math.E), 1);
  assert.equal(log(2), Math.LN2);
  assert.equal(log(5e-324), -744.4400719213812);
  assert.ok(Number.isNaN(log(-1)));
  assert.equal(log(0), -Infinity);
  assert.equal(sin(Math.PI / 6), 0.49999999999999994);
  assert.equal(cos(Math.PI / 3), 0.5000000000000001);
  assert.ok(Object.is(sin(-0), -0));
  // 69/100003: V8's Math.log gives −7.278848959922978, one ulp off (mpmath and glibc agree on this).
  assert.equal(log(69 / 100003), -7.2788489599229775);
});

test('pythonFloat writes what Python repr writes', () => {
  const cases: [number, string][] = [
    [0, '0.0'], [-0, '-0.0'], [2, '2.0'], [-3, '-3.0'], [0.1, '0.1'], [1 / 3, '0.3333333333333333'],
    [1e-4, '0.0001'], [8.222677130048527e-5, '8.222677130048527e-05'], [1e16, '1e+16'], [1e15, '1000000000000000.0'],
    [1.5e300, '1.5e+300'], [5e-324, '5e-324'], [NaN, 'nan'], [Infinity, 'inf'], [-Infinity, '-inf'],
    [1.2044422922543192, '1.2044422922543192'],
  ];
  for (const [x, s] of cases) assert.equal(pythonFloat(x), s, String(x));
});

test("settings carry rng: 'numpy' through parseTrainSettings and prepareRun (the lesson's weights), and refuse the rest", () => {
  const base = { ...BUILT_IN_DEFAULTS, normalization: 'none', testFraction: 0, seed: 2, init: 'small' };
  const settings = parseTrainSettings({ ...base, rng: 'numpy' });
  assert.equal(settings?.rng, 'numpy');
  assert.equal(parseTrainSettings({ ...base, rng: 'mersenne' }), undefined);
  assert.equal(parseTrainSettings(base)?.rng, undefined);
  assert.ok(settings);
  const run = prepareRun(fixture('flower.csv'), 'flower.csv', settings);
  const expected = JSON.parse(fixture('flower_init_seed2.json')) as { W1: number[][]; W2: number[][] };
  assert.deepEqual(Array.from(run.trainer.params.W1.data), expected.W1.flat());
  assert.deepEqual(Array.from(run.trainer.params.W2.data), expected.W2.flat());
  assert.throws(() => prepareRun(fixture('flower.csv'), 'flower.csv', { ...settings, init: 'he' }), /numpy's random stream goes with the small initialisation/);
  assert.throws(() => prepareRun(fixture('flower.csv'), 'flower.csv', { ...settings, seed: -4 }), /numpy's seed must be a whole number from 0 to 4294967295, not -4/);
});
