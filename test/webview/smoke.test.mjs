/* global suite, test, document, getComputedStyle */
// The panel's bundle (dist/webview.js + dist/webview.css) loads under the extension's CSP with no
// violation and no error, in each theme, with VS Code's --vscode-* variables in effect.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, withWebviewPage } from './harness.mjs';

// Pending (not failed) only while the panel's source does not exist at all.
const hasWebviewSource = existsSync(join(repoRoot, 'webview', 'main.ts'));

suite('Webview smoke', () => {
  for (const theme of ['dark', 'light', 'high-contrast', 'high-contrast-light']) {
    test(`loads with no CSP violation in the ${theme} theme`, function () {
      if (!hasWebviewSource) this.skip();
      return withWebviewPage(
        async ({ page, shot }) => {
          await page.waitForTimeout(500); // let the bundle run and render
          const vars = await page.evaluate(() => {
            const s = getComputedStyle(document.documentElement);
            return ['--vscode-foreground', '--vscode-editor-background', '--vscode-font-family'].map((v) => s.getPropertyValue(v).trim());
          });
          assert.ok(vars.every(Boolean), `--vscode-* variables missing: ${JSON.stringify(vars)}`);
          const sheets = await page.evaluate(() => document.styleSheets.length);
          assert.ok(sheets >= 1, 'dist/webview.css was not applied');
          await shot(`smoke-${theme}`);
        },
        { theme },
      );
    });
  }
});
