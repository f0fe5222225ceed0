import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gradientCheck } from '../../../src/engine/gradcheck';
import { initialiseParams } from '../../../src/engine/init';
import type { Matrix } from '../../../src/engine/matrix';
import { accuracyOf, costOf, predictProbabilities } from '../../../src/engine/network';
import { createRng, permutation, type Rng } from '../../../src/engine/random';
import { Trainer, architectureFor, trainToEnd } from '../../../src/engine/train';
import { ACTIVATION_NAMES, type Architecture, type OutputKind } from '../../../src/engine/types';
import { lessonArch, lessonConfig, loadFlower } from '../engineFixtures';

/** Random data with n_y rows of labels (one-hot for softmax), examples as columns. */
function randomProblem(rng: Rng, nx: number, m: number, ny: number): { X: Matrix; Y: Matrix } {
  const X: Matrix = { rows: nx, cols: m, data: new Float64Array(nx * m) };
  for (let i = 0; i < X.data.length; i++) X.data[i] = rng.randn();
  const Y: Matrix = { rows: ny, cols: m, data: new Float64Array(ny * m) };
  for (let j = 0; j < m; j++) {
    if (ny === 1) Y.data[j] = X.data[j] + 0.5 * X.data[m + j] > 0 ? 1 : 0;
    else Y.data[Math.floor(rng.uniform() * ny) * m + j] = 1;
  }
  return { X, Y };
}

for (const output of ['sigmoid', 'softmax'] as OutputKind[]) {
  for (const activation of ACTIVATION_NAMES) {
    test(`gradient check < 1e-7: ${activation} hidden layer, ${output} output`, () => {
      const rng = createRng(7);
      const ny = output === 'softmax' ? 3 : 1;
      const arch: Architecture = { nx: 3, nh: 5, ny, activation, leakyAlpha: 0.05, output };
      const { X, Y } = randomProblem(rng, 3, 30, ny);
      const params = initialiseParams(arch, 'xavier', rng);
      for (let i = 0; i < params.b1.data.length; i++) params.b1.data[i] = 0.1 * rng.randn();
      for (let i = 0; i < params.b2.data.length; i++) params.b2.data[i] = 0.1 * rng.randn();
      // W2 ~ N(0, 1): gradients reaching the hidden layer are then well above the rounding
      // noise of a central difference (≈ 1e−16 · J / ε), which matters for σ' ≤ 1/4.
      for (let i = 0; i < params.W2.data.length; i++) params.W2.data[i] = rng.randn();
      if (activation === 'relu' || activation === 'leaky-relu') {
        // Keep every Z1 clear of the kink at 0, where a finite difference straddles two slopes.
        let nearest = Infinity;
        for (let i = 0; i < arch.nh; i++) {
          for (let j = 0; j < X.cols; j++) {
            let z = params.b1.data[i];
            for (let k = 0; k < arch.nx; k++) z += params.W1.data[i * arch.nx + k] * X.data[k * X.cols + j];
            nearest = Math.min(nearest, Math.abs(z));
          }
        }
        assert.ok(nearest > 1e-4, `a Z1 is ${nearest} from the kink`);
      }
      const r = gradientCheck(params, arch, X, Y);
      for (const key of ['W1', 'b1', 'W2', 'b2', 'overall'] as const) {
        assert.ok(r[key] < 1e-7, `${key}: relative error ${r[key]}`);
      }
    });
  }
}

test('gradient check notices a wrong gradient', () => {
  // With a hidden activation whose engine derivative is right, corrupting W2 after the
  // analytic pass is not possible from outside; instead check the scale: a tiny ε perturbation
  // of a correct run stays tiny, and the report has every matrix.
  const rng = createRng(3);
  const arch: Architecture = { nx: 2, nh: 3, ny: 1, activation: 'tanh', leakyAlpha: 0.01, output: 'sigmoid' };
  const { X, Y } = randomProblem(rng, 2, 20, 1);
  const r = gradientCheck(initialiseParams(arch, 'xavier', rng), arch, X, Y);
  assert.deepEqual(Object.keys(r).sort(), ['W1', 'W2', 'b1', 'b2', 'norms', 'overall']);
  for (const k of ['W1', 'b1', 'W2', 'b2'] as const) assert.ok(r.norms[k].numerical > 0 && r.norms[k].analytic > 0, `${k} has gradients`);
});

