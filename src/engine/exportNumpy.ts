/**
 * A trained model as a small Python file over NumPy: the parameters, the normalisation
 * statistics, the feature names and classes, and `predict(X)` written as the lesson's
 * forward pass (examples as columns):
 *
 *   Z1 = W1 @ X + b1    A1 = g(Z1)    Z2 = W2 @ A1 + b2    A2 = sigmoid(Z2)  (softmax for > 2 classes)
 *
 * with the same formulas as the engine (activations.ts, Leaky ReLU's α included), so its
 * probabilities agree with predictTable's to rounding. `encode(rows)` turns CSV-like rows
 * (mappings column → value) into X, one-hot encoding categorical features as training did;
 * run as a script, the file appends predictions to a CSV.
 */
import { ShallowNetError } from './errors';
import type { MatrixRows, ShallowNetModel } from './model';
import { PYTHON_CSV } from './exportNumpyCsv';
import { pyInt, pyNumber, pyString } from './pythonLiteral';
import type { ActivationName } from './types';

function pyList(values: readonly number[]): string {
  return `[${values.map(pyNumber).join(', ')}]`;
}

/** A matrix, one row per line. */
function pyMatrix(name: string, rows: MatrixRows, comment: string): string {
  return `${name} = np.array([  # ${comment}\n${rows.map((r) => `    ${pyList(r)},`).join('\n')}\n], dtype=float)`;
}

/** A column vector (k × 1), written flat for reading. */
function pyColumn(name: string, values: readonly number[], comment: string): string {
  return `${name} = np.array(${pyList(values)}, dtype=float).reshape(-1, 1)  # ${comment}`;
}

/** An activation's name for the docstring, its formula, and g's body in NumPy. */
interface Hidden {
  label: string;
  doc: string;
  body: string;
}

/** g in NumPy, per activation (an index signature: names added to ActivationName get a clear error until listed). */
const HIDDEN: Readonly<Record<string, Hidden | undefined>> = {
  tanh: { label: 'tanh', doc: 'tanh(z) = (e^z - e^-z) / (e^z + e^-z)', body: 'return np.tanh(Z)' },
  sigmoid: { label: 'sigmoid', doc: 'sigma(z) = 1 / (1 + e^-z)', body: 'return sigmoid(Z)' },
  relu: { label: 'ReLU', doc: 'ReLU(z) = max(0, z)', body: 'return np.where(Z > 0, Z, 0.0)' },
  'leaky-relu': { label: 'Leaky ReLU', doc: 'Leaky ReLU: z for z > 0, ALPHA * z otherwise', body: 'return np.where(Z > 0, Z, ALPHA * Z)' },
  linear: { label: 'linear', doc: 'the identity, g(z) = z', body: 'return Z' },
};

function hiddenOf(name: ActivationName): Hidden {
  const hidden = HIDDEN[name];
  if (!hidden) throw new ShallowNetError('bad-model', `cannot export the activation "${name}" to NumPy yet`, {}, 'Export a model with tanh, sigmoid, ReLU or Leaky ReLU hidden units');
  return hidden;
}

function pyFeatures(model: ShallowNetModel): string {
  const lines = model.encoding.features.map((f) =>
    f.kind === 'numeric' ? `    (${pyString(f.name)}, None),` : `    (${pyString(f.name)}, [${f.levels.map(pyString).join(', ')}]),`,
  );
  return `FEATURES = [\n${lines.join('\n')}\n]`;
}

