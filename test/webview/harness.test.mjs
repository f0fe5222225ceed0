/* global suite, test, document, getComputedStyle */
// The harness itself: the stand-in for acquireVsCodeApi, messages both ways, state, themes, and
// that a Content Security Policy violation does fail a test.
import * as assert from 'node:assert/strict';
import { withWebviewPage } from './harness.mjs';

const echo = { script: ['test/webview/fixtures/echo.js'], css: ['test/webview/fixtures/echo.css'] };

suite('Webview harness', () => {
  test('relays messages both ways and keeps the webview state', () =>
    withWebviewPage(
      async ({ page, post, sent, waitForSent, state }) => {
        await waitForSent((m) => m.type === 'ready');
        await post({ type: 'ping', n: 1 });
        const reply = await waitForSent((m) => m.type === 'echo');
        assert.deepEqual(reply, { type: 'echo', data: { type: 'ping', n: 1 } });
        assert.deepEqual(state(), { count: 3 });
        assert.equal(sent.length, 2);
        assert.match(await page.locator('#app').innerText(), /state count 3/);
      },
      { ...echo, state: { count: 2 } },
    ));

  test('applies the light theme as VS Code does', () =>
    withWebviewPage(
      async ({ page }) => {
        const theme = await page.evaluate(() => ({
          kind: document.body.dataset.vscodeThemeKind,
          cls: [...document.body.classList],
          fg: getComputedStyle(document.documentElement).getPropertyValue('--vscode-foreground').trim(),
          color: getComputedStyle(document.body).color,
        }));
        assert.equal(theme.kind, 'vscode-light');
        assert.ok(theme.cls.includes('vscode-light'));
        assert.equal(theme.fg, '#3b3b3b');
        assert.equal(theme.color, 'rgb(59, 59, 59)');
      },
      { ...echo, theme: 'light' },
    ));

  test('fails a test on a CSP violation (an inline style attribute)', async () => {
    await assert.rejects(
      withWebviewPage(async ({ page }) => {
        await page.waitForTimeout(200);
      }, { ...echo, body: '<div id="app"></div><p style="color: red">inline</p>' }),
      /Content Security Policy violations/,
    );
  });

  test('fails a test on a script without the nonce', async () => {
    await assert.rejects(
      withWebviewPage(async ({ page }) => {
        await page.waitForTimeout(200);
      }, { ...echo, body: '<div id="app"></div><script src="/dist/nothing.js"></script>' }),
      /Content Security Policy violations/,
    );
  });
});