test('zeros init: every hidden unit stays identical after training (the symmetry problem)', () => {
  const { X, Y } = loadFlower();
  const config = lessonConfig({ init: 'zeros', iterations: 300 });
  const result = trainToEnd({ X, Y }, lessonArch(), config);
  const W1 = result.params.W1;
  for (let i = 1; i < W1.rows; i++) {
    for (let k = 0; k < W1.cols; k++) assert.equal(W1.data[i * W1.cols + k], W1.data[k], `W1 row ${i} differs`);
  }
  const b1 = result.params.b1.data;
  for (let i = 1; i < b1.length; i++) assert.equal(b1[i], b1[0]);
});

test('same seed → identical run; another seed → another run', () => {
  const { X, Y } = loadFlower();
  const run = (seed: number): Float64Array => {
    const r = trainToEnd({ X, Y }, lessonArch(), lessonConfig({ seed, iterations: 200, init: 'xavier', batchSize: 64 }));
    return new Float64Array([...r.costs, ...r.params.W1.data, ...r.params.W2.data]);
  };
  assert.deepEqual(run(5), run(5));
  assert.notDeepEqual(run(5), run(6));
});

test('random: same seed → same numbers; uniform in [0, 1); randn has mean 0, variance 1', () => {
  const a = createRng(42), b = createRng(42);
  for (let i = 0; i < 1000; i++) {
    assert.equal(a.uniform(), b.uniform());
    assert.equal(a.randn(), b.randn());
  }
  const rng = createRng(1);
  let sum = 0, sum2 = 0, lo = 1, hi = 0;
  const n = 200000;
  for (let i = 0; i < n; i++) {
    const u = rng.uniform();
    lo = Math.min(lo, u);
    hi = Math.max(hi, u);
    const z = rng.randn();
    sum += z;
    sum2 += z * z;
  }
  assert.ok(lo >= 0 && hi < 1);
  assert.ok(Math.abs(sum / n) < 0.01);
  assert.ok(Math.abs(sum2 / n - 1) < 0.02);
  const p = permutation(50, createRng(9));
  assert.deepEqual([...p].sort((x, y) => x - y), Array.from({ length: 50 }, (_, i) => i));
  assert.deepEqual(p, permutation(50, createRng(9)));
  assert.notDeepEqual(createRng(1).uniform(), createRng(2).uniform());
});

test('divergence: a huge learning rate ends with the divergence signal, never a NaN cost', () => {
  const { X, Y } = loadFlower();
  const arch = lessonArch({ activation: 'relu' });
  const trainer = new Trainer({ X, Y }, arch, lessonConfig({ activation: 'relu', init: 'he', learningRate: 1e6, iterations: 1000 }));
  let last = null as null | { iteration: number; message: string };
  while (!trainer.done) {
    const r = trainer.step();
    if (r.diverged) {
      last = r;
      break;
    }
    assert.ok(Number.isFinite(r.cost), `iteration ${r.iteration} reported ${r.cost}`);
    assert.ok(Number.isFinite(r.accuracy));
  }
  assert.ok(last, 'training did not diverge');
  assert.match(last.message, /^diverged at iteration \d+; try a smaller learning rate$/);
  assert.equal(trainer.iteration, last.iteration);
  assert.ok(trainer.costHistory.every(Number.isFinite));
  for (const m of [trainer.params.W1, trainer.params.b1, trainer.params.W2, trainer.params.b2]) {
    assert.ok(m.data.every(Number.isFinite), 'parameters kept from the last finite iteration');
  }
  const again = trainer.step();
  assert.equal(again.diverged, true);
  const viaLoop = trainToEnd({ X, Y }, arch, lessonConfig({ activation: 'relu', init: 'he', learningRate: 1e6, iterations: 1000 }));
  assert.equal(viaLoop.diverged?.iteration, last.iteration);
  assert.ok(Number.isFinite(viaLoop.train.cost));
});

