/**
 * CSV text → a table of strings (and back, for the predictions file).
 *
 * RFC 4180 quoting: a field in double quotes may hold the delimiter, line breaks (read
 * as "\n" whatever the file's line endings) and doubled quotes (`""` → `"`). Line endings LF, CRLF or a lone CR; a UTF-8 byte-order mark
 * is dropped; blank lines (empty or only spaces) are skipped wherever they are, as pandas
 * does; header names are trimmed, values are kept as written (the dataset trims them).
 * The delimiter is `,`, `;` or tab, detected from the header line (see detectDelimiter).
 *
 * One pass over the text with charCodeAt; fields are sliced, never built char by char
 * (except around doubled quotes).
 */

import { listOf, ShallowNetError } from './errors';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvTable {
  /** Column names, trimmed, unique, non-empty. */
  header: string[];
  /** Data records (header excluded, blank lines skipped); each has header.length fields. */
  rows: string[][];
  /** rowLines[i] = the 1-based file line on which rows[i] starts (the header's is 1 or more). */
  rowLines: number[];
  delimiter: CsvDelimiter;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;
const BOM = 0xfeff;

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/** Shown whenever the file's shape is wrong. */
const SHAPE_HINT = 'A CSV needs a header line of column names, then one line per example';

export function parseCsv(text: string, fileName: string): CsvTable {
  const file = fileName;
  const start = text.charCodeAt(0) === BOM ? 1 : 0;
  if (text.slice(start).trim() === '') {
    throw new ShallowNetError('empty-file', 'the file is empty', { file }, SHAPE_HINT);
  }
  const delimiter = detectDelimiter(text, start);
  const reader = new RecordReader(text, start, delimiter.charCodeAt(0), file);

  const first = reader.next();
  // The text is not blank, so there is a first record.
  if (first === null) throw new ShallowNetError('empty-file', 'the file is empty', { file }, SHAPE_HINT);
  const header = checkHeader(first.fields, first.line, file);
  reader.header = header;

  const rows: string[][] = [];
  const rowLines: number[] = [];
  for (let r = reader.next(); r !== null; r = reader.next()) {
    if (r.fields.length !== header.length) {
      throw new ShallowNetError(
        'ragged-row',
        `${r.fields.length} ${r.fields.length === 1 ? 'field' : 'fields'}, but the header has ${header.length}`,
        { file, row: r.line },
        raggedHint(delimiter, r.fields.length > header.length),
      );
    }
    rows.push(r.fields);
    rowLines.push(r.line);
  }
  if (rows.length === 0) {
    throw new ShallowNetError(
      'header-only',
      `the file has a header (${listOf(header)}) but no data rows`,
      { file, row: first.line },
      'Add the examples below the header, one per line',
    );
  }
  return { header, rows, rowLines, delimiter };
}

function raggedHint(delimiter: CsvDelimiter, tooMany: boolean): string {
  const d = delimiter === '\t' ? 'a tab' : `"${delimiter}"`;
  return tooMany
    ? `A value containing ${d} must be put in double quotes; otherwise remove the extra field`
    : 'Fill in the missing field (leave it empty, or write NA, to mark a missing value)';
}

function checkHeader(fields: string[], line: number, file: string): string[] {
  const header = fields.map((f) => f.trim());
  const seen = new Map<string, number>();
  for (let i = 0; i < header.length; i++) {
    const name = header[i];
    if (name === '') {
      throw new ShallowNetError(
        'empty-column-name',
        `column ${i + 1} of ${header.length} has no name`,
        { file, row: line },
        i === header.length - 1 && header.length > 1
          ? 'Name the column, or remove the delimiter at the end of the header line'
          : 'Give every column a name in the header line',
      );
    }
    const before = seen.get(name);
    if (before !== undefined) {
      throw new ShallowNetError(
        'duplicate-column',
        `the name is used by columns ${before + 1} and ${i + 1}`,
        { file, row: line, column: name },
        'Give each column its own name',
      );
    }
    seen.set(name, i);
  }
  return header;
}

interface CsvRecord {
  fields: string[];
  /** 1-based file line where the record starts. */
  line: number;
}

/** Reads one record at a time; counts lines, including those inside quoted fields. */
class RecordReader {
  private pos: number;
  private line = 1;
  /** Known once the header is read: names the column of an unterminated quote. */
  header: string[] | null = null;

  constructor(
    private readonly text: string,
    start: number,
    private readonly delim: number,
    private readonly file: string,
  ) {
    this.pos = start;
  }

  /** The next non-blank record, or null at the end of the text. */
  next(): CsvRecord | null {
    const n = this.text.length;
    while (this.pos < n) {
      const r = this.readRecord();
      if (!isBlankRecord(r.fields)) return r;
    }
    return null;
  }

  private readRecord(): CsvRecord {
    const { text, delim } = this;
    const n = text.length;
    const line = this.line;
    const fields: string[] = [];
    let pos = this.pos;
    for (;;) {
      // Spaces before an opening quote are tolerated (`a, "b,c"`).
      let q = pos;
      while (q < n && (text.charCodeAt(q) === SPACE || (text.charCodeAt(q) === TAB && delim !== TAB))) q++;
      if (q < n && text.charCodeAt(q) === QUOTE) {
        pos = this.readQuoted(q + 1, fields, line);
      } else {
        const end = scanToFieldEnd(text, pos, delim);
        fields.push(text.slice(pos, end));
        pos = end;
      }
      if (pos >= n) break;
      const c = text.charCodeAt(pos);
      if (c === delim) {
        pos++;
        continue;
      }
      // A line break ends the record: CRLF, LF or a lone CR.
      pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      this.line++;
      break;
    }
    this.pos = pos;
    return { fields, line };
  }

  /** Reads a quoted field whose content starts at `from`; returns the position after it. */
  private readQuoted(from: number, fields: string[], recordLine: number): number {
    const { text, delim } = this;
    let value = '';
    let segment = from;
    let p = from;
    for (;;) {
      const close = text.indexOf('"', p);
      if (close < 0) {
        const column = this.header?.[fields.length];
        throw new ShallowNetError(
          'unterminated-quote',
          'a quoted field starts here but its closing double quote is missing',
          column === undefined ? { file: this.file, row: recordLine } : { file: this.file, row: recordLine, column },
          'Close the quote, or write a double quote inside a quoted value as two ("")',
        );
      }
      this.line += countLineBreaks(text, p, close);
      if (text.charCodeAt(close + 1) === QUOTE) {
        value += text.slice(segment, close + 1);
        p = close + 2;
        segment = p;
        continue;
      }
      value += text.slice(segment, close);
      p = close + 1;
      break;
    }
    // Anything between the closing quote and the delimiter is kept as written (lenient),
    // except spaces.
    const end = scanToFieldEnd(text, p, delim);
    if (end > p) {
      const rest = text.slice(p, end);
      if (rest.trim() !== '') value += rest;
    }
    // A line break inside a value reads as "\n" whatever the file's line endings.
    fields.push(value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value);
    return end;
  }
}

function scanToFieldEnd(text: string, from: number, delim: number): number {
  const n = text.length;
  let e = from;
  while (e < n) {
    const c = text.charCodeAt(e);
    if (c === delim || c === LF || c === CR) break;
    e++;
  }
  return e;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}

function isBlankRecord(fields: string[]): boolean {
  return fields.length === 1 && fields[0].trim() === '';
}

/**
 * The delimiter, from the header line (outside quotes): the only one of `,` `;` tab that
 * occurs there; if several do, the one that splits the next few lines into as many fields
 * as the header (so "a;b" over "1,5;2,3" is `;`), then the most frequent in the header,
 * then `,` before `;` before tab. A one-column file (none occur) is read with `,`.
 */
export function detectDelimiter(text: string, start = 0): CsvDelimiter {
  let pos = start;
  // Skip leading blank lines, as the reader does.
  let headerCounts: number[] | null = null;
  const samples: number[][] = [];
  const n = text.length;
  while (pos < n && samples.length < 10) {
    const { counts, next, blank } = countDelimitersInRecord(text, pos);
    pos = next;
    if (blank) continue;
    if (headerCounts === null) headerCounts = counts;
    else samples.push(counts);
  }
  if (headerCounts === null) return ',';
  const present = [0, 1, 2].filter((k) => (headerCounts as number[])[k] > 0);
  if (present.length === 0) return ',';
  if (present.length === 1) return DELIMITERS[present[0]];
  const h = headerCounts;
  const consistent = present.filter((k) => samples.every((s) => s[k] === h[k]));
  const pool = consistent.length > 0 ? consistent : present;
  let best = pool[0];
  for (const k of pool) if (h[k] > h[best]) best = k;
  return DELIMITERS[best];
}

/** Counts `,` `;` tab outside quotes in one record starting at `from` (quotes may span lines). */
function countDelimitersInRecord(text: string, from: number): { counts: number[]; next: number; blank: boolean } {
  const counts = [0, 0, 0];
  const n = text.length;
  let inQuotes = false;
  let blank = true;
  let i = from;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      inQuotes = !inQuotes; // a doubled quote toggles twice: no change
      blank = false;
    } else if (inQuotes) {
      continue;
    } else if (c === LF || c === CR) {
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      return { counts, next: i, blank };
    } else {
      if (c === 44) counts[0]++;
      else if (c === 59) counts[1]++;
      else if (c === TAB) counts[2]++;
      if (c !== SPACE && c !== TAB) blank = false;
    }
  }
  return { counts, next: i, blank };
}

/** One field for a CSV file: quoted when it holds the delimiter, a quote or a line break. */
export function formatCsvField(value: string, delimiter: CsvDelimiter): string {
  let needsQuotes = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === QUOTE || c === LF || c === CR || c === delimiter.charCodeAt(0)) {
      needsQuotes = true;
      break;
    }
  }
  if (!needsQuotes && value.length > 0 && (value.charCodeAt(0) === SPACE || value.charCodeAt(value.length - 1) === SPACE)) {
    needsQuotes = true; // keeps the spaces visible and unambiguous
  }
  return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV line (no line break). */
export function formatCsvRow(values: readonly string[], delimiter: CsvDelimiter): string {
  return values.map((v) => formatCsvField(v, delimiter)).join(delimiter);
}
