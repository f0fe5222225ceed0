/**
 * CSV rows → columns of X, by an Encoding: numeric features as they are, categorical ones
 * one-hot (one row of X per level, named `column=level`), then the stored normalisation.
 * The same code encodes the training set and the rows given for prediction.
 */
import { usesDecimalComma } from './columns';
import type { CsvTable } from './csv';
import { listOf, quoteForMessage, ShallowNetError } from './errors';
import { zeros, type Matrix } from './matrix';
import { applyNormalization } from './normalize';
import type { Encoding, FeatureSpec } from './types';
import { categoryOf, isMissing, parseNumber } from './values';

/** The names of X's rows: `name` for a numeric feature, `name=level` per level otherwise. */
export function featureNamesOf(features: readonly FeatureSpec[]): string[] {
  const names: string[] = [];
  for (const f of features) {
    if (f.kind === 'numeric') names.push(f.name);
    else for (const level of f.levels) names.push(`${f.name}=${level}`);
  }
  return names;
}

/** Where each row of the table came from, for error messages. */
export interface RowSource {
  readonly file: string;
  readonly header: readonly string[];
  readonly rowLines: readonly number[];
  /** "1,5" is 1.5 (see parseNumber). */
  readonly decimalComma: boolean;
}

/**
 * X (n_x × use.length), not normalised: column j encodes rows[use[j]]; feature k is read
 * from column columns[k]. Missing values, non-numbers in a numeric feature and unseen
 * levels are errors naming file, row and column.
 */
export function encodeFeatures(
  rows: readonly string[][],
  use: readonly number[],
  columns: readonly number[],
  features: readonly FeatureSpec[],
  source: RowSource,
): Matrix {
  const nx = featureNamesOf(features).length;
  const m = use.length;
  const X = zeros(nx, m);
  const data = X.data;
  let offset = 0;
  features.forEach((f, k) => {
    const col = columns[k];
    const where = (j: number) => ({ file: source.file, row: source.rowLines[use[j]], column: source.header[col] });
    if (f.kind === 'numeric') {
      const base = offset * m;
      for (let j = 0; j < m; j++) {
        const cell = rows[use[j]][col];
        const x = parseNumber(cell, source.decimalComma);
        if (Number.isNaN(x)) throw cellError(cell, where(j));
        data[base + j] = x;
      }
      offset += 1;
    } else {
      const levelIndex = new Map(f.levels.map((level, i) => [level, i]));
      for (let j = 0; j < m; j++) {
        const cell = rows[use[j]][col];
        const i = levelIndex.get(categoryOf(cell));
        if (i === undefined) {
          if (isMissing(cell)) throw cellError(cell, where(j));
          throw new ShallowNetError(
            'feature-mismatch',
            `${quoteForMessage(categoryOf(cell))} is not one of the values the model was trained on (${listOf(f.levels)})`,
            where(j),
            'A model can only encode the categories it saw in training: use one of those, or retrain with this one',
          );
        }
        data[(offset + i) * m + j] = 1;
      }
      offset += f.levels.length;
    }
  });
  return X;
}

function cellError(cell: string, where: { file: string; row: number; column: string }): ShallowNetError {
  if (isMissing(cell)) {
    return new ShallowNetError(
      'missing-value',
      cell.trim() === '' ? 'the value is missing' : `the value is missing (${quoteForMessage(cell.trim())})`,
      where,
      'A prediction needs every feature of every row: fill it in, or remove the row',
    );
  }
  return new ShallowNetError('not-a-number', `${quoteForMessage(cell.trim())} is not a number`, where, 'This feature was numeric in training: fix or remove this value');
}


/**
 * A new CSV's rows as X, ready for the network: every row of the table, features found by
 * name (any column order; extra columns, the target included, are ignored), encoded and
 * normalised as in training. A missing value is an error ('missing-value'), not a dropped
 * row: the predictions file is the input with columns added, one prediction per row, so
 * every row must be predicted.
 */
export function encodeRows(table: CsvTable, encoding: Encoding, fileName: string): { X: Matrix; rowLines: number[] } {
  const byName = new Map(table.header.map((name, i) => [name, i]));
  const columns = encoding.features.map((f) => {
    const col = byName.get(f.name);
    if (col === undefined) {
      throw new ShallowNetError(
        'feature-mismatch',
        `the model needs this column, but the file has only ${listOf(table.header)}`,
        { file: fileName, column: f.name },
        `Use a file with the training columns: ${listOf(encoding.features.map((g) => g.name))}`,
      );
    }
    return col;
  });
  const use = table.rows.map((_, i) => i);
  const X = encodeFeatures(table.rows, use, columns, encoding.features, {
    file: fileName,
    header: table.header,
    rowLines: table.rowLines,
    decimalComma: usesDecimalComma(table),
  });
  applyNormalization(X, encoding.normalization);
  return { X, rowLines: [...table.rowLines] };
}
