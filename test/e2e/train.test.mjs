/* global suite, test */
// The lesson's first run, as a person does it: right-click flower.csv → "Train Shallow Net…",
// accept the defaults, and see the cost.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2e } from './harness.mjs';
import { trainFromExplorer } from './panelHelpers.mjs';
import { waitUntil } from './workbench.mjs';

suite('Train from the Explorer', () => {
  test('right-click flower.csv → Train Shallow Net → defaults shows the cost', async function () {
    this.timeout(120_000);
    const wb = await e2e.openWorkbench(this);

    await wb.explorerContextMenu('flower.csv', 'Train Shallow Net');
    await wb.waitForQuickInput('the first step of the train flow');
    await wb.screenshot('train flow');
    assert.match(await wb.quickInputTitle(), /flower\.csv/);
    const accepted = await wb.acceptDefaults();
    assert.ok(accepted.length > 0, 'no quick pick was shown');

    // The panel (a webview) shows the cost as the network learns; the run ends with a notification
    // giving the final cost, and the model file appears beside the CSV.
    // (The empty panel already says "Cost" as a chart title: wait for the summary's value.)
    const panel = await wb.waitForWebview(/Data set\s+flower\.csv[\s\S]*\bCost\s+\d\.\d+/, 90_000);
    await wb.screenshot('cost shown');
    assert.match(panel.text, /\bCost\s+\d\.\d+/);
    const done = await wb.waitForNotification(/trained.*flower\.csv.*cost \d/i, 90_000);
    assert.match(done, /cost \d/i);
    await wb.explorerRow('flower.model.json').waitFor({ state: 'visible', timeout: 15_000 });

    // What a person sees once the run is over, in the dark and the light theme.
    await wb.page.waitForTimeout(2000);
    await wb.screenshot('after training dark');
    assert.equal(await wb.setColorTheme('Light Modern'), 'light');
    await wb.page.waitForTimeout(1000);
    await wb.screenshot('after training light');
    assert.equal(await wb.setColorTheme('Dark Modern'), 'dark');
  });
});

suite('Explorer context menu', () => {
  test('offers "Train Shallow Net" on a CSV and not on a Python file', async function () {
    const wb = await e2e.openWorkbench(this);
    await wb.explorerContextMenu('iris.csv', 'Train Shallow Net').catch((e) => {
      throw new Error(`iris.csv: ${e.message}`);
    });
    await wb.closeQuickInput();
    const menu = await wb.explorerContextMenu('activations.py');
    await wb.screenshot('python context menu');
    await wb.page.keyboard.press('Escape');
    assert.ok(!menu.some((t) => t.startsWith('Train Shallow Net')), `activations.py's context menu offers training: ${JSON.stringify(menu)}`);
  });
});

suite('A CSV error', () => {
  test('text in a numeric column: the notification names the place, the Problems view shows it, clicking it selects the value', async function () {
    this.timeout(120_000);
    writeFileSync(join(e2e.workspace, 'typo.csv'), 'x1,x2,label\n0.5,1.5,0\n1.0,2.5,1\n2.0,three,0\n3.0,4.5,1\n');
    const wb = await e2e.openWorkbench(this, { waitFor: 'typo.csv' });
    await trainFromExplorer(wb, 'typo.csv');
    const message = await wb.waitForNotification(/typo\.csv row 4, column "x2": "three" is not a number/, 60_000);
    assert.match(message, /typo\.csv row 4/);
    await wb.runCommand('View: Focus Problems');
    const row = wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'is not a number' }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await row.innerText(), /Shallow Net/);
    await wb.page.waitForTimeout(500);
    await wb.screenshot('problems view dark');
    await row.dblclick();
    await waitUntil('typo.csv to open at the value', async () => {
      const tab = wb.page.locator('.tabs-container .tab.active .label-name').first();
      return (await tab.isVisible()) && (await tab.innerText()).trim() === 'typo.csv';
    });
    await wb.page.waitForTimeout(800);
    await wb.screenshot('problem opened');
    assert.equal(await wb.setColorTheme('Light Modern'), 'light');
    await wb.page.waitForTimeout(800);
    await wb.screenshot('problems view light');
    assert.equal(await wb.setColorTheme('Dark Modern'), 'dark');
  });
});
