/**
 * Why a hidden layer needs a non-linear g: with g(z) = z,
 *
 *   Z[2] = W[2](W[1]X + b[1]) + b[2] = (W[2]W[1])X + (W[2]b[1] + b[2]) = W'X + b'
 *
 * so the network is one linear layer followed by the output unit: logistic regression,
 * whatever n_h. `collapseLinear` computes that single layer; its predictions equal the network's.
 */
import type { SingleLayer } from './baseline';
import { zeros } from './matrix';
import type { Params } from './types';

/** W' = W[2]·W[1] (n_y × n_x) and b' = W[2]·b[1] + b[2] (n_y × 1). */
export function collapseLinear(p: Params): SingleLayer {
  const ny = p.W2.rows, nh = p.W2.cols, nx = p.W1.cols;
  if (p.W1.rows !== nh || p.b1.rows !== nh || p.b2.rows !== ny) throw new RangeError('parameters of mismatched shapes');
  const W = zeros(ny, nx);
  const b = zeros(ny, 1);
  for (let i = 0; i < ny; i++) {
    let bias = p.b2.data[i];
    for (let k = 0; k < nh; k++) {
      const w2 = p.W2.data[i * nh + k];
      bias += w2 * p.b1.data[k];
      for (let j = 0; j < nx; j++) W.data[i * nx + j] += w2 * p.W1.data[k * nx + j];
    }
    b.data[i] = bias;
  }
  return { W, b };
}

/** The same on nested arrays, rows first (as the panel receives parameters). */
export function collapseLinearRows(p: { W1: number[][]; b1: number[][]; W2: number[][]; b2: number[][] }): { W: number[][]; b: number[][] } {
  const ny = p.W2.length, nh = p.W1.length, nx = nh ? p.W1[0].length : 0;
  const W: number[][] = [];
  const b: number[][] = [];
  for (let i = 0; i < ny; i++) {
    const row = new Array<number>(nx).fill(0);
    let bias = p.b2[i][0];
    for (let k = 0; k < nh; k++) {
      const w2 = p.W2[i][k];
      bias += w2 * p.b1[k][0];
      for (let j = 0; j < nx; j++) row[j] += w2 * p.W1[k][j];
    }
    W.push(row);
    b.push([bias]);
  }
  return { W, b };
}
