// Benchmark: our engine against TensorFlow.js on its WebAssembly backend, same network, same
// synthetic data, same algorithm (full-batch gradient descent, tanh hidden layer, sigmoid output,
// cost computed every iteration). Run with `npm run bench` (optionally `-- --rows 1,2 --repeat 2`).
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { Trainer } from '../src/engine/train';
import { createRng } from '../src/engine/random';
import type { Matrix } from '../src/engine/matrix';
import type { Architecture, TrainConfig } from '../src/engine/types';

interface Row {
  m: number;
  nx: number;
  nh: number;
  iterations: number;
}

const GRID: Row[] = [
  { m: 400, nx: 2, nh: 4, iterations: 2000 },
  { m: 10000, nx: 20, nh: 16, iterations: 200 },
  { m: 1797, nx: 64, nh: 32, iterations: 500 },
  { m: 100000, nx: 30, nh: 64, iterations: 20 },
];
const LEARNING_RATE = 0.5;

/** Seeded synthetic data: X ~ N(0, 1), Y = [w·x + noise > 0] for a random w. */
function syntheticData(row: Row, seed: number): { X: Matrix; Y: Matrix } {
  const rng = createRng(seed);
  const { m, nx } = row;
  const X: Matrix = { rows: nx, cols: m, data: new Float64Array(nx * m) };
  const Y: Matrix = { rows: 1, cols: m, data: new Float64Array(m) };
  for (let i = 0; i < X.data.length; i++) X.data[i] = rng.randn();
  const w = Array.from({ length: nx }, () => rng.randn());
  for (let j = 0; j < m; j++) {
    let s = 0.5 * rng.randn();
    for (let k = 0; k < nx; k++) s += w[k] * X.data[k * m + j];
    Y.data[j] = s > 0 ? 1 : 0;
  }
  return { X, Y };
}

function engineRun(row: Row, data: { X: Matrix; Y: Matrix }): { seconds: number; cost: number } {
  const arch: Architecture = { nx: row.nx, nh: row.nh, ny: 1, activation: 'tanh', leakyAlpha: 0.01, output: 'sigmoid' };
  const config: TrainConfig = {
    hiddenUnits: row.nh, activation: 'tanh', leakyAlpha: 0.01, learningRate: LEARNING_RATE,
    iterations: row.iterations, batchSize: 0, init: 'xavier', seed: 1,
  };
  const started = performance.now();
  const trainer = new Trainer(data, arch, config);
  let cost = NaN;
  while (!trainer.done) {
    const r = trainer.step();
    if (r.diverged) throw new Error(r.message);
    cost = r.cost;
  }
  return { seconds: (performance.now() - started) / 1000, cost };
}

