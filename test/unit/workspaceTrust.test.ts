// Workspace trust, as the manifest declares it: the extension works in Restricted Mode,
// limited; what writes executable code (Export Model as NumPy) is not offered there, and
// settings that point at folders are taken from the user's settings only (issue 10).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

interface MenuEntry {
  command: string;
  when?: string;
}
interface Manifest {
  capabilities?: { untrustedWorkspaces?: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] } };
  contributes: {
    menus: Record<string, MenuEntry[]>;
    commands: { command: string; title: string; enablement?: string }[];
    configuration: { properties: Record<string, { type?: string; description?: string; markdownDescription?: string }> };
  };
}

const manifest = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as Manifest;
const menuEntries = Object.values(manifest.contributes.menus).flat();
const requiresTrust = (when: string | undefined): boolean => /(^|&&)\s*isWorkspaceTrusted\s*(&&|$)/.test(when ?? '');

test('untrustedWorkspaces: supported "limited", with a description naming what is disabled and why', () => {
  const trust = manifest.capabilities?.untrustedWorkspaces;
  assert.ok(trust, 'package.json declares capabilities.untrustedWorkspaces');
  assert.equal(trust.supported, 'limited');
  assert.match(trust.description ?? '', /Export Model as NumPy is disabled/);
  assert.match(trust.description ?? '', /executable code/);
  assert.match(trust.description ?? '', /hovers.*training|training.*hovers/);
});

test('every text setting that names a folder or path is a restricted configuration', () => {
  const trust = manifest.capabilities?.untrustedWorkspaces;
  const properties = manifest.contributes.configuration.properties;
  const paths = Object.entries(properties)
    .filter(([, p]) => p.type === 'string')
    .filter(([name, p]) => /folder|path/i.test(name) || /\b(folder|path|directory)\b/i.test(`${p.description ?? ''} ${p.markdownDescription ?? ''}`))
    .map(([name]) => name);
  assert.ok(paths.includes('shallowNet.modelFolder'));
  assert.deepEqual([...(trust?.restrictedConfigurations ?? [])].sort(), paths.sort());
  for (const name of trust?.restrictedConfigurations ?? []) assert.ok(name in properties, `${name} is a setting`);
});

test('Export Model as NumPy is offered only in a trusted workspace (palette and context menu); training and predictions everywhere', () => {
  const exportEntries = menuEntries.filter((m) => m.command === 'shallowNet.exportNumpy');
  assert.ok(exportEntries.some((m) => manifest.contributes.menus.commandPalette.includes(m)), 'the palette has a when clause for it');
  assert.ok(exportEntries.length >= 2);
  for (const m of exportEntries) assert.ok(requiresTrust(m.when), `${JSON.stringify(m)} requires trust`);
  for (const m of menuEntries.filter((e) => e.command !== 'shallowNet.exportNumpy')) {
    assert.ok(!/isWorkspaceTrusted/.test(m.when ?? ''), `${m.command} works in Restricted Mode`);
  }
});
