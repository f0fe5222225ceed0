/* global suite, test, suiteSetup, document, requestAnimationFrame, Image */
// The hidden feature space card, in Chromium under the extension's CSP, fed with what the
// training worker really computes (src/core/pipeline.ts trains on the fixtures, src/core/boundaryView.ts
// maps the lattice and the examples through the hidden layer), posted as the host would.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { screenshotDir, withWebviewPage } from './harness.mjs';
import { finishedRun, FINISHED_RUN_MODULES, hostModules, TEST_SETTINGS } from './hostSide.mjs';

const SETTINGS = TEST_SETTINGS;

let engine;
suiteSetup(async () => {
  engine = await hostModules(FINISHED_RUN_MODULES);
});

/** A finished run of fixture `file` as the host has it (hostSide.mjs). */
const trainedRun = (id, file, over = {}, csvText) => finishedRun(engine, id, file, over, csvText);

const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function open(p, runs) {
  await p.waitForSent((m) => m.type === 'ready');
  await p.post({ type: 'state', runs, defaults: SETTINGS, training: false });
  await frames(p.page);
  await frames(p.page);
}

/** Painted pixels, distinct colours (8 levels per channel) and the pixels as a data URL. */
function canvasStats(page) {
  return page.evaluate(() => {
    const c = document.querySelector('canvas.fs-canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    let painted = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] === 0) continue;
      painted++;
      colours.add(`${d[i] >> 5},${d[i + 1] >> 5},${d[i + 2] >> 5}`);
    }
    return { painted, colours: colours.size, area: c.width * c.height, url: c.toDataURL() };
  });
}

const pairText = (page) => page.locator('.fs-pair').innerText();
const cardShot = (page, name) => page.locator('.feature-space-card').screenshot({ path: join(screenshotDir, `${name}.png`) });

