/* global suite, test, suiteSetup, document, requestAnimationFrame, Image, getComputedStyle */
// The decision boundary, the hidden-unit maps, the confusion matrices and the symmetry notice,
// in Chromium under the extension's CSP, fed with what the training worker really computes:
// src/core/pipeline.ts trains a few hundred iterations on the fixtures and src/core/boundaryView.ts
// makes the views (both bundled on the fly), then the test posts them as the host would.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, screenshotDir, withWebviewPage } from './harness.mjs';
import { finishedRun, FINISHED_RUN_MODULES, hostModules, TEST_SETTINGS } from './hostSide.mjs';

const SETTINGS = TEST_SETTINGS;

let engine;
suiteSetup(async () => {
  engine = await hostModules(FINISHED_RUN_MODULES);
});

/** A finished run of fixture `file` as the host has it (hostSide.mjs). */
const trainedRun = (id, file, over = {}, csvText) => finishedRun(engine, id, file, over, csvText);

const state = (runs) => ({ type: 'state', runs, defaults: SETTINGS, training: false });
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Distinct colours (rgb, quantised to 8 levels) and painted pixels of a canvas. */
function canvasStats(page, selector) {
  return page.evaluate((sel) => {
    const c = document.querySelector(sel);
    const ctx = c.getContext('2d');
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    let painted = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] === 0) continue;
      painted++;
      colours.add(`${d[i] >> 5},${d[i + 1] >> 5},${d[i + 2] >> 5}`);
    }
    return { painted, colours: colours.size, width: c.width, height: c.height };
  }, selector);
}

async function open(p, runs) {
  await p.waitForSent((m) => m.type === 'ready');
  await p.post(state(runs));
  await frames(p.page);
  await frames(p.page);
}

