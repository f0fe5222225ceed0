/* global suite, test */
// Exploring a run in the real workbench: after training iris.csv from the Explorer, the panel's
// timeline scrubs back to iteration 0, the boundary's axes pick two of the four features, and a
// weight typed into a heatmap cell moves the boundary and the cost — with the explore worker in
// the real extension host. The model file saved by the run does not change.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2e } from './harness.mjs';
import { summaryValue, trainFromExplorer } from './panelHelpers.mjs';
import { waitUntil } from './workbench.mjs';

const boundaryLabel = (frame) => frame.locator('canvas.boundary-canvas').getAttribute('aria-label');

suite('Training panel: explore a run', () => {
  test('iris.csv: timeline back to iteration 0, other axes, an edited weight; the saved model is untouched', async function () {
    this.timeout(300_000);
    const wb = await e2e.openWorkbench(this);
    await trainFromExplorer(wb, 'iris.csv');
    const { frame } = await wb.waitForWebview(/Finished run[\s\S]*Data set\s*iris\.csv/, 120_000);
    await waitUntil('the timeline', () => frame.locator('#timeline-slider').isVisible(), { timeout: 30_000 });
    const modelPath = await summaryValue(frame, 'Model');
    assert.match(modelPath ?? '', /iris.*\.model\.json$/);
    const modelBefore = readFileSync(join(e2e.workspace, modelPath), 'utf8');
    const trainedCost = await summaryValue(frame, 'Cost');

    // The timeline: Home is iteration 0, the initial parameters (cost about ln 3).
    await frame.locator('#timeline-slider').focus();
    await wb.page.keyboard.press('Home');
    await waitUntil('the boundary at iteration 0', async () => /^Decision boundary at iteration 0 over/.test(await boundaryLabel(frame)), { timeout: 30_000 });
    assert.equal(await summaryValue(frame, 'Showing'), "the timeline's snapshot at iteration 0");
    const cost0 = Number(await summaryValue(frame, 'Cost'));
    assert.ok(Math.abs(cost0 - Math.log(3)) < 0.02, `cost at iteration 0: ${cost0}`);
    await frame.locator('.timeline-card').scrollIntoViewIfNeeded();
    await wb.screenshot('timeline at iteration 0');
    await frame.locator('#timeline-latest').click();
    await waitUntil('the latest parameters', async () => (await summaryValue(frame, 'Showing')) === null);
    assert.equal(await summaryValue(frame, 'Cost'), trainedCost);

    // The boundary's axes: it opens over the petals (the two features that separate the classes
    // best); with the keyboard, the sepals instead. Arrow Down opens the list on the feature
    // shown, the arrows move, Enter picks.
    await frame.locator('.boundary-card').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    assert.equal(await frame.locator('.x-axis-label').textContent(), 'petal_length');
    assert.equal(await frame.locator('.y-axis-label').textContent(), 'petal_width');
    await wb.screenshot('boundary over petal length and width');
    await frame.locator('#boundary-x').focus();
    for (const key of ['ArrowDown', 'ArrowUp', 'ArrowUp', 'Enter']) await wb.page.keyboard.press(key);
    await waitUntil('sepal_length on the x axis', async () => (await frame.locator('.x-axis-label').textContent()) === 'sepal_length', { timeout: 30_000 });
    await frame.locator('#boundary-y').focus();
    for (const key of ['ArrowDown', 'ArrowUp', 'ArrowUp', 'Enter']) await wb.page.keyboard.press(key);
    await waitUntil('the boundary over sepal_length and sepal_width', async () => / over sepal_length \(.+\) and sepal_width/.test(await boundaryLabel(frame)), { timeout: 30_000 });
    assert.equal(await frame.locator('.x-axis-label').textContent(), 'sepal_length');
    await frame.locator('.boundary-card').scrollIntoViewIfNeeded();
    await wb.screenshot('boundary over sepal length and width');

    // Edit b[2] of the first class (setosa) far up: the plane says setosa nearly everywhere.
    const b2 = frame.locator('canvas.heatmap').nth(3);
    await b2.scrollIntoViewIfNeeded();
    await b2.focus();
    await wb.page.keyboard.press('Enter');
    const input = frame.locator('input.cell-editor:visible');
    await input.fill('40');
    await input.press('Enter');
    await waitUntil('the edited line with the new cost', async () => /cost [\d.]+ \(trained/.test((await frame.locator('.edited-line').textContent()) ?? ''), { timeout: 30_000 });
    const label = await boundaryLabel(frame);
    const setosa = Number(/setosa (\d+) %/.exec(label)?.[1]);
    assert.ok(setosa > 90, `the plane says setosa: ${label}`);
    assert.ok(Number(await summaryValue(frame, 'Cost')) > Number(trainedCost) + 1, 'the cost rose');
    await wb.screenshot('edited b2');
    assert.equal(readFileSync(join(e2e.workspace, modelPath), 'utf8'), modelBefore, 'editing does not touch the saved model');
    await frame.locator('#reset-edits').click();
    await waitUntil('the trained values back', async () => (await summaryValue(frame, 'Cost')) === trainedCost, { timeout: 30_000 });
  });
});
