/**
 * How much of the hidden layer is in the flat part of its activation, where g'(Z[1]) ≈ 0 and the
 * gradient dZ[1] = W[2]ᵀdZ[2] ∗ g'(Z[1]) vanishes, so the units learn slowly or not at all:
 *
 *   tanh, sigmoid   saturation = share of the n_h × m activations with |z| > 3
 *                   (the same as g'(z) < g'(3): both functions' slopes fall monotonically in |z|)
 *   ReLU, leaky     saturation = share of the n_h units that are dead: z ≤ 0 for every example,
 *                   so the unit outputs 0 (or only leaks, αz) and g' is 0 (or α) everywhere
 *   linear          saturation = 0: g' = 1 everywhere
 *
 * and in every case meanDerivative = the mean of g'(Z[1]) over all n_h × m activations.
 *
 * The figures are read off the g'(Z[1]) the forward pass keeps for backpropagation, block by
 * block (see network.ts), so watching them costs one extra read of a buffer already in cache,
 * and nothing at all when nobody watches.
 */
import type { Matrix } from './matrix';
import type { ActivationName, Architecture, Params } from './types';
import { activateWithDerivative, matMulAddBias } from './kernels';

/** |z| above this is the flat region of tanh and sigmoid. */
export const SATURATION_Z = 3;

/** What `saturation` measures for an activation. */
export type SaturationKind = 'flat' | 'dead' | 'none';

export function saturationKindOf(activation: ActivationName): SaturationKind {
  switch (activation) {
    case 'tanh':
    case 'sigmoid':
      return 'flat';
    case 'relu':
    case 'leaky-relu':
      return 'dead';
    case 'linear':
      return 'none';
  }
}

/** The hidden layer's state at one forward pass. */
export interface HiddenStats {
  /** In [0, 1]: the share of activations with |z| > 3 (tanh, σ), of dead units (ReLU, leaky), or 0. */
  saturation: number;
  /** Mean of g'(Z[1]) over the n_h × m activations. */
  meanDerivative: number;
  /** Units with z ≤ 0 for every example (ReLU and leaky ReLU; 0 for the others). */
  deadUnits: number;
}

/** g'(z) at |z| = 3, as the training kernels compute it (so the comparison agrees with them exactly). */
function slopeAtEdge(activation: ActivationName, alpha: number): number {
  const z = new Float64Array([SATURATION_Z]);
  const g = new Float64Array(1);
  activateWithDerivative(activation, alpha, 1, 1, z, 0, 1, g, 0, 1);
  return g[0];
}

/**
 * Sums, over blocks of examples, what HiddenStats needs: the count of flat activations, the sum
 * of g', and which units were active (z > 0, i.e. g' = 1) for at least one example.
 */
export class HiddenStatsAccumulator {
  private readonly kind: SaturationKind;
  private readonly edge: number;
  private readonly nh: number;
  private readonly alive: Uint8Array;
  private flat = 0;
  private sum = 0;
  private count = 0;

  constructor(arch: Pick<Architecture, 'nh' | 'activation' | 'leakyAlpha'>) {
    this.nh = arch.nh;
    this.kind = saturationKindOf(arch.activation);
    this.edge = this.kind === 'flat' ? slopeAtEdge(arch.activation, arch.leakyAlpha) : 0;
    this.alive = new Uint8Array(arch.nh);
  }

  reset(): void {
    this.flat = 0;
    this.sum = 0;
    this.count = 0;
    this.alive.fill(0);
  }

  /** Adds a block of g'(Z[1]): n_h rows of n examples, row stride `ld`, from `off`. */
  addBlock(G: Float64Array, off: number, ld: number, n: number): void {
    let sum = 0;
    let flat = 0;
    const edge = this.edge;
    for (let i = 0; i < this.nh; i++) {
      const g0 = off + i * ld;
      if (this.kind === 'flat') {
        for (let j = 0; j < n; j++) {
          const g = G[g0 + j];
          sum += g;
          if (g < edge) flat++;
        }
      } else if (this.kind === 'dead') {
        let on = 0;
        for (let j = 0; j < n; j++) {
          const g = G[g0 + j];
          sum += g;
          if (g === 1) on = 1;
        }
        if (on) this.alive[i] = 1;
      } else {
        for (let j = 0; j < n; j++) sum += G[g0 + j];
      }
    }
    this.sum += sum;
    this.flat += flat;
    this.count += this.nh * n;
  }

  result(): HiddenStats {
    const total = this.count;
    let dead = 0;
    if (this.kind === 'dead') for (let i = 0; i < this.nh; i++) if (!this.alive[i]) dead++;
    const saturation = total === 0 ? 0 : this.kind === 'flat' ? this.flat / total : this.kind === 'dead' ? dead / this.nh : 0;
    return { saturation, meanDerivative: total === 0 ? NaN : this.sum / total, deadUnits: dead };
  }
}

/** The hidden layer's stats for parameters and inputs X (n_x × m): a forward pass of layer 1 only. */
export function hiddenStats(params: Params, arch: Architecture, X: Matrix): HiddenStats {
  const { nx, nh } = arch;
  const m = X.cols;
  const block = Math.max(1, Math.min(m, 1024));
  const Z = new Float64Array(nh * block);
  const G = new Float64Array(nh * block);
  const acc = new HiddenStatsAccumulator(arch);
  for (let start = 0; start < m; start += block) {
    const n = Math.min(block, m - start);
    // Z1 = W1·X + b1, then g'(Z1)
    matMulAddBias(nh, nx, n, params.W1.data, 0, nx, X.data, start, m, Z, 0, n, params.b1.data, 0);
    activateWithDerivative(arch.activation, arch.leakyAlpha, nh, n, Z, 0, n, G, 0, n);
    acc.addBlock(G, 0, n, n);
  }
  return acc.result();
}
