/**
 * A parsed CSV → the lesson's Dataset: X (n_x × m, examples as columns) and Y (n_y × m),
 * split into training and test examples, features standardised on the training split.
 *
 *  1. The target column: options.target (a name, or a 0-based index; text of digits that is
 *     no column's name is an index), else the last column.
 *  2. Rows with a missing value in any column (empty, NA, N/A, NaN, ?, null) are dropped
 *     and counted.
 *  3. Each column is typed numeric or categorical (columns.ts has the stray-value rule).
 *  4. The target's distinct values are the classes: 2 → binary (sigmoid, n_y = 1, classes
 *     sorted, classes[1] encoded 1 unless options.positiveClass names the other one);
 *     3 to 50 → multi-class (softmax, one-hot Y, n_y = K). Numbers sort as numbers.
 *  5. Categorical features of up to 50 levels are one-hot encoded (`col=level`, sorted).
 *  6. A seeded shuffle picks the test rows; both splits keep the file's order.
 *  7. z-scores per row of X from the training split (or mean 0, std 1 for 'none').
 */
import { decimalCommaError, describeColumns, firstDecimalComma, notANumberError, profileColumn, usesDecimalComma, type ColumnProfile } from './columns';
import { checkTestFraction } from './config';
import type { CsvTable } from './csv';
import { encodeFeatures, encodeRows, featureNamesOf } from './encode';
import { listOf, quoteForMessage, ShallowNetError } from './errors';
import { zeros, type Matrix } from './matrix';
import { applyNormalization, fitNormalization } from './normalize';
import { shuffledIndices } from './shuffle';
import type { Dataset, Encoding, FeatureSpec, NormalizationKind, OutputKind } from './types';
import { categoryOf, isMissing, numberLabel, parseNumber, sortLabels } from './values';

export { describeColumns, encodeRows };
export type { ColumnSummary } from './columns';

export interface DatasetOptions {
  /** For messages and Dataset.fileName, e.g. "flower.csv". */
  fileName: string;
  /** The target column: its name, or its 0-based index. Default: the last column. */
  target?: string | number;
  normalize: NormalizationKind;
  /** Share of the rows held out for testing: 0 ≤ f < 1. */
  testFraction: number;
  /** Fixes which rows are held out. */
  seed: number;
  /** Binary targets: the class encoded 1 (default: the second in sorted order). */
  positiveClass?: string;
}

/** Most classes a target may have, and most levels a categorical feature may have. */
export const MAX_CLASSES = 50;
export const MAX_LEVELS = 50;
/** How many dropped rows Dataset.droppedExamples lists. */
const DROPPED_EXAMPLES = 5;

