/**
 * Seeded randomness: the same seed gives the same numbers on every platform the engine runs on
 * (worker, CLI, tests, web). Everything random in the engine — initial weights, data splits,
 * mini-batch order — draws from an `Rng`, never from `Math.random`.
 *
 * The generator here is xoshiro128** (32-bit state words, so it is exact with JavaScript's
 * 32-bit integer operations), seeded through splitmix32. A later generator (numpy's MT19937,
 * to reproduce `np.random.seed(n)` runs) plugs in behind the same interface: it only has to
 * supply 53-bit uniform doubles, and `rngFromUniform` adds the same Gaussian method numpy's
 * legacy `randn` uses (Marsaglia's polar method, second value cached).
 */

export interface Rng {
  /** Uniform in [0, 1), 53 bits of precision. */
  uniform(): number;
  /** Standard normal, mean 0, variance 1. */
  randn(): number;
  /**
   * Optional: an integer uniform in [0, n). A generator that must reproduce another library's
   * shuffles exactly (numpy draws bounded integers by masked rejection sampling) provides
   * it; otherwise `randomBelow` derives one from `uniform()`.
   */
  integerBelow?(n: number): number;
}

/**
 * Numpy's legacy Gaussian (`legacy_gauss`): Marsaglia's polar method on two uniforms in
 * (−1, 1), returning f·x2 and keeping f·x1 for the next call. `log` is the logarithm f uses:
 * numpy calls the C library's, which is correctly rounded where Math.log may be one ulp off
 * (createNumpyRng passes a correctly rounded one).
 */
export function rngFromUniform(
  uniform: () => number,
  integerBelow?: (n: number) => number,
  log: (x: number) => number = Math.log,
): Rng {
  let hasSpare = false;
  let spare = 0;
  const rng: Rng = {
    uniform,
    randn(): number {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      let x1: number, x2: number, r2: number;
      do {
        x1 = 2 * uniform() - 1;
        x2 = 2 * uniform() - 1;
        r2 = x1 * x1 + x2 * x2;
      } while (r2 >= 1 || r2 === 0);
      const f = Math.sqrt((-2 * log(r2)) / r2);
      spare = f * x1;
      hasSpare = true;
      return f * x2;
    },
  };
  if (integerBelow) rng.integerBelow = integerBelow;
  return rng;
}

/** splitmix32: spreads a (possibly small, possibly similar) seed over 32 well-mixed bits. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * xoshiro128** seeded from `seed` (any finite number; its integer part modulo 2^32 is used,
 * and a seed above 2^32 also mixes in its high part).
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const whole = Math.trunc(seed);
  const low = whole >>> 0;
  const high = Math.floor(Math.abs(whole) / 4294967296) >>> 0;
  const mix = { s: low ^ Math.imul(high, 0x27d4eb2d) ^ (whole < 0 ? 0x5bd1e995 : 0) };
  let s0 = splitmix32(mix);
  let s1 = splitmix32(mix);
  let s2 = splitmix32(mix);
  let s3 = splitmix32(mix);
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is the one xoshiro cannot leave

  const next32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };

  // 53-bit double from two 32-bit words, the same formula as numpy's `random_double`.
  const uniform = (): number => {
    const a = next32() >>> 5;
    const b = next32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  };
  return rngFromUniform(uniform);
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** An integer uniform in [0, n), n ≥ 1. */
export function randomBelow(rng: Rng, n: number): number {
  if (rng.integerBelow) return rng.integerBelow(n);
  return Math.min(n - 1, Math.floor(rng.uniform() * n));
}

/** Fisher–Yates shuffle in place (from the end, as numpy's `shuffle` does). */
export function shuffleInPlace<T, A extends { length: number; [i: number]: T }>(items: A, rng: Rng): A {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomBelow(rng, i + 1);
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
  return items;
}

/** A random ordering of 0 … n−1 (used for train/test splits and mini-batch order). */
export function permutation(n: number, rng: Rng): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return shuffleInPlace(order, rng);
}
