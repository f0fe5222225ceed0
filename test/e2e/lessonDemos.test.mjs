/* global suite, test */
// The lesson's demonstrations in the real workbench (issue 7): a tanh run started from the
// panel with initial scale 10 shows its hidden layer saturated beside the cost, with the
// logistic-regression baseline beside the accuracy; a linear run shows the single layer W′, b′
// it has collapsed to. Screenshots of both views in Dark and Light Modern.
import * as assert from 'node:assert/strict';
import { e2e } from './harness.mjs';
import { bannerText, paintedPixels, trainFromExplorer } from './panelHelpers.mjs';
import { waitUntil } from './workbench.mjs';

suite('Lesson demonstrations in the workbench', () => {
  test('init scale 10 saturates tanh beside the cost, the baseline beside the accuracy; a linear run collapses to W′, b′', async function () {
    this.timeout(300_000);
    const wb = await e2e.openWorkbench(this);
    await trainFromExplorer(wb, 'flower.csv');
    let { frame } = await wb.waitForWebview(/Finished run[\s\S]*Data set\s*flower\.csv/, 120_000);

    // A second run from the panel: 2000 iterations at initial scale 10.
    await frame.locator('#field-iterations input').fill('2000');
    await frame.locator('#field-initScale input').fill('10');
    await frame.locator('#train').click();
    ({ frame } = await wb.waitForWebview(/Finished run[\s\S]*×10/, 120_000));
    await waitUntil('the scale-10 run to finish', async () => /Finished run[\s\S]*×10/.test(await bannerText(frame)), { timeout: 120_000 });
    // Compare with the first run: tick it.
    await frame.locator('tr[data-run-id] vscode-checkbox').nth(1).click();
    await wb.page.waitForTimeout(500);
    const line = await frame.locator('#saturation-text').textContent();
    const sat = Number(/(\d+\.\d) % of the hidden activations are saturated/.exec(line ?? '')?.[1]);
    assert.ok(sat > 50, `the scale-10 run ends saturated: ${line}`);
    const aria = await frame.locator('.saturation-canvas').getAttribute('aria-label');
    // At iteration 0: the lesson's scale leaves tanh in its linear region, scale 10 saturates it.
    assert.match(aria ?? '', /run #1: [^]*? At iteration 0: 0\.0 % saturated \(\|z\| > 3\), mean g′ 1\.?\d*\./, aria);
    assert.match(aria ?? '', /run #2: [^]*? At iteration 0: [5-9]\d\.\d % saturated \(\|z\| > 3\)/, aria);
    assert.equal(await frame.locator('.saturation-canvas').getAttribute('data-datasets'), '4');
    const [painted] = await paintedPixels(frame, 'canvas.saturation-canvas');
    assert.ok(painted > 2000, `the saturation plot is drawn (${painted} pixels)`);
    const base = await frame.locator('tr[data-run-id] .acc-baseline').first().textContent();
    const b = Number(/baseline (\d+\.\d) %/.exec(base ?? '')?.[1]);
    assert.ok(b >= 40 && b <= 55, `the baseline under the accuracy: ${base}`);
    assert.match(await frame.locator('.summary-list').innerText(), /Baseline\s+logistic regression/);
    await frame.locator('.chart-card').scrollIntoViewIfNeeded();
    await wb.page.waitForTimeout(300);
    await wb.screenshot('saturation dark');
    assert.equal(await wb.setColorTheme('Light Modern'), 'light');
    await wb.page.waitForTimeout(800);
    await wb.screenshot('saturation light');
    assert.equal(await wb.setColorTheme('Dark Modern'), 'dark');

    // A linear run: the panel shows the single layer it has collapsed to.
    await frame.locator('#field-activation').click();
    await frame.locator('#field-activation li[role="option"]', { hasText: 'linear: g(z) = z' }).first().click();
    await frame.locator('#field-initScale input').fill('0.01');
    await frame.locator('#train').click();
    ({ frame } = await wb.waitForWebview(/Finished run[^\n]*linear/, 120_000));
    await waitUntil('the linear run to finish', async () => /Finished run[^\n]*linear/.test(await bannerText(frame)), { timeout: 120_000 });
    const card = frame.locator('.collapsed-card');
    await waitUntil('the collapsed layer', () => card.isVisible(), { timeout: 10_000 });
    assert.match(await card.innerText(), /W′ = W\[2\]W\[1\]/);
    const maps = await paintedPixels(frame, '.collapsed-card canvas.heatmap');
    assert.equal(maps.length, 2, 'W′ and b′');
    for (const n of maps) assert.ok(n > 50, `drawn (${n} pixels)`);
    await card.scrollIntoViewIfNeeded();
    await wb.page.waitForTimeout(300);
    await wb.screenshot('collapsed dark');
    assert.equal(await wb.setColorTheme('Light Modern'), 'light');
    await wb.page.waitForTimeout(800);
    await wb.screenshot('collapsed light');
    assert.equal(await wb.setColorTheme('Dark Modern'), 'dark');
  });
});