export function buildDataset(table: CsvTable, options: DatasetOptions): Dataset {
  const file = options.fileName;
  checkTestFraction(options.testFraction);
  const { header, rows, rowLines } = table;
  const target = resolveTarget(header, options.target, file);
  if (header.length < 2) {
    throw new ShallowNetError(
      'no-features',
      `the only column is the target ${quoteForMessage(header[target])}; there is nothing to predict it from`,
      { file },
      'Add at least one feature column',
    );
  }
  if (rows.length === 1) {
    throw new ShallowNetError(
      'one-row',
      'the file has a single data row',
      { file, row: rowLines[0] },
      'A network learns from many examples: add more rows (at least 2, better hundreds)',
    );
  }

  // 2. Missing values drop the row.
  const missingPerColumn: number[] = header.map(() => 0);
  const kept: number[] = [];
  const droppedExamples: number[] = [];
  let rowsDropped = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    let missing = false;
    for (let c = 0; c < row.length; c++) {
      if (isMissing(row[c])) {
        missingPerColumn[c]++;
        missing = true;
      }
    }
    if (!missing) kept.push(i);
    else {
      rowsDropped++;
      if (droppedExamples.length < DROPPED_EXAMPLES) droppedExamples.push(rowLines[i]);
    }
  }
  if (kept.length === 0) {
    let worst = 0;
    for (let c = 1; c < header.length; c++) if (missingPerColumn[c] > missingPerColumn[worst]) worst = c;
    throw new ShallowNetError(
      'all-rows-missing',
      `every row has a missing value (empty, NA, NaN, ?, null), so every row would be dropped; ` +
        `column ${quoteForMessage(header[worst])} is missing in ${missingPerColumn[worst]} of ${rows.length} rows`,
      { file },
      'Fill in the missing values, or remove the column that is mostly empty',
    );
  }
  if (kept.length === 1) {
    throw new ShallowNetError(
      'one-row',
      `only one row (row ${rowLines[kept[0]]}) has no missing value; the other ${rowsDropped} were dropped`,
      { file },
      'Fill in the missing values, or remove the column that is mostly empty',
    );
  }

  // 3. Types; a numeric column with a stray non-number stops here.
  const decimalComma = usesDecimalComma(table);
  const profiles = header.map((_, c) => profileColumn(rows, kept, c, decimalComma));
  profiles.forEach((p, c) => {
    if (p.kind === 'numeric' && p.nonNumbers > 0) {
      const i = p.firstNonNumber;
      throw notANumberError(rows[i][c], file, rowLines[i], header[c], p.numbers, p.numbers + p.nonNumbers, decimalComma);
    }
    const i = p.kind === 'categorical' && !decimalComma ? firstDecimalComma(rows, kept, c) : -1;
    if (i >= 0) throw decimalCommaError(rows[i][c], file, rowLines[i], header[c]);
  });

  // 4. Target classes.
  const labelOf = targetLabeler(profiles[target], decimalComma);
  const { classes, output } = targetClasses(rows, kept, target, profiles[target], labelOf, header[target], file, options.positiveClass);

  // 5. Features.
  const features: FeatureSpec[] = [];
  const featureColumns: number[] = [];
  header.forEach((name, c) => {
    if (c === target) return;
    featureColumns.push(c);
    if (profiles[c].kind === 'numeric') {
      features.push({ kind: 'numeric', name });
      return;
    }
    const levels = sortLabels([...new Set(kept.map((i) => categoryOf(rows[i][c])))]);
    if (levels.length > MAX_LEVELS) {
      const p = profiles[c];
      throw new ShallowNetError(
        'too-many-levels',
        `this feature is text with ${levels.length} different values (${listOf(levels, 5)}); ` +
          `one-hot encoding allows at most ${MAX_LEVELS}`,
        { file, column: name },
        p.numbers > p.nonNumbers
          ? `Most of its values are numbers: fix the text values, or write NA where a value is missing`
          : 'Remove the column (names and identifiers do not help a network generalise) or group its values',
      );
    }
    features.push({ kind: 'categorical', name, levels });
  });

  // 6. Split.
  const m = kept.length;
  let trainRows = kept;
  let testRows: number[] | null = null;
  if (options.testFraction > 0) {
    if (m < 3) {
      throw new ShallowNetError(
        'too-few-rows',
        `${m} usable rows are too few to hold some out for testing (the test split needs 1, training 2)`,
        { file },
        'Set the test fraction to 0, or add rows',
      );
    }
    const nTest = Math.min(m - 2, Math.max(1, Math.round(options.testFraction * m)));
    const order = shuffledIndices(m, options.seed);
    const isTest = new Uint8Array(m);
    for (let k = 0; k < nTest; k++) isTest[order[k]] = 1;
    trainRows = kept.filter((_, k) => isTest[k] === 0);
    testRows = kept.filter((_, k) => isTest[k] === 1);
  }

  // 7. Encode, standardise on the training split.
  const source = { file, header, rowLines, decimalComma };
  const X = encodeFeatures(rows, trainRows, featureColumns, features, source);
  const Xtest = testRows && encodeFeatures(rows, testRows, featureColumns, features, source);
  const normalization = fitNormalization(X, options.normalize);
  applyNormalization(X, normalization);
  if (Xtest) applyNormalization(Xtest, normalization);

  const encoding: Encoding = {
    features,
    featureNames: featureNamesOf(features),
    normalization,
    targetName: header[target],
    classes,
    output,
  };
  return {
    fileName: file,
    encoding,
    X,
    Y: encodeTarget(rows, trainRows, target, classes, output, labelOf),
    Xtest,
    Ytest: testRows && encodeTarget(rows, testRows, target, classes, output, labelOf),
    rowsRead: rows.length,
    rowsUsed: m,
    rowsDropped,
    droppedExamples,
  };
}

/**
 * The target's column index, from a name or a 0-based index (default: the last column). Text
 * that is a column's name is that column; otherwise text of digits (`--target 2`) is an index.
 */
