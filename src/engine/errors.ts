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
    if (where.column !== undefined) place.push(`column ${quoteForMessage(where.column)}`);
    let prefix = where.file ?? '';
    if (place.length > 0) prefix = prefix ? `${prefix} ${place.join(', ')}` : place.join(', ');
    const text = prefix ? `${prefix}: ${what}` : what;
    return hint ? `${text}. ${hint}` : text;
  }
}

/** Most characters of a value or name a message quotes (a 50 MB field made a 50 MB error line). */
export const QUOTED_MAX = 80;

/**
 * A value or name of the CSV or model as a message shows it, unquoted: whole up to QUOTED_MAX
 * characters, else its start, "…" and its length.
 */
export function clipForMessage(s: string): string {
  if (s.length <= QUOTED_MAX) return s;
  let end = QUOTED_MAX - 20;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--; // not half a character
  return `${s.slice(0, end)}… (${s.length} characters)`;
}

/**
 * A value or name of the CSV or model in double quotes, for a message: JSON's escapes (so a
 * control character or line break shows as \n, \u0000) and at most about QUOTED_MAX
 * characters, e.g. `"abcd…" (52428800 characters)`.
 */
export function quoteForMessage(s: string): string {
  if (s.length <= QUOTED_MAX) {
    const q = JSON.stringify(s);
    if (q.length <= QUOTED_MAX + 2) return q;
  }
  // Cut so that the escaped start fits too (each character escapes to at most 6).
  let end = Math.min(s.length, QUOTED_MAX - 20);
  while (end > 1 && JSON.stringify(s.slice(0, end)).length > QUOTED_MAX - 18) end = Math.floor(end / 2);
  const c = s.charCodeAt(end - 1);
  if (end > 1 && c >= 0xd800 && c <= 0xdbff) end--;
  return `${JSON.stringify(`${s.slice(0, end)}…`)} (${s.length} characters)`;
}

export function isShallowNetError(e: unknown): e is ShallowNetError {
  return e instanceof ShallowNetError;
}

/** "a, b, c" (at most `max` items, then "…"; each clipped, see clipForMessage). */
export function listOf(items: readonly string[], max = 12): string {
  const shown = items.slice(0, max).map(clipForMessage).join(', ');
  return items.length > max ? `${shown}, … (${items.length} in all)` : shown;
}
