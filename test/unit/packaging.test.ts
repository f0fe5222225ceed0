// What ships: the manifest's fixed facts, and the .vsix holding only the bundles, media,
// README, LICENSE, CHANGELOG and package.json (no sources, no maps, no node_modules).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BUILT_IN_DEFAULTS } from '../../src/shared/settingsDefaults';

interface Manifest {
  name: string;
  displayName: string;
  main: string;
  bin: Record<string, string>;
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  contributes: { configuration: { properties: Record<string, { default: unknown }> } };
  dependencies?: Record<string, string>;
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;

test('the manifest: name, display name, bundled main, the shallow-net bin, VS Code 1.100 with matching types', () => {
  assert.equal(manifest.name, 'shallow-net-explorer');
  assert.equal(manifest.displayName, 'Shallow Net Explorer');
  assert.equal(manifest.main, './dist/extension.js');
  assert.equal(manifest.bin['shallow-net'], './dist/cli.js');
  assert.equal(manifest.engines.vscode, '^1.100.0');
  assert.match(manifest.devDependencies['@types/vscode'], /^\^?1\.100\./);
  const runtime = Object.keys(manifest.dependencies ?? {});
  assert.deepEqual(runtime.sort(), ['@vscode-elements/elements', 'chart.js'], 'the engine has no runtime dependency');
});

test('vsce ls: only bundles, media, README, LICENSE, CHANGELOG and package.json', () => {
  const r = spawnSync('npx', ['vsce', 'ls'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = r.stdout.trim().split('\n').filter((f) => f && !f.startsWith('npm warn'));
  const allowed = /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|media\/[^/]+|dist\/(extension|trainWorker|exploreWorker|toolsWorker|cli|webview)\.(js|css))$/;
  for (const f of files) assert.match(f, allowed, `${f} should not ship`);
  for (const must of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/extension.js', 'dist/trainWorker.js', 'dist/exploreWorker.js', 'dist/toolsWorker.js', 'dist/cli.js', 'dist/webview.js', 'dist/webview.css']) {
    assert.ok(files.includes(must), `${must} ships`);
  }
});

test("the settings' defaults in package.json are the built-in defaults a run falls back on", () => {
  const p = manifest.contributes.configuration.properties;
  const d = BUILT_IN_DEFAULTS;
  const pairs: [string, unknown][] = [
    ['hiddenUnits', d.hiddenUnits], ['activation', d.activation], ['leakyReluAlpha', d.leakyAlpha],
    ['learningRate', d.learningRate], ['iterations', d.iterations], ['batchSize', d.batchSize],
    ['initialization', d.init], ['initScale', d.initScale], ['seed', d.seed], ['normalization', d.normalization], ['testFraction', d.testFraction],
  ];
  for (const [key, value] of pairs) assert.equal(p[`shallowNet.${key}`]?.default, value, key);
});
