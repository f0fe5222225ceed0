// The fused multiply-add (one rounding) and numpy-on-AVX-512's sin and cos (Intel SVML's kernels).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fma } from '../../../src/engine/fma';
import { cos as crCos, sin as crSin } from '../../../src/engine/correctlyRounded';
import { svmlCos, svmlSin } from '../../../src/engine/svmlTrig';

test('fma rounds a·b + c once', () => {
  // 0.1·10 is 1 + 2^-54 exactly before rounding: a separate multiply would lose it.
  assert.equal(0.1 * 10 - 1, 0);
  assert.equal(fma(0.1, 10, -1), 2 ** -54);
  // Exact products and sums come out exact; signs and zeros as IEEE 754 has them.
  assert.equal(fma(3, 4, 5), 17);
  assert.equal(fma(-2, 0.5, 1), 0);
  assert.ok(Object.is(fma(-0, 1, -0), -0));
  assert.ok(Number.isNaN(fma(NaN, 1, 1)));
  assert.equal(fma(Infinity, 1, 1), Infinity);
  assert.equal(fma(1e300, 1e300, -Infinity), -Infinity, 'a finite product and an infinite addend');
  assert.equal(fma(1e300, 1e300, 0), Infinity);
  assert.equal(fma(1e300, 1e300, 0, 'zero'), Number.MAX_VALUE, 'toward zero never overflows to infinity');
  // Ties go to even; toward zero truncates.
  const one = 1 + 2 ** -52;
  assert.equal(fma(one, one, 0), 1 + 2 ** -51); // exact 1 + 2^-51 + 2^-104: nearest is 1 + 2^-51
  assert.equal(fma(1, 1, 2 ** -53), 1); // the tie 1 + 2^-53 goes to the even 1
  assert.equal(fma(1, 1, 3 * 2 ** -53), 1 + 2 ** -51); // the tie 1 + 3·2^-53 goes to the even 1 + 2^-51
  assert.equal(fma(1, 1, 2 ** -52 - 2 ** -80, 'zero'), 1);
  assert.equal(fma(1, 1, -(2 ** -80), 'zero'), 1 - 2 ** -53);
  // Subnormal results keep only the bits they have.
  assert.equal(fma(2 ** -1070, 2 ** -4, 0), 2 ** -1074);
});

const ulpsFrom = (a: number, b: number): number => Math.abs(a - b) / (Number.EPSILON * Math.max(Math.abs(b), 2 ** -1022));

test("SVML's sin and cos are within their 4 ulps of the correctly rounded values", () => {
  for (let k = -10000; k <= 10000; k++) {
    const x = k * 0.001462 + 1e-9 * k; // −14.6 to 14.6, the flower's range and more
    for (const [f, g] of [[svmlSin, crSin], [svmlCos, crCos]] as const) {
      const u = ulpsFrom(f(x), g(x));
      assert.ok(u <= 4, `${f.name}(${x}) is ${u.toFixed(2)} ulp off`);
    }
  }
});

test('special arguments: zeros, tiny, exact multiples, beyond the main path, NaN and infinities', () => {
  assert.ok(Object.is(svmlSin(0), 0));
  assert.ok(Object.is(svmlSin(-0), -0));
  assert.equal(svmlCos(0), 1);
  assert.equal(svmlCos(-1e-300), 1);
  assert.equal(svmlSin(1e-300), 1e-300);
  assert.ok(Math.abs(svmlSin(Math.PI)) < 1e-15);
  assert.ok(Math.abs(svmlCos(Math.PI / 2)) < 1e-15);
  assert.equal(svmlCos(-2.5), svmlCos(2.5));
  assert.equal(svmlSin(-2.5), -svmlSin(2.5));
  // Beyond 2^24 SVML reduces another way; these fall back to the correctly rounded functions.
  assert.equal(svmlSin(1e10), crSin(1e10));
  assert.equal(svmlCos(1e10), crCos(1e10));
  for (const v of [NaN, Infinity, -Infinity]) {
    assert.ok(Number.isNaN(svmlSin(v)));
    assert.ok(Number.isNaN(svmlCos(v)));
  }
});
