/* global suite, test, document */
// The lesson's hidden-layer-size experiment as a person runs it: the palette's "Sweep Hidden
// Layer Sizes…", flower.csv, sizes typed into the input box (checked as typed), and the panel's
// sweep card filling in.
import * as assert from 'node:assert/strict';
import { e2e } from './harness.mjs';
import { paintedPixels } from './panelHelpers.mjs';
import { waitUntil } from './workbench.mjs';

suite('Hidden layer size sweep from the palette', () => {
  test('Sweep Hidden Layer Sizes… → flower.csv → "1, 2, 3" draws accuracy against size in the panel', async function () {
    this.timeout(180_000);
    const wb = await e2e.openWorkbench(this);
    await wb.runCommand('Shallow Net: Sweep Hidden Layer Sizes…');
    await wb.waitForQuickInput('the CSV picker');
    await wb.pickQuickItem('flower.csv');
    // The sizes' input box, the lesson's sizes by default, checked as they are typed.
    await wb.waitForQuickInput('the sizes input box');
    await waitUntil('the sizes input box\'s title', async () => /Sweep Hidden Layer Sizes on flower\.csv/.test(await wb.quickInputTitle()));
    const box = wb.page.locator('.quick-input-widget .quick-input-box input');
    assert.equal(await box.inputValue(), '1, 2, 3, 4, 5, 20, 50');
    const message = () => wb.page.locator('.quick-input-widget .quick-input-message').innerText();
    await box.fill('1, 0');
    await waitUntil('the input box to say "0" is not a size', async () => /"0" is not a size/.test(await message()));
    await wb.screenshot('sweep sizes invalid');
    await box.fill('1, 2, 3');
    // Enter only once the sizes were checked again: the error gone, the prompt back.
    await waitUntil('the input box\'s error to clear', async () => {
      const m = await message();
      return !/is not a size/.test(m) && /Hidden layer sizes to train/.test(m);
    });
    await wb.page.keyboard.press('Enter');

    // The progress notification says which size is training.
    const progress = await wb.waitForNotification(/Hidden layer size sweep on flower\.csv.*size [123] of 3: [123] hidden units?…/, 30_000);
    assert.match(progress, /size [123] of 3/);
    await wb.screenshot('sweep progress');
    const done = await wb.waitForNotification(/Sweep finished on flower\.csv: 3 of 3 sizes/, 120_000);
    assert.match(done, /Best test accuracy \d+\.\d % with \d hidden units?/);
    const panel = await wb.waitForWebview(/Sweep #\d+ on flower\.csv: all 3 sizes/, 30_000);
    const rows = await panel.frame.evaluate(() => [...document.querySelectorAll('#sweep-table tbody tr')].map((tr) => tr.textContent ?? ''));
    assert.equal(rows.length, 3);
    for (const r of rows) assert.match(r, /\d+\.\d %/);
    await panel.frame.evaluate(() => document.querySelector('.sweep-card')?.scrollIntoView());
    await wb.page.waitForTimeout(500);
    const [painted] = await paintedPixels(panel.frame, 'canvas.sweep-canvas');
    assert.ok(painted > 1000, `the sweep chart painted ${painted} pixels`);
    await wb.screenshot('sweep done');

    // The card's field now shows the sweep's sizes; Run sweep there sweeps flower.csv again.
    assert.equal(await panel.frame.locator('#sweep-sizes').evaluate((e) => e.value), '1, 2, 3');
    await panel.frame.locator('#sweep-sizes input').fill('4');
    await panel.frame.locator('#run-sweep').click();
    await wb.waitForWebview(/Sweep #\d+ on flower\.csv: the one size/, 60_000);
    await wb.waitForNotification(/Sweep finished on flower\.csv: 1 of 1 size /, 60_000);
  });

  test('a CSV\'s Explorer context menu offers the sweep beside Train Shallow Net', async function () {
    const wb = await e2e.openWorkbench(this);
    await wb.explorerContextMenu('flower.csv', 'Train Shallow Net').catch((e) => {
      throw new Error(`flower.csv: ${e.message}`);
    });
    await wb.closeQuickInput();
    const menu = await wb.explorerContextMenu('flower.csv');
    await wb.screenshot('csv context menu');
    await wb.page.keyboard.press('Escape');
    const sweep = menu.indexOf('Sweep Hidden Layer Sizes…');
    const train = menu.indexOf('Train Shallow Net…');
    assert.ok(sweep >= 0 && train >= 0, JSON.stringify(menu));
    assert.equal(sweep, train + 1, `just after Train Shallow Net…: ${JSON.stringify(menu)}`);
  });
});
