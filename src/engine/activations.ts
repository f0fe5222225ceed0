/**
 * The hidden layer's activation functions g and their derivatives g', defined once (the lesson's
 * four, and the identity `linear` that shows why they are needed).
 *
 * `ACTIVATIONS` is plain data plus two pure scalar functions per entry, so the same table feeds
 * the engine (reference implementation and tests), the editor's hovers and the webview's plots.
 * The training loop itself uses the fused array kernels in kernels.ts, which compute exactly
 * these functions; the tests hold the two together.
 *
 * Convention at the kink z = 0 (where ReLU and Leaky ReLU have no derivative): we use the
 * left-hand slope, ReLU'(0) = 0 and LeakyReLU'(0) = α. Any value in between is a valid
 * subgradient; this one matches `np.where(z > 0, 1, α)`.
 */
import type { ActivationName } from './types';

export interface ActivationInfo {
  readonly name: ActivationName;
  /** Human name, as a heading: "tanh", "Leaky ReLU". */
  readonly label: string;
  /** g(z), in Unicode: "σ(z) = 1 / (1 + e^−z)". */
  readonly formula: string;
  /** g'(z), in Unicode: "σ'(z) = σ(z)(1 − σ(z))". */
  readonly derivativeFormula: string;
  /** Range of g: "(0, 1)". */
  readonly range: string;
  /** g'(0), written out, and the value the engine uses at a kink. */
  readonly derivativeAtZero: string;
  /** Saturation / dying, and what it does to learning (1–2 sentences). */
  readonly description: string;
  /** g(z). `alpha` is Leaky ReLU's slope for z < 0 (ignored by the others). */
  readonly g: (z: number, alpha: number) => number;
  /** g'(z). At a kink: ReLU'(0) = 0, LeakyReLU'(0) = α. */
  readonly dg: (z: number, alpha: number) => number;
}

/** The logistic sigmoid σ(z) = 1 / (1 + e^−z); also the output unit for two classes. */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Leaky ReLU's slope for z < 0 when none is configured. */
export const DEFAULT_LEAKY_ALPHA = 0.01;

export const ACTIVATIONS: Readonly<Record<ActivationName, ActivationInfo>> = {
  sigmoid: {
    name: 'sigmoid',
    label: 'sigmoid',
    formula: 'σ(z) = 1 / (1 + e^−z)',
    derivativeFormula: "σ'(z) = σ(z)(1 − σ(z))",
    range: '(0, 1)',
    derivativeAtZero: "σ'(0) = 1/4",
    description:
      'Saturates for large |z|, where its slope (at most 1/4, at z = 0) falls toward 0, so gradients ' +
      'through a sigmoid hidden layer are small and learning is slow; its outputs are not centred on 0, ' +
      'which slows the next layer too. Best kept for the output unit of a binary classifier.',
    g: (z) => sigmoid(z),
    dg: (z) => {
      const s = sigmoid(z);
      return s * (1 - s);
    },
  },
  tanh: {
    name: 'tanh',
    label: 'tanh',
    formula: 'tanh(z) = (e^z − e^−z) / (e^z + e^−z)',
    derivativeFormula: "tanh'(z) = 1 − tanh²(z)",
    range: '(−1, 1)',
    derivativeAtZero: "tanh'(0) = 1",
    description:
      'Centred on 0 with slope 1 at z = 0, so a tanh hidden layer usually learns faster than a sigmoid ' +
      'one; it still saturates for large |z|, where the slope vanishes and learning stalls (hence small ' +
      'initial weights).',
    g: (z) => Math.tanh(z),
    dg: (z) => {
      const t = Math.tanh(z);
      return 1 - t * t;
    },
  },
  relu: {
    name: 'relu',
    label: 'ReLU',
    formula: 'ReLU(z) = max(0, z)',
    derivativeFormula: "ReLU'(z) = 1 for z > 0, 0 for z < 0",
    range: '[0, ∞)',
    derivativeAtZero: "ReLU'(0) is undefined; the engine uses 0",
    description:
      'Does not saturate for z > 0, so gradients stay large and learning is fast; but a unit whose z is ' +
      'negative for every example gets zero gradient and stops learning for good (a "dead" ReLU).',
    g: (z) => (z > 0 ? z : 0),
    dg: (z) => (z > 0 ? 1 : 0),
  },
  'leaky-relu': {
    name: 'leaky-relu',
    label: 'Leaky ReLU',
    formula: 'g(z) = max(αz, z) = z for z > 0, αz for z ≤ 0 (α = 0.01 by default)',
    derivativeFormula: "g'(z) = 1 for z > 0, α for z < 0",
    range: '(−∞, ∞)',
    derivativeAtZero: "g'(0) is undefined; the engine uses α",
    description:
      'Like ReLU it does not saturate for z > 0, and the small slope α for z < 0 keeps some gradient ' +
      'flowing, so a unit cannot die: it can recover from a bad start.',
    g: (z, alpha) => (z > 0 ? z : alpha * z),
    dg: (z, alpha) => (z > 0 ? 1 : alpha),
  },
  linear: {
    name: 'linear',
    label: 'linear',
    formula: 'g(z) = z',
    derivativeFormula: "g'(z) = 1",
    range: '(−∞, ∞)',
    derivativeAtZero: "g'(0) = 1",
    description:
      'The identity: no non-linearity, so W[2](W[1]x + b[1]) + b[2] is one linear map and the whole ' +
      'network collapses to logistic regression, however many hidden units it has. Useful only to show why ' +
      'hidden layers need a non-linear g (or as an output for regression).',
    g: (z) => z,
    dg: () => 1,
  },
};

export function activationInfo(name: ActivationName): ActivationInfo {
  return ACTIVATIONS[name];
}
