/**
 * The engine's one error type: where (file, row, column), what went wrong, and what to do.
 * `row` is the 1-based line of the file on which the record starts (the header is row 1),
 * so it matches the line number an editor shows.
 */
export interface ErrorLocation {
  readonly file?: string;
  readonly row?: number;
  readonly column?: string;
}

export type ErrorCode =
  | 'empty-file'
  | 'header-only'
  | 'one-row'
  | 'ragged-row'
  | 'unterminated-quote'
  | 'duplicate-column'
  | 'empty-column-name'
  | 'not-a-number'
  | 'no-such-column'
  | 'one-class'
  | 'too-many-classes'
  | 'too-many-levels'
  | 'regression-unsupported'
  | 'too-few-rows'
  | 'missing-value'
  | 'no-features'
  | 'all-rows-missing'
  | 'bad-option'
  | 'bad-model'
  | 'feature-mismatch'
  | 'params-mismatch'
  | 'diverged'
  | 'too-large'
  | 'bad-encoding';

export class ShallowNetError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly row?: number;
  readonly column?: string;
  /** What the person can do about it, one sentence. Already part of `message`. */
  readonly hint?: string;

  constructor(code: ErrorCode, what: string, where: ErrorLocation = {}, hint?: string) {
    super(ShallowNetError.format(what, where, hint));
    this.name = 'ShallowNetError';
    this.code = code;
    this.file = where.file;
    this.row = where.row;
    this.column = where.column;
    this.hint = hint;
  }

  /** `flower.csv row 17, column "x2": "abc" is not a number. Fix or remove that value.` */
  static format(what: string, where: ErrorLocation, hint?: string): string {
    const place: string[] = [];
    if (where.row !== undefined) place.push(`row ${where.row}`);
    if (where.column !== undefined) place.push(`column ${JSON.stringify(where.column)}`);
    let prefix = where.file ?? '';
    if (place.length > 0) prefix = prefix ? `${prefix} ${place.join(', ')}` : place.join(', ');
    const text = prefix ? `${prefix}: ${what}` : what;
    return hint ? `${text}. ${hint}` : text;
  }
}

export function isShallowNetError(e: unknown): e is ShallowNetError {
  return e instanceof ShallowNetError;
}