test('divergence: a tanh network whose cost climbs far above its start is reported, though its clamped cost stays finite', () => {
  const { X, Y } = loadFlower();
  const overshoot = trainToEnd({ X, Y }, lessonArch(), lessonConfig({ learningRate: 1e9, iterations: 200 }));
  assert.ok(overshoot.diverged, 'a learning rate of 1e9 is reported as diverged');
  assert.match(overshoot.diverged.message, /^diverged at iteration \d+; try a smaller learning rate$/);
  assert.ok(overshoot.costs.every((c) => Number.isFinite(c) && c <= 3 * overshoot.costs[0] + 1));
  // The lesson's own run, and a brisk but converging one, are never cut short.
  for (const learningRate of [1.2, 5]) {
    const fine = trainToEnd({ X, Y }, lessonArch(), lessonConfig({ learningRate, iterations: 3000 }));
    assert.equal(fine.diverged, null, `learning rate ${learningRate} converges`);
    assert.equal(fine.iterations, 3000);
  }
});

test('mini-batch training lowers the cost (and one iteration is one epoch)', () => {
  const { X, Y } = loadFlower();
  const config = lessonConfig({ batchSize: 32, iterations: 300, init: 'xavier', learningRate: 0.5 });
  const costs: number[] = [];
  const result = trainToEnd({ X, Y }, lessonArch(), config, { onIteration: (r) => costs.push(r.cost) });
  assert.equal(result.iterations, 300);
  assert.ok(costs[costs.length - 1] < 0.5 * costs[0], `cost ${costs[0]} → ${costs[costs.length - 1]}`);
  assert.ok(result.train.cost < 0.4, `full-data cost ${result.train.cost}`);
  assert.ok(result.train.accuracy > 0.8, `accuracy ${result.train.accuracy}`);
});

test('softmax: three classes learn, probabilities sum to 1, test metrics are reported', () => {
  const rng = createRng(11);
  const m = 300;
  const X: Matrix = { rows: 2, cols: m, data: new Float64Array(2 * m) };
  const Y: Matrix = { rows: 3, cols: m, data: new Float64Array(3 * m) };
  for (let j = 0; j < m; j++) {
    const c = j % 3;
    X.data[j] = Math.cos((2 * Math.PI * c) / 3) * 2 + 0.5 * rng.randn();
    X.data[m + j] = Math.sin((2 * Math.PI * c) / 3) * 2 + 0.5 * rng.randn();
    Y.data[c * m + j] = 1;
  }
  const config = lessonConfig({ iterations: 500, init: 'xavier', learningRate: 0.5 });
  const arch = architectureFor(config, 2, 3);
  assert.equal(arch.output, 'softmax');
  const result = trainToEnd({ X, Y, Xtest: X, Ytest: Y }, arch, config);
  assert.ok(result.train.accuracy > 0.9, `accuracy ${result.train.accuracy}`);
  assert.deepEqual(result.test, result.train);
  const P = predictProbabilities(result.params, arch, X);
  for (let j = 0; j < m; j++) {
    const s = P.data[j] + P.data[m + j] + P.data[2 * m + j];
    assert.ok(Math.abs(s - 1) < 1e-12);
  }
  assert.ok(Math.abs(costOf(P, Y, 'softmax') - result.train.cost) < 1e-12);
  assert.equal(accuracyOf(P, Y), result.train.accuracy);
});

test('step reports the cost before its update; shouldStop ends the loop', () => {
  const { X, Y } = loadFlower();
  const trainer = new Trainer({ X, Y }, lessonArch(), lessonConfig({ iterations: 5 }));
  const before = trainer.trainCost();
  const r = trainer.step();
  assert.equal(r.diverged, false);
  if (!r.diverged) {
    assert.equal(r.iteration, 0);
    assert.ok(Math.abs(r.cost - before) < 1e-15);
  }
  let calls = 0;
  const result = trainToEnd({ X, Y }, lessonArch(), lessonConfig({ iterations: 100 }), { shouldStop: () => ++calls > 10 });
  assert.equal(result.iterations, 10);
  assert.equal(result.stoppedEarly, true);
  assert.equal(result.costs.length, 10);
});
