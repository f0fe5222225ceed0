#!/usr/bin/env node
// Captures the --vscode-* variables and body attributes that VS Code 1.100.3 (code-server) really
// sets in a webview, for Dark Modern, Light Modern and the high-contrast themes, into
// test/webview/fixtures/themes.json, which the webview harness applies. Rerun after moving to a
// newer VS Code:  node test/webview/capture-themes.mjs   (builds and packages first)
/* global document */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  build,
  cleanup,
  copyWorkspace,
  ensureSetup,
  installExtension,
  installSignalHandlers,
  launchBrowser,
  makeTempDir,
  packageVsix,
  repoRoot,
  startCodeServer,
  vsixPath,
} from '../../scripts/code-server.mjs';
import { Workbench, waitUntil } from '../e2e/workbench.mjs';

const THEMES = [
  ['dark', 'Dark Modern'],
  ['light', 'Light Modern'],
  ['high-contrast', 'Dark High Contrast'],
  ['high-contrast-light', 'Light High Contrast'],
];

async function main() {
  installSignalHandlers();
  ensureSetup();
  build();
  packageVsix();
  const tmp = makeTempDir('snx-themes-');
  const workspace = copyWorkspace(join(tmp, 'workspace'));
  const userDataDir = join(tmp, 'user-data');
  const extensionsDir = join(tmp, 'extensions');
  installExtension({ vsix: vsixPath, extensionsDir, userDataDir });
  const server = await startCodeServer({ workspace, userDataDir, extensionsDir });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.goto(server.url);
  const wb = new Workbench(page, { screenshotDir: join(repoRoot, 'test-results', 'themes'), name: 'themes' });
  await wb.waitForWorkbench();
  await wb.runCommand('Shallow Net: Open Panel');
  await waitUntil('the panel webview', async () => wb.webviewFrames().length > 0, { timeout: 30_000 });

  const out = {};
  for (const [key, label] of THEMES) {
    await wb.setColorTheme(label);
    await page.waitForTimeout(1500);
    const frame = wb.webviewFrames()[0];
    out[key] = await frame.evaluate(() => {
      const style = document.documentElement.style;
      const vars = {};
      for (let i = 0; i < style.length; i++) {
        const name = style[i];
        if (name.startsWith('--vscode-')) vars[name.slice('--vscode-'.length)] = style.getPropertyValue(name).trim();
      }
      return {
        bodyClass: document.body.classList.contains('vscode-high-contrast')
          ? ['vscode-high-contrast', ...(document.body.classList.contains('vscode-high-contrast-light') ? ['vscode-high-contrast-light'] : [])]
          : [document.body.classList.contains('vscode-light') ? 'vscode-light' : 'vscode-dark'],
        themeKind: document.body.dataset.vscodeThemeKind,
        themeId: document.body.dataset.vscodeThemeId,
        vars,
      };
    });
    console.log(`${label}: ${Object.keys(out[key].vars).length} variables, body ${out[key].bodyClass.join(' ')}`);
  }
  const file = join(repoRoot, 'test', 'webview', 'fixtures', 'themes.json');
  writeFileSync(file, JSON.stringify({ vscode: '1.100.3', captured: 'code-server 4.100.3 webview', themes: out }, null, 1) + '\n');
  console.log(`wrote ${file}`);
  await cleanup();
}

main().then(
  () => process.exit(0),
  async (e) => {
    console.error(e);
    await cleanup();
    process.exit(1);
  },
);
