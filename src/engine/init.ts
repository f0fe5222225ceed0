/**
 * Initial parameters. Biases start at 0; weights are Gaussian, scaled per `InitName`:
 *
 *   small   W = randn · scale              the lesson's choice, scale 0.01 (keeps tanh/σ out of
 *                                          saturation; try 10 to see them saturate)
 *   xavier  W = randn · √(1 / fan_in)      suits tanh / sigmoid
 *   he      W = randn · √(2 / fan_in)      suits ReLU / Leaky ReLU
 *   zeros   W = 0                          shows the symmetry problem: every hidden unit stays identical
 *
 * fan_in is n_x for W1 and n_h for W2. Draws happen in the lesson's order — all of W1 row by
 * row, then all of W2 — so an Rng that reproduces numpy's stream reproduces
 * `W1 = np.random.randn(n_h, n_x) * 0.01; W2 = np.random.randn(n_y, n_h) * 0.01`.
 */
import type { Architecture, InitName, Params } from './types';
import { zeros, type Matrix } from './matrix';
import type { Rng } from './random';

/** The lesson's scale of the `small` initialisation. */
export const DEFAULT_INIT_SCALE = 0.01;

function scaleFor(init: InitName, fanIn: number, smallScale: number): number {
  switch (init) {
    case 'small':
      return smallScale;
    case 'xavier':
      return Math.sqrt(1 / fanIn);
    case 'he':
      return Math.sqrt(2 / fanIn);
    case 'zeros':
      return 0;
  }
}

function gaussianMatrix(rows: number, cols: number, init: InitName, rng: Rng, smallScale: number): Matrix {
  const W = zeros(rows, cols);
  if (init === 'zeros') return W; // no draws: nothing random about it
  const s = scaleFor(init, cols, smallScale);
  for (let i = 0; i < W.data.length; i++) W.data[i] = rng.randn() * s;
  return W;
}

/** `smallScale` is the `small` initialisation's scale (ignored by the others). */
export function initialiseParams(arch: Architecture, init: InitName, rng: Rng, smallScale = DEFAULT_INIT_SCALE): Params {
  const W1 = gaussianMatrix(arch.nh, arch.nx, init, rng, smallScale);
  const W2 = gaussianMatrix(arch.ny, arch.nh, init, rng, smallScale);
  return { W1, b1: zeros(arch.nh, 1), W2, b2: zeros(arch.ny, 1) };
}
