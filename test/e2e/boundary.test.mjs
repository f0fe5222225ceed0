/* global suite, test, document */
// What the network learned, in the real workbench: after training flower.csv from the Explorer the
// panel paints the decision boundary with the examples on it, the hidden feature space (with
// Next cycling its pairs of units), one map per hidden unit and the confusion matrices; a run
// with zero initialisation (chosen in the panel's Initialisation control) says that its hidden
// units are identical, and its unit maps are, beside the first run's different ones.
import * as assert from 'node:assert/strict';
import { e2e } from './harness.mjs';
import { bannerText, trainFromExplorer } from './panelHelpers.mjs';
import { waitUntil } from './workbench.mjs';

/** Painted (non-transparent) pixels and distinct colours of each canvas matching `selector`. */
function canvasStats(frame, selector) {
  return frame.evaluate((sel) =>
    [...document.querySelectorAll(sel)].map((c) => {
      const ctx = c.getContext('2d');
      if (!ctx || c.width === 0 || c.height === 0) return { painted: 0, colours: 0, url: '' };
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      const colours = new Set();
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3] === 0) continue;
        painted++;
        colours.add(`${d[i] >> 4},${d[i + 1] >> 4},${d[i + 2] >> 4}`);
      }
      return { painted, colours: colours.size, url: c.toDataURL() };
    }),
  selector);
}

