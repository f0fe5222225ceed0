// Reading input in the extension: UTF-16 (Excel's "Unicode Text") trains, an invalid UTF-8
// byte and a file past the size limit end in a clear error, before anything is trained.
import * as assert from 'node:assert/strict';
import { truncateSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, train, workspaceFile, write } from './helpers';

suite('Reading input', () => {
  suiteSetup(async () => {
    await api();
  });

  test('reading input: an Excel "Unicode Text" file (UTF-16 LE, BOM, tabs) trains', async () => {
    const text = 'x1\tx2\tlabel\r\n0\t0\tnon\r\n0\t1\toui\r\n1\t0\toui\r\n1\t1\tnon\r\n0,1\t0,1\tnon\r\n0,9\t0,1\toui\r\n';
    const csv = workspaceFile('unicode-text.csv');
    await vscode.workspace.fs.writeFile(csv, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const result = await train(csv, { settings: { iterations: 20, testFraction: 0 } });
    assert.equal(result?.status, 'finished', result?.error?.message);
  });

  test('reading input: an invalid UTF-8 byte is an error naming its row and column', async () => {
    const csv = workspaceFile('latin1.csv');
    await vscode.workspace.fs.writeFile(csv, Buffer.concat([Buffer.from('x,label\n1,ok\n2,caf'), Buffer.from([0xe9]), Buffer.from('\n3,ok\n')]));
    const result = await train(csv, { settings: { iterations: 20 } });
    assert.equal(result?.status, 'error');
    assert.match(result?.error?.message ?? '', /^latin1\.csv row 3, column "label": byte 0xE9 .* is not valid UTF-8/);
  });

  test('reading input: a file past 500 MB is refused from its size, unread', async () => {
    const csv = await write('huge.csv', 'x,label\n1,a\n2,b\n');
    truncateSync(csv.fsPath, 600_000_000); // sparse: no disk used
    const result = await train(csv, { settings: { iterations: 20 } });
    assert.equal(result?.status, 'error');
    assert.match(result?.error?.message ?? '', /huge\.csv: the file is 600 MB, larger than 500 MB/);
  });
});
