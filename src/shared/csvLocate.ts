/**
 * Where a field sits on a CSV line, so an error's "row 31, column x2" can select the very
 * value in the editor. Quote-aware (RFC 4180), for the delimiter the engine detected.
 */
import { detectDelimiter } from '../engine/csv';

export interface FieldSpan {
  start: number;
  end: number;
}

/** The spans of the fields of one line (a record that continues on the next line ends at the line's end). */
export function fieldSpans(line: string, delimiter: string): FieldSpan[] {
  const spans: FieldSpan[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') {
      if (quoted && line[i + 1] === '"') i++;
      else quoted = !quoted;
    } else if (c === delimiter && !quoted) {
      spans.push({ start, end: i });
      start = i + 1;
    }
  }
  spans.push({ start, end: line.length });
  return spans;
}

/** The span of `column`'s value on `line`, given the file's header line; undefined when it can't be found. */
export function locateField(headerLine: string, line: string, column: string): FieldSpan | undefined {
  const delimiter = detectDelimiter(headerLine);
  const names = fieldSpans(headerLine.replace(/^\uFEFF/, ''), delimiter).map((s) =>
    headerLine.replace(/^\uFEFF/, '').slice(s.start, s.end).trim().replace(/^"(.*)"$/s, '$1').replace(/""/g, '"'),
  );
  const index = names.indexOf(column);
  if (index < 0) return undefined;
  return fieldSpans(line, delimiter)[index];
}
