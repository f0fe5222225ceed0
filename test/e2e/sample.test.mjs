/* global suite, test */
// Sample data as a person makes it: palette → "Shallow Net: Create Sample Dataset…" → Two moons →
// Enter through the pre-filled rows, noise and seed → moons.csv appears in the Explorer and opens.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2e } from './harness.mjs';
import { waitUntil } from './workbench.mjs';

suite('Sample data', () => {
  test('palette → Create Sample Dataset… → Two moons → defaults → moons.csv in the Explorer, opened', async function () {
    this.timeout(90_000);
    const wb = await e2e.openWorkbench(this);
    await wb.runCommand('Shallow Net: Create Sample Dataset…');
    await wb.waitForQuickInput('the sample kinds');
    assert.match(await wb.quickInputTitle(), /Create Sample Dataset/);
    const kinds = await wb.quickInputItems();
    for (const k of ['Flower', 'XOR', 'Two circles', 'Two moons', 'Two spirals', 'Gaussian blobs']) {
      assert.ok(kinds.some((i) => i.startsWith(k)), `${k} missing from ${JSON.stringify(kinds)}`);
    }
    await wb.screenshot('sample kinds');
    await wb.pickQuickItem('Two moons');
    await waitUntil('the rows box', async () => /2\/4/.test(await wb.quickInputTitle()));
    await wb.screenshot('rows prefilled');
    const accepted = await wb.acceptDefaults();
    assert.equal(accepted.length, 3, JSON.stringify(accepted)); // rows, noise, seed
    assert.match(accepted[0], /→ 400$/);
    assert.match(accepted[1], /→ 0\.1$/);
    assert.match(accepted[2], /→ 1$/);
    await wb.waitForNotification(/Wrote moons\.csv: 400 rows of two moons\./);
    await wb.explorerRow('moons.csv').waitFor({ state: 'visible', timeout: 15_000 });
    await waitUntil('moons.csv to open', async () => {
      const tab = wb.page.locator('.tabs-container .tab.active .label-name').first();
      return (await tab.isVisible()) && (await tab.innerText()).trim() === 'moons.csv';
    });
    await wb.page.waitForTimeout(800);
    await wb.screenshot('moons csv in explorer');
    const text = readFileSync(join(e2e.workspace, 'moons.csv'), 'utf8').trim().split('\n');
    assert.equal(text[0], 'x1,x2,label');
    assert.equal(text.length, 401);
  });
});
