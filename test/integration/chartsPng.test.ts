// The panel's Export charts as PNG, host side: the webview's data URL decoded and written
// (a target given skips the save dialog); anything that is not a PNG writes nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { pngBytes, saveChartsPng } from '../../src/host/panel/chartsPng';
import { api, exists, workspaceFile } from './helpers';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

suite('Export charts as PNG', () => {
  suiteSetup(async () => {
    await api();
  });

  test('writes the decoded PNG to the target', async () => {
    const target = workspaceFile('it-charts.png');
    const written = await saveChartsPng(PNG, workspaceFile('flower.csv'), target);
    assert.equal(written?.toString(), target.toString());
    const bytes = await vscode.workspace.fs.readFile(target);
    assert.deepEqual([...bytes], [...pngBytes(PNG)]);
    assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  });

  test('a payload that is not a PNG writes nothing', async () => {
    const target = workspaceFile('it-not-a-png.png');
    const written = await saveChartsPng('data:image/png;base64,' + Buffer.from('<svg/>').toString('base64'), undefined, target);
    assert.equal(written, undefined);
    assert.equal(await exists(target), false);
  });
});
