/**
 * A trained model on a new CSV: encode the rows as in training (encodeRows applies the
 * stored one-hot levels and normalisation), run the forward pass, read off the classes;
 * and the predictions file, which is the input CSV with the probabilities and the
 * predicted label appended to every row.
 */
import { formatCsvRow, type CsvTable } from './csv';
import { spreadsheetSafe } from './csvCell';
import { encodeRows } from './encode';
import type { Matrix } from './matrix';
import { paramsOf, type ShallowNetModel } from './model';
import { predictProbabilities } from './network';

export interface Predictions {
  /** n_y × m: P(classes[1]) for a binary model; one row per class for a multi-class one. */
  probabilities: Matrix;
  /** The predicted class of each row. */
  labels: string[];
  /** The 1-based file line of each row, as in errors. */
  rowLines: number[];
}

/**
 * Every row of the table, predicted. Errors (ShallowNetError) for a missing feature column,
 * a missing value, a non-number in a numeric feature or a category the model never saw.
 */
export function predictTable(model: ShallowNetModel, table: CsvTable, fileName: string): Predictions {
  const { X, rowLines } = encodeRows(table, model.encoding, fileName);
  const probabilities = predictProbabilities(paramsOf(model), model.architecture, X);
  return { probabilities, labels: labelsOf(probabilities, model.encoding.classes), rowLines };
}

/**
 * The class of each column of probabilities: binary, classes[1] when P > 0.5 (the lesson's
 * rule, as the accuracy counts it); multi-class, the most probable (the first on ties).
 */
export function labelsOf(probabilities: Matrix, classes: readonly string[]): string[] {
  const { rows, cols: m, data } = probabilities;
  const labels: string[] = new Array<string>(m);
  for (let j = 0; j < m; j++) {
    if (rows === 1) {
      labels[j] = data[j] > 0.5 ? classes[1] : classes[0];
      continue;
    }
    let best = 0;
    for (let k = 1; k < rows; k++) if (data[k * m + j] > data[best * m + j]) best = k;
    labels[j] = classes[best];
  }
  return labels;
}

/** Probabilities in the file: 6 decimals are plenty to read and to sort by. */
function formatProbability(p: number): string {
  return String(Math.round(p * 1e6) / 1e6);
}

/** Rows per piece of predictionsCsvChunks: a few hundred kB of text at most for ordinary rows. */
export const PREDICTION_ROWS_PER_CHUNK = 2048;

/**
 * The input CSV (same delimiter, LF line ends) with columns appended: binary,
 * `probability_<classes[1]>` and `predicted_<target>`; multi-class, `probability_<class>`
 * for every class, then `predicted_<target>`. A name the input already has gets a suffix.
 */
export function writePredictionsCsv(table: CsvTable, result: Predictions, model: ShallowNetModel): string {
  let text = '';
  for (const chunk of predictionsCsvChunks(table, result, model)) text += chunk;
  return text;
}

/**
 * writePredictionsCsv's text in pieces (the header line, then `rowsPerChunk` rows at a
 * time, each line ending in LF), so a big file is written without ever being one string.
 */
export function* predictionsCsvChunks(
  table: CsvTable,
  result: Predictions,
  model: ShallowNetModel,
  rowsPerChunk = PREDICTION_ROWS_PER_CHUNK,
): Generator<string, void, undefined> {
  const { classes, targetName, output } = model.encoding;
  const taken = new Set(table.header);
  const unique = (name: string): string => {
    let n = name;
    for (let k = 2; taken.has(n); k++) n = `${name}_${k}`;
    taken.add(n);
    return n;
  };
  const shown = output === 'sigmoid' ? [classes[1]] : classes;
  const added = [...shown.map((c) => unique(`probability_${c}`)), unique(`predicted_${targetName}`)];
  const d = table.delimiter;
  yield `${predictionsLine([...table.header, ...added], d)}\n`;
  const P = result.probabilities;
  const m = P.cols;
  const rows = table.rows;
  for (let start = 0; start < rows.length; start += rowsPerChunk) {
    const lines: string[] = [];
    for (let j = start; j < Math.min(rows.length, start + rowsPerChunk); j++) {
      const extra: string[] = [];
      for (let k = 0; k < P.rows; k++) extra.push(formatProbability(P.data[k * m + j]));
      extra.push(result.labels[j]);
      lines.push(predictionsLine([...rows[j], ...extra], d));
    }
    yield `${lines.join('\n')}\n`;
  }
}

/** One line of the predictions file (header or row): its cells, written as the CSV writes a row. */
function predictionsLine(cells: readonly string[], d: CsvTable['delimiter']): string {
  return formatCsvRow(cells.map(spreadsheetSafe), d);
}
