import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATIONS, sigmoid } from '../../../src/engine/activations';
import { activateWithDerivative, fastExp, fastSigmoid, fastTanh } from '../../../src/engine/kernels';
import { ACTIVATION_NAMES } from '../../../src/engine/types';

const ALPHA = 0.01;

test('every derivative matches a central finite difference over z in [−10, 10]', () => {
  const h = 1e-6;
  for (const name of ACTIVATION_NAMES) {
    const { g, dg } = ACTIVATIONS[name];
    for (let z = -10; z <= 10.0001; z += 0.05) {
      if ((name === 'relu' || name === 'leaky-relu') && Math.abs(z) < 2 * h) continue; // the kink
      const numerical = (g(z + h, ALPHA) - g(z - h, ALPHA)) / (2 * h);
      assert.ok(Math.abs(numerical - dg(z, ALPHA)) < 1e-7, `${name}'(${z}) = ${dg(z, ALPHA)}, finite difference ${numerical}`);
    }
  }
});

test("the lesson's values of g and g'", () => {
  const A = ACTIVATIONS;
  assert.equal(A.sigmoid.dg(0, ALPHA), 0.25);
  assert.equal(A.tanh.dg(0, ALPHA), 1);
  assert.equal(A.relu.dg(5, ALPHA), 1);
  assert.equal(A.relu.dg(-5, ALPHA), 0);
  assert.equal(A['leaky-relu'].dg(-5, ALPHA), ALPHA);
  assert.equal(A['leaky-relu'].dg(5, ALPHA), 1);
  // documented kink convention
  assert.equal(A.relu.dg(0, ALPHA), 0);
  assert.equal(A['leaky-relu'].dg(0, ALPHA), ALPHA);
  // values at z = −10, 0, 10
  const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);
  close(A.sigmoid.g(0, ALPHA), 0.5);
  close(A.sigmoid.g(10, ALPHA), 0.9999546021312976);
  close(A.sigmoid.g(-10, ALPHA), 4.5397868702434395e-5);
  close(A.sigmoid.dg(10, ALPHA), 4.5395807735951673e-5);
  close(A.tanh.g(0, ALPHA), 0);
  close(A.tanh.g(10, ALPHA), 0.9999999958776927);
  close(A.tanh.g(-10, ALPHA), -0.9999999958776927);
  close(A.tanh.dg(10, ALPHA), 8.244614546626394e-9);
  assert.equal(A.relu.g(-10, ALPHA), 0);
  assert.equal(A.relu.g(0, ALPHA), 0);
  assert.equal(A.relu.g(10, ALPHA), 10);
  close(A['leaky-relu'].g(-10, ALPHA), -0.1);
  assert.equal(A['leaky-relu'].g(10, ALPHA), 10);
  assert.equal(sigmoid(0), 0.5);
});

test('the table is complete and readable', () => {
  for (const name of ACTIVATION_NAMES) {
    const a = ACTIVATIONS[name];
    assert.equal(a.name, name);
    for (const text of [a.label, a.formula, a.derivativeFormula, a.range, a.description, a.derivativeAtZero]) {
      assert.ok(text.length > 0);
    }
  }
  assert.equal(ACTIVATIONS['leaky-relu'].derivativeFormula, "g'(z) = 1 for z > 0, α for z < 0");
  assert.equal(ACTIVATIONS.sigmoid.formula, 'σ(z) = 1 / (1 + e^−z)');
  assert.equal(ACTIVATIONS.sigmoid.range, '(0, 1)');
});

test('the fused kernel computes the same g and g′ as the table (fast tanh/σ within a few ulp)', () => {
  const n = 4001;
  for (const name of ACTIVATION_NAMES) {
    const z = new Float64Array(n);
    for (let j = 0; j < n; j++) z[j] = -40 + (80 * j) / (n - 1) + (j === 2000 ? 0 : 1e-9);
    const A = new Float64Array(z);
    const G = new Float64Array(n);
    activateWithDerivative(name, ALPHA, 1, n, A, 0, n, G, 0, n);
    for (let j = 0; j < n; j++) {
      const g = ACTIVATIONS[name].g(z[j], ALPHA), dg = ACTIVATIONS[name].dg(z[j], ALPHA);
      assert.ok(Math.abs(A[j] - g) <= 8 * Number.EPSILON * Math.max(1, Math.abs(g)), `${name}(${z[j]}) = ${A[j]} vs ${g}`);
      assert.ok(Math.abs(G[j] - dg) <= 1e-15, `${name}'(${z[j]}) = ${G[j]} vs ${dg}`);
    }
  }
});

test('fast exp, tanh and σ agree with Math to a few ulp over their whole range', () => {
  let worstTanh = 0, worstSigmoid = 0, worstExp = 0;
  for (let e = -300; e <= 2; e += 0.01) {
    for (const sign of [1, -1]) {
      const x = sign * Math.pow(10, e);
      const t = Math.tanh(x);
      worstTanh = Math.max(worstTanh, Math.abs(fastTanh(x) - t) / Math.abs(t));
    }
  }
  for (let x = -745; x <= 745; x += 0.0137) {
    const s = 1 / (1 + Math.exp(-x));
    if (x > -700) worstSigmoid = Math.max(worstSigmoid, Math.abs(fastSigmoid(x) - s) / s);
    const ex = Math.exp(x);
    if (ex > 1e-300 && Number.isFinite(ex)) worstExp = Math.max(worstExp, Math.abs(fastExp(x) - ex) / ex);
  }
  assert.ok(worstTanh < 8 * Number.EPSILON, `tanh: ${worstTanh / Number.EPSILON} ulp`);
  assert.ok(worstSigmoid < 8 * Number.EPSILON, `σ: ${worstSigmoid / Number.EPSILON} ulp`);
  assert.ok(worstExp < 4 * Number.EPSILON, `exp: ${worstExp / Number.EPSILON} ulp`);
  assert.equal(fastTanh(0), 0);
  assert.equal(fastTanh(100), 1);
  assert.equal(fastTanh(-100), -1);
  assert.ok(Number.isNaN(fastTanh(NaN)));
  assert.ok(Number.isNaN(fastSigmoid(NaN)));
  assert.equal(fastSigmoid(100), 1);
  assert.ok(fastSigmoid(-1000) < 1e-300);
});
