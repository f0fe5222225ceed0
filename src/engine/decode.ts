/**
 * A CSV's or model's bytes → text. UTF-8, with or without a byte-order mark; UTF-16 LE or BE
 * detected by its byte-order mark (Excel's "Unicode Text" is UTF-16 LE with a BOM, tab
 * separated), or without one when the first two characters are ASCII (`a\0,\0` or `\0a\0,`).
 * Bytes that are not valid in the encoding are an error naming the row and column of the
 * first of them ('bad-encoding'): replacing them with "�" would silently merge labels
 * ("ok" and "�" of two different words in Latin-1).
 */
import { detectDelimiter } from './csv';
import { ShallowNetError, type ErrorLocation } from './errors';

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodeOptions {
  /**
   * The bytes are the start of a longer file (a preview): a character cut at the end is
   * dropped, not an error.
   */
  partial?: boolean;
  /** Invalid bytes become U+FFFD instead of an error (to show where an error is, never to train). */
  lenient?: boolean;
}

/** A CSV's text; an invalid byte is an error naming its row and column. */
export function decodeCsv(bytes: Uint8Array, fileName: string, options: DecodeOptions = {}): string {
  return decodeText(bytes, fileName, options, locateInCsv);
}

/** A JSON file's text (a model, initial parameters); an invalid byte is an error naming its line. */
export function decodeJson(bytes: Uint8Array, fileName: string): string {
  return decodeText(bytes, fileName, {}, (prefix) => ({ row: lineOf(prefix) }));
}

function decodeText(bytes: Uint8Array, file: string, options: DecodeOptions, locate: (prefix: string) => ErrorLocation): string {
  const encoding = encodingOf(bytes);
  // UTF-16 BE as LE with the bytes of each unit swapped: every TextDecoder has 'utf-16le'.
  const units = encoding === 'utf-16be' ? swapPairs(bytes) : bytes;
  const label = encoding === 'utf-8' ? 'utf-8' : 'utf-16le';
  const stream = { stream: options.partial === true };
  if (options.lenient) return new TextDecoder(label).decode(units, stream);
  try {
    return new TextDecoder(label, { fatal: true }).decode(units, stream);
  } catch {
    const at = encoding === 'utf-8' ? firstInvalidUtf8(units) : firstInvalidUtf16(units);
    const prefix = new TextDecoder(label).decode(units.subarray(0, at));
    const shown = encoding === 'utf-8' ? `byte 0x${hex(units[at])}` : `the bytes 0x${hex(bytes[at])} 0x${hex(bytes[at + 1] ?? 0)}`;
    const name = encoding === 'utf-8' ? 'UTF-8' : encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
    throw new ShallowNetError(
      'bad-encoding',
      `${shown} (at byte ${at} of the file) is not valid ${name}`,
      { file, ...locate(prefix) },
      encoding === 'utf-8'
        ? 'Save the file as UTF-8 (in Excel: "CSV UTF-8"), or as UTF-16 with a byte-order mark; a file in Windows-1252 or Latin-1 can be converted with iconv -f cp1252 -t utf-8'
        : 'The text holds half of a character (an unpaired surrogate): save the file again as UTF-8 or UTF-16',
    );
  }
}

function encodingOf(b: Uint8Array): Encoding {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  // No BOM: two ASCII characters in UTF-16 start "x\0y\0" (LE) or "\0x\0y" (BE).
  if (b.length >= 4) {
    if (b[0] !== 0 && b[0] < 0x80 && b[1] === 0 && b[2] !== 0 && b[2] < 0x80 && b[3] === 0) return 'utf-16le';
    if (b[0] === 0 && b[1] !== 0 && b[1] < 0x80 && b[2] === 0 && b[3] !== 0 && b[3] < 0x80) return 'utf-16be';
  }
  return 'utf-8';
}

function swapPairs(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  for (let i = 0; i + 1 < b.length; i += 2) {
    out[i] = b[i + 1];
    out[i + 1] = b[i];
  }
  if (b.length % 2 === 1) out[b.length - 1] = b[b.length - 1];
  return out;
}

const hex = (x: number): string => x.toString(16).toUpperCase().padStart(2, '0');

/** The offset of the first byte that starts no valid UTF-8 sequence (WHATWG's rules), or the length. */
function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lower = 0xa0;
      if (c === 0xed) upper = 0x9f; // no surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lower = 0x90;
      if (c === 0xf4) upper = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (i + k >= n || d < lower || d > upper) return i;
      lower = 0x80;
      upper = 0xbf;
    }
    i += need + 1;
  }
  return n;
}

/** The byte offset of the first unpaired surrogate (or odd last byte) in UTF-16 LE units. */
function firstInvalidUtf16(b: Uint8Array): number {
  const units = b.length >> 1;
  for (let u = 0; u < units; u++) {
    const c = b[2 * u] | (b[2 * u + 1] << 8);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = u + 1 < units ? b[2 * u + 2] | (b[2 * u + 3] << 8) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) u++;
      else return 2 * u;
    } else if (c >= 0xdc00 && c <= 0xdfff) return 2 * u;
  }
  return 2 * units;
}

/** 1-based line of the end of `text` (LF, CRLF or a lone CR end a line). */
function lineOf(text: string): number {
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/**
 * Where the end of `prefix` (the text before the bad byte) is in the CSV: the line on which
 * its record starts (as the CSV errors count rows) and the header's name for its field, read
 * with the same quoting rules as the reader.
 */
function locateInCsv(prefix: string): ErrorLocation {
  const start = prefix.charCodeAt(0) === 0xfeff ? 1 : 0;
  const delim = detectDelimiter(prefix, start).charCodeAt(0);
  let line = 1;
  let recordLine = 1;
  let recordStart = start;
  let fieldStart = start;
  let inQuotes = false;
  let header: string[] | null = null;
  let fields: string[] = [];
  for (let i = start; i < prefix.length; i++) {
    const c = prefix.charCodeAt(i);
    const lineBreak = c === 10 || (c === 13 && prefix.charCodeAt(i + 1) !== 10);
    if (inQuotes) {
      if (c === 34) inQuotes = false; // a doubled quote closes and opens again
      else if (lineBreak) line++;
      continue;
    }
    if (c === 34) inQuotes = true;
    else if (c === delim) {
      fields.push(prefix.slice(fieldStart, i));
      fieldStart = i + 1;
    } else if (lineBreak) {
      fields.push(prefix.slice(fieldStart, i));
      const blank = prefix.slice(recordStart, i).trim() === '';
      if (header === null && !blank) header = fields.map(unquote);
      fields = [];
      line++;
      recordLine = line;
      recordStart = fieldStart = i + 1;
    }
  }
  if (header === null) return { row: recordLine }; // in the header line itself
  const column = header[fields.length];
  return column === undefined ? { row: recordLine } : { row: recordLine, column };
}

function unquote(field: string): string {
  const t = field.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replaceAll('""', '"') : t;
}
