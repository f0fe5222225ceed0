/* global suite, suiteSetup, suiteTeardown, test */
// Restricted Mode, as a person meets it: a code-server with workspace trust on (no
// --disable-workspace-trust), the folder opened, "No, I don't trust the authors" chosen. The
// extension still trains (it reads a CSV and runs no workspace code); Export Model as NumPy,
// which writes executable Python, is offered neither in the model's context menu nor in the
// palette.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { copyWorkspace, makeTempDir, startCodeServer } from '../../scripts/code-server.mjs';
import { e2e } from './harness.mjs';
import { Workbench, waitUntil } from './workbench.mjs';

suite('Restricted Mode', () => {
  /** @type {Awaited<ReturnType<typeof startCodeServer>> | undefined} */
  let server;
  let workspace = '';

  suiteSetup(async function () {
    this.timeout(120_000);
    const tmp = makeTempDir('snx-trust-');
    workspace = copyWorkspace(join(tmp, 'workspace'));
    // The extension the e2e run installed (beside its user-data dir); a fresh user-data dir, so
    // nothing is trusted yet.
    server = await startCodeServer({
      workspace,
      userDataDir: join(tmp, 'user-data'),
      extensionsDir: join(e2e.userDataDir, '..', 'extensions'),
      workspaceTrust: true,
    });
  });

  suiteTeardown(async () => {
    await server?.stop();
  });

  test('untrusted folder: training works, Export Model as NumPy is not offered', async function () {
    this.timeout(180_000);
    assert.ok(server && e2e.browser);
    const context = await e2e.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const messages = [];
    page.on('console', (m) => messages.push({ type: m.type(), text: m.text(), url: m.location().url ?? '' }));
    const wb = new Workbench(page, { screenshotDir: e2e.screenshotDir, name: this.test?.fullTitle() ?? 'restricted mode' });
    e2e.opened.push({ page, console: messages, wb });
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });

    // The trust dialog: decline.
    const decline = page.getByRole('button', { name: /No, I don.t trust the authors/ });
    await decline.waitFor({ state: 'visible', timeout: 60_000 }).catch(() => {
      throw new Error('the workbench never asked whether to trust the folder (is --disable-workspace-trust still passed?)');
    });
    await wb.screenshot('trust dialog');
    await decline.click();
    await wb.waitForWorkbench({ file: 'flower.csv' });
    await waitUntil('"Restricted Mode" in the status bar', async () => /Restricted Mode/.test(await page.locator('.statusbar').innerText()));

    // Training works.
    await wb.explorerContextMenu('flower.csv', 'Train Shallow Net');
    await wb.waitForQuickInput('the first step of the train flow');
    assert.ok((await wb.acceptDefaults()).length > 0, 'no quick pick was shown');
    await wb.waitForWebview(/Data set\s+flower\.csv[\s\S]*\bCost\s+\d\.\d+/, 90_000);
    await wb.waitForNotification(/trained.*flower\.csv.*cost \d/i, 90_000);
    await wb.explorerRow('flower.model.json').waitFor({ state: 'visible', timeout: 15_000 });

    // The model's context menu has Predict with Model… (so the extension's menus are there), not the export.
    const menu = await wb.explorerContextMenu('flower.model.json');
    assert.ok(menu.includes('Predict with Model…'), JSON.stringify(menu));
    assert.ok(!menu.some((t) => t.includes('Export Model as NumPy')), `offered in Restricted Mode: ${JSON.stringify(menu)}`);
    await page.waitForTimeout(500);
    const shot = await wb.screenshot('restricted mode after training, model menu');
    console.log(`      screenshot: ${shot}`);
    await page.keyboard.press('Escape');

    // Nor in the palette, which lists the other commands.
    await wb.openCommandPalette('Shallow Net');
    const items = await waitUntil('the palette to list Predict with Model…', async () => {
      const now = await wb.quickInputItems();
      return now.some((i) => i.startsWith('Shallow Net: Predict with Model…')) && now;
    });
    assert.ok(!items.some((i) => i.includes('Export Model as NumPy')), `the palette offers the export: ${JSON.stringify(items)}`);
    await wb.closeQuickInput();
  });
});
