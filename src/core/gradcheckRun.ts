/**
 * Gradient check of a CSV with a run's settings (the palette command and the panel's button):
 * backpropagation against central differences (engine/gradcheck.ts) on a seeded subsample of
 * at most GRADCHECK_MAX_EXAMPLES training examples, so it takes well under a second on the
 * host. The subsample is the first 200 of the training examples shuffled with the run's seed
 * (shuffledIndices), kept in their original order. Pure: no vscode, no node.
 */
import { gradientCheck } from '../engine/gradcheck';
import { fromRows, type Matrix } from '../engine/matrix';
import { shuffledIndices } from '../engine/shuffle';
import type { Params } from '../engine/types';
import { prepareRun } from './pipeline';
import type { GradCheckReport, ParamsSnapshot, TrainSettings } from '../shared/runTypes';

export const GRADCHECK_MAX_EXAMPLES = 200;
export const GRADCHECK_THRESHOLD = 1e-7;

function columns(m: Matrix, cols: readonly number[]): Matrix {
  const data = new Float64Array(m.rows * cols.length);
  for (let r = 0; r < m.rows; r++) {
    for (let j = 0; j < cols.length; j++) data[r * cols.length + j] = m.data[r * m.cols + cols[j]];
  }
  return { rows: m.rows, cols: cols.length, data };
}

/** `shallow-net gradcheck`'s options: its finite-difference step, and `--init-from`'s file (checked at those parameters). */
export interface GradCheckOptions {
  epsilon?: number;
  initial?: { text: string; fileName: string };
}

/**
 * `params` given (a run's final parameters, with the CSV's shape): checked there; otherwise at
 * the initial parameters the settings (or `options.initial`) give (as `shallow-net gradcheck` does).
 */
export function gradCheckCsv(csvText: string, fileName: string, settings: TrainSettings, params?: ParamsSnapshot, options: GradCheckOptions = {}): GradCheckReport {
  const run = prepareRun(csvText, fileName, params ? { ...settings, hiddenUnits: params.W1.length } : settings, options.initial);
  const { X, Y } = run.dataset;
  const total = X.cols;
  let Xs = X, Ys = Y;
  if (total > GRADCHECK_MAX_EXAMPLES) {
    const pick = shuffledIndices(total, settings.seed).slice(0, GRADCHECK_MAX_EXAMPLES).sort((a, b) => a - b);
    Xs = columns(X, pick);
    Ys = columns(Y, pick);
  }
  let p: Params = run.trainer.params;
  if (params) {
    p = { W1: fromRows(params.W1), b1: fromRows(params.b1), W2: fromRows(params.W2), b2: fromRows(params.b2) };
    const a = run.arch;
    if (p.W1.rows !== a.nh || p.W1.cols !== a.nx || p.b1.rows !== a.nh || p.W2.rows !== a.ny || p.W2.cols !== a.nh || p.b2.rows !== a.ny) {
      throw new Error(`The run's parameters do not fit ${fileName} (${a.nx} features, ${a.ny} outputs).`);
    }
  }
  const r = gradientCheck(p, run.arch, Xs, Ys, options.epsilon);
  return {
    W1: r.W1, b1: r.b1, W2: r.W2, b2: r.b2, overall: r.overall,
    pass: r.overall < GRADCHECK_THRESHOLD,
    norms: r.norms,
    examples: Xs.cols,
    total,
    at: params ? 'final' : 'initial',
  };
}

/** "Gradient check on flower.csv: relative error 2.2e-8 — pass (below 1e-7)" and the per-matrix figures. */
export function gradCheckText(fileName: string, r: GradCheckReport): string {
  const e = (v: number): string => v.toExponential(1);
  const verdict = r.pass ? 'pass (below 1e-7)' : 'FAIL (not below 1e-7)';
  return `Gradient check on ${fileName}: relative error ${e(r.overall)} — ${verdict}. ` +
    `W[1] ${e(r.W1)}, b[1] ${e(r.b1)}, W[2] ${e(r.W2)}, b[2] ${e(r.b2)}; ` +
    `${r.at} parameters, ${r.examples === r.total ? `all ${r.total}` : `${r.examples} of ${r.total}`} training examples.` +
    zeroGradients(r);
}

/** " Both gradients are 0 for W[1], b[1], W[2] (their relative error checks nothing)." or "". */
function zeroGradients(r: GradCheckReport): string {
  const norms = r.norms;
  if (!norms) return '';
  const zero = (['W1', 'b1', 'W2', 'b2'] as const).filter((k) => norms[k].numerical === 0 && norms[k].analytic === 0);
  return zero.length ? ` Both gradients are 0 for ${zero.map((k) => `${k[0]}[${k[1]}]`).join(', ')} (their relative error checks nothing).` : '';
}
