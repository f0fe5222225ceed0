/**
 * Correctly rounded `log`, `sin` and `cos`: the double nearest the exact value, as glibc's
 * libm (and so numpy on most machines) returns it. JavaScript's Math.log / Math.sin /
 * Math.cos (V8's fdlibm port) are within one ulp but differ from glibc in the last bit for a
 * few inputs in a hundred (numpy's legacy `randn` calls `log` once per pair of values, so
 * about 3 % of the pairs would come out one ulp off). Lesson mode needs numpy's numbers bit
 * for bit, hence these.
 *
 * Method: double-double arithmetic (≈ 106 bits): the result is computed to ~2^-100 relative
 * and then rounded once, which gives the correctly rounded double unless the exact value lies
 * within 2^-100 of a half-way point (not seen in practice). Slower than Math.* (a few hundred
 * flops), so used only where bit-exactness with numpy matters.
 */

/** A double-double: the unevaluated sum hi + lo with |lo| ≤ ½ ulp(hi). */
type DD = readonly [number, number];

const SPLITTER = 134217729; // 2^27 + 1

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

/** Exact product a·b = p + e (Dekker, no fused multiply-add needed). */
function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function add(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  const [s2, e2] = quickTwoSum(s, e + t);
  return quickTwoSum(s2, e2 + f);
}

function mul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return quickTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

function mulNumber(a: DD, b: number): DD {
  const [p, e] = twoProd(a[0], b);
  return quickTwoSum(p, e + a[1] * b);
}

function div(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  let r = add(a, neg(mulNumber(b, q1)));
  const q2 = r[0] / b[0];
  r = add(r, neg(mulNumber(b, q2)));
  const q3 = r[0] / b[0];
  return add(quickTwoSum(q1, q2), [q3, 0]);
}

function neg(a: DD): DD {
  return [-a[0], -a[1]];
}

// ln 2 and π/2 to well beyond double-double precision.
const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];
const PIO2_1 = 1.5707963267948966;
const PIO2_2 = 6.123233995736766e-17;
const PIO2_3 = -1.4973849048591698e-33;
const TWO_OVER_PI = 0.6366197723675814;

/** 1/(2k+1) for the atanh series of log, k = 0 … 22. */
const ODD_RECIPROCALS: DD[] = Array.from({ length: 23 }, (_, k) => div([1, 0], [2 * k + 1, 0]));
/** 1/n! for n = 0 … 31 (the sin and cos series). */
const INV_FACTORIALS: DD[] = (() => {
  const f: DD[] = [[1, 0]];
  for (let n = 1; n <= 31; n++) f.push(div(f[n - 1], [n, 0]));
  return f;
})();

const view = new DataView(new ArrayBuffer(8));

/** x = m · 2^e with m in [√½, √2); x positive, finite and normal. */
function frexpCentered(x: number): { m: number; e: number } {
  view.setFloat64(0, x);
  const hiWord = view.getUint32(0);
  let e = ((hiWord >>> 20) & 0x7ff) - 1023;
  view.setUint32(0, (hiWord & 0x800fffff) | (1023 << 20));
  let m = view.getFloat64(0);
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  return { m, e };
}

/** Natural logarithm, correctly rounded. */
export function log(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x); // NaN, ±0, negatives, +∞: as Math.log
  let scale = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2^54: subnormals become normal
    scale = -54;
  }
  const { m, e } = frexpCentered(x);
  // log m = 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.172; m − 1 is exact (Sterbenz).
  const s = div([m - 1, 0], twoSum(m, 1));
  const s2 = mul(s, s);
  let sum = ODD_RECIPROCALS[ODD_RECIPROCALS.length - 1];
  for (let k = ODD_RECIPROCALS.length - 2; k >= 0; k--) sum = add(mul(sum, s2), ODD_RECIPROCALS[k]);
  const logM = mulNumber(mul(s, sum), 2);
  const result = add(mulNumber(LN2, e + scale), logM);
  return result[0] + result[1];
}

/** x − k·π/2 as a double-double, k the nearest integer to x·2/π (|x| < 2^20). */
function reduce(x: number): { r: DD; quadrant: number } {
  const k = Math.round(x * TWO_OVER_PI);
  let r: DD = [x, 0];
  r = add(r, neg(twoProd(k, PIO2_1)));
  r = add(r, neg(twoProd(k, PIO2_2)));
  r = add(r, [-k * PIO2_3, 0]);
  return { r, quadrant: ((k % 4) + 4) % 4 };
}

/** sin r for |r| ≤ π/4 + a little: r·Σ (−r²)^k / (2k+1)!. */
function sinReduced(r: DD): DD {
  const r2 = neg(mul(r, r));
  let sum = INV_FACTORIALS[31];
  for (let n = 29; n >= 1; n -= 2) sum = add(mul(sum, r2), INV_FACTORIALS[n]);
  return mul(r, sum);
}

/** cos r for |r| ≤ π/4 + a little: Σ (−r²)^k / (2k)!. */
function cosReduced(r: DD): DD {
  const r2 = neg(mul(r, r));
  let sum = INV_FACTORIALS[30];
  for (let n = 28; n >= 0; n -= 2) sum = add(mul(sum, r2), INV_FACTORIALS[n]);
  return sum;
}

const LARGE = 1048576; // 2^20: beyond it the double-double reduction is not exact enough

/** Sine, correctly rounded for |x| < 2^20 (Math.sin beyond). */
export function sin(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= LARGE) return Math.sin(x);
  if (x === 0) return x; // keeps −0
  const { r, quadrant } = reduce(x);
  const v = quadrant === 0 ? sinReduced(r) : quadrant === 1 ? cosReduced(r) : quadrant === 2 ? neg(sinReduced(r)) : neg(cosReduced(r));
  return v[0] + v[1];
}

/** Cosine, correctly rounded for |x| < 2^20 (Math.cos beyond). */
export function cos(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= LARGE) return Math.cos(x);
  const { r, quadrant } = reduce(x);
  const v = quadrant === 0 ? cosReduced(r) : quadrant === 1 ? neg(sinReduced(r)) : quadrant === 2 ? neg(cosReduced(r)) : sinReduced(r);
  return v[0] + v[1];
}