suite('Hidden feature space', () => {
  for (const theme of ['dark', 'light', 'high-contrast']) {
    test(`flower.csv (${theme}): the warped lattice and the examples drawn; Previous / Next cycle the pairs`, () =>
      withWebviewPage(
        async (p) => {
          await open(p, [trainedRun(1, 'flower.csv')]);
          const card = p.page.locator('.feature-space-card');
          assert.equal(await card.isVisible(), true);
          assert.equal(await card.locator('h2').textContent(), 'Hidden feature space');
          assert.equal(await pairText(p.page), 'units 1 and 2 of 4');
          assert.equal(await p.page.locator('.fs-x-label').innerText(), 'A[1] of unit 1');
          assert.equal(await p.page.locator('.fs-y-label').innerText(), 'A[1] of unit 2');
          const first = await canvasStats(p.page);
          assert.ok(first.painted > first.area * 0.6, `the plot is painted (${first.painted} of ${first.area})`);
          assert.ok(first.colours > 6, `lines, two classes of points, ticks (${first.colours} colours)`);
          const canvas = p.page.locator('canvas.fs-canvas');
          assert.match(await canvas.getAttribute('aria-label'), /^Hidden feature space at iteration 300: 300 training examples and 11 by 11 grid lines of x1 and x2, mapped through A\[1\] of hidden unit 1 \(across, .+\) and unit 2 \(up, .+\)/);
          assert.match(await p.page.locator('.fs-legend').innerText(), /0[\s\S]*1/);
          assert.match(await p.page.locator('.fs-note').innerText(), /^Grid lines: 11 lines of x1 and 11 of x2 .* Points: 300 of the 320 training examples\.$/);
          await cardShot(p.page, `feature-space-${theme}`);

          // Next: units 1 and 3, another picture.
          await p.page.locator('vscode-button.fs-next').click();
          await frames(p.page);
          assert.equal(await pairText(p.page), 'units 1 and 3 of 4');
          assert.equal(await canvas.getAttribute('data-pair'), '1,3');
          assert.equal(await p.page.locator('.fs-x-label').innerText(), 'A[1] of unit 1');
          assert.equal(await p.page.locator('.fs-y-label').innerText(), 'A[1] of unit 3');
          assert.notEqual((await canvasStats(p.page)).url, first.url, 'the plot changed');
          await p.page.locator('vscode-button.fs-prev').click();
          await p.page.locator('vscode-button.fs-prev').click();
          await frames(p.page);
          assert.equal(await pairText(p.page), 'units 3 and 4 of 4', 'Previous from the first pair wraps to the last');
          await cardShot(p.page, `feature-space-3-4-${theme}`);
        },
        { theme, viewport: { width: 1100, height: 1400 } },
      ));
  }

  test('keyboard: arrows, Home and End on the plot, Enter on the Next button; live updates keep the pair', () =>
    withWebviewPage(async (p) => {
      const run = trainedRun(1, 'flower.csv');
      await open(p, [{ ...run, status: 'running' }]);
      const canvas = p.page.locator('canvas.fs-canvas');
      await canvas.focus();
      await p.page.keyboard.press('ArrowRight');
      assert.equal(await pairText(p.page), 'units 1 and 3 of 4');
      await p.page.keyboard.press('ArrowRight');
      assert.equal(await pairText(p.page), 'units 1 and 4 of 4');
      await p.page.keyboard.press('ArrowDown');
      assert.equal(await pairText(p.page), 'units 2 and 3 of 4');
      await p.page.keyboard.press('End');
      assert.equal(await pairText(p.page), 'units 3 and 4 of 4');
      await p.page.keyboard.press('ArrowRight');
      assert.equal(await pairText(p.page), 'units 1 and 2 of 4', 'wraps to the first pair');
      await p.page.keyboard.press('ArrowLeft');
      assert.equal(await pairText(p.page), 'units 3 and 4 of 4');
      await p.page.keyboard.press('Home');
      assert.equal(await pairText(p.page), 'units 1 and 2 of 4');
      await p.page.locator('vscode-button.fs-next').focus();
      await p.page.keyboard.press('Enter');
      await frames(p.page);
      assert.equal(await pairText(p.page), 'units 1 and 3 of 4');
      assert.equal(await p.page.locator('vscode-button.fs-next').getAttribute('aria-label'), 'Next pair of hidden units');
      // A later snapshot of the same run: the chosen pair stays, the plot follows the iteration.
      const later = trainedRun(1, 'flower.csv', { iterations: 320 });
      await p.post({ type: 'run', run: { ...later, scatter: undefined, points: [] }, append: true });
      await frames(p.page);
      assert.equal(await pairText(p.page), 'units 1 and 3 of 4');
      assert.equal(await canvas.getAttribute('data-iteration'), '320');
    }));

  for (const theme of ['dark', 'light', 'high-contrast']) {
    test(`tanh from zeros (${theme}): every example at one point, and a note says why instead of "bent" lines`, () =>
      withWebviewPage(
        async (p) => {
          await open(p, [trainedRun(1, 'flower.csv', { init: 'zeros', activation: 'tanh', iterations: 100 })]);
          const note = p.page.locator('.fs-collapsed');
          assert.equal(await note.isVisible(), true);
          assert.equal(await note.getAttribute('role'), 'note');
          assert.equal(
            await note.innerText(),
            'Every example maps to the same point: hidden units 1 and 2 are constant, A[1] = 0 for every input. Their rows of W[1] are zero, so A[1] = g(b[1]) whatever the input. ' +
              'Zero initialisation keeps them so: with A[1] = 0 the gradient of W[2] is 0, and with W[2] = 0 no gradient reaches W[1] or b[1], so the hidden layer never moves. Use the small random start.',
          );
          const caption = await p.page.locator('.fs-note').innerText();
          assert.doesNotMatch(caption, /bent/, 'no bent grid lines claimed');
          assert.match(caption, /^Grid lines: 11 lines of x1 and 11 of x2 over the decision boundary's plane\. Points: /);
          assert.match(await p.page.locator('canvas.fs-canvas').getAttribute('aria-label'), /Every example maps to the same point/);
          await cardShot(p.page, `feature-space-zeros-${theme}`);
          // A trained run spreads the examples out: no note, the usual caption.
          await p.post({ type: 'run', run: trainedRun(2, 'flower.csv', { iterations: 100 }), append: false });
          await frames(p.page);
          assert.equal(await note.isVisible(), false);
          assert.match(await p.page.locator('.fs-note').innerText(), /bent by the hidden layer/);
        },
        { theme, viewport: { width: 1100, height: 1400 } },
      ));
  }

  test('one unit constant: its examples lie on one line, the note names the unit', () =>
    withWebviewPage(async (p) => {
      const run = trainedRun(1, 'flower.csv', { iterations: 100 });
      const s = run.boundary.hiddenSpace;
      // Unit 2 made constant as a unit with a zero row of W1 would be: A[1] = tanh(b1) everywhere.
      const flat = { ...s.units[1], min: 0.25, max: 0.25 };
      const W1 = run.params.W1.map((row, i) => (i === 1 ? row.map(() => 0) : row));
      await open(p, [{ ...run, params: { ...run.params, W1 }, boundary: { ...run.boundary, hiddenSpace: { ...s, units: [s.units[0], flat, ...s.units.slice(2)] } } }]);
      assert.equal(
        await p.page.locator('.fs-collapsed').innerText(),
        'Hidden unit 2 is constant, A[1] = 0.25 for every input, so every example lies on one horizontal line. Its row of W[1] is zero, so A[1] = g(b[1]) whatever the input.',
      );
      // Units 1 and 3 both vary: no note.
      await p.page.locator('vscode-button.fs-next').click();
      await frames(p.page);
      assert.equal(await p.page.locator('.fs-collapsed').isVisible(), false);
    }));

  test('one hidden unit: a note (1-D) instead of the plot and the buttons', () =>
    withWebviewPage(
      async (p) => {
        await open(p, [trainedRun(1, 'flower.csv', { hiddenUnits: 1, iterations: 100 })]);
        const note = p.page.locator('.fs-one-unit');
        assert.equal(await note.isVisible(), true);
        assert.match(await note.innerText(), /^One hidden unit: the hidden layer maps every example to a single number A\[1\] \(a 1-D space, a line\)/);
        assert.equal(await p.page.locator('.fs-plot').isVisible(), false);
        assert.equal(await p.page.locator('.fs-nav').isVisible(), false);
        // Two units: one pair, nothing to cycle.
        await p.post({ type: 'run', run: trainedRun(2, 'flower.csv', { hiddenUnits: 2, iterations: 100 }), append: false });
        await frames(p.page);
        assert.equal(await note.isVisible(), false);
        assert.equal(await pairText(p.page), 'units 1 and 2 of 2');
        assert.equal(await p.page.locator('vscode-button.fs-next').evaluate((b) => b.disabled), true);
        await p.page.locator('.feature-space-card').scrollIntoViewIfNeeded();
        await cardShot(p.page, 'feature-space-two-units-light');
        await p.post({ type: 'run', run: trainedRun(3, 'flower.csv', { hiddenUnits: 1, iterations: 100 }), append: false });
        await frames(p.page);
        await cardShot(p.page, 'feature-space-one-unit-light');
      },
      { theme: 'light', viewport: { width: 1100, height: 1400 } },
    ));

  test('iris.csv, 20 hidden units: three classes, pairs among the first 16, a note says so', () =>
    withWebviewPage(
      async (p) => {
        await open(p, [trainedRun(1, 'iris.csv', { hiddenUnits: 20, learningRate: 0.5 })]);
        assert.equal(await pairText(p.page), 'units 1 and 2 of 20');
        assert.match(await p.page.locator('.fs-legend').innerText(), /setosa[\s\S]*versicolor[\s\S]*virginica/);
        const note = await p.page.locator('.fs-note').innerText();
        assert.match(note, /The lattice holds the other features at their training means; the examples keep their own values\./);
        assert.match(note, /Points: the 120 training examples\. Pairs of the first 16 of 20 hidden units\.$/);
        await p.page.locator('canvas.fs-canvas').focus();
        await p.page.keyboard.press('End');
        assert.equal(await pairText(p.page), 'units 15 and 16 of 20');
        const stats = await canvasStats(p.page);
        assert.ok(stats.colours > 6, `${stats.colours} colours`);
        await cardShot(p.page, 'feature-space-iris-dark');
      },
      { viewport: { width: 1100, height: 1500 } },
    ));

  test('Export charts as PNG takes the feature space in', () =>
    withWebviewPage(
      async (p) => {
        await open(p, [trainedRun(1, 'flower.csv')]);
        const heightOf = async () => {
          const before = p.sent.length;
          await p.page.locator('#export-png').click();
          const msg = await p.waitForSent((m) => m.type === 'exportPng' && p.sent.indexOf(m) >= before);
          return p.page.evaluate((url) => new Promise((r) => {
            const img = new Image();
            img.onload = () => r(img.naturalHeight);
            img.src = url;
          }), msg.dataUrl);
        };
        const withIt = await heightOf();
        const canvasHeight = await p.page.locator('canvas.fs-canvas').evaluate((c) => c.height);
        await p.post({ type: 'run', run: trainedRun(2, 'flower.csv', { hiddenUnits: 1, iterations: 50 }), append: false });
        await frames(p.page);
        const without = await heightOf();
        assert.ok(withIt - without >= canvasHeight, `the PNG is taller by the plot with it (${withIt} against ${without}, plot ${canvasHeight})`);
      },
      { viewport: { width: 1100, height: 1400 } },
    ));
});
