/* global suite, test, document, window, getComputedStyle */
// The parameters card: heatmap hover values and read-out, CSV strings as text, a wide network, theme switches, cells near 0.
// Split from the panel's tests: the webview driven by the host's messages in Chromium under the
// extension's CSP (the harness fails any test with a CSP violation, an uncaught error or a failed request).
import * as assert from 'node:assert/strict';
import { THEMES, withWebviewPage } from '../harness.mjs';
import { dataset, finished, frames, params, ready, run, state, text } from '../panelFixtures.mjs';
suite('Training panel', () => {
  test('heatmap hover shows the exact value and its (row, column)', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state([finished(1)]));
      await frames(p.page);
      await p.page.waitForTimeout(100);
      // The centre of cell (row h2, column x1) of W[1], from the drawn geometry.
      const canvas = p.page.locator('canvas.heatmap').first();
      await canvas.scrollIntoViewIfNeeded();
      const box = await canvas.boundingBox();
      // Search the canvas for the cell: move down the first column until the read-out names h2.
      let found = '';
      for (let y = box.y + 2; y < box.y + box.height && !found; y += 3) {
        for (const x of [box.x + box.width * 0.55]) {
          await p.page.mouse.move(x, y);
          const t = await text(p.page, '.readout');
          if (t.startsWith('W[1][h2, x1]')) found = t;
        }
      }
      assert.equal(found, 'W[1][h2, x1] = −0.0214');
      assert.equal(await text(p.page, '.heatmap-tip'), 'W[1][h2, x1] = −0.0214', 'tooltip shows the same');
      await p.shot('hover-dark');
      // Keyboard: focus W[2] and move right with the arrow keys.
      await p.page.locator('canvas.heatmap').nth(2).focus();
      await p.page.keyboard.press('ArrowRight');
      const w2 = params().W2[0][1];
      assert.equal(await text(p.page, '.readout'), `W[2][ŷ (blue), h2] = ${String(Number(w2.toPrecision(6))).replace('-', '−')}`);
    }));

  test('strings from the CSV are inserted as text: an <img onerror> feature name stays text', () =>
    withWebviewPage(async (p) => {
      const evil = '<img src=x onerror=alert(1)>';
      let dialogs = 0;
      p.page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      await ready(p);
      const r = finished(1, {
        label: `#1 ${evil}`,
        fileName: `${evil}.csv`,
        dataset: dataset({ featureNames: [evil, 'x2'], classes: [evil, '<b>bold</b>'], targetName: evil, fileName: `${evil}.csv` }),
      });
      const e = run(2, { status: 'error', fileName: evil, dataset: undefined, error: { message: `bad value ${evil}`, file: evil, row: 3, column: evil } });
      await p.post(state([r, e]));
      await frames(p.page);
      await p.page.locator('tr[data-run-id="1"] .link-button').click();
      await frames(p.page);
      await p.page.waitForTimeout(100);
      assert.equal(await p.page.locator('img').count(), 0, 'no <img> was created');
      assert.equal(await p.page.locator('b').count(), 0, 'no <b> was created');
      const s = await text(p.page, '.summary-list');
      assert.ok(s.includes(`Features (n_x = 2)\n${evil}, x2`) || s.includes(`${evil}, x2`), s);
      assert.ok(s.includes(`${evil} = 0, <b>bold</b> = 1`));
      // Hover the first column of W[1]: the read-out names the feature literally.
      await p.page.locator('canvas.heatmap').first().scrollIntoViewIfNeeded();
      const box = await p.page.locator('canvas.heatmap').first().boundingBox();
      let t = '';
      for (let x = box.x + 2; x < box.x + box.width && !t.includes(evil); x += 3) {
        await p.page.mouse.move(x, box.y + box.height - 4);
        t = await text(p.page, '.readout');
      }
      assert.ok(t.includes(`, ${evil}] = `), t);
      // The error run's banner.
      await p.page.locator('tr[data-run-id="2"] .link-button').click();
      await frames(p.page);
      assert.equal(await text(p.page, '.banner .message'), `bad value ${evil}`);
      assert.equal(await p.page.locator('img').count(), 0);
      assert.equal(dialogs, 0);
    }));

  test('a wide network (64 hidden units, 30 features, 3 classes) draws, labels and reads out', () =>
    withWebviewPage(
      async (p) => {
        await ready(p);
        const features = Array.from({ length: 30 }, (_, i) => `measurement_${i + 1}`);
        const classes = ['setosa', 'versicolor', 'virginica'];
        const P = params(64, 30, 3);
        P.W1[40][29] = 1.25;
        const r = finished(1, {
          settings: { hiddenUnits: 64, activation: 'relu', learningRate: 0.05, init: 'he' },
          params: P,
          dataset: dataset({ featureNames: features, classes, output: 'softmax', nx: 30, ny: 3, targetName: 'species' }),
        });
        await p.post(state([r]));
        await frames(p.page);
        await p.page.waitForTimeout(100);
        const captions = (await p.page.locator('.matrix-caption').allInnerTexts()).map((c) => c.replace(/\s+/g, ' '));
        assert.deepEqual(captions, ['W[1] 64 × 30 (hidden units × features)', 'b[1] 64 × 1', 'W[2] 3 × 64 (classes × hidden units)', 'b[2] 3 × 1']);
        assert.match(await text(p.page, '.summary-list'), /Classes\s+setosa, versicolor, virginica \(3, softmax\)/);
        assert.match(await text(p.page, '.summary-list'), /Architecture\s+30 – 64 – 3/);
        // Keyboard read-out of W[1][h41, measurement_30]: from (0, 0), 40 down and 29 right.
        await p.page.locator('canvas.heatmap').first().focus();
        for (let i = 0; i < 40; i++) await p.page.keyboard.press('ArrowDown');
        for (let i = 0; i < 29; i++) await p.page.keyboard.press('ArrowRight');
        assert.equal(await text(p.page, '.readout'), 'W[1][h41, measurement_30] = 1.25');
        await p.page.locator('canvas.heatmap').nth(2).focus();
        await p.page.keyboard.press('ArrowDown');
        assert.match(await text(p.page, '.readout'), /^W\[2\]\[versicolor, h1\] = /);
        await p.shot('wide-network-dark');
      },
      { viewport: { width: 1000, height: 900 } },
    ));

  test('a theme switch recolours the heatmaps from the new --vscode-* variables', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state([finished(1)]));
      await frames(p.page);
      await p.page.waitForTimeout(100);
      // The colour of W[1]'s zero cell (h1, x1: sin 0 = 0) is the editor's background. Find the
      // cell with the mouse (the read-out names it), then read the canvas pixel under it.
      const canvas = p.page.locator('canvas.heatmap').first();
      await canvas.scrollIntoViewIfNeeded();
      const box = await canvas.boundingBox();
      let at = null;
      for (let y = box.y + 2; y < box.y + box.height && !at; y += 3) {
        for (let x = box.x + 2; x < box.x + box.width && !at; x += 3) {
          await p.page.mouse.move(x, y);
          if ((await text(p.page, '.readout')).startsWith('W[1][h1, x1]')) at = { x: x - box.x + 6, y: y - box.y + 6 };
        }
      }
      assert.ok(at, 'found the cell (h1, x1)');
      await p.page.mouse.move(0, 0);
      const zeroPixel = () =>
        canvas.evaluate((c, pos) => {
          const dpr = window.devicePixelRatio || 1;
          const d = c.getContext('2d').getImageData(Math.round(pos.x * dpr), Math.round(pos.y * dpr), 1, 1).data;
          return [d[0], d[1], d[2]];
        }, at);
      assert.deepEqual(await zeroPixel(), [0x1f, 0x1f, 0x1f], 'dark: 0 is #1f1f1f');
      const light = THEMES.light;
      await p.page.evaluate((t) => {
        for (const [k, v] of Object.entries(t.vars)) document.documentElement.style.setProperty(`--vscode-${k}`, v);
        document.body.classList.remove('vscode-dark');
        document.body.classList.add(...t.bodyClass);
      }, light);
      await frames(p.page);
      await frames(p.page);
      assert.deepEqual(await zeroPixel(), [0xff, 0xff, 0xff], 'light: 0 is #ffffff');
      await p.shot('theme-switched-light');
    }));

  test('heatmap read-out: cleared when another run (or shape) is shown, a polite live region in the panel font', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      const three = dataset({ featureNames: ['a', 'b', 'c'], nx: 3 });
      await p.post(state([finished(1), finished(2, { params: params(6, 3, 1), dataset: three, settings: { hiddenUnits: 6 } })]));
      await frames(p.page);
      await p.page.waitForTimeout(100);
      const readout = p.page.locator('.params .readout');
      assert.equal(await readout.getAttribute('aria-live'), 'polite');
      const fonts = await readout.evaluate((e) => [getComputedStyle(e).fontFamily, getComputedStyle(document.body).fontFamily]);
      assert.equal(fonts[0], fonts[1], 'the read-out uses the panel font');
      const hint = await readout.innerText();
      await p.page.locator('canvas.heatmap').first().focus();
      await p.page.keyboard.press('ArrowDown');
      assert.match(await readout.innerText(), /^W\[1\]\[h2, a\] = /);
      // The same run's parameters update (training): the read-out stays.
      await p.post({ type: 'run', run: finished(2, { params: params(6, 3, 1), dataset: three, settings: { hiddenUnits: 6 }, points: [], testPoints: [] }), append: true });
      await frames(p.page);
      assert.match(await readout.innerText(), /^W\[1\]\[h2, a\] = /);
      // Another run (4 × 2): the read-out no longer names run #2's cell.
      await p.page.locator('tr[data-run-id="1"] .link-button').click();
      await frames(p.page);
      assert.equal(await readout.innerText(), hint);
      await p.shot('readout-cleared-light');
    }, { theme: 'light' }));
});