export function resolveTarget(header: readonly string[], given: string | number | undefined, file: string): number {
  if (given === undefined) return header.length - 1;
  const digits = typeof given === 'string' && !header.includes(given.trim()) && /^\d+$/.test(given.trim());
  const target = digits ? Number(given) : given;
  if (typeof target === 'number') {
    if (Number.isInteger(target) && target >= 0 && target < header.length) return target;
    throw new ShallowNetError(
      'no-such-column',
      `there is no column number ${target} (counting from 0, the file has columns 0 to ${header.length - 1}: ${listOf(header)})`,
      { file },
      'Name the target column, or give its index counting from 0',
    );
  }
  const name = target.trim();
  const exact = header.indexOf(name);
  if (exact >= 0) return exact;
  const similar = header.filter((h) => h.toLowerCase() === name.toLowerCase());
  throw new ShallowNetError(
    'no-such-column',
    `there is no column named ${quoteForMessage(name)}; the columns are ${listOf(header, 50)}`,
    { file },
    similar.length === 1 ? `Did you mean ${quoteForMessage(similar[0])}?` : 'Choose one of those as the target',
  );
}

/** A target cell → its class label ("1.0" → "1" in a numeric target). */
function targetLabeler(profile: ColumnProfile, decimalComma: boolean): (cell: string) => string {
  return profile.kind === 'numeric' ? (cell) => numberLabel(parseNumber(cell, decimalComma)) : categoryOf;
}

function targetClasses(
  rows: readonly string[][],
  kept: readonly number[],
  target: number,
  profile: ColumnProfile,
  labelOf: (cell: string) => string,
  name: string,
  file: string,
  positiveClass: string | undefined,
): { classes: string[]; output: OutputKind } {
  const distinct = new Set<string>();
  for (const i of kept) distinct.add(labelOf(rows[i][target]));
  let classes = sortLabels([...distinct]);
  const K = classes.length;
  if (K === 1) {
    throw new ShallowNetError(
      'one-class',
      `the target has one value only (${quoteForMessage(classes[0])}) in all ${kept.length} rows used; there is nothing to tell apart`,
      { file, column: name },
      'Choose another target column, or add examples of the other classes',
    );
  }
  if (K > MAX_CLASSES) {
    if (profile.kind === 'numeric') {
      throw new ShallowNetError(
        'regression-unsupported',
        `the target has ${K} different numbers, which looks like a quantity to estimate (regression); ` +
          `only classification into 2 to ${MAX_CLASSES} classes is supported yet`,
        { file, column: name },
        'Choose a column of classes as the target, or group the values into a few classes',
      );
    }
    throw new ShallowNetError(
      'too-many-classes',
      `the target has ${K} different values (${listOf(classes, 5)}); at most ${MAX_CLASSES} classes are supported`,
      { file, column: name },
      'Choose another target column, or group its values into fewer classes',
    );
  }
  if (K === 2 && positiveClass !== undefined) {
    const wanted = profile.kind === 'numeric' && !Number.isNaN(parseNumber(positiveClass, true)) ? labelOf(positiveClass) : positiveClass.trim();
    const k = classes.indexOf(wanted);
    if (k < 0) {
      throw new ShallowNetError(
        'bad-option',
        `the positive class ${quoteForMessage(positiveClass)} is not one of the target's classes (${listOf(classes, MAX_CLASSES)})`,
        { file, column: name },
        'Name one of those two classes',
      );
    }
    classes = [classes[1 - k], classes[k]];
  }
  return { classes, output: K === 2 ? 'sigmoid' : 'softmax' };
}

/** Y for the given rows: one 0/1 row (binary, 1 = classes[1]) or one-hot K rows. */
function encodeTarget(
  rows: readonly string[][],
  use: readonly number[],
  target: number,
  classes: readonly string[],
  output: OutputKind,
  labelOf: (cell: string) => string,
): Matrix {
  const m = use.length;
  const index = new Map(classes.map((c, k) => [c, k]));
  const Y = zeros(output === 'sigmoid' ? 1 : classes.length, m);
  for (let j = 0; j < m; j++) {
    const k = index.get(labelOf(rows[use[j]][target])) ?? -1;
    if (output === 'sigmoid') Y.data[j] = k === 1 ? 1 : 0;
    else Y.data[k * m + j] = 1;
  }
  return Y;
}

/**
 * One line for the report saying how the target was encoded, e.g.
 * `binary: "1" is encoded 1 (the positive class), "0" is encoded 0` or
 * `3 classes, one-hot in this order: setosa, versicolor, virginica`.
 */
export function describeTarget(encoding: Encoding): string {
  const [c0, c1] = encoding.classes;
  if (encoding.output === 'sigmoid') {
    return `binary: ${quoteForMessage(c1)} is encoded 1 (the positive class), ${quoteForMessage(c0)} is encoded 0`;
  }
  return `${encoding.classes.length} classes, one-hot in this order: ${listOf(encoding.classes, MAX_CLASSES)}`;
}
