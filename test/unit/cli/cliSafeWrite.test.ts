// How the `shallow-net` commands write files: through a temporary file and a rename (a write that
// fails midway leaves the destination as it was), never over an existing file without --force,
// never over one of the command's inputs, never through a symbolic link, and with the destination
// checked before any training. Runs the bundled dist/cli.js (`npm run test:unit` builds it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExitError } from '../../../src/cli/common';
import { checkDestination, writeAtomic } from '../../../src/cli/safeWrite';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const FIXTURES = join(process.cwd(), 'test', 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'shallow-net-safewrite-'));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cliAsync(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A fresh folder with a copy of the flower CSV. */
function folderWithFlower(name: string): { dir: string; csv: string } {
  const dir = join(tmp, name);
  mkdirSync(dir);
  const csv = join(dir, 'flower.csv');
  copyFileSync(join(FIXTURES, 'flower.csv'), csv);
  return { dir, csv };
}

const FLOWER = readFileSync(join(FIXTURES, 'flower.csv'), 'utf8');

// Run as a child by the SIGKILL test: writes half a file, says so, and waits to be killed.
const KILL_ME = process.env.SNX_WRITE_THEN_WAIT;
if (KILL_ME) {
  const [path, force] = JSON.parse(KILL_ME) as [string, boolean];
  function* slow(): Generator<string> {
    yield '{"format": "shallow-net-model", "W1": [[0.1, ';
    process.stdout.write('half written\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
    yield '0.2]]}';
  }
  writeAtomic(path, slow(), { force });
  process.exit(0);
}

function killedMidway(path: string, force: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [__filename], { env: { ...process.env, SNX_WRITE_THEN_WAIT: JSON.stringify([path, force]) } });
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('half written')) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the writer was not killed (${signal})`))));
  });
}

test('a write whose data fails midway leaves no file at the destination, and an old file as it was', () => {
  const dir = join(tmp, 'midway');
  mkdirSync(dir);
  const fresh = join(dir, 'model.json');
  function* failing(): Generator<string> {
    yield '{"format": "shallow-net-model", ';
    yield '"W1": [[0.1, 0.2], ';
    throw new Error('killed midway');
  }
  assert.throws(() => writeAtomic(fresh, failing(), { force: false }), /killed midway/);
  assert.equal(existsSync(fresh), false, 'no partial file at the destination');
  const old = join(dir, 'old.json');
  writeFileSync(old, 'the old model');
  assert.throws(() => writeAtomic(old, failing(), { force: true }), /killed midway/);
  assert.equal(readFileSync(old, 'utf8'), 'the old model', 'the old file is untouched');
  assert.deepEqual(readdirSync(dir).sort(), ['old.json'], 'no temporary file is left behind');
  writeAtomic(fresh, ['a', new TextEncoder().encode('b'), 'c'], { force: false });
  assert.equal(readFileSync(fresh, 'utf8'), 'abc');
});

test('SIGKILL while a file is being written leaves the old file, or no file, at the destination', async () => {
  const dir = join(tmp, 'sigkill');
  mkdirSync(dir);
  const old = join(dir, 'old.model.json');
  writeFileSync(old, 'the old model');
  await killedMidway(old, true);
  assert.equal(readFileSync(old, 'utf8'), 'the old model');
  const fresh = join(dir, 'new.model.json');
  await killedMidway(fresh, false);
  assert.equal(existsSync(fresh), false, 'no half file under the name');
  // What a kill leaves is a temporary file beside, never the destination's name.
  assert.ok(readdirSync(dir).every((f) => f === 'old.model.json' || /\.tmp-[0-9a-f]{12}$/.test(f)), readdirSync(dir).join(', '));
});

test('a file that appears between the check and the write is not replaced without --force', () => {
  const dir = join(tmp, 'race');
  mkdirSync(dir);
  const path = join(dir, 'm.json');
  checkDestination(path, { force: false });
  writeFileSync(path, 'the other run');
  assert.throws(() => writeAtomic(path, 'this run', { force: false }), (e: unknown) => e instanceof ExitError && /exists; pass --force to replace it/.test(e.message));
  assert.equal(readFileSync(path, 'utf8'), 'the other run');
  assert.deepEqual(readdirSync(dir), ['m.json']);
});

test('an existing file is replaced only with --force, and the error says so', () => {
  const { dir, csv } = folderWithFlower('exists');
  const out = join(dir, 'sample.csv');
  writeFileSync(out, 'keep me');
  const r = cli('sample', 'xor', '--rows', '20', '--out', out);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, `error: ${out} exists; pass --force to replace it\n`);
  assert.equal(readFileSync(out, 'utf8'), 'keep me');
  const forced = cli('sample', 'xor', '--rows', '20', '--out', out, '--force');
  assert.equal(forced.status, 0, forced.stderr);
  assert.match(readFileSync(out, 'utf8'), /^x1,x2,label\n/);

  chmodSync(out, 0o640);
  assert.equal(cli('sample', 'xor', '--rows', '20', '--out', out, '--force').status, 0);
  assert.equal(statSync(out).mode & 0o777, 0o640, 'a replaced file keeps its permissions');

  const model = join(dir, 'm.json');
  writeFileSync(model, 'old');
  const t = cli('train', csv, '--iterations', '10', '--save', model);
  assert.equal(t.status, 2);
  assert.match(t.stderr, /exists; pass --force to replace it/);
  assert.equal(t.stdout, '', 'refused before training');
  assert.equal(readFileSync(model, 'utf8'), 'old');
  const tf = cli('train', csv, '--iterations', '10', '--save', model, '--force');
  assert.equal(tf.status, 0, tf.stderr);
  assert.match(tf.stdout, /model saved to /);
  assert.match(readFileSync(model, 'utf8'), /shallow-net-model/);
});

test("a command never writes over its own input, even with --force", () => {
  const { dir, csv } = folderWithFlower('inputs');
  const t = cli('train', csv, '--iterations', '10', '--save', csv, '--force');
  assert.equal(t.status, 2);
  assert.match(t.stderr, /^error: .*flower\.csv is one of this command's inputs .*even with --force/);
  assert.equal(t.stdout, '');
  assert.equal(readFileSync(csv, 'utf8'), FLOWER);

  const model = join(dir, 'm.json');
  assert.equal(cli('train', csv, '--iterations', '10', '--save', model).status, 0);
  const modelText = readFileSync(model, 'utf8');
  // The same file under another name: a relative path, a symbolic link.
  const link = join(dir, 'also-flower.csv');
  symlinkSync(csv, link);
  for (const out of [csv, link, join(dir, '.', 'flower.csv')]) {
    const p = cli('predict', model, csv, '--out', out, '--force');
    assert.equal(p.status, 2, out);
    assert.match(p.stderr, /is one of this command's inputs/);
  }
  assert.equal(readFileSync(csv, 'utf8'), FLOWER);
  const e = cli('export-numpy', model, '--out', model, '--force');
  assert.equal(e.status, 2);
  assert.match(e.stderr, /is one of this command's inputs/);
  assert.equal(readFileSync(model, 'utf8'), modelText);
});

test('a symbolic link at the destination is never followed', () => {
  const dir = join(tmp, 'symlink');
  mkdirSync(dir);
  const victim = join(dir, 'victim.txt');
  writeFileSync(victim, 'not yours');
  const link = join(dir, 'link.csv');
  symlinkSync(victim, link);
  const r = cli('sample', 'moons', '--rows', '20', '--out', link);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /link\.csv exists; pass --force to replace it/);
  assert.equal(readFileSync(victim, 'utf8'), 'not yours');
  // --force replaces the link itself by the new file; what it pointed to is untouched.
  const f = cli('sample', 'moons', '--rows', '20', '--out', link, '--force');
  assert.equal(f.status, 0, f.stderr);
  assert.equal(readFileSync(victim, 'utf8'), 'not yours');
  assert.equal(lstatSync(link).isSymbolicLink(), false);
  assert.match(readFileSync(link, 'utf8'), /^x1,x2,label\n/);
  // A dangling link is not followed either: nothing is created where it points.
  const dangling = join(dir, 'dangling.csv');
  symlinkSync(join(dir, 'created-through-link.csv'), dangling);
  assert.equal(cli('sample', 'moons', '--rows', '20', '--out', dangling).status, 2);
  assert.equal(existsSync(join(dir, 'created-through-link.csv')), false);
});

test('a destination in no folder, or a folder, is an error before any training', () => {
  const { dir, csv } = folderWithFlower('destinations');
  const cases: [string[], RegExp][] = [
    [['train', csv, '--iterations', '100000', '--save', join(dir, 'nodir', 'm.json')], /^error: cannot write .*nodir\/m\.json: there is no folder .*nodir\n$/],
    [['train', csv, '--iterations', '100000', '--save', dir], /^error: cannot write .*destinations: it is a folder; give a file name\n$/],
    [['predict', join(FIXTURES, 'flower_init_seed2.json'), csv, '--out', join(dir, 'nodir', 'p.csv')], /^error: cannot write .*nodir\/p\.csv: there is no folder/],
    [['export-numpy', join(FIXTURES, 'flower_init_seed2.json'), '--out', join(csv, 'x.py')], /^error: cannot write .*flower\.csv\/x\.py: .*flower\.csv is not a folder\n$/],
  ];
  for (const [args, expected] of cases) {
    const r = cli(...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, expected);
    assert.equal(r.stdout, '', 'nothing was trained');
  }
});

test('of two runs saving to one path at once, one saves and the other says the file exists', async () => {
  const { dir, csv } = folderWithFlower('concurrent');
  const model = join(dir, 'm.json');
  const args = ['train', csv, '--iterations', '3000', '--save', model];
  const [a, b] = await Promise.all([cliAsync(...args, '--seed', '3'), cliAsync(...args, '--seed', '4')]);
  const ok = [a, b].filter((r) => r.status === 0);
  const refused = [a, b].filter((r) => r.status === 2);
  assert.equal(ok.length, 1, `${a.stderr} | ${b.stderr}`);
  assert.equal(refused.length, 1);
  assert.match(ok[0].stdout, /model saved to /);
  assert.doesNotMatch(refused[0].stdout, /model saved/);
  assert.match(refused[0].stderr, /exists; pass --force to replace it/);
  const seed = (JSON.parse(readFileSync(model, 'utf8')) as { training: { seed: number } }).training.seed;
  assert.match(ok[0].stdout, /model saved/);
  assert.ok(seed === 3 || seed === 4);
  assert.deepEqual(readdirSync(dir).sort(), ['flower.csv', 'm.json']);
});