/** "1 input", "4 inputs". */
function count(n: number, noun: string): string {
  return `${pyInt(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * The Python source of a model's predictor (see the module comment). Its docstring and
 * comments are this file's own text and numbers; every string from the model (names,
 * classes, levels, the CSV's name, the date) is a literal made by pyString, assigned to a
 * constant (SOURCE, TRAINED, FEATURES, TARGET, CLASSES…).
 */
export function exportNumpy(model: ShallowNetModel): string {
  const a = model.architecture;
  const e = model.encoding;
  const t = model.training;
  const softmax = a.output === 'softmax';
  const hasCategorical = e.features.some((f) => f.kind === 'categorical');
  const hidden = hiddenOf(a.activation);
  const outputName = softmax ? 'softmax' : 'sigmoid';
  const probColumns = softmax ? 'CLASSES' : '[CLASSES[1]]';
  const out: string[] = [];
  out.push(`"""Shallow Net model exported as NumPy.

Network: ${count(a.nx, 'input')} -> ${count(a.nh, `${hidden.label} hidden unit`)} -> ${count(a.ny, `${outputName} output`)}.
Where it was trained, the target, its classes and the feature columns are the constants
SOURCE, TRAINED, TARGET, CLASSES and FEATURES below.

The lesson's forward pass, examples as columns (X is n_x by m):
    Z1 = W1 @ X + b1,  A1 = g(Z1),  Z2 = W2 @ A1 + b2,  A2 = ${outputName}(Z2)

Use it:
    X = encode(rows)  # rows: mappings column name -> value, one per example
    probabilities, labels = predict(X)
or from a shell, to append predictions to a CSV with the same feature columns:
    python3 this_file.py data.csv > predictions.csv
Needs only NumPy.
"""
import math
import re

import numpy as np

# The training run: the CSV's name, when it ended, its iterations and learning rate.
SOURCE = ${pyString(t.source)}
TRAINED = ${pyString(t.date)}
ITERATIONS = ${pyInt(t.iterations)}
LEARNING_RATE = ${pyNumber(t.learningRate)}

# The CSV's feature columns, in order: (name, None) for a number, (name, levels) for a
# category, which becomes one row of X per level (one-hot).
${pyFeatures(model)}

# The rows of X, after one-hot encoding (n_x = ${pyInt(a.nx)}).
FEATURE_NAMES = [${e.featureNames.map(pyString).join(', ')}]

TARGET = ${pyString(e.targetName)}
# predict's labels; ${softmax ? 'row k of A2 is the probability of CLASSES[k]' : 'A2 is the probability of CLASSES[1], which is encoded 1'}.
CLASSES = [${e.classes.map(pyString).join(', ')}]

# Normalisation (${e.normalization.kind === 'standard' ? 'z-score, fitted on the training rows' : 'none: mean 0, std 1'}): x' = (x - MEAN) / STD, per row of X.
${pyColumn('MEAN', e.normalization.mean, 'n_x by 1')}
${pyColumn('STD', e.normalization.std, 'n_x by 1')}
${a.activation === 'leaky-relu' ? `\n# Leaky ReLU's slope for z <= 0.\nALPHA = ${pyNumber(a.leakyAlpha)}\n` : ''}
${pyMatrix('W1', model.W1, `n_h by n_x = ${a.nh} by ${a.nx}`)}
${pyColumn('b1', model.b1.map((r) => r[0]), `n_h by 1`)}
${pyMatrix('W2', model.W2, `n_y by n_h = ${a.ny} by ${a.nh}`)}
${pyColumn('b2', model.b2.map((r) => r[0]), `n_y by 1`)}


def sigmoid(Z):
    """sigma(z) = 1 / (1 + e^-z); z is clipped to +-708 so e^-z never overflows."""
    return 1 / (1 + np.exp(-np.clip(Z, -708, 708)))
`);
  if (softmax) {
    out.push(`

def softmax(Z):
    """Each column's e^z / sum(e^z), the column's largest z subtracted first (same result, no overflow)."""
    E = np.exp(Z - Z.max(axis=0, keepdims=True))
    return E / E.sum(axis=0, keepdims=True)
`);
  }
  out.push(`

def g(Z):
    """The hidden activation: ${hidden.doc}."""
    ${hidden.body}


def forward(X):
    """A2 (n_y by m) for X already normalised."""
    Z1 = W1 @ X + b1
    A1 = g(Z1)
    Z2 = W2 @ A1 + b2
    A2 = ${outputName}(Z2)
    return A2


def predict(X):
    """Probabilities A2 (n_y by m) and labels (m) for X: n_x by m, rows as FEATURE_NAMES,
    not yet normalised (encode(rows) makes it from CSV rows).
    ${softmax ? 'The label is the most probable class (the first on ties).' : 'The label is CLASSES[1] when A2 > 0.5, else CLASSES[0].'}"""
    X = np.asarray(X, dtype=float)
    if X.ndim == 1:
        X = X.reshape(-1, 1)
    if X.shape[0] != len(FEATURE_NAMES):
        raise ValueError(f"X must have {len(FEATURE_NAMES)} rows ({', '.join(FEATURE_NAMES)}), it has {X.shape[0]}")
    A2 = forward((X - MEAN) / STD)
    labels = np.array(CLASSES)[${softmax ? 'np.argmax(A2, axis=0)' : '(A2[0] > 0.5).astype(int)'}]
    return A2, labels


${PYTHON_CSV}

def _number(value, row, name, decimal_comma):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        x = float(value)
        x = x if math.isfinite(x) else None
    else:
        x = _parse_number(str(value), decimal_comma)
    if x is None:
        raise ValueError(f"row {row}, column {name!r}: {value!r} is not a number")
    return x


def encode(rows, decimal_comma=False):
    """X (n_x by m, not normalised) from rows: mappings column name -> value, such as
    dict(zip(header, row)) for the rows of read_csv(path), or a DataFrame's to_dict("records").
    Text is read as the extension reads a CSV: numbers by its rule (decimal_comma: "1,5" is
    1.5, as in files delimited by ";" or tab), categories trimmed as JavaScript trims.${hasCategorical ? ' A categorical feature becomes one row per level: 1 for the row\'s level, 0 for the others.' : ''}"""
    columns = []
    for j, row in enumerate(rows, start=1):
        column = []
        for name, levels in FEATURES:
            if name not in row:
                raise ValueError(f"row {j}: the model needs the column {name!r}")
            value = row[name]
            if levels is None:
                column.append(_number(value, j, name, decimal_comma))
            else:
                level = _trim(str(value))
                if level not in levels:
                    raise ValueError(f"row {j}, column {name!r}: {level!r} is not one of the values the model was trained on ({', '.join(levels)})")
                column.extend(1.0 if level == known else 0.0 for known in levels)
        columns.append(column)
    return np.array(columns, dtype=float).reshape(-1, len(FEATURE_NAMES)).T


def _main(argv):
    import sys

    if len(argv) != 2:
        sys.stderr.write(f"usage: python3 {argv[0]} FILE.csv > predictions.csv\\n")
        return 2
    try:
        header, rows, delimiter = read_csv(argv[1])
        A2, labels = predict(encode([dict(zip(header, row)) for row in rows], decimal_comma=delimiter != ","))
    except (OSError, ValueError) as e:
        sys.stderr.write(f"error: {e}\\n")
        return 2
    # The input's columns, then the probabilities and the label, named as the extension names them.
    taken = set(header)

    def unique(name):
        n, k = name, 2
        while n in taken:
            n, k = f"{name}_{k}", k + 1
        taken.add(n)
        return n

    added = [unique("probability_" + c) for c in ${probColumns}] + [unique("predicted_" + TARGET)]
    lines = [header + added]
    for j, row in enumerate(rows):
        lines.append(row + [repr(float(p)) for p in A2[:, j]] + [str(labels[j])])
    text = "".join(delimiter.join(_csv_field(cell, delimiter) for cell in line) + "\\n" for line in lines)
    # A lone surrogate (only a model's name can hold one) is written as U+FFFD, as the extension writes it.
    sys.stdout.buffer.write(re.sub("[\\ud800-\\udfff]", "\\ufffd", text).encode("utf-8"))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(_main(sys.argv))
`);
  return out.join('');
}

/**
 * The Python file's name for a model file: `flower.model.json` → `flower_model.py`, a name
 * Python can import (letters, digits and underscores, not starting with a digit).
 */
export function numpyFileNameFor(modelFileName: string): string {
  const stem = modelFileName.replace(/\.json$/i, '').replace(/[^A-Za-z0-9_]/g, '_');
  return `${/^[0-9]/.test(stem) || stem === '' ? `model_${stem}` : stem}.py`;
}