function tfjsRun(row: Row, data: { X: Matrix; Y: Matrix }): { seconds: number; cost: number } {
  const { m, nx, nh } = row;
  const rng = createRng(1);
  const randn = (n: number, s: number): Float32Array => Float32Array.from({ length: n }, () => rng.randn() * s);
  const started = performance.now();
  const X = tf.tensor2d(Float32Array.from(data.X.data), [nx, m]);
  const Y = tf.tensor2d(Float32Array.from(data.Y.data), [1, m]);
  let W1: tf.Tensor = tf.tensor2d(randn(nh * nx, Math.sqrt(1 / nx)), [nh, nx]);
  let b1: tf.Tensor = tf.zeros([nh, 1]);
  let W2: tf.Tensor = tf.tensor2d(randn(nh, Math.sqrt(1 / nh)), [1, nh]);
  let b2: tf.Tensor = tf.zeros([1, 1]);
  const lr = tf.scalar(LEARNING_RATE);
  const perExample = tf.scalar(1 / m);
  const one = tf.scalar(1);
  let cost = NaN;
  for (let i = 0; i < row.iterations; i++) {
    const next = tf.tidy(() => {
      // forward
      const Z1 = tf.add(tf.matMul(W1, X), b1);
      const A1 = tf.tanh(Z1);
      const Z2 = tf.add(tf.matMul(W2, A1), b2);
      const A2 = tf.sigmoid(Z2);
      // cost J = −(1/m) Σ [Y log A2 + (1 − Y) log(1 − A2)], logs clamped as the engine does
      // (float32: at 1e−7, or a saturated output gives log 0 = −∞)
      const P = tf.clipByValue(A2, 1e-7, 1 - 1e-7);
      const J = tf.neg(tf.mul(perExample, tf.sum(tf.add(tf.mul(Y, tf.log(P)), tf.mul(tf.sub(one, Y), tf.log(tf.sub(one, P)))))));
      // backward
      const dZ2 = tf.sub(A2, Y);
      const dW2 = tf.mul(perExample, tf.matMul(dZ2, A1, false, true));
      const db2 = tf.mul(perExample, tf.sum(dZ2, 1, true));
      const dZ1 = tf.mul(tf.matMul(W2, dZ2, true, false), tf.sub(one, tf.square(A1)));
      const dW1 = tf.mul(perExample, tf.matMul(dZ1, X, false, true));
      const db1 = tf.mul(perExample, tf.sum(dZ1, 1, true));
      // update
      return {
        J,
        W1: tf.sub(W1, tf.mul(lr, dW1)),
        b1: tf.sub(b1, tf.mul(lr, db1)),
        W2: tf.sub(W2, tf.mul(lr, dW2)),
        b2: tf.sub(b2, tf.mul(lr, db2)),
      };
    });
    cost = next.J.dataSync()[0]; // the engine reports every iteration's cost; so does this
    next.J.dispose();
    W1.dispose();
    b1.dispose();
    W2.dispose();
    b2.dispose();
    ({ W1, b1, W2, b2 } = next);
  }
  tf.dispose([X, Y, W1, b1, W2, b2, lr, perExample, one]);
  return { seconds: (performance.now() - started) / 1000, cost };
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  setWasmPaths(join(wasmDir, '/'));
  if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not initialise');
  await tf.ready();
  if (tf.getBackend() !== 'wasm') throw new Error(`running on ${tf.getBackend()}, not wasm`);
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  console.log(`tfjs ${tf.version_core} on backend "${tf.getBackend()}" (SIMD ${String(simd)}, threads ${String(threads)}); node ${process.version}`);

  const pick = option('rows');
  const repeat = Number(option('repeat') ?? 1);
  const skipTf = process.argv.includes('--engine-only');
  const rows = pick ? pick.split(',').map((s) => GRID[Number(s) - 1]) : GRID;

  const lines: string[] = [];
  const header = 'row  m × n_x × n_h × iterations     engine s   tfjs-wasm s   ratio (tfjs / engine)';
  for (const row of rows) {
    const data = syntheticData(row, 42);
    let engine = Infinity, tfjs = Infinity, engineCost = NaN, tfjsCost = NaN;
    for (let r = 0; r < repeat; r++) {
      const e = engineRun(row, data);
      engineCost = e.cost;
      engine = Math.min(engine, e.seconds);
      if (!skipTf) {
        const t = tfjsRun(row, data);
        tfjsCost = t.cost;
        tfjs = Math.min(tfjs, t.seconds);
      }
    }
    const label = `${row.m} × ${row.nx} × ${row.nh} × ${row.iterations}`;
    const line =
      `${String(GRID.indexOf(row) + 1).padEnd(5)}${label.padEnd(31)}${engine.toFixed(3).padStart(9)}` +
      `${(skipTf ? '-' : tfjs.toFixed(3)).padStart(14)}${(skipTf ? '-' : (tfjs / engine).toFixed(2) + '×').padStart(12)}` +
      `   (final cost ${engineCost.toFixed(5)} / ${skipTf ? '-' : tfjsCost.toFixed(5)})`;
    lines.push(line);
    console.error(line);
  }
  console.log(header);
  for (const l of lines) console.log(l);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
