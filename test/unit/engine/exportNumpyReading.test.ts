// The exported script reads a CSV exactly as the engine does (exportNumpyCsv.ts): the same
// records, names and categories trimmed as JavaScript trims (not str.strip(): "red\x1f"),
// numbers by the engine's rule; so on the model's own training CSV it predicts as the engine.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseCsv } from '../../../src/engine/csv';
import { exportNumpy } from '../../../src/engine/exportNumpy';
import { JS_TRIMMED } from '../../../src/engine/exportNumpyCsv';
import { predictTable } from '../../../src/engine/predict';
import { runPython, skipWithoutNumpy, trainedModel } from '../numpyPython';

const skip = skipWithoutNumpy;
const dir = mkdtempSync(join(tmpdir(), 'shallow-net-numpy-read-'));

test("JS_TRIMMED is exactly what JavaScript's trim() removes", () => {
  const trimmed: string[] = [];
  for (let c = 0; c <= 0x10ffff; c++) {
    const ch = String.fromCodePoint(c);
    if (ch.trim() === '') trimmed.push(ch);
  }
  assert.deepEqual([...JS_TRIMMED].sort(), trimmed.sort());
});

/** Writes the model's script and a CSV; runs `python3 model.py data.csv`. */
function runScript(csvBytes: string | Buffer, model: Parameters<typeof exportNumpy>[0], name: string): { status: number | null; stdout: string; stderr: string } {
  writeFileSync(join(dir, `${name}.py`), exportNumpy(model));
  writeFileSync(join(dir, `${name}.csv`), csvBytes);
  return runPython([`${name}.py`, `${name}.csv`], dir);
}

/** Trains on the text, runs the export on the same file: labels and probabilities are the engine's. */
function assertReadsAsTheEngine(text: string, name: string): void {
  const model = trainedModel(text, `${name}.csv`, { iterations: 300, hiddenUnits: 3 });
  const table = parseCsv(text, `${name}.csv`);
  const engine = predictTable(model, table, `${name}.csv`);
  const r = runScript(text, model, name);
  assert.equal(r.status, 0, r.stderr);
  const out = parseCsv(r.stdout, 'out.csv');
  const k = model.architecture.ny;
  assert.deepEqual(out.header.slice(0, table.header.length), table.header);
  assert.deepEqual(out.rows.map((row) => row.slice(0, table.header.length)), table.rows);
  assert.deepEqual(out.rows.map((row) => row[row.length - 1]), engine.labels);
  const P = engine.probabilities;
  out.rows.forEach((row, j) => {
    for (let i = 0; i < k; i++) assert.ok(Math.abs(Number(row[table.header.length + i]) - P.data[i * P.cols + j]) <= 1e-12);
  });
  assert.ok(new Set(engine.labels).size > 1, 'the model predicts more than one class');
}

/** Rows whose cells differ between JavaScript's trim() and Python's strip(), or float() and the engine's numbers. */
function trickyRows(delimiter: ',' | ';' | '\t', decimal: (x: number) => string): string[] {
  const colours = ['red\x1f', 'blue\x1f', '\u00a0green\u2003', 'yellow\x85', '\ufeffpink', ' "a,b;c" '];
  const codes = ['1\x1f', '2\x1f', '\x1c3'];
  return Array.from({ length: 36 }, (_, i) => {
    const x1 = (i % 9) / 2;
    const size = ((i * 5) % 7) / 4;
    const sizeCell = [`\ufeff${decimal(size)}`, `${decimal(size)}\u3000`, ` ${decimal(size)} `, `+${decimal(size)}`][i % 4];
    const label = x1 + size > 2.5 ? 'yes\x1f' : 'no\x1f';
    return [decimal(x1), colours[i % colours.length], codes[i % 3], sizeCell, label].join(delimiter);
  });
}

test('a CSV of cells Python would read differently ("red\\x1f", "\\ufeff3", NBSP, \\x85, "1\\x1f"): the script predicts as the engine', { skip }, () => {
  const rows = trickyRows(',', String);
  // Header names with spaces (trimmed), CRLF and lone CR line ends, blank lines, a quoted line break.
  const text = [' x1 ,\u00a0colour , code,size,label', ...rows.slice(0, 10), '   ', ...rows.slice(10, 20)].join('\r\n') + '\r' + rows.slice(20).join('\r') + '\n\n';
  assertReadsAsTheEngine(text, 'tricky_comma');
});

test('semicolon and tab files: decimal commas ("1,5") are numbers, as in the engine', { skip }, () => {
  const comma = (x: number) => String(x).replace('.', ',');
  assertReadsAsTheEngine(['x1;colour;code;size;label', ...trickyRows(';', comma)].join('\n'), 'tricky_semicolon');
  assertReadsAsTheEngine(['x1\tcolour\tcode\tsize\tlabel', ...trickyRows('\t', comma)].join('\n'), 'tricky_tab');
});

test('read_csv gives the records of the engine\'s parser: quotes, delimiters, blank lines, BOM, UTF-16', { skip }, () => {
  const cases: Record<string, string> = {
    quotes: 'a,b,c\n"x ""q"" y",  "spaced, quoted"  ,"ab"cd\n"multi\r\nline", plain ,\n',
    'delimiter by consistency': 'a;b,c\n1,5;2\n3,5;4\n',
    'tabs and blanks': '\ufeff\n  \nname\tvalue\n \t\nx y\t 1 \n\t\n',
    'lone CR': 'a,b\r1,2\r\r3,4',
    'trailing delimiter': 'a,b,c\n1,2,\n',
  };
  for (const [what, text] of Object.entries(cases)) {
    const t = parseCsv(text, 'x.csv');
    const file = `case_${what.replace(/\W/g, '_')}.csv`;
    writeFileSync(join(dir, file), text);
    writeFileSync(join(dir, 'reader.py'), exportNumpy(trainedModel('u,y\n1,a\n2,b\n3,a\n', 'u.csv', { iterations: 1 })));
    const r = runPython(['-c', `import json, sys; sys.path.insert(0, '.'); import reader; print(json.dumps(reader.read_csv(${JSON.stringify(file)})))`], dir);
    assert.equal(r.status, 0, `${what}: ${r.stderr}`);
    assert.deepEqual(JSON.parse(r.stdout), [t.header, t.rows, t.delimiter], what);
  }
  // Excel's "Unicode Text": UTF-16 LE with its BOM, tab-delimited.
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\tb\n1\t2\n', 'utf16le')]);
  writeFileSync(join(dir, 'utf16.csv'), utf16);
  const r = runPython(['-c', "import json, sys; sys.path.insert(0, '.'); import reader; print(json.dumps(reader.read_csv('utf16.csv')))"], dir);
  assert.deepEqual(JSON.parse(r.stdout), [['a', 'b'], [['1', '2']], '\t']);
});

test('the script refuses, with one error line and exit 2: invalid UTF-8, a ragged row, a missing column', { skip }, () => {
  const model = trainedModel('a,c,y\n1,u,0\n2,v,1\n3,u,0\n4,v,1\n', 'tiny.csv', { iterations: 20 });
  for (const [bytes, message] of [
    [Buffer.from('a,c\n1,\xff\n', 'latin1'), /^error: bad\.csv: byte 6 is not utf-8 text\n$/],
    ['a,c\n1,u,3\n', /^error: bad\.csv: row 1 has 3 fields, but the header has 2\n$/],
    ['a,b\n1,u\n', /^error: row 1: the model needs the column 'c'\n$/],
  ] as const) {
    const r = runScript(bytes, model, 'bad');
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, message);
  }
});
