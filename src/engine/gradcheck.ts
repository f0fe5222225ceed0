/**
 * Gradient checking: backward propagation's analytic gradients against central differences
 *   dθ ≈ (J(θ + ε) − J(θ − ε)) / 2ε,  ε = 1e−5 by default,
 * for every entry of W1, b1, W2, b2. Reported per matrix and overall as the relative error
 *   ‖g_num − g_an‖ / (‖g_num‖ + ‖g_an‖)   (‖·‖ the Euclidean norm; 0 when both are 0).
 * Around 1e−7 or below the backward pass is right; 1e−3 or above it has a bug.
 */
import type { Architecture, Params } from './types';
import type { Matrix } from './matrix';
import { Workspace, cloneParams, costOf, forward, propagate } from './network';

/**
 * The step ε. The truncation error of central differences grows as ε², their rounding error
 * as (float64's 1e−16 · J) / ε; 1e−5 balances the two. The lesson's 1e−7 is fine for weights
 * of scale 1, but at its own start (randn · 0.01) the gradients are so small that rounding
 * alone gives relative errors near 1e−6 for a correct backward pass.
 */
export const GRADCHECK_EPSILON = 1e-5;

type ParamName = keyof Params;
const PARAM_NAMES: readonly ParamName[] = ['W1', 'b1', 'W2', 'b2'];

export interface GradCheckResult {
  /** Relative error per parameter matrix. */
  W1: number;
  b1: number;
  W2: number;
  b2: number;
  /** Relative error over all parameters as one vector. */
  overall: number;
  /**
   * The Euclidean norms of each matrix's numerical and analytic gradients: when both are 0
   * (nothing reaches those parameters) the relative error is 0 without checking anything.
   */
  norms: Record<ParamName, { numerical: number; analytic: number }>;
}

function relativeError(diff2: number, num2: number, an2: number): number {
  const denominator = Math.sqrt(num2) + Math.sqrt(an2);
  return denominator === 0 ? 0 : Math.sqrt(diff2) / denominator;
}

export function gradientCheck(
  params: Params, arch: Architecture, X: Matrix, Y: Matrix, epsilon = GRADCHECK_EPSILON,
): GradCheckResult {
  const ws = new Workspace(arch, X.cols);
  const grads = propagate(params, arch, X, Y, ws).grads;
  const analytic: Record<ParamName, Float64Array> = {
    W1: new Float64Array(grads.dW1.data),
    b1: new Float64Array(grads.db1.data),
    W2: new Float64Array(grads.dW2.data),
    b2: new Float64Array(grads.db2.data),
  };
  const theta = cloneParams(params);
  const costAt = (): number => costOf(forward(theta, arch, X, ws), Y, arch.output);

  const zero = (): { numerical: number; analytic: number } => ({ numerical: 0, analytic: 0 });
  const result: GradCheckResult = { W1: 0, b1: 0, W2: 0, b2: 0, overall: 0, norms: { W1: zero(), b1: zero(), W2: zero(), b2: zero() } };
  let diffAll = 0, numAll = 0, anAll = 0;
  for (const name of PARAM_NAMES) {
    const values = theta[name].data;
    const an = analytic[name];
    let diff2 = 0, num2 = 0, an2 = 0;
    for (let i = 0; i < values.length; i++) {
      const original = values[i];
      values[i] = original + epsilon;
      const plus = costAt();
      values[i] = original - epsilon;
      const minus = costAt();
      values[i] = original;
      const numerical = (plus - minus) / (2 * epsilon);
      diff2 += (numerical - an[i]) ** 2;
      num2 += numerical * numerical;
      an2 += an[i] * an[i];
    }
    result[name] = relativeError(diff2, num2, an2);
    result.norms[name] = { numerical: Math.sqrt(num2), analytic: Math.sqrt(an2) };
    diffAll += diff2;
    numAll += num2;
    anAll += an2;
  }
  result.overall = relativeError(diffAll, numAll, anAll);
  return result;
}