suite('Heatmap cells near 0', () => {
  const hex = (c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  for (const theme of ['dark', 'light', 'high-contrast']) {
    test(`a weight near 0 keeps its cell's edges in a theme border colour (${theme})`, () =>
      withWebviewPage(async (p) => {
        await ready(p);
        await p.post(state([finished(1)]));
        await frames(p.page);
        await frames(p.page);
        // W[1] row h2 starts with −0.0214 against weights up to ±2.5: nearly the background.
        const px = await p.page.evaluate(() => {
          const c = document.querySelector('canvas.heatmap');
          const [gx, gy, cw, ch] = c.dataset.grid.split(',').map(Number);
          const dpr = window.devicePixelRatio || 1;
          const at = (x, y) => [...c.getContext('2d').getImageData(Math.floor(x * dpr), Math.floor(y * dpr), 1, 1).data].slice(0, 3);
          const y = gy + 1.5 * ch;
          return { cell: at(gx + 0.5 * cw, y), column: at(Math.round(gx + cw), y), row: at(gx + 0.5 * cw, Math.round(gy + ch)) };
        });
        const bg = hex(THEMES[theme].vars['editor-background']);
        const diff = (a, b) => a.reduce((s, v, i) => s + Math.abs(v - b[i]), 0);
        assert.ok(diff(px.cell, bg) < 60, `the cell is near the background (${px.cell} against ${bg})`);
        assert.ok(diff(px.column, px.cell) >= 60, `the line beside it stands out (${px.column} against ${px.cell})`);
        assert.ok(diff(px.row, px.cell) >= 60, `the line above it stands out (${px.row} against ${px.cell})`);
        await p.page.locator('.params').first().screenshot({ path: await p.shot(`heatmap-separators-${theme}`) });
      }, { theme }));
  }
});
