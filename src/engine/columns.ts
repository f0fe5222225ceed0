/**
 * Typing a CSV column: numeric or categorical.
 *
 * A column is numeric when every non-missing value is a number. The rule for a column that
 * is numeric but for a few stray values (a typo, "abc", a unit written in a cell): when at
 * least two values are numbers and the non-numbers are either a single value or at most
 * 10 % of the non-missing values, the column is taken to be numeric and the first stray
 * value is an error ('not-a-number') naming its row and column — silently one-hot
 * encoding a column of measurements because of one typo would be worse. Otherwise
 * (e.g. "S", "M", "L", or codes mixed with words in larger proportion) it is categorical.
 */
import type { CsvTable } from './csv';
import { quoteForMessage, ShallowNetError } from './errors';
import { categoryOf, isMissing, looksLikeDecimalComma, parseNumber } from './values';

export type ColumnKind = 'numeric' | 'categorical';

export interface ColumnSummary {
  name: string;
  kind: ColumnKind;
  /** Distinct non-missing values (numbers compared as numbers: "1.0" = "1"). */
  distinct: number;
  /** Missing cells (empty, NA, N/A, NaN, ?, null). */
  missing: number;
  /** Non-numbers in a numeric column (stray values training would stop at); 0 otherwise. */
  invalid: number;
}

/** What the typing of one column found, over the rows it was given. */
export interface ColumnProfile {
  kind: ColumnKind;
  numbers: number;
  nonNumbers: number;
  /** Index (into the rows given) of the first non-number, -1 when there is none. */
  firstNonNumber: number;
}

/** Whether "1,5" is a number in this table: only when the delimiter is not a comma. */
export function usesDecimalComma(table: CsvTable): boolean {
  return table.delimiter !== ',';
}

/** The stray-value threshold (see the module comment). */
export function looksNumeric(numbers: number, nonNumbers: number): boolean {
  if (nonNumbers === 0) return numbers > 0;
  return numbers >= 2 && (nonNumbers === 1 || nonNumbers <= 0.1 * (numbers + nonNumbers));
}

/** Types column `col` over `rows[i]` for i in `use` (all non-missing there). */
export function profileColumn(rows: readonly string[][], use: readonly number[], col: number, decimalComma: boolean): ColumnProfile {
  let numbers = 0;
  let nonNumbers = 0;
  let firstNonNumber = -1;
  for (const i of use) {
    if (Number.isNaN(parseNumber(rows[i][col], decimalComma))) {
      if (nonNumbers === 0) firstNonNumber = i;
      nonNumbers++;
    } else numbers++;
  }
  return { kind: looksNumeric(numbers, nonNumbers) ? 'numeric' : 'categorical', numbers, nonNumbers, firstNonNumber };
}

/** In a ","-delimited file, why a number with a comma is none (see parseNumber). */
const COMMA_HINT =
  'In a comma-separated file a comma inside a number can only group thousands (1,500 or 12,345.6): ' +
  'write decimals with a point (1.5), or separate the columns with ";" to use decimal commas';

/** The error for a stray non-number in a numeric-looking column (`decimalComma`: the table's). */
export function notANumberError(
  value: string,
  file: string,
  row: number,
  column: string,
  numbers: number,
  total: number,
  decimalComma = true,
): ShallowNetError {
  const stray = `${numbers} of the column's ${total} values are numbers: fix or remove this value, or mark it missing (NA) to drop the row`;
  return new ShallowNetError(
    'not-a-number',
    `${quoteForMessage(value.trim())} is not a number`,
    { file, row, column },
    !decimalComma && value.includes(',') ? `${COMMA_HINT}; ${stray}` : stray,
  );
}

/** The error for a column of numbers written with decimal commas in a ","-delimited file. */
export function decimalCommaError(value: string, file: string, row: number, column: string): ShallowNetError {
  return new ShallowNetError('not-a-number', `${quoteForMessage(value.trim())} is not a number`, { file, row, column }, COMMA_HINT);
}

/**
 * A column of a ","-delimited file whose values are all numbers but some written with a
 * decimal comma ("1,5"): the index (into the rows given) of the first such value, or -1.
 * Typing it categorical would train on "1,5" and "2,5" as unrelated words.
 */
export function firstDecimalComma(rows: readonly string[][], use: readonly number[], col: number): number {
  let first = -1;
  for (const i of use) {
    const cell = rows[i][col];
    if (!Number.isNaN(parseNumber(cell))) continue;
    if (!looksLikeDecimalComma(cell)) return -1;
    if (first < 0) first = i;
  }
  return first;
}

/** For the column picker: each column's kind, distinct values and missing cells, over all rows. */
export function describeColumns(table: CsvTable): ColumnSummary[] {
  return table.header.map((name, col) => {
    let missing = 0;
    const present: number[] = [];
    for (let i = 0; i < table.rows.length; i++) {
      if (isMissing(table.rows[i][col])) missing++;
      else present.push(i);
    }
    const decimalComma = usesDecimalComma(table);
    const p = profileColumn(table.rows, present, col, decimalComma);
    const distinct = new Set<string>();
    for (const i of present) {
      const cell = table.rows[i][col];
      const x = p.kind === 'numeric' ? parseNumber(cell, decimalComma) : NaN;
      distinct.add(Number.isNaN(x) ? `s:${categoryOf(cell)}` : `n:${x === 0 ? 0 : x}`);
    }
    return { name, kind: p.kind, distinct: distinct.size, missing, invalid: p.kind === 'numeric' ? p.nonNumbers : 0 };
  });
}
