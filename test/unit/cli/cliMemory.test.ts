// The command line's memory bound: a CSV that needs more memory than the command thread may
// use ends as one `error:` line and exit 2, never V8's `FATAL ERROR: Reached heap limit`
// abort (exit 134); predict writes its CSV in pieces, the same bytes as one string.
// A tiny SHALLOW_NET_MAX_MEMORY_MB (and as small a heap for the process itself) reaches the
// out-of-memory path with a CSV of a few MB. Runs the bundled dist/cli.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../../src/engine/csv';
import { predictionsCsvChunks, predictTable, writePredictionsCsv } from '../../../src/engine/predict';
import { MEMORY_ENV, outOfMemoryMessage } from '../../../src/core/memoryLimit';
import { parseModel } from '../../../src/engine/model';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'shallow-net-climem-'));
const TINY_MB = 32;

function cli(args: string[], env: Record<string, string> = {}, heapMb?: number): { status: number | null; stdout: string; stderr: string } {
  const node = heapMb === undefined ? [] : [`--max-old-space-size=${heapMb}`];
  const r = spawnSync(process.execPath, [...node, CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Short fields, many of them: parsing costs far more memory than the file's size. */
function csvOfRows(rows: number): string {
  const lines = ['a,b,c,d,label'];
  for (let i = 0; i < rows; i++) lines.push(`${i % 10},${(i * 7) % 10},${(i * 3) % 10},${(i * 9) % 10},${i % 3 === 0 ? 'x' : 'y'}`);
  return `${lines.join('\n')}\n`;
}

const big = join(tmp, 'big.csv');
writeFileSync(big, csvOfRows(400_000)); // 4 MB
const small = join(tmp, 'small.csv');
writeFileSync(small, csvOfRows(300));
const model = join(tmp, 'small.model.json');
const trained = cli(['train', small, '--iterations', '200', '--save', model]);
assert.equal(trained.status, 0, trained.stderr);

const tiny = { [MEMORY_ENV]: String(TINY_MB) };

function assertOutOfMemory(r: { status: number | null; stderr: string }, file: string): void {
  assert.doesNotMatch(r.stderr, /FATAL ERROR|heap limit|Aborted/);
  assert.equal(r.stderr, `error: ${outOfMemoryMessage(file, TINY_MB)}\n`);
  assert.equal(r.status, 2);
}

test('train on a CSV that needs more memory than allowed: one error line naming the file and the limit, exit 2, not an abort', () => {
  assertOutOfMemory(cli(['train', big, '--iterations', '1'], tiny, TINY_MB), 'big.csv');
});

test('predict on a CSV that needs more memory than allowed: the same clear error, exit 2', () => {
  const r = cli(['predict', model, big], tiny, TINY_MB);
  assertOutOfMemory(r, 'big.csv');
  assert.equal(r.stdout, '');
});

test('the limit is only a limit: the same commands with enough memory succeed', () => {
  const r = cli(['train', small, '--iterations', '10'], tiny);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^small\.csv: 300 rows used/);
});

test('predict streams its CSV: standard output and --out hold exactly the predictions file, written in pieces', () => {
  const expected = writePredictionsCsvOf(model, big);
  const stdout = cli(['predict', model, big]);
  assert.equal(stdout.status, 0, stdout.stderr);
  assert.equal(stdout.stdout, expected);
  const out = join(tmp, 'big.predictions.csv');
  const file = cli(['predict', model, big, '--out', out]);
  assert.equal(file.status, 0, file.stderr);
  assert.equal(file.stderr, `wrote 400000 predictions to ${out}\n`);
  assert.equal(readFileSync(out, 'utf8'), expected);
});

/** The predictions file built the way it always was: one line per row, header first, LF after each. */
function writePredictionsCsvOf(modelFile: string, csvFile: string): string {
  const m = parseModel(readFileSync(modelFile, 'utf8'), 'small.model.json');
  const table = parseCsv(readFileSync(csvFile, 'utf8'), 'big.csv');
  return writePredictionsCsv(table, predictTable(m, table, 'big.csv'), m);
}

test('predictionsCsvChunks: the header, then at most rowsPerChunk lines a piece, each ending in LF; joined, the whole file', () => {
  const m = parseModel(readFileSync(model, 'utf8'), 'small.model.json');
  const table = parseCsv(csvOfRows(10), 'ten.csv');
  const result = predictTable(m, table, 'ten.csv');
  const chunks = [...predictionsCsvChunks(table, result, m, 4)];
  assert.deepEqual(chunks.map((c) => c.split('\n').length - 1), [1, 4, 4, 2]);
  assert.ok(chunks.every((c) => c.endsWith('\n')));
  const whole = chunks.join('');
  assert.equal(whole, writePredictionsCsv(table, result, m));
  const lines = whole.split('\n');
  assert.equal(lines[0], 'a,b,c,d,label,probability_y,predicted_label');
  assert.equal(lines.length, 12, 'header, 10 rows, final line break');
  lines.slice(1, 11).forEach((line, j) => {
    assert.equal(line.split(',').slice(0, 5).join(','), table.rows[j].join(','));
    assert.equal(line.split(',')[6], result.labels[j]);
  });
  const headerOnly = { ...table, rows: [] };
  assert.deepEqual([...predictionsCsvChunks(headerOnly, result, m)], ['a,b,c,d,label,probability_y,predicted_label\n']);
});

test('train --save refuses, before training, a network whose model file would be too long to write, and writes nothing', () => {
  const cols = 20_000;
  const header = [...Array.from({ length: cols }, (_, k) => `f${k}`), 'label'].join(',');
  const row = (i: number): string => [...Array.from({ length: cols }, (_, k) => (i + k) % 7), i % 2 ? 'yes' : 'no'].join(',');
  const wide = join(tmp, 'wide.csv');
  writeFileSync(wide, `${header}\n${row(0)}\n${row(1)}\n${row(2)}\n`);
  const save = join(tmp, 'wide.model.json');
  const r = cli(['train', wide, '--hidden', '1300', '--iterations', '1', '--save', save]);
  assert.match(r.stderr, /^error: a 20000-1300-1 network cannot be saved: its model file would be about 5\d\d MB, past the 537 MB a model file can hold\. Use fewer hidden units, or fewer feature columns \(or categories\)\n$/);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(existsSync(save), false);
});
