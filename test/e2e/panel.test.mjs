/* global suite, test, document */
// The training panel in the real workbench: what a person sees after the lesson's first run,
// a second run from the panel's own controls, the panel coming back after a reload, and a CSV
// whose header is HTML shown as text.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2e } from './harness.mjs';
import { paintedPixels, runRows, summaryValue, trainFromExplorer } from './panelHelpers.mjs';
import { waitUntil } from './workbench.mjs';

suite('Training panel', () => {
  test('after a run: chart drawn, cost below 0.3, four heatmaps; a second run from the panel; back after a reload', async function () {
    this.timeout(240_000);
    const wb = await e2e.openWorkbench(this);
    await trainFromExplorer(wb, 'flower.csv');
    let { frame } = await wb.waitForWebview(/Finished run[\s\S]*Data set\s*flower\.csv/, 120_000);
    await wb.page.waitForTimeout(500);
    await wb.screenshot('first run dark');

    const cost = Number(await summaryValue(frame, 'Cost'));
    assert.ok(cost > 0 && cost < 0.3, `final cost shown: ${cost}`);
    const [chart] = await paintedPixels(frame, 'canvas.cost-canvas');
    assert.ok(chart > 2000, `the cost chart has drawn pixels (${chart})`);
    const heatmaps = await paintedPixels(frame, 'canvas.heatmap');
    assert.equal(heatmaps.length, 4, 'W1, b1, W2, b2');
    for (const [i, n] of heatmaps.entries()) assert.ok(n > 50, `heatmap ${i} is drawn (${n} pixels)`);
    const before = (await runRows(frame)).length;

    // Change the activation in the panel and train again: both runs are listed.
    await frame.locator('#field-activation').click();
    await frame.locator('#field-activation li[role="option"]', { hasText: 'ReLU: ReLU(z) = max(0, z)' }).first().click();
    await frame.locator('#train').click();
    await waitUntil('the second run to finish', async () => {
      const rows = await runRows(frame);
      return rows.length === before + 1 && rows.some((r) => /^#\d+ \S+ · ReLU · /.test(r) && /finished/.test(r));
    }, { timeout: 120_000 });
    await wb.page.waitForTimeout(500);
    await wb.screenshot('second run dark');
    assert.equal(await wb.setColorTheme('Light Modern'), 'light');
    await wb.page.waitForTimeout(800);
    await wb.screenshot('second run light');
    assert.equal(await wb.setColorTheme('Dark Modern'), 'dark');

    // A reload of the window brings the panel back with its results.
    await wb.page.reload({ waitUntil: 'domcontentloaded' });
    await wb.waitForWorkbench();
    ({ frame } = await wb.waitForWebview(/Finished run/, 60_000));
    await waitUntil('the runs to be listed again', async () => (await runRows(frame)).length === before + 1, { timeout: 30_000 });
    const [redrawn] = await paintedPixels(frame, 'canvas.cost-canvas');
    assert.ok(redrawn > 2000, 'the chart is drawn again');
    await wb.screenshot('after reload');
  });

  test('a CSV whose header holds HTML shows it literally and runs no script', async function () {
    this.timeout(180_000);
    const flower = readFileSync(join(e2e.workspace, 'flower.csv'), 'utf8').split('\n').slice(1).join('\n');
    writeFileSync(join(e2e.workspace, 'xss.csv'), `"<img src=x onerror=alert(1)>",x2,label\n${flower}`);
    const wb = await e2e.openWorkbench(this, { waitFor: 'xss.csv' });
    const dialogs = [];
    wb.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await trainFromExplorer(wb, 'xss.csv');
    const { frame } = await wb.waitForWebview(/Data set\s*xss\.csv/, 120_000);
    await waitUntil('the xss.csv run to finish', async () => /Finished run/.test(await frame.evaluate(() => document.querySelector('.banner')?.textContent ?? '')), { timeout: 120_000 });
    const shown = await frame.evaluate(() => ({
      text: document.body.innerText,
      images: document.querySelectorAll('img').length,
    }));
    await wb.screenshot('html header as text');
    assert.ok(shown.text.includes('<img src=x onerror=alert(1)>'), 'the header is shown as text');
    assert.equal(shown.images, 0, 'no <img> element was created');
    assert.deepEqual(dialogs, [], 'no script ran');
  });
});
