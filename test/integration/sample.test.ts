// Create Sample Dataset… in the real extension host: the programmatic form writes <kind>.csv into
// the workspace folder with the rows and columns asked, takes the next free name rather than
// overwrite, and the flower's defaults are the lesson's data set.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseCsv } from '../../src/engine/csv';
import { generateSample, sampleCsv } from '../../src/engine/samples';
import type { TrainResult } from '../../src/host/training/runs';
import { LESSON_SETTINGS } from '../../src/host/samples/sampleCommand';

const EXT_ID = 'shallow-net.shallow-net-explorer';

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the tests need a workspace folder');
  return f.uri;
}

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

const create = (options: Record<string, unknown>) =>
  vscode.commands.executeCommand<string | undefined>('shallowNet.createSampleDataset', { open: false, ...options });

const nameOf = (uri: string): string => vscode.Uri.parse(uri).path.split('/').pop() ?? '';

suite('Create Sample Dataset', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXT_ID)?.activate();
    // Start from no blobs*.csv / spirals*.csv so the names below are predictable.
    for (const [name] of await vscode.workspace.fs.readDirectory(folder())) {
      if (/^(blobs|spirals|flower-sample-test)(-\d+)?\.csv$/.test(name)) await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), name));
    }
  });

  test('writes <kind>.csv into the workspace folder with the rows and columns asked', async () => {
    const uri = await create({ kind: 'blobs', rows: 123, noise: 0.3, classes: 4, seed: 5 });
    assert.ok(uri);
    assert.equal(nameOf(uri), 'blobs.csv');
    assert.equal(vscode.Uri.joinPath(vscode.Uri.parse(uri), '..').toString(), folder().toString());
    const text = await read(vscode.Uri.parse(uri));
    const table = parseCsv(text, 'blobs.csv');
    assert.deepEqual(table.header, ['x1', 'x2', 'label']);
    assert.equal(table.rows.length, 123);
    assert.deepEqual([...new Set(table.rows.map((r) => r[2]))].sort(), ['A', 'B', 'C', 'D']);
    assert.equal(text, sampleCsv(generateSample('blobs', { rows: 123, noise: 0.3, classes: 4, seed: 5 })));
  });

  test('never overwrites: a second and third file take the next free names; the first is unchanged', async () => {
    const first = await create({ kind: 'spirals', rows: 40, seed: 1 });
    assert.ok(first);
    const before = await read(vscode.Uri.parse(first));
    const second = await create({ kind: 'spirals', rows: 60, seed: 2 });
    const third = await create({ kind: 'spirals', rows: 80, seed: 3 });
    assert.deepEqual([first, second, third].map((u) => nameOf(u ?? '')), ['spirals.csv', 'spirals-2.csv', 'spirals-3.csv']);
    assert.equal(await read(vscode.Uri.parse(first)), before);
    assert.equal(parseCsv(await read(vscode.Uri.parse(third ?? '')), 'spirals-3.csv').rows.length, 80);
  });

  test("the flower's defaults are the lesson's data set (numpy's stream, seed 1, 400 rows, noise 0.2)", async () => {
    const uri = await create({ kind: 'flower' });
    assert.ok(uri);
    const text = await read(vscode.Uri.parse(uri));
    // The lesson's flower.csv to the last digit: its first and last points.
    assert.equal(text.split('\n')[1], '1.2044422922543192,3.576114148128845,0');
    assert.equal(text.trimEnd().split('\n')[400], '0.7307808250007515,3.0683292081876554,1');
    assert.equal(parseCsv(text, 'flower.csv').rows.length, 400);
    await vscode.workspace.fs.delete(vscode.Uri.parse(uri));
  });

  test("Train as in the Lesson on the flower it wrote: the lesson's run in lesson mode, 90.75 % after it", async () => {
    const uri = await create({ kind: 'flower' });
    assert.ok(uri);
    const result = await vscode.commands.executeCommand<TrainResult | undefined>('shallowNet.trainFile', vscode.Uri.parse(uri), {
      settings: LESSON_SETTINGS,
      noPanel: true,
      save: false,
    });
    assert.equal(result?.status, 'finished', result?.message);
    assert.equal(result?.summary?.iterations, 10000);
    // 363 of 400 after the last update, as numpy's run (its last forward pass scores the lesson's 90.5 %).
    assert.equal(result?.summary?.trainAccuracy, 0.9075);
    assert.ok(Math.abs((result?.summary?.cost ?? NaN) - 0.2178) < 5e-4, `cost ${result?.summary?.cost}`);
    await vscode.workspace.fs.delete(vscode.Uri.parse(uri));
  });

  test('options out of range write nothing and return undefined', async () => {
    const names = async (): Promise<string[]> => (await vscode.workspace.fs.readDirectory(folder())).map(([n]) => n).sort();
    const before = await names();
    assert.equal(await create({ kind: 'moons', rows: 2 }), undefined);
    assert.equal(await create({ kind: 'blobs', classes: 9 }), undefined);
    assert.equal(await create({ kind: 'pentagons' }), undefined);
    assert.deepEqual(await names(), before);
  });
});
