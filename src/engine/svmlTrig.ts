/**
 * sin and cos as numpy 1.22 to 1.24 compute them on x86-64 machines with AVX-512: there numpy
 * calls Intel SVML's default-accuracy kernels (`__svml_sin8`, `__svml_cos8`, up to 4 ulp), not
 * libm. The lesson's flower.csv was made by such a numpy, so lesson mode needs these, operation
 * for operation, to give its points to the last digit. Elsewhere (numpy ≥ 1.25, or no AVX-512)
 * numpy's sin and cos are libm's, correctly rounded: see correctlyRounded.ts.
 *
 * The method, SVML's (its constants: Intel's SVML as vendored by numpy, numpy/SVML
 * linux/avx512/svml_z0_{sin,cos}_d_la.s, Copyright (C) 2023 Intel Corporation, BSD-3-Clause):
 *
 *   sin x: N = round(x/π), R = x − N·π (π in three parts, fused), sin x = (−1)^N · sin R;
 *   cos x: N = ⌊|x|/π⌋, R = (N + ½)·π − |x|,                     cos x = (−1)^N · sin R;
 *   sin R = R + R·R²·P(R²), P of degree 6 in R² (its own coefficients for each), in fused
 *   multiply-adds.
 *
 * Each fused multiply-add is rounded once as the hardware does (fma.ts). Arguments beyond the
 * main path's range (|x| > 2^24 for sin, about 2^23·π for cos), which SVML reduces another way,
 * fall back to the correctly rounded functions; the flower never comes near them.
 */
import { cos as crCos, sin as crSin } from './correctlyRounded';
import { fma } from './fma';

const view = new DataView(new ArrayBuffer(8));

/** The double with these high and low 32 bits (how the kernels' tables spell their constants). */
function double(hi: number, lo: number): number {
  view.setUint32(0, hi >>> 0);
  view.setUint32(4, lo >>> 0);
  return view.getFloat64(0);
}

/** The lowest bit of y's significand: N's parity, for y = shifter + N. */
function odd(y: number): boolean {
  view.setFloat64(0, y);
  return (view.getUint32(4) & 1) === 1;
}

const INV_PI = double(0x3fd45f30, 0x6dc9c883);
/** π = PI1 + PI2 + PI3 to about 160 bits. */
const PI1 = double(0x400921fb, 0x54442d18);
const PI2 = double(0x3ca1a626, 0x33145c06);
const PI3 = double(0x395c1cd1, 0x29024e09);

/** 2^52 + 2^51: adding it rounds x/π to an integer in the last bit. */
const SIN_SHIFTER = double(0x43380000, 0);
/** sin R ≈ R + R·R²·(S1 + R²·(S2 + … + R²·S6)). */
const S1 = double(0xbfc55555, 0x555554a8);
const S2 = double(0x3f811111, 0x1110a573);
const S3 = double(0xbf2a01a0, 0x19a659dd);
const S4 = double(0x3ec71de3, 0x806add1a);
const S5 = double(0xbe5ae635, 0x5aaa4a53);
const S6 = double(0x3de60e6b, 0xee01d83e);
const S7 = double(0xbd69f151, 0x7e9f65f0);
const SIN_MAIN_LIMIT = 2 ** 24;

/** SVML's `__svml_sin8` (default accuracy), bit for bit on its main path. */
export function svmlSin(x: number): number {
  if (!(Math.abs(x) <= SIN_MAIN_LIMIT)) return Number.isFinite(x) ? crSin(x) : NaN;
  if (x === 0) return x;
  const y = fma(x, INV_PI, SIN_SHIFTER);
  const n = y - SIN_SHIFTER;
  let r = fma(-n, PI1, x);
  r = fma(-n, PI2, r);
  const r2 = r * r;
  const rFine = fma(-PI3, n, r);
  let p = fma(S7, r2, S6);
  p = fma(r2, p, S5);
  p = fma(r2, p, S4);
  p = fma(r2, p, S3);
  p = fma(r2, p, S2);
  const rr2 = rFine * r2;
  p = fma(r2, p, S1);
  const s = fma(rr2, p, rFine);
  return odd(y) ? -s : s;
}

/** 2^52: adding it (rounding toward zero) leaves ⌊|x|/π⌋ in the last bits. */
const TWO52 = double(0x43300000, 0);
const TWO52_MINUS_HALF = double(0x432fffff, 0xffffffff);
const COS_MAIN_LIMIT = double(0x43300000, 0x007ffffe);
const TINY = double(0x3e400000, 0);
const C1 = double(0xbfc55555, 0x555554a7);
const C2 = double(0x3f811111, 0x1110a4a8);
const C3 = double(0xbf2a01a0, 0x19a5b87b);
const C4 = double(0x3ec71de3, 0x8030fea0);
const C5 = double(0xbe5ae635, 0x46002231);
const C6 = double(0x3de60e68, 0x57a2f220);
const C7 = double(0xbd69f0d6, 0x0811aac8);

/** SVML's `__svml_cos8` (default accuracy), bit for bit on its main path. */
export function svmlCos(x: number): number {
  const ax = Math.abs(x);
  if (!Number.isFinite(ax)) return NaN;
  const y = fma(ax, INV_PI, TWO52, 'zero');
  if (y > COS_MAIN_LIMIT) return crCos(x);
  if (ax < TINY) return 1;
  const n = y - TWO52_MINUS_HALF; // ⌊|x|/π⌋ + ½
  let r = fma(n, PI1, -ax);
  r = fma(PI2, n, r);
  const r2 = r * r;
  const rFine = fma(PI3, n, r);
  let p = fma(C7, r2, C6);
  p = fma(r2, p, C5);
  p = fma(r2, p, C4);
  p = fma(r2, p, C3);
  const s = odd(y) ? -rFine : rFine;
  p = fma(r2, p, C2);
  const sr2 = s * r2;
  p = fma(r2, p, C1);
  return fma(sr2, p, s);
}