suite('Decision boundary, hidden units, confusion', () => {
  for (const theme of ['dark', 'light', 'high-contrast']) {
    test(`flower.csv (${theme}): boundary painted with points, axes named, four unit maps beside W1, confusion numbers`, () =>
      withWebviewPage(
        async (p) => {
          const run = trainedRun(1, 'flower.csv');
          await open(p, [run]);
          const card = p.page.locator('.boundary-card');
          assert.equal(await card.isVisible(), true);
          const stats = await canvasStats(p.page, 'canvas.boundary-canvas');
          assert.ok(stats.painted > stats.width * stats.height * 0.6, `the plane is painted (${stats.painted} of ${stats.width * stats.height})`);
          assert.ok(stats.colours > 10, `shaded classes, points and line (${stats.colours} colours)`);
          assert.equal(await p.page.locator('.x-axis-label').innerText(), 'x1');
          assert.equal(await p.page.locator('.y-axis-label').innerText(), 'x2');
          const legend = await p.page.locator('.boundary-legend').innerText();
          assert.match(legend, /0[\s\S]*1[\s\S]*train[\s\S]*test/);
          const label = await p.page.locator('canvas.boundary-canvas').getAttribute('aria-label');
          assert.match(label, /Decision boundary at iteration 300 over x1 \(.+\) and x2/);
          assert.match(label, /320 training examples \(filled\) and 80 test examples \(hollow\)/);

          // Hidden units: one map per unit, its W1 row as numbers, no symmetry notice.
          assert.equal(await p.page.locator('.units-card canvas.unit-map').count(), 4);
          const w = run.params.W1[0];
          const firstUnit = await p.page.locator('.units-card figure.unit').first().evaluate((f) => [...f.querySelectorAll('figcaption span:not(.unit-weights)')].map((s) => s.textContent).join(' '));
          assert.ok(firstUnit.startsWith(`h1 x1 ${fmt3(w[0])} x2 ${fmt3(w[1])} b `), `${firstUnit} shows W1[0] = ${w}`);
          assert.equal(await p.page.locator('.units-card .symmetry-notice').isVisible(), false);
          const maps = await unitMapImages(p.page);
          assert.equal(new Set(maps).size, 4, 'four different units look different');

          // Confusion: numbers of the engine's matrix, per-class accuracy.
          const tables = await confusionCells(p.page);
          assert.equal(tables.length, 2, 'train and test');
          assert.deepEqual(tables[0].counts, run.confusion.train.counts);
          assert.deepEqual(tables[1].counts, run.confusion.test.counts);
          assert.equal(tables[0].accuracy[0], `${(run.confusion.train.perClass[0] * 100).toFixed(1)} %`);
          const caption = await p.page.locator('figure.confusion-split figcaption').first().innerText();
          assert.match(caption, /Train · 320 examples · accuracy \d+\.\d %/);
          await p.shot(`boundary-${theme}`);
          for (const card of ['boundary', 'units']) await cardShot(p.page, card, `${card}-card-${theme}`);
        },
        { theme, viewport: { width: 1100, height: 1400 } },
      ));
  }

  test('zero initialisation: the symmetry notice, identical W1 rows and identical unit maps', () =>
    withWebviewPage(
      async (p) => {
        // sigmoid hidden units: with zero weights they still move, all the same way.
        const run = trainedRun(1, 'flower.csv', { init: 'zeros', activation: 'sigmoid', iterations: 200 });
        const rows = run.params.W1.map((r) => r.join(','));
        assert.equal(new Set(rows).size, 1, 'the engine keeps every row of W1 equal');
        assert.notEqual(run.params.W1[0][0], 0, 'and they did change');
        await open(p, [run]);
        const notice = p.page.locator('.units-card .symmetry-notice');
        assert.equal(await notice.isVisible(), true);
        assert.equal(
          await notice.innerText(),
          'All 4 hidden units are identical: with zero initialisation every unit gets the same gradient, so they stay the same (the symmetry problem). Use the small random start.',
        );
        const maps = await unitMapImages(p.page);
        assert.equal(maps.length, 4);
        assert.equal(new Set(maps).size, 1, 'the four maps are pixel for pixel the same');
        const weights = await p.page.locator('.units-card .unit-weights').allInnerTexts();
        assert.equal(new Set(weights).size, 1, 'the four W1 rows read the same');
        await p.shot('symmetry-light');
        await cardShot(p.page, 'units', 'symmetry-units-light');
      },
      { theme: 'light', viewport: { width: 1100, height: 1300 } },
    ));

  for (const theme of ['dark', 'light', 'high-contrast']) {
    test(`tanh from zeros (${theme}): each unit map says A1 = 0 everywhere in words`, () =>
      withWebviewPage(
        async (p) => {
          const run = trainedRun(1, 'flower.csv', { init: 'zeros', activation: 'tanh', iterations: 100 });
          assert.ok(run.params.W1.every((row) => row.every((v) => v === 0)), 'W1 stays 0');
          assert.ok(run.boundary.units.maps.every((m) => m.min === 0 && m.max === 0), 'A1 is 0 over the plane');
          await open(p, [run]);
          const flat = p.page.locator('.units-card .unit-constant');
          assert.equal(await flat.count(), 4);
          assert.deepEqual(await flat.allInnerTexts(), Array(4).fill('A1 = 0 everywhere'));
          assert.match(await p.page.locator('.units-card figure.unit').first().getAttribute('aria-label'), /^Hidden unit h1: A1 = 0 everywhere over x1 and x2; W1 row x1 0, x2 0/);
          await p.page.locator('.units-card').scrollIntoViewIfNeeded();
          await cardShot(p.page, 'units', `zeros-tanh-units-${theme}`);
          // A trained run's maps vary: no such line.
          await p.post({ type: 'run', run: trainedRun(2, 'flower.csv', { iterations: 50 }), append: false });
          await frames(p.page);
          await frames(p.page);
          assert.equal(await p.page.locator('.units-card .unit-constant:visible').count(), 0);
        },
        { theme, viewport: { width: 1100, height: 1400 } },
      ));
  }

  test('identical W1 rows from any start also show the notice; a small random start does not', () =>
    withWebviewPage(async (p) => {
      const run = trainedRun(1, 'flower.csv', { iterations: 20 });
      run.params = { ...run.params, W1: run.params.W1.map(() => [0.5, -0.25]) };
      await open(p, [run]);
      assert.match(await p.page.locator('.units-card .symmetry-notice').innerText(), /^All 4 hidden units are identical/);
      const other = trainedRun(2, 'flower.csv', { iterations: 20 });
      await p.post({ type: 'run', run: other, append: false });
      await frames(p.page);
      assert.equal(await p.page.locator('.units-card .symmetry-notice').isVisible(), false);
    }));

  for (const theme of ['dark', 'light']) {
    test(`symmetry (${theme}): a zeros run offers its small-start twin; then the two side by side, equal rows beside different rows`, () =>
      withWebviewPage(
        async (p) => {
          const zeros = trainedRun(1, 'flower.csv', { init: 'zeros', activation: 'sigmoid', iterations: 200 });
          await open(p, [zeros]);
          const card = p.page.locator('.symmetry-card');
          assert.equal(await card.isVisible(), true, 'a zeros run shows the comparison card');
          assert.equal(await card.locator('.symmetry-small').isVisible(), false, 'with no twin yet');
          assert.equal(await card.locator('.symmetry-zeros .symmetry-spread').innerText(), 'All 4 rows of W1 are equal: every unit gets the same gradient, so the units stay alike.');
          const button = card.locator('#train-small-twin');
          assert.equal(await button.isVisible(), true);
          await button.click();
          const train = await p.waitForSent((m) => m.type === 'train');
          assert.deepEqual(train.settings, { ...zeros.settings, init: 'small', initScale: 0.01 }, 'the same network, from randn · 0.01');
          assert.equal(train.csvOfRun, 1, "on the zeros run's CSV");

          await p.post({ type: 'run', run: trainedRun(2, 'flower.csv', { activation: 'sigmoid', iterations: 200 }), append: false });
          await frames(p.page);
          await frames(p.page);
          assert.equal(await card.isVisible(), true, 'the small run, now shown, is paired with the zeros run');
          assert.equal(await card.locator('.symmetry-offer').isVisible(), false);
          assert.match(await card.locator('.symmetry-zeros .symmetry-meta').innerText(), /^#1 · cost /);
          assert.match(await card.locator('.symmetry-small .symmetry-meta').innerText(), /^#2 · cost /);
          assert.match(await card.locator('.symmetry-small .symmetry-spread').innerText(), /^The 4 rows of W1 differ by up to \d/);
          const images = (side) => card.locator(`.${side} canvas.unit-map`).evaluateAll((cs) => cs.map((c) => c.toDataURL()));
          const [same, different] = [await images('symmetry-zeros'), await images('symmetry-small')];
          assert.equal(same.length, 4);
          assert.equal(new Set(same).size, 1, 'zeros: four identical unit maps');
          assert.equal(different.length, 4);
          assert.equal(new Set(different).size, 4, 'small start: four different unit maps');
          await card.scrollIntoViewIfNeeded();
          await cardShot(p.page, 'symmetry', `symmetry-side-by-side-${theme}`);

          // Another network (tanh, from the small start) has no zeros twin: no card.
          await p.post({ type: 'run', run: trainedRun(3, 'flower.csv', { iterations: 20 }), append: false });
          await frames(p.page);
          await frames(p.page);
          assert.equal(await card.isVisible(), false);
        },
        { theme, viewport: { width: 1100, height: 1400 } },
      ));
  }

  test('iris.csv: over the two features that separate the classes best (the petals), three classes painted by class, the other two held at their means, 3 × 3 confusion', () =>
    withWebviewPage(
      async (p) => {
        const run = trainedRun(1, 'iris.csv', { hiddenUnits: 20, iterations: 300, learningRate: 0.5 });
        assert.ok(run.boundary.cls, 'multi-class cells carry the class');
        await open(p, [run]);
        assert.equal(await p.page.locator('.x-axis-label').innerText(), 'petal_length');
        assert.equal(await p.page.locator('.y-axis-label').innerText(), 'petal_width');
        assert.equal(await p.page.locator('.boundary-note').innerText(), 'The other 2 features are held at their training mean.');
        assert.match(await p.page.locator('.boundary-legend').innerText(), /setosa[\s\S]*versicolor[\s\S]*virginica/);
        const stats = await canvasStats(p.page, 'canvas.boundary-canvas');
        assert.ok(stats.colours > 6, `three classes shaded (${stats.colours} colours)`);
        assert.equal(await p.page.locator('.units-card canvas.unit-map').count(), 16, 'capped at 16 maps');
        assert.equal(await p.page.locator('.units-card .unit-note').innerText(), 'Showing the first 16 of 20 hidden units.');
        await assertNamesWhole(p.page, run.dataset.featureNames);
        const tables = await confusionCells(p.page);
        assert.deepEqual(tables[0].counts, run.confusion.train.counts);
        assert.equal(tables[0].counts.length, 3);
        assert.deepEqual(tables[0].classes, ['setosa', 'versicolor', 'virginica']);
        await p.shot('boundary-iris-dark');
        for (const card of ['boundary', 'units', 'confusion']) await cardShot(p.page, card, `iris-${card}-dark`);
      },
      { viewport: { width: 1100, height: 1500 } },
    ));

  test('live: appends without a boundary keep the plot; a new boundary redraws it; HTML in names stays text', () =>
    withWebviewPage(async (p) => {
      const csv = readFileSync(join(repoRoot, 'test', 'fixtures', 'flower.csv'), 'utf8').replace('x1,x2,label', '"<img src=x onerror=alert(1)>",x2,"<b>label</b>"');
      const early = trainedRun(1, 'xss.csv', { iterations: 5 }, csv);
      const late = trainedRun(1, 'xss.csv', { iterations: 200 }, csv);
      await p.waitForSent((m) => m.type === 'ready');
      await p.post(state([{ ...early, status: 'running', confusion: undefined, summary: undefined }]));
      await frames(p.page);
      const canvas = p.page.locator('canvas.boundary-canvas');
      assert.equal(await canvas.getAttribute('data-iteration'), '5');
      assert.equal(await p.page.locator('.confusion-card').isVisible(), false, 'no confusion matrix while training');
      // An append with no boundary (between two boundary snapshots): the plot stays.
      const bare = without(early, 'boundary', 'scatter', 'confusion');
      await p.post({ type: 'run', run: { ...bare, status: 'running', summary: undefined, points: [[6, 0.6, 0.6]], iteration: 7 }, append: true });
      await frames(p.page);
      assert.equal(await canvas.getAttribute('data-iteration'), '5');
      assert.match(await canvas.getAttribute('aria-label'), /320 training examples/, 'the examples were kept');
      // The next boundary snapshot, then the end with the confusion matrix.
      const withoutScatter = without(late, 'scatter');
      await p.post({ type: 'run', run: { ...withoutScatter, points: [] }, append: true });
      await frames(p.page);
      assert.equal(await canvas.getAttribute('data-iteration'), '200');
      assert.equal(await p.page.locator('.confusion-card').isVisible(), true);
      assert.equal(await p.page.locator('.x-axis-label').innerText(), '<img src=x onerror=alert(1)>');
      assert.equal(await p.page.locator('.boundary-card img, .units-card img').count(), 0);
      assert.equal(await p.page.locator('.units-card .unit-weight-name').first().textContent(), '<img src=x onerror=alert(1)>');
    }));

  test("Export charts as PNG: the boundary's axis names are in the image; another CSV's sweep is not", () =>
    withWebviewPage(
      async (p) => {
        const exported = async () => {
          const before = p.sent.length;
          await p.page.locator('#export-png').click();
          const msg = await p.waitForSent((m) => m.type === 'exportPng' && p.sent.indexOf(m) >= before);
          return msg.dataUrl;
        };
        const heightOf = (url) => p.page.evaluate((u) => new Promise((r) => {
          const img = new Image();
          img.onload = () => r(img.naturalHeight);
          img.src = u;
        }), url);
        const csv = readFileSync(join(repoRoot, 'test', 'fixtures', 'flower.csv'), 'utf8');
        const named = trainedRun(1, 'flower.csv', { iterations: 50 });
        // The same run with other column names: the same numbers, the same canvases.
        const renamed = trainedRun(1, 'flower.csv', { iterations: 50 }, csv.replace('x1,x2', 'alpha,beta'));
        await open(p, [named]);
        const first = await exported();
        await p.post(state([renamed]));
        await frames(p.page);
        assert.equal(await p.page.locator('.x-axis-label').innerText(), 'alpha');
        const second = await exported();
        assert.notEqual(second, first, 'the axis names are drawn into the PNG');
        // A sweep on another CSV is no part of this run's charts; one on flower.csv is.
        const height = await heightOf(second);
        const sweep = (fileName) => ({
          id: 1, fileName, settings: SETTINGS, sizes: [1, 2], hasTest: true, status: 'finished',
          results: [1, 2].map((n) => ({ hiddenUnits: n, cost: 0.5, trainAccuracy: 0.8, testAccuracy: 0.75, iterations: 50, diverged: null, seconds: 0.1 })),
        });
        await p.post({ type: 'sweep', sweep: sweep('iris.csv') });
        await frames(p.page);
        assert.equal(await p.page.locator('.sweep-card canvas').first().isVisible(), true, 'the sweep card shows it');
        assert.equal(await heightOf(await exported()), height, "iris.csv's sweep is not exported with flower.csv's run");
        await p.post({ type: 'sweep', sweep: sweep('flower.csv') });
        await frames(p.page);
        assert.ok((await heightOf(await exported())) > height, "flower.csv's sweep is");
      },
      { viewport: { width: 1100, height: 1800 } },
    ));

  test('narrow panel (420 px): the boundary, unit maps and confusion tables fit without sideways scroll', () =>
    withWebviewPage(
      async (p) => {
        await open(p, [trainedRun(1, 'iris.csv', { hiddenUnits: 6, iterations: 200, learningRate: 0.5 })]);
        const widths = await p.page.evaluate(() => ({
          doc: document.documentElement.scrollWidth,
          view: document.documentElement.clientWidth,
          canvas: document.querySelector('canvas.boundary-canvas').getBoundingClientRect().right,
        }));
        assert.ok(widths.doc <= widths.view, `no sideways scroll (${widths.doc} > ${widths.view})`);
        assert.ok(widths.canvas <= widths.view, 'the plot fits');
        await assertNamesWhole(p.page, ['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
        await p.page.locator('.boundary-card').scrollIntoViewIfNeeded();
        await p.shot('boundary-narrow-light');
        for (const card of ['boundary', 'units', 'confusion']) await cardShot(p.page, card, `narrow-${card}-light`);
      },
      { theme: 'light', viewport: { width: 420, height: 2600 } },
    ));

  test('keyboard: the plot is focusable and the arrow keys read the prediction at a point', () =>
    withWebviewPage(async (p) => {
      await open(p, [trainedRun(1, 'flower.csv')]);
      // The hint and the read-out are set in the panel's font, not the code font.
      const fonts = await p.page.evaluate(() => [getComputedStyle(document.querySelector('.boundary-readout')).fontFamily, getComputedStyle(document.body).fontFamily]);
      assert.equal(fonts[0], fonts[1], 'the read-out uses the panel font');
      assert.equal(await p.page.locator('.boundary-readout').innerText(), 'Hover the plot (or focus it and use the arrow keys) to read the prediction at a point.');
      await p.page.locator('canvas.boundary-canvas').focus();
      await p.page.keyboard.press('ArrowRight');
      const first = await p.page.locator('.boundary-readout').innerText();
      assert.match(first, /^x1 = −?[\d.]+, x2 = −?[\d.]+: P\(1\) ≈ \d\.\d\d, predicted [01]$/);
      await p.page.keyboard.press('ArrowRight');
      assert.notEqual(await p.page.locator('.boundary-readout').innerText(), first);
    }));
});

/** A screenshot of one card (test-results/webview/<name>.png), to look at up close. */
function cardShot(page, card, name) {
  return page.locator(`.${card}-card`).screenshot({ path: join(screenshotDir, `${name}.png`) });
}

/** A copy of `o` without `keys` (what the host leaves out of an append). */
function without(o, ...keys) {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
}

function fmt3(v) {
  return String(Number(v.toPrecision(3))).replace('-', '\u2212');
}

/** Every unit map's pixels as a data URL (equal maps give equal strings). */
function unitMapImages(page) {
  return page.evaluate(() => [...document.querySelectorAll('.units-card canvas.unit-map')].map((c) => c.toDataURL()));
}

function confusionCells(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('table.confusion-table')].map((t) => ({
      classes: [...t.querySelectorAll('thead th.cls')].map((th) => th.textContent),
      counts: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td:not(.class-accuracy)')].map((td) => Number(td.textContent.replace(/\s/g, '')))),
      accuracy: [...t.querySelectorAll('td.class-accuracy')].map((td) => td.textContent),
    })),
  );
}

/** Every W1 name under the unit maps is one of `names`, shown whole (not clipped, no ellipsis). */
async function assertNamesWhole(page, names) {
  const shown = await page.locator('.units-card .unit-weight-name').evaluateAll((els) =>
    els.map((e) => ({ text: e.textContent, rendered: e.innerText, clipped: e.scrollWidth > e.clientWidth + 1, right: e.getBoundingClientRect().right, figure: e.closest('figure').getBoundingClientRect().right })),
  );
  assert.ok(shown.length > 0);
  for (const n of shown) {
    if (n.text === 'b') continue;
    assert.ok(names.includes(n.text), `${n.text} is a feature name`);
    assert.equal(n.rendered.replace(/\s+/g, ''), n.text, 'the whole name is rendered');
    assert.equal(n.clipped, false, `${n.text} is not clipped`);
    assert.ok(n.right <= n.figure + 0.5, `${n.text} stays inside its unit`);
  }
}
