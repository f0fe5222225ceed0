// The extension's writes (models, predictions, exports, samples, PNGs) go through a temporary
// file beside the destination and a rename: a failure midway leaves nothing half-written under
// the name, and an existing file is replaced only when the caller says the person asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { writeAtomic, type AtomicFileSystem } from '../../../../src/host/common/writeAtomic';

interface FakeUri {
  readonly path: string;
  with(change: { path: string }): FakeUri;
}
const uri = (path: string): FakeUri => ({ path, with: (change) => uri(change.path) });
const asUri = (u: FakeUri): vscode.Uri => u as unknown as vscode.Uri;

/** A file system in memory, as vscode.workspace.fs behaves: writeFile creates or replaces, rename refuses to replace unless asked. */
class MemoryFs implements AtomicFileSystem {
  readonly files = new Map<string, string>();
  readonly written: string[] = [];
  failRename = false;
  writeFile(u: vscode.Uri, content: Uint8Array): Promise<void> {
    this.written.push(u.path);
    this.files.set(u.path, new TextDecoder().decode(content));
    return Promise.resolve();
  }
  rename(from: vscode.Uri, to: vscode.Uri, options?: { overwrite?: boolean }): Promise<void> {
    if (this.failRename) return Promise.reject(new Error('disk gone'));
    if (this.files.has(to.path) && !options?.overwrite) return Promise.reject(new Error(`${to.path} exists (FileExists)`));
    const text = this.files.get(from.path);
    if (text === undefined) return Promise.reject(new Error('no such file'));
    this.files.delete(from.path);
    this.files.set(to.path, text);
    return Promise.resolve();
  }
  delete(u: vscode.Uri): Promise<void> {
    this.files.delete(u.path);
    return Promise.resolve();
  }
}

test('the data is written beside the destination under a temporary name, then renamed to it', async () => {
  const fs = new MemoryFs();
  await writeAtomic(fs, asUri(uri('/w/flower.model.json')), '{"a": 1}', { overwrite: false });
  assert.deepEqual([...fs.files], [['/w/flower.model.json', '{"a": 1}']]);
  assert.equal(fs.written.length, 1);
  assert.match(fs.written[0], /^\/w\/flower\.model\.json\.tmp-[0-9a-f]{12}$/);
});

test('chunks of text are written as one file; bytes as they are', async () => {
  const fs = new MemoryFs();
  await writeAtomic(fs, asUri(uri('/w/p.csv')), ['a,b\n', '1,2\n'], { overwrite: false });
  await writeAtomic(fs, asUri(uri('/w/c.png')), new Uint8Array([104, 105]), { overwrite: false });
  assert.equal(fs.files.get('/w/p.csv'), 'a,b\n1,2\n');
  assert.equal(fs.files.get('/w/c.png'), 'hi');
});

test('a failure midway leaves the destination as it was and no temporary file', async () => {
  const fs = new MemoryFs();
  fs.files.set('/w/m.json', 'old');
  function* failing(): Generator<string> {
    yield 'half a';
    throw new Error('killed midway');
  }
  await assert.rejects(writeAtomic(fs, asUri(uri('/w/m.json')), failing(), { overwrite: true }), /killed midway/);
  await assert.rejects(writeAtomic(fs, asUri(uri('/w/new.json')), failing(), { overwrite: false }), /killed midway/);
  fs.failRename = true;
  await assert.rejects(writeAtomic(fs, asUri(uri('/w/m.json')), 'new', { overwrite: true }), /disk gone/);
  assert.deepEqual([...fs.files], [['/w/m.json', 'old']]);
});

test('an existing file is replaced only with overwrite', async () => {
  const fs = new MemoryFs();
  fs.files.set('/w/sample.csv', 'theirs');
  await assert.rejects(writeAtomic(fs, asUri(uri('/w/sample.csv')), 'ours', { overwrite: false }), /exists/);
  assert.deepEqual([...fs.files], [['/w/sample.csv', 'theirs']]);
  await writeAtomic(fs, asUri(uri('/w/sample.csv')), 'ours', { overwrite: true });
  assert.deepEqual([...fs.files], [['/w/sample.csv', 'ours']]);
});
