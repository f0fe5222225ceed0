// The encodings a CSV or model comes in: UTF-8 with or without a BOM, UTF-16 LE/BE (Excel's
// "Unicode Text": UTF-16 LE with a BOM, tab separated) train the same; an invalid byte is an
// error naming its row and column, never a silent "�".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../../src/engine/csv';
import { decodeCsv, decodeJson } from '../../../src/engine/decode';
import { isShallowNetError } from '../../../src/engine/errors';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const FIXTURES = join(process.cwd(), 'test', 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'shallow-net-decode-'));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Iris with a non-ASCII class name, as text. */
const IRIS = readFileSync(join(FIXTURES, 'iris.csv'), 'utf8').replaceAll('setosa', 'sétosa');
const utf16le = (s: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string): Buffer => {
  const le = Buffer.from(s, 'utf16le');
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
};

/** The CLI's final line for a short run on this file, without the time it took. */
function trained(bytes: Buffer, name: string): Record<string, unknown> {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  const r = cli('train', file, '--iterations', '50', '--json');
  assert.equal(r.status, 0, r.stderr);
  const done = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as Record<string, unknown>;
  delete done.seconds;
  return done;
}

test('UTF-16 LE and BE files (Excel "Unicode Text": BOM, tab separated, CRLF) train the same as the UTF-8 one', () => {
  const utf8 = trained(Buffer.from(IRIS), 'iris-utf8.csv');
  const excel = IRIS.replaceAll(',', '\t').replaceAll('\n', '\r\n');
  assert.deepEqual(trained(utf16le(excel), 'iris-unicode-text.txt'), utf8);
  assert.deepEqual(trained(utf16be(IRIS), 'iris-utf16be.csv'), utf8);
  assert.deepEqual(trained(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(IRIS)]), 'iris-bom.csv'), utf8);
});

test("Excel's Unicode Text is read as a tab-separated table with its accents", () => {
  const table = parseCsv(decodeCsv(utf16le('name\tsize\r\ncafé\t1,5\r\nthé\t2\r\n'), 'u.txt'), 'u.txt');
  assert.equal(table.delimiter, '\t');
  assert.deepEqual(table.header, ['name', 'size']);
  assert.deepEqual(table.rows, [['café', '1,5'], ['thé', '2']]);
});

test('UTF-16 without a byte-order mark is recognised from its first two ASCII characters', () => {
  assert.equal(decodeCsv(Buffer.from('a,b\n1,2\n', 'utf16le'), 'x.csv'), 'a,b\n1,2\n');
  assert.equal(decodeCsv(Buffer.from('a,b\n1,2\n', 'utf16le').swap16(), 'x.csv'), 'a,b\n1,2\n');
});

test('an invalid UTF-8 byte is an error naming its row and column, through the CLI too', () => {
  // "caf\xE9" is café in Latin-1: read as UTF-8 it would be "caf�", merged with every other bad word.
  const bytes = Buffer.concat([Buffer.from('x,"note\nline 2",label\n1,"a\nb",ok\n2,x,caf'), Buffer.from([0xe9]), Buffer.from('\n3,y,ok\n')]);
  assert.throws(
    () => decodeCsv(bytes, 'latin1.csv'),
    (e: unknown) => isShallowNetError(e) && e.code === 'bad-encoding' && e.row === 5 && e.column === 'label',
  );
  const file = join(tmp, 'latin1.csv');
  writeFileSync(file, bytes);
  const r = cli('train', file);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^error: latin1\.csv row 5, column "label": byte 0xE9 \(at byte \d+ of the file\) is not valid UTF-8\. Save the file as UTF-8/);
});

test('an invalid byte in the header names the header row; in a model file, its line', () => {
  assert.throws(() => decodeCsv(Buffer.from([0x61, 0x2c, 0xff, 0x0a, 0x31, 0x2c, 0x32]), 'h.csv'), /^ShallowNetError: h\.csv row 1: byte 0xFF/);
  assert.throws(() => decodeJson(Buffer.from([0x7b, 0x0a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), 'm.json'), /^ShallowNetError: m\.json row 2: byte 0xC3/);
});

test('an unpaired surrogate in UTF-16 is an error too', () => {
  const bytes = Buffer.concat([utf16le('a,b\n1,'), Buffer.from([0x00, 0xd8]), Buffer.from('2\n', 'utf16le')]);
  assert.throws(() => decodeCsv(bytes, 'u.csv'), /u\.csv row 2, column "b": the bytes 0x00 0xD8 .* is not valid UTF-16 LE/);
});

test('a preview of the first bytes drops a character cut at the end; lenient decoding shows "�" where a byte is bad', () => {
  const bytes = Buffer.from('a,b\n1,é');
  const cut = bytes.subarray(0, bytes.length - 1);
  assert.throws(() => decodeCsv(cut, 'p.csv'), /not valid UTF-8/);
  assert.equal(decodeCsv(cut, 'p.csv', { partial: true }), 'a,b\n1,');
  assert.equal(decodeCsv(utf16le('a,b\n1,2').subarray(0, 13), 'p.csv', { partial: true }), 'a,b\n1');
  assert.equal(decodeCsv(cut, 'p.csv', { lenient: true }), 'a,b\n1,\ufffd');
});
