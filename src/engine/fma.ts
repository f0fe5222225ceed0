/**
 * The fused multiply-add a·b + c with one rounding, as the FMA instructions compute it:
 * JavaScript has no Math.fma, so the exact value is formed with BigInt (every double is an
 * integer times a power of two) and rounded once, to nearest (ties to even) or toward zero.
 * Slow (a few microseconds); used only where bit-exactness with another library matters.
 */

const view = new DataView(new ArrayBuffer(8));

/** x = m · 2^e exactly, m a (signed) integer. Finite x only. */
function exact(x: number): [bigint, number] {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e = -1074; // subnormal
  if (biased !== 0) {
    m |= 1n << 52n;
    e = biased - 1075;
  }
  return [hi >>> 31 ? -m : m, e];
}

export type Rounding = 'nearest' | 'zero';

/** The double nearest m · 2^e (or the one toward zero). */
function round(m: bigint, e: number, mode: Rounding): number {
  if (m === 0n) return 0;
  const negative = m < 0n;
  let a = negative ? -m : m;
  let shift = a.toString(2).length - 53;
  if (e + shift < -1074) shift = -1074 - e; // subnormal result: fewer bits
  if (shift > 0) {
    const s = BigInt(shift);
    const rest = a & ((1n << s) - 1n);
    a >>= s;
    if (mode === 'nearest') {
      const half = 1n << (s - 1n);
      if (rest > half || (rest === half && (a & 1n) === 1n)) a += 1n;
    }
    e += shift;
  }
  let v = Number(a) * 2 ** e; // a < 2^54: exact, and 2^e scaling is exact (overflow gives ±Infinity)
  if (v === Infinity && mode === 'zero') v = Number.MAX_VALUE; // toward zero never rounds up to ∞
  return negative ? -v : v;
}

/** a·b + c rounded once. NaN and infinite operands give what a·b + c gives. */
export function fma(a: number, b: number, c: number, mode: Rounding = 'nearest'): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a * b + c;
  if (!Number.isFinite(c)) return c; // NaN, or ±∞ whatever the finite a·b (a·b + c in doubles could overflow to ∞ − ∞)
  const [ma, ea] = exact(a);
  const [mb, eb] = exact(b);
  const [mc, ec] = exact(c);
  const mp = ma * mb;
  const ep = ea + eb;
  const e = Math.min(ep, ec);
  const sum = (mp << BigInt(ep - e)) + (mc << BigInt(ec - e));
  if (sum === 0n) return a * b + c; // the sign of an exact zero, as IEEE 754 gives it
  return round(sum, e, mode);
}
