// The extension activates in a real VS Code, registers every command its manifest contributes,
// and offers "Train Shallow Net" in the Explorer's context menu for CSV files only.
// The manifest is read at run time from the extension's own folder, so this stays in sync with
// package.json as commands are added.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

interface MenuItem {
  command: string;
  when?: string;
  group?: string;
}
interface Manifest {
  publisher: string;
  name: string;
  contributes?: {
    commands?: { command: string; title: string; category?: string }[];
    menus?: Record<string, MenuItem[]>;
  };
}

const EXTENSION_ID = 'shallow-net.shallow-net-explorer';

function getExtension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded; loaded: ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
  return ext;
}

function readManifest(ext: vscode.Extension<unknown>): Manifest {
  return JSON.parse(fs.readFileSync(path.join(ext.extensionPath, 'package.json'), 'utf8')) as Manifest;
}

/** Every `resourceExtname == X` / `resourceExtname =~ /X/` a when clause compares against. */
function extnamesIn(when: string): string[] {
  const out: string[] = [];
  for (const m of when.matchAll(/resourceExtname\s*==\s*'?([\w.]+)'?/g)) out.push(m[1].toLowerCase());
  for (const m of when.matchAll(/resourceExtname\s*=~\s*\/(.+?)\/i?/g)) out.push(m[1]);
  return out;
}

suite('Activation', () => {
  test('the extension id is publisher.name from package.json', () => {
    const ext = getExtension();
    const manifest = readManifest(ext);
    assert.equal(`${manifest.publisher}.${manifest.name}`, EXTENSION_ID);
  });

  test('activates without error', async () => {
    const ext = getExtension();
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  test('registers every command contributed in package.json', async () => {
    const ext = getExtension();
    await ext.activate();
    const contributed = (readManifest(ext).contributes?.commands ?? []).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  test('the Explorer context menu offers training on .csv files, and only on them', () => {
    const manifest = readManifest(getExtension());
    const commands = new Map((manifest.contributes?.commands ?? []).map((c) => [c.command, c]));
    const items = manifest.contributes?.menus?.['explorer/context'] ?? [];
    assert.ok(items.length > 0, 'package.json contributes no menus["explorer/context"] entry');
    for (const item of items) {
      assert.ok(commands.has(item.command), `Explorer menu item ${item.command} is not a contributed command`);
    }

    const train = items.filter((i) => /train/i.test(commands.get(i.command)?.title ?? i.command));
    assert.ok(train.length > 0, `no Explorer context entry for a "Train" command: ${JSON.stringify(items)}`);
    for (const item of train) {
      const when = item.when ?? '';
      const exts = extnamesIn(when);
      const mentionsCsv = exts.some((e) => e === '.csv' || /\\?\.csv/i.test(e)) || /resourceLangId\s*==\s*'?csv\b/.test(when);
      assert.ok(mentionsCsv, `${item.command}: when clause does not restrict to .csv: "${when}"`);
      const others = exts.filter((e) => !(e === '.csv' || /^\^?\\?\.csv\$?$/i.test(e)));
      assert.deepEqual(others, [], `${item.command}: when clause also matches other extensions: "${when}"`);
      for (const alternative of when.split('||')) {
        assert.ok(/csv/i.test(alternative), `${item.command}: an alternative of its when clause is not about .csv: "${when}"`);
      }
    }
  });
});
