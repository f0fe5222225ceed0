// The NumPy export never runs code it was handed: every string from the model, the CSV or
// a file name is a Python literal (pythonLiteral.ts), and the generated file parses,
// predicts and does nothing else for names built to break out of a literal, a docstring
// or an f-string (issue 10).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatCsvRow, parseCsv, type CsvTable } from '../../../src/engine/csv';
import { exportNumpy } from '../../../src/engine/exportNumpy';
import type { ShallowNetModel } from '../../../src/engine/model';
import { predictTable } from '../../../src/engine/predict';
import { pyString } from '../../../src/engine/pythonLiteral';
import { runPython, skipWithoutNumpy, trainedModel } from '../numpyPython';

const skip = skipWithoutNumpy;

/** Each breaks out of a docstring, a quote, an f-string or a line, or makes a file that does not parse. */
export const NASTY: Readonly<Record<string, string>> = {
  'the CSV name of the report': 'f"""; __import__("os").system("touch PWNED"); """',
  'triple double quotes and a line of Python': '"""\nimport os; os.system("touch PWNED")\n"""',
  'triple single quotes and a line of Python': "'''\nimport os; os.system('touch PWNED')\n'''",
  'a named escape left open': '\\N{',
  'escapes, and a backslash at the end': '\\N{LATIN SMALL LETTER A}\\x41\\u0041\\',
  'line separators around Python': '\u2028import os; os.system("touch PWNED")\u2028#',
  'paragraph separator, NEL, form feed, vertical tab': 'p\u2029q\x85r\x0cs\x0bt',
  'NUL': 'a\0b',
  'lone surrogates': 'x\ud800y\udfffz\udbff',
  'braces of an f-string': '{__import__("os").system("touch PWNED")}',
  'CR, tab, a bidi override, zero-width space, BOM': 'c\rd\te\u202ef\u200bg\ufeffh',
  'a coding line': '\n# -*- coding: latin-1 -*-\n',
};

test('pyString: one line of printable ASCII and visible letters; quotes, backslashes and invisible characters escaped', () => {
  assert.equal(pyString('flower.csv'), "'flower.csv'");
  assert.equal(pyString(`it's "x" \\`), `'it\\'s \\"x\\" \\\\'`);
  assert.equal(pyString('a\nb\rc\td\0e\x85f\u2028g\u2029h'), "'a\\nb\\rc\\td\\x00e\\x85f\\u2028g\\u2029h'");
  assert.equal(pyString('\udfff\ud800\ud83d\ude00'), "'\\udfff\\ud800😀'");
  assert.equal(pyString('größe, 花, é (e + combining acute: e\u0301)'), "'größe, 花, é (e + combining acute: e\u0301)'");
  assert.equal(pyString('\u00a0\u202e\ufeff\u{e0001}\u{10ffff}'), "'\\xa0\\u202e\\ufeff\\U000e0001\\U0010ffff'");
  assert.equal(pyString('{x} \\N{'), "'{x} \\\\N{'");
  for (const s of Object.values(NASTY)) {
    const literal = pyString(s);
    const invisible = [...literal].filter((ch) => /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u.test(ch));
    assert.deepEqual(invisible, [], literal);
    assert.doesNotMatch(literal.slice(1, -1), /(^|[^\\])(\\\\)*'/, literal); // no unescaped quote inside
  }
});

test('pyString round trip: Python reads back every BMP code unit, lone surrogates included, and astral characters', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'shallow-net-pystring-'));
  const all = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).join('');
  const values = [all, '\u{1f600}\u{e0001}\u{10ffff}\u{1d11e}', ...Object.values(NASTY)];
  writeFileSync(join(dir, 'values.py'), `import json\nprint(json.dumps([${values.map(pyString).join(', ')}]))\n`);
  const r = runPython(['-W', 'error', 'values.py'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), values);
});

