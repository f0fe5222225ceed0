// Formula cells (CSV injection): every cell written into a predictions file that is not a
// number and starts with = + - @, tab or CR gets OWASP's leading ', in the engine's file
// (writePredictionsCsv) and in the exported NumPy script's (issue 10).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatCsvRow, parseCsv } from '../../../src/engine/csv';
import { spreadsheetSafe } from '../../../src/engine/csvCell';
import { exportNumpy } from '../../../src/engine/exportNumpy';
import { predictTable, writePredictionsCsv } from '../../../src/engine/predict';
import { runPython, skipWithoutNumpy, trainedModel } from '../numpyPython';

const CMD = "+cmd|' /C calc'!A0";

test('spreadsheetSafe: formulas get a leading quote; numbers, text and empty cells stay as they are', () => {
  for (const formula of ['=1+1', '@SUM(A1)', CMD, '-x', '-', '+', '\t=1+1', '\r@x', '=', '-1.5x', '-0x1F']) {
    assert.equal(spreadsheetSafe(formula), `'${formula}`, JSON.stringify(formula));
  }
  for (const kept of ['-1.5', '+3', '-0', '-1e-7', '-1,5', '-.5', 'plain', ' =1+1', "'=1", '', 'a=b', '1-2']) {
    assert.equal(spreadsheetSafe(kept), kept, JSON.stringify(kept));
  }
});

/** Input cells, a column name and class labels that a spreadsheet would run. */
function formulaCsv(): string {
  const header = ['x1', 'cell', '=HYPERLINK("http://x")', 'label'];
  const cells = ['=1+1', '@SUM(A1)', 'ok'];
  const rows = Array.from({ length: 30 }, (_, i) => {
    const x1 = -1.5 + (i % 6) / 2;
    const x2 = -((i * 7) % 5) / 4;
    return [String(x1), cells[i % 3], String(x2), x1 + x2 > -0.5 ? CMD : '-x'];
  });
  return `${[header, ...rows].map((r) => formatCsvRow(r, ',')).join('\n')}\n`;
}

test("predictions CSV: =1+1, @SUM(A1), a formula column name and labels such as +cmd|… and -x start with '; -1.5 stays a number", () => {
  const text = formulaCsv();
  const model = trainedModel(text, 'formulas.csv', { iterations: 300, hiddenUnits: 3 });
  const table = parseCsv(text, 'formulas.csv');
  const written = parseCsv(writePredictionsCsv(table, predictTable(model, table, 'formulas.csv'), model), 'out.csv');
  assert.deepEqual(written.header, ['x1', 'cell', `'=HYPERLINK("http://x")`, 'label', `probability_${model.encoding.classes[1]}`, 'predicted_label']);
  assert.deepEqual(model.encoding.classes, [CMD, '-x']);
  assert.deepEqual(written.rows[0].slice(0, 4), ['-1.5', "'=1+1", '0', `'-x`]);
  assert.deepEqual(written.rows[1].slice(0, 4), ['-1', "'@SUM(A1)", '-0.5', "'-x"]);
  const cells = written.rows.flat();
  for (const cell of cells) assert.ok(!/^[=+@\t\r]/.test(cell) && !/^-(?![\d.])/.test(cell), JSON.stringify(cell));
  assert.ok(cells.includes(`'${CMD}`) && cells.includes("'-x"), 'labels of both classes are written');
});

test('the exported script writes the same neutralised cells', { skip: skipWithoutNumpy }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'shallow-net-formula-'));
  const text = formulaCsv();
  const model = trainedModel(text, 'formulas.csv', { iterations: 300, hiddenUnits: 3 });
  const table = parseCsv(text, 'formulas.csv');
  const engine = parseCsv(writePredictionsCsv(table, predictTable(model, table, 'formulas.csv'), model), 'engine.csv');
  writeFileSync(join(dir, 'formulas.py'), exportNumpy(model));
  writeFileSync(join(dir, 'formulas.csv'), text);
  const r = runPython(['formulas.py', 'formulas.csv'], dir);
  assert.equal(r.status, 0, r.stderr);
  const script = parseCsv(r.stdout, 'script.csv');
  assert.deepEqual(script.header, engine.header);
  assert.equal(script.header[2], `'=HYPERLINK("http://x")`);
  assert.deepEqual(script.rows[0].slice(0, 4), ['-1.5', "'=1+1", '0', `'-x`]);
  const withoutProbability = (rows: string[][]) => rows.map((row) => [...row.slice(0, 4), row[5]]);
  assert.deepEqual(withoutProbability(script.rows), withoutProbability(engine.rows));
});
