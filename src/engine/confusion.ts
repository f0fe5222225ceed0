/**
 * The confusion matrix of a split: counts[actual][predicted], with the lesson's rule for the
 * prediction (binary: A2 > 0.5; multi-class: the most probable class, the first on ties), and
 * the accuracy per class (the diagonal over each actual class's count; null for a class with
 * no example in the split).
 */
import type { Matrix } from './matrix';
import { classIndices } from './grid';

export interface Confusion {
  /** counts[actual][predicted], classes in the encoding's order. */
  counts: number[][];
  /** Per actual class: correct / examples of that class; null when it has none. */
  perClass: (number | null)[];
  /** Correct / all examples (NaN for an empty split). */
  accuracy: number;
  total: number;
}

/** The predicted class of each column of A2 (binary: A2 > 0.5 → 1). */
export function predictedIndices(A2: Matrix): number[] {
  const m = A2.cols;
  const out: number[] = new Array<number>(m);
  for (let j = 0; j < m; j++) {
    if (A2.rows === 1) {
      out[j] = A2.data[j] > 0.5 ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let k = 1; k < A2.rows; k++) if (A2.data[k * m + j] > A2.data[best * m + j]) best = k;
    out[j] = best;
  }
  return out;
}

export function confusionOf(A2: Matrix, Y: Matrix): Confusion {
  if (A2.rows !== Y.rows || A2.cols !== Y.cols) throw new RangeError(`A2 is ${A2.rows}×${A2.cols} but Y is ${Y.rows}×${Y.cols}`);
  const k = Y.rows === 1 ? 2 : Y.rows;
  const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const actual = classIndices(Y);
  const predicted = predictedIndices(A2);
  let correct = 0;
  for (let j = 0; j < actual.length; j++) {
    counts[actual[j]][predicted[j]]++;
    if (actual[j] === predicted[j]) correct++;
  }
  const perClass = counts.map((row, i) => {
    const n = row.reduce((a, b) => a + b, 0);
    return n ? row[i] / n : null;
  });
  const total = actual.length;
  return { counts, perClass, accuracy: total ? correct / total : NaN, total };
}
