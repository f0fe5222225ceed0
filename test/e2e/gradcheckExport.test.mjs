/* global suite, test */
// The backpropagation check and the chart export, as a person uses them: after training
// flower.csv from the Explorer, the panel's Gradient check shows every matrix below 1e-7;
// Export charts as PNG asks where to save (flower-charts.png beside the CSV) and the PNG
// appears in the Explorer; the palette's Gradient Check… on iris.csv says it passed.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2e } from './harness.mjs';
import { trainFromExplorer } from './panelHelpers.mjs';
import { waitUntil } from './workbench.mjs';

suite('Backpropagation check and chart export', () => {
  test('panel: Gradient check passes for the run shown; Export charts as PNG saves flower-charts.png; palette: Gradient Check… on iris.csv', async function () {
    this.timeout(240_000);
    const wb = await e2e.openWorkbench(this);
    await trainFromExplorer(wb, 'flower.csv');
    const { frame } = await wb.waitForWebview(/Finished run[\s\S]*Data set\s*flower\.csv/, 120_000);

    const card = frame.locator('.gradcheck-card');
    await card.scrollIntoViewIfNeeded();
    await frame.locator('#gradient-check').click();
    await waitUntil('the check of the run shown', async () => /overall/i.test(await card.innerText()), { timeout: 90_000 });
    const text = (await card.innerText()).replace(/\s+/g, ' ');
    for (const m of ['W[1]', 'b[1]', 'W[2]', 'b[2]']) assert.ok(text.includes(m), `${m} in: ${text}`);
    assert.match(text, /pass/i);
    assert.doesNotMatch(text, /fail/i);
    await wb.page.waitForTimeout(300);
    await wb.screenshot('gradient check in the panel');

    // Export: the save dialog (code-server's own, a quick input) proposes flower-charts.png.
    await frame.locator('#export-png').click();
    await wb.waitForQuickInput('the save dialog', 20_000);
    await waitUntil('the proposed name', async () => /flower-charts\.png$/.test(await wb.quickInput().locator('input').first().inputValue()), { timeout: 10_000 });
    await wb.screenshot('export save dialog');
    await wb.page.keyboard.press('Enter');
    await wb.waitForNotification(/Charts saved as flower-charts\.png/, 30_000);
    await wb.explorerRow('flower-charts.png').waitFor({ state: 'visible', timeout: 15_000 });
    const png = readFileSync(join(e2e.workspace, 'flower-charts.png'));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
    assert.ok(png.length > 10_000, `charts drawn (${png.length} bytes)`);

    // The palette: default settings at the initial parameters of another CSV.
    await wb.runCommand('Shallow Net: Gradient Check…');
    await wb.waitForQuickInput('the CSV pick');
    await wb.pickQuickItem(/^iris\.csv/);
    const said = await wb.waitForNotification(/Gradient check on iris\.csv/, 90_000);
    assert.match(said, /pass \(below 1e-7\)/);
    await wb.screenshot('gradient check from the palette');
  });
});
