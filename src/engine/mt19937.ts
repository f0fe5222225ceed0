/**
 * Lesson mode: numpy's legacy random stream. `np.random.seed(n)` followed by `np.random.randn`,
 * `np.random.rand` or `np.random.shuffle` draws from a Mersenne Twister (MT19937) seeded with
 * Matsumoto and Nishimura's `init_genrand(n)`; `createNumpyRng(n)` reproduces that stream
 * exactly, so the lesson's data set and initial weights come out bit for bit as numpy makes them.
 *
 *   uniform   numpy's `random_double`: 27 + 26 bits of two 32-bit words, (a·2^26 + b) / 2^53
 *   randn     numpy's `legacy_gauss` (the polar method, second value cached), via rngFromUniform,
 *             with a correctly rounded log as the C library's (Math.log is one ulp off at times)
 *   integer   numpy's `random_interval`: the smallest bit mask ≥ max, rejection until ≤ max
 *
 * All arithmetic on the state is on 32-bit words (Math.imul, >>>), exact in JavaScript.
 */
import { log } from './correctlyRounded';
import { ShallowNetError } from './errors';
import { rngFromUniform, type Rng } from './random';
import type { InitName } from './types';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

export class MT19937 {
  private readonly mt = new Uint32Array(N);
  private index = N;

  /** `init_genrand(seed)`: numpy's `np.random.seed(seed)` for a seed from 0 to 2^32 − 1. */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`numpy's seed must be a whole number from 0 to 4294967295, not ${seed}`);
    }
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1];
      mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
    }
  }

  /** The next 32-bit word (`genrand_int32`), as an unsigned integer. */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** numpy's `random_double` (legacy `rk_double`): uniform in [0, 1) with 53 bits. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** numpy's `random_interval(max)` for max < 2^32: uniform in [0, max]. */
  interval(max: number): number {
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    let value: number;
    do value = (this.nextUint32() & mask) >>> 0;
    while (value > max);
    return value;
  }

  private twist(): void {
    const mt = this.mt;
    for (let k = 0; k < N; k++) {
      const y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
      mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    this.index = 0;
  }
}

/**
 * An `Rng` that draws exactly what numpy's legacy `np.random.seed(seed)` stream draws:
 * `randn()` ≡ `np.random.randn()`, `uniform()` ≡ `np.random.rand()`, and shuffles as
 * `np.random.shuffle` makes them. Seeds run from 0 to 2^32 − 1, as numpy's do.
 */
export function createNumpyRng(seed: number): Rng {
  const mt = new MT19937(seed);
  return rngFromUniform(
    () => mt.nextDouble(),
    (n) => mt.interval(n - 1),
    log,
  );
}

/**
 * numpy's stream for a run (settings `rng: 'numpy'`): with the `small` initialisation,
 * `--seed 2` then starts from the lesson's `np.random.seed(2)` weights. Other initialisations
 * are not the lesson's, so asking for both is a mistake worth saying.
 */
export function numpyRngForRun(init: InitName, seed: number): Rng {
  if (init !== 'small') {
    throw new ShallowNetError(
      'bad-option',
      `numpy's random stream goes with the small initialisation (the lesson's randn · 0.01), not ${init}`,
      {},
      'Choose the small initialisation, or the default random stream',
    );
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new ShallowNetError('bad-option', `numpy's seed must be a whole number from 0 to 4294967295, not ${seed}`, {}, 'The lesson uses 2');
  }
  return createNumpyRng(seed);
}
