/**
 * Values as Python source literals, for the NumPy export: the only way a string from a
 * model, a CSV or a file name enters generated code. A string becomes an ordinary
 * single-quoted literal (never a docstring, an f-string, a comment or a raw string) in
 * which every character that could end it, change its meaning or hide in an editor is an
 * escape: quotes, backslashes, control characters (NUL, CR, LF, tab, \x85, …), line and
 * paragraph separators, format characters (bidi overrides, zero-width spaces, the BOM),
 * non-ASCII spaces, private-use and unassigned code points, and lone surrogates
 * (`\ud800`, which Python keeps as the same lone surrogate). Letters, marks, digits,
 * punctuation and symbols of any script stay as written, so names stay readable.
 */
import { ShallowNetError } from './errors';

/** Non-ASCII characters written as themselves: letters, marks, numbers, punctuation, symbols. */
const VISIBLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

const SHORT_ESCAPES: Readonly<Record<number, string>> = { 9: '\\t', 10: '\\n', 13: '\\r', 34: '\\"', 39: "\\'", 92: '\\\\' };

function hex(c: number, digits: number): string {
  return c.toString(16).padStart(digits, '0');
}

/** `s` as a Python str literal that evaluates to exactly `s` (code point for code point). */
export function pyString(s: string): string {
  let out = "'";
  for (const ch of s) {
    // for…of yields whole code points, and a lone surrogate as itself.
    const c = ch.codePointAt(0) ?? 0;
    const short = SHORT_ESCAPES[c];
    if (short !== undefined) out += short;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c > 0x7f && VISIBLE.test(ch)) out += ch;
    else if (c <= 0xff) out += `\\x${hex(c, 2)}`;
    else if (c <= 0xffff) out += `\\u${hex(c, 4)}`;
    else out += `\\U${hex(c, 8)}`;
  }
  return `${out}'`;
}

/** A float literal Python reads back to the same double ("1e-7", "-0.0", "0.5"); only finite numbers. */
export function pyNumber(x: number): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new ShallowNetError('bad-model', `cannot export ${String(x)}: the model holds a value that is not a finite number`, {}, 'Train the model again');
  }
  return Object.is(x, -0) ? '-0.0' : String(x);
}

/** A non-negative integer literal (a count, a size). */
export function pyInt(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new ShallowNetError('bad-model', `cannot export ${String(n)} as a count: it is not a whole number`, {}, 'Train the model again');
  }
  return String(n);
}
