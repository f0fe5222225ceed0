// The end-to-end environment, set up once by scripts/test-e2e.mjs: a code-server with the packaged
// .vsix installed, on a temp copy of samples/, and Debian's Chromium. Tests import `e2e` and open
// a fresh workbench page per test:
//
//   import { e2e } from './harness.mjs';
//   suite('Something', () => {
//     test('does it', async function () {
//       const wb = await e2e.openWorkbench(this);      // waits for the Explorer to list flower.csv
//       await wb.openCommandPalette('Shallow Net');
//       await wb.screenshot('palette');                 // test-results/e2e/<test>-01-palette.png
//     });
//   });
//
// After each test the runner closes the page, screenshots it first when the test failed, and
// fails the test if the browser console reported a Content Security Policy violation that
// concerns this extension's webview.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbench } from './workbench.mjs';

export const e2e = {
  /** @type {import('playwright-core').Browser | undefined} */
  browser: undefined,
  /** code-server's http://127.0.0.1:PORT */
  origin: '',
  /** the temp copy of samples/ the workbench has open */
  workspace: '',
  userDataDir: '',
  extensionId: '',
  /** package.json of the extension under test */
  manifest: /** @type {any} */ ({}),
  screenshotDir: '',
  /** pages opened by the current test, with their console messages */
  opened: /** @type {{ page: import('playwright-core').Page, console: ConsoleEntry[], wb: Workbench }[]} */ ([]),

  /**
   * Opens the workbench on the workspace in a fresh browser context and waits until it is ready.
   * @param {Mocha.Context | undefined} ctx  `this` of the test, to name its screenshots
   * @returns {Promise<Workbench>}
   */
  async openWorkbench(ctx, { waitFor = 'flower.csv', viewport = { width: 1400, height: 900 } } = {}) {
    if (!this.browser) throw new Error('e2e harness not started: run through scripts/test-e2e.mjs');
    const context = await this.browser.newContext({ viewport });
    const page = await context.newPage();
    /** @type {ConsoleEntry[]} */
    const messages = [];
    page.on('console', (m) => messages.push({ type: m.type(), text: m.text(), url: m.location().url ?? '' }));
    page.on('pageerror', (e) => messages.push({ type: 'pageerror', text: e.message, url: '' }));
    const wb = new Workbench(page, { screenshotDir: this.screenshotDir, name: ctx?.test?.fullTitle() ?? 'workbench' });
    this.opened.push({ page, console: messages, wb });
    await page.goto(`${this.origin}/?folder=${encodeURIComponent(this.workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await wb.waitForWorkbench({ file: waitFor });
    return wb;
  },

  /** Merges `settings` into the user's settings.json (the workbench applies it live). */
  writeUserSettings(settings) {
    const file = join(this.userDataDir, 'User', 'settings.json');
    const current = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...current, ...settings }, null, 2));
  },

  /**
   * Console messages about a Content Security Policy that concern this extension's webview.
   * Chromium gives them no frame URL, so they are told apart by the policy they quote: the panel's
   * policy names the webview's cspSource (code-server: 'self' https://*.vscode-cdn.net) and a
   * script nonce, which the workbench's own policy never does.
   */
  cspViolations() {
    const ours = (m) =>
      /vscode-cdn\.net|script-src 'nonce-(?!\.\.\.)/.test(m.text) ||
      m.text.includes(this.extensionId) ||
      /shallow-net|dist\/webview\.|media\//.test(m.text) ||
      m.url.includes(`extensionId=${this.extensionId}`) ||
      /\/webview\/browser\/pre\//.test(m.url);
    return this.opened.flatMap((o) => o.console).filter((m) => /Content Security Policy/i.test(m.text) && ours(m));
  },

  /** Every console message mentioning a Content Security Policy (ours or not), for diagnosis. */
  cspMessages() {
    return this.opened.flatMap((o) => o.console).filter((m) => /Content Security Policy/i.test(m.text));
  },
};

/** @typedef {{ type: string, text: string, url: string }} ConsoleEntry */
