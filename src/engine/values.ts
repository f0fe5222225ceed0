/**
 * What one CSV cell means: missing, a number, or a category. Shared by the column typing,
 * the encoding of a training set and the encoding of rows to predict, so they agree.
 */

/**
 * Cells that mean "no value" (compared trimmed and case-insensitively): empty, `NA`,
 * `N/A`, `NaN`, `?`, `null`.
 */
const MISSING = new Set(['', 'na', 'n/a', 'nan', '?', 'null']);

export function isMissing(cell: string): boolean {
  if (cell.length === 0) return true;
  // Fast path: every missing token starts with a space, "?" or n/N.
  const c = cell.charCodeAt(0);
  if (c > 32 && c !== 63 && (c | 32) !== 110) return false;
  const t = cell.trim();
  return t.length <= 4 && MISSING.has(t.toLowerCase());
}

/**
 * The finite number a cell holds, or NaN. Accepts what people write in data files:
 * " 2.5 ", "-0", "1e-3", "+7", ".5". Rejects the hexadecimal/binary/octal forms that
 * JavaScript's Number() would take ("0x1F"), "Infinity", blanks, and anything with other text.
 * With `decimalComma` (files delimited by ";" or tab, as European spreadsheets write them),
 * a single comma with no point is the decimal mark: "1,5" is 1.5 — never in a ","-delimited
 * file, where a comma in a (quoted) number separates thousands: "1,500", "12,345.6",
 * "-1,000,000" (groups of three digits; "1,5" or "1,50" is not a number there).
 */
export function parseNumber(cell: string, decimalComma = false): number {
  const fast = parsePlainDecimal(cell, decimalComma);
  if (!Number.isNaN(fast)) return fast;
  if (decimalComma) {
    const comma = cell.indexOf(',');
    if (comma >= 0 && cell.indexOf(',', comma + 1) < 0 && !cell.includes('.')) {
      return parseNumber(`${cell.slice(0, comma)}.${cell.slice(comma + 1)}`);
    }
  } else if (cell.includes(',')) {
    // Number() takes no comma at all: grouped thousands or not a number.
    return THOUSANDS.test(cell) ? parseNumber(cell.replaceAll(',', '')) : NaN;
  }
  const x = Number(cell); // trims white space itself
  if (!Number.isFinite(x)) return NaN;
  const n = cell.length;
  let i = 0;
  while (i < n && cell.charCodeAt(i) <= 32) i++;
  if (i === n) return NaN; // Number("") and Number("  ") are 0
  if (cell.charCodeAt(i) === 48 && i + 1 < n) {
    const c = cell.charCodeAt(i + 1) | 32; // lower case
    if (c === 120 || c === 98 || c === 111) return NaN; // 0x 0b 0o
  }
  return x;
}

/** A number with thousands separated by commas: `1,500`, `-12,345.6`, `+1,000,000`. */
const THOUSANDS = /^\s*[-+]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?\s*$/;

/**
 * A cell that looks like a number written with a decimal comma ("1,5", "-0,25"): in a
 * comma-separated file it is no number, and the error for it says why.
 */
export function looksLikeDecimalComma(cell: string): boolean {
  return DECIMAL_COMMA.test(cell);
}
const DECIMAL_COMMA = /^\s*[-+]?[0-9]*,[0-9]+\s*$/;

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The common case, fast: `[-+]digits[.digits]` with at most 15 digits, so the digits make
 * an exact integer and dividing by an exact power of ten rounds once — the same double
 * Number() gives (Clinger's fast path). NaN means "not this simple form", not "not a number".
 */
function parsePlainDecimal(cell: string, decimalComma: boolean): number {
  const n = cell.length;
  let i = 0;
  let negative = false;
  const first = cell.charCodeAt(0);
  if (first === 45) {
    negative = true;
    i = 1;
  } else if (first === 43) i = 1;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < n; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if ((c === 46 || (c === 44 && decimalComma)) && decimals < 0) decimals = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const x = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
  return negative ? -x : x;
}

/** A category as it is compared and stored: trimmed. */
export function categoryOf(cell: string): string {
  return cell.trim();
}

/** Sorts class labels or levels: numerically when they are all numbers, else by code unit. */
export function sortLabels(labels: string[]): string[] {
  const numeric = labels.every((l) => !Number.isNaN(parseNumber(l)));
  if (numeric) return [...labels].sort((a, b) => parseNumber(a) - parseNumber(b));
  return [...labels].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** How a number is written as a class label: "1.0" and "1" are the same class, "1". */
export function numberLabel(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}