suite('Training panel: decision boundary and hidden units', () => {
  test('flower.csv: boundary painted with the examples, four unit maps, confusion; zero init shows the symmetry notice', async function () {
    this.timeout(300_000);
    const wb = await e2e.openWorkbench(this);
    await trainFromExplorer(wb, 'flower.csv');
    let { frame } = await wb.waitForWebview(/Finished run[\s\S]*Data set\s*flower\.csv/, 120_000);
    await waitUntil('the decision boundary of the last iteration', async () => (await frame.locator('canvas.boundary-canvas').getAttribute('data-iteration')) === '10000', { timeout: 30_000 });

    const [plot] = await canvasStats(frame, 'canvas.boundary-canvas');
    assert.ok(plot.painted > 40_000, `the boundary canvas is painted (${plot.painted} pixels)`);
    assert.ok(plot.colours > 20, `two shaded classes, the line and the points (${plot.colours} colours)`);
    assert.equal(await frame.locator('.x-axis-label').textContent(), 'x1');
    assert.equal(await frame.locator('.y-axis-label').textContent(), 'x2');
    const label = await frame.locator('canvas.boundary-canvas').getAttribute('aria-label');
    assert.match(label, /^Decision boundary at iteration 10000 over x1 .* 320 training examples \(filled\) and 80 test examples \(hollow\)/);

    const maps = await canvasStats(frame, '.units-card canvas.unit-map');
    assert.equal(maps.length, 4, 'one map per hidden unit');
    for (const [i, m] of maps.entries()) assert.ok(m.painted > 1000, `unit map ${i + 1} is drawn (${m.painted})`);
    assert.equal(new Set(maps.map((m) => m.url)).size, 4, 'the small random start gives four different units');
    assert.equal(await frame.locator('.units-card .symmetry-notice').isVisible(), false);

    const caption = await frame.locator('figure.confusion-split figcaption').allTextContents();
    assert.equal(caption.length, 2, 'train and test');
    assert.match(caption[0], /^Train · 320 examples · accuracy \d+\.\d %$/);
    assert.match(caption[1], /^Test · 80 examples · accuracy \d+\.\d %$/);

    await frame.locator('.boundary-card').scrollIntoViewIfNeeded();
    await wb.page.waitForTimeout(300);
    await wb.screenshot('boundary dark');
    assert.equal(await wb.setColorTheme('Light Modern'), 'light');
    await wb.page.waitForTimeout(800);
    const [light] = await canvasStats(frame, 'canvas.boundary-canvas');
    assert.notEqual(light.url, plot.url, 'the theme switch repainted the plane');
    await wb.screenshot('boundary light');
    assert.equal(await wb.setColorTheme('Dark Modern'), 'dark');

    // The hidden feature space: the lattice and the examples through two hidden units; Next cycles the pairs.
    const space = frame.locator('.feature-space-card');
    assert.equal(await space.isVisible(), true);
    await waitUntil('the feature space of the last iteration', async () => (await frame.locator('canvas.fs-canvas').getAttribute('data-iteration')) === '10000', { timeout: 10_000 });
    const [warped] = await canvasStats(frame, 'canvas.fs-canvas');
    assert.ok(warped.painted > 40_000, `the feature space is painted (${warped.painted} pixels)`);
    assert.ok(warped.colours > 8, `grid lines and two classes of points (${warped.colours} colours)`);
    assert.equal(await frame.locator('.fs-pair').textContent(), 'units 1 and 2 of 4');
    assert.match(await frame.locator('canvas.fs-canvas').getAttribute('aria-label'), /^Hidden feature space at iteration 10000: 300 training examples and 11 by 11 grid lines of x1 and x2/);
    await frame.locator('vscode-button.fs-next').click();
    await waitUntil('the next pair', async () => (await frame.locator('.fs-pair').textContent()) === 'units 1 and 3 of 4', { timeout: 5_000 });
    const [next] = await canvasStats(frame, 'canvas.fs-canvas');
    assert.notEqual(next.url, warped.url, 'another pair, another picture');
    await space.scrollIntoViewIfNeeded();
    await wb.page.waitForTimeout(300);
    await wb.screenshot('feature space dark');

    // A zero-initialised run from the panel's own controls.
    await frame.locator('#controls-card, .controls-card').first().scrollIntoViewIfNeeded();
    await frame.locator('#field-init').click();
    await frame.locator('#field-init li[role="option"]', { hasText: 'zeros' }).first().click();
    await frame.locator('#train').click();
    ({ frame } = await wb.waitForWebview(/Finished run[\s\S]*zeros/, 120_000));
    await waitUntil('the zero-initialised run to finish', async () => /Finished run[\s\S]*zeros/.test(await bannerText(frame)), { timeout: 120_000 });
    const notice = frame.locator('.units-card .symmetry-notice');
    await waitUntil('the symmetry notice', () => notice.isVisible(), { timeout: 10_000 });
    assert.equal(
      await notice.textContent(),
      'All 4 hidden units are identical: with zero initialisation every unit gets the same gradient, so they stay the same (the symmetry problem). Use the small random start.',
    );
    const same = await canvasStats(frame, '.units-card canvas.unit-map');
    assert.equal(same.length, 4);
    assert.equal(new Set(same.map((m) => m.url)).size, 1, 'the four unit maps are identical');
    assert.equal(new Set(await frame.locator('.units-card .unit-weights').allTextContents()).size, 1, 'and so are their W1 rows');
    // Side by side with the first run, the same network from the small random start.
    const pair = frame.locator('.symmetry-card');
    await waitUntil('the zeros run beside the small start', async () => (await pair.isVisible()) && (await pair.locator('.symmetry-small').isVisible()), { timeout: 10_000 });
    assert.equal(await pair.locator('.symmetry-zeros .symmetry-spread').textContent(), 'All 4 rows of W1 are equal: every unit gets the same gradient, so the units stay alike.');
    assert.match(await pair.locator('.symmetry-small .symmetry-spread').textContent(), /^The 4 rows of W1 differ by up to \d/);
    const smallMaps = await canvasStats(frame, '.symmetry-small canvas.unit-map');
    assert.equal(new Set(smallMaps.map((m) => m.url)).size, 4, 'four different units beside four identical ones');
    await pair.scrollIntoViewIfNeeded();
    await wb.page.waitForTimeout(300);
    await wb.screenshot('symmetry side by side dark');
    await frame.locator('.units-card').scrollIntoViewIfNeeded();
    await wb.page.waitForTimeout(300);
    await wb.screenshot('symmetry dark');
    assert.equal(await wb.setColorTheme('Light Modern'), 'light');
    await wb.page.waitForTimeout(800);
    await wb.screenshot('symmetry light');
    assert.equal(await wb.setColorTheme('Dark Modern'), 'dark');
  });
});
