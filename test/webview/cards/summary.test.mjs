/* global suite, test */
// The summary card: a finished run (with the chart and heatmaps beside it) and a model opened from a file.
// Split from the panel's tests: the webview driven by the host's messages in Chromium under the
// extension's CSP (the harness fails any test with a CSP violation, an uncaught error or a failed request).
import * as assert from 'node:assert/strict';
import { withWebviewPage } from '../harness.mjs';
import { banner, dataset, finished, frames, ready, state, text } from '../panelFixtures.mjs';
suite('Training panel', () => {
  for (const theme of ['dark', 'light', 'high-contrast', 'high-contrast-light']) {
    test(`finished (${theme}): summary, chart, heatmaps; Save model posts the run id`, () =>
      withWebviewPage(
        async (p) => {
          await ready(p);
          await p.post(state([finished(1, { summary: { iterations: 1000, cost: 0.2153, trainAccuracy: 0.9075, testAccuracy: 0.8861, testCost: 0.2571, seconds: 1.42, modelPath: '/work/planar.model.json' } })]));
          await frames(p.page);
          await p.page.waitForTimeout(100);
          const b = await banner(p.page);
          assert.match(b, /Finished run #1/);
          assert.match(b, /1\s?000 iterations in 1\.4 s · cost 0\.2153 · train accuracy 90\.8 % · test accuracy 88\.6 %/);
          const s = await text(p.page, '.summary-list');
          for (const re of [
            /Data set\s+planar\.csv/,
            /Rows\s+398 of 400 used, 2 dropped \(missing values: row 17, 203\)/,
            /Features \(n_x = 2\)\s+x1, x2/,
            /Classes\s+red = 0, blue = 1/,
            /Architecture\s+2 – 4 – 1/,
            /Activation\s+tanh: tanh\(z\)/,
            /Iterations\s+1\s?000 of 1\s?000/,
            /Cost\s+0\.2153/,
            /Train accuracy\s+90\.8 %/,
            /Test accuracy\s+88\.6 %/,
            /Training time\s+1\.4 s/,
            /Model\s+\/work\/planar\.model\.json/,
          ]) assert.match(s, re);
          // Heatmaps: captions in the lesson's terms, role="img" with shape and range.
          const captions = await p.page.locator('.matrix-caption').allInnerTexts();
          assert.deepEqual(captions.map((c) => c.replace(/\s+/g, ' ')), [
            'W[1] 4 × 2 (hidden units × features)',
            'b[1] 4 × 1',
            'W[2] 1 × 4 (output unit × hidden units)',
            'b[2] 1 × 1',
          ]);
          const aria = await p.page.locator('canvas.heatmap').first().getAttribute('aria-label');
          assert.match(aria, /^W\[1\]: 4 × 2 matrix \(hidden units × features\), values from −2\.\d+ to 2\.\d+/);
          assert.equal(await p.page.locator('canvas.heatmap[role="img"]').count(), 4);
          assert.equal(await p.page.locator('#save').evaluate((e) => e.disabled), false);
          await p.shot(`finished-${theme}`);
          await p.page.locator('#save').click();
          const m = await p.waitForSent((x) => x.type === 'saveModel');
          assert.deepEqual(m, { type: 'saveModel', runId: 1 });
        },
        { theme, viewport: { width: 1100, height: 900 } },
      ));
  }

  test('a model opened with Open Model…: no rows or split, the test accuracy it recorded', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      const loaded = (testAccuracy) =>
        finished(1, {
          fileName: 'iris.csv',
          testPoints: [],
          dataset: dataset({ fileName: 'iris.csv', rowsRead: 0, rowsUsed: 0, rowsDropped: 0, droppedExamples: [], trainCount: 0, testCount: 0 }),
          summary: { iterations: 1000, cost: 0.2153, trainAccuracy: 0.9075, testAccuracy, testCost: null, seconds: 1.42, modelPath: 'models/iris.model.json' },
        });
      await p.post(state([loaded(0.9)]));
      await frames(p.page);
      const dts = await p.page.locator('.summary-list dt').allInnerTexts();
      assert.ok(!dts.includes('Rows') && !dts.includes('Split'), dts.join(', '));
      const s = await text(p.page, '.summary-list');
      assert.match(s, /Source\s+a saved model/);
      assert.match(s, /Test accuracy\s+90\.0 %/);
      assert.match(await banner(p.page), /test accuracy 90\.0 %/);
      await p.shot('open-model-dark');
      await p.post(state([loaded(null)]));
      await frames(p.page);
      assert.match(await text(p.page, '.summary-list'), /Test accuracy\s+not recorded in the model/);
    }));
});