/** A CSV whose column names, categories and classes all hold `s` (inside, since names are trimmed). */
function nastyCsv(s: string): string {
  const header = ['x1', `c${s}c`, 'x2', `t${s}t`];
  const rows = Array.from({ length: 40 }, (_, i) => {
    const x1 = (i % 10) / 3;
    const x2 = ((i * 7) % 11) / 4;
    return [String(x1), i % 3 === 0 ? `a${s}a` : `b${s}b`, String(x2), x1 + x2 > 3 ? `y${s}1` : `y${s}0`];
  });
  return `${[header, ...rows].map((r) => formatCsvRow(r, ',')).join('\n')}\n`;
}

/** Imports the file: its constants are exactly the model's strings, and predict agrees with the engine. */
function checkImported(dir: string, model: ShallowNetModel): void {
  const e = model.encoding;
  const expected = {
    source: model.training.source,
    date: model.training.date,
    target: e.targetName,
    classes: e.classes,
    features: e.features.map((f) => [f.name, f.kind === 'numeric' ? null : f.levels]),
    featureNames: e.featureNames,
  };
  writeFileSync(join(dir, 'expected.json'), JSON.stringify(expected));
  const script = [
    'import json, sys',
    "sys.path.insert(0, '.')",
    'import model as m',
    "expected = json.load(open('expected.json', encoding='utf-8'))",
    'got = {"source": m.SOURCE, "date": m.TRAINED, "target": m.TARGET, "classes": m.CLASSES,',
    '       "features": [[n, l] for n, l in m.FEATURES], "featureNames": m.FEATURE_NAMES}',
    'assert got == expected, ascii(got)',
    'rows = [{n: (l[j % len(l)] if l else j * 0.5) for n, l in m.FEATURES} for j in range(6)]',
    'A2, labels = m.predict(m.encode(rows))',
    'print(json.dumps({"A2": A2.tolist(), "labels": [str(x) for x in labels]}))',
  ].join('\n');
  const r = runPython(['-c', script], dir);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { A2: number[][]; labels: string[] };
  const table: CsvTable = {
    header: e.features.map((f) => f.name),
    rows: Array.from({ length: 6 }, (_, j) => e.features.map((f) => (f.kind === 'numeric' ? String(j * 0.5) : f.levels[j % f.levels.length]))),
    rowLines: Array.from({ length: 6 }, (_, j) => j + 2),
    delimiter: ',',
  };
  const engine = predictTable(model, table, 'rows.csv');
  out.A2[0].forEach((p, j) => assert.ok(Math.abs(p - engine.probabilities.data[j]) <= 1e-12, `${p} vs ${engine.probabilities.data[j]}`));
  assert.deepEqual(out.labels, engine.labels);
}

for (const [what, s] of Object.entries(NASTY)) {
  test(`names holding ${what}: the exported file parses, predicts like the engine, and runs nothing else`, { skip }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'shallow-net-nasty-'));
    const csvText = nastyCsv(s);
    const model = trainedModel(csvText, `${s}.csv`, { iterations: 200 });
    model.training.date = s;
    const source = exportNumpy(model);
    assert.ok(!source.slice(0, source.indexOf('"""', 3)).includes(s), 'the docstring holds no name');
    writeFileSync(join(dir, 'model.py'), source);
    const compiled = runPython(['-W', 'error', '-c', "compile(open('model.py', encoding='utf-8').read(), 'model.py', 'exec')"], dir);
    assert.equal(compiled.status, 0, compiled.stderr);
    checkImported(dir, model);
    const files = ['expected.json', 'model.py'];
    if (Buffer.from(s, 'utf8').toString('utf8') === s) {
      // A file on disk cannot hold a lone surrogate; every other name is also run as a script.
      writeFileSync(join(dir, 'train.csv'), csvText);
      files.push('train.csv');
      const r = runPython(['model.py', 'train.csv'], dir);
      assert.equal(r.status, 0, r.stderr);
      const written = parseCsv(r.stdout, 'out.csv');
      const engine = predictTable(model, parseCsv(csvText, 'train.csv'), 'train.csv');
      assert.deepEqual(written.rows.map((row) => row[row.length - 1]), engine.labels);
    }
    assert.deepEqual(readdirSync(dir).sort(), files.sort(), 'no file such as PWNED appeared');
  });
}
