/* global suite, test, requestAnimationFrame */
// The lesson's demonstrations in the panel (issue 7): the hidden layer's saturation plotted beside
// the cost, the logistic-regression baseline beside every run's accuracy, the collapsed single
// layer W′, b′ of a linear run, and the initial-scale control. Screenshots in light and dark.
import * as assert from 'node:assert/strict';
import { withWebviewPage } from './harness.mjs';

const DEFAULTS = {
  hiddenUnits: 4, activation: 'tanh', leakyAlpha: 0.01, learningRate: 1.2, iterations: 1000, batchSize: 0,
  init: 'small', initScale: 0.01, seed: 2, normalization: 'standard', testFraction: 0,
};

const dataset = {
  fileName: 'flower.csv', rowsRead: 400, rowsUsed: 400, rowsDropped: 0, droppedExamples: [], featureNames: ['x1', 'x2'],
  targetName: 'label', classes: ['0', '1'], output: 'sigmoid', nx: 2, ny: 1, trainCount: 400, testCount: 0,
};

/** Cost points, and hidden points that start saturated (scale 10) or not (0.01). */
function costs(n, start, end) {
  return Array.from({ length: n }, (_, i) => [i, end + (start - end) * Math.exp(-i / (n / 6)), 0.5 + (0.4 * i) / n]);
}
function hidden(n, sat0, sat1, g0, g1) {
  return Array.from({ length: n }, (_, i) => {
    const t = 1 - Math.exp(-i / (n / 5));
    return [i, sat0 + (sat1 - sat0) * t, g0 + (g1 - g0) * t];
  });
}

const P = {
  W1: [[1, 2], [3, 4], [-1, 0.5], [0.25, -2]],
  b1: [[1], [-1], [0.5], [0]],
  W2: [[2, -1, 0.5, 1]],
  b2: [[0.5]],
};

function run(id, settings, over = {}) {
  const s = { ...DEFAULTS, ...settings };
  return {
    id,
    label: `${s.activation} · ${s.hiddenUnits} units · α ${s.learningRate} · ${s.init}${s.initScale !== 0.01 ? ` ×${s.initScale}` : ''}`,
    fileName: 'flower.csv', settings: s, status: 'finished', dataset,
    points: costs(1000, 0.69, 0.22), testPoints: [], iteration: 1000, params: P,
    summary: { iterations: 1000, cost: 0.2184, trainAccuracy: 0.905, testAccuracy: null, testCost: null, seconds: 0.4 },
    baseline: { trainAccuracy: 0.47, testAccuracy: null, cost: 0.6731, iterations: 30 },
    hiddenPoints: hidden(1000, 0, 0.02, 0.998, 0.7),
    ...over,
  };
}

const state = (runs) => ({ type: 'state', runs, defaults: DEFAULTS, training: false });
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
const ready = (p) => p.waitForSent((m) => m.type === 'ready');

suite('Lesson demonstrations in the panel', () => {
  for (const theme of ['light', 'dark']) {
    test(`saturation beside the cost and the baseline beside the accuracy (${theme})`, () =>
      withWebviewPage(
        async (p) => {
          await ready(p);
          const small = run(1, {});
          const big = run(2, { initScale: 10 }, {
            points: costs(1000, 5.56, 0.47),
            summary: { iterations: 1000, cost: 0.4742, trainAccuracy: 0.7275, testAccuracy: null, testCost: null, seconds: 0.4 },
            hiddenPoints: hidden(1000, 0.74, 0.8, 0.099, 0.079),
          });
          await p.post(state([small, big]));
          await frames(p.page);
          // Tick both runs to compare their saturation.
          await p.page.locator('tr[data-run-id="1"] vscode-checkbox').click();
          await frames(p.page);
          await p.page.waitForTimeout(150);
          assert.equal(await p.page.locator('.saturation-canvas').getAttribute('data-datasets'), '4');
          const line = await p.page.locator('#saturation-text').innerText();
          assert.match(line, /^#2: Iteration 999: 80\.0 % of the hidden activations are saturated \(\|z\| > 3\), mean g′\(Z\[1\]\) 0\.079\d*\.$/);
          const aria = await p.page.locator('.saturation-canvas').getAttribute('aria-label');
          assert.match(aria, /run #1: Iteration 999: 2\.0 % of the hidden activations are saturated/);
          assert.match(aria, /run #2: .* At iteration 0: 74\.0 % saturated \(\|z\| > 3\), mean g′ 0\.099\./);
          // The saturation plot sits under the cost chart, in the same card.
          assert.equal(await p.page.locator('.chart-card .saturation .saturation-canvas').count(), 1);
          // The baseline: in the summary, and under each run's accuracy in the runs compared.
          const summary = await p.page.locator('.summary-list').innerText();
          assert.match(summary, /Train accuracy\s+72\.8 % · baseline 47\.0 %/);
          assert.match(summary, /Baseline\s+logistic regression \(no hidden layer, same data\): train 47\.0 %, cost 0\.6731 after 30 iterations/);
          assert.match(summary, /Initialisation\s+small \(randn · 10\)/);
          assert.equal(await p.page.locator('tr[data-run-id="1"] .acc-baseline').innerText(), 'baseline 47.0 %');
          // Not linear: no collapsed layer.
          assert.equal(await p.page.locator('.collapsed-card').isVisible(), false);
          await p.shot(`lesson-saturation-${theme}`);
        },
        { theme, viewport: { width: 1100, height: 1000 } },
      ));

    test(`a linear run shows its collapsed single layer W′ = W[2]W[1], b′ = W[2]b[1] + b[2] (${theme})`, () =>
      withWebviewPage(
        async (p) => {
          await ready(p);
          await p.post(state([run(1, { activation: 'linear' }, { hiddenPoints: hidden(1000, 0, 0, 1, 1), summary: { iterations: 1000, cost: 0.6731, trainAccuracy: 0.475, testAccuracy: null, testCost: null, seconds: 0.3 } })]));
          await frames(p.page);
          await p.page.waitForTimeout(150);
          const card = p.page.locator('.collapsed-card');
          assert.equal(await card.isVisible(), true);
          assert.match(await card.innerText(), /logistic regression in disguise/);
          const captions = (await card.locator('.matrix-caption').allInnerTexts()).map((c) => c.replace(/\s+/g, ' '));
          assert.deepEqual(captions, ['W′ 1 × 2 (output unit × features)', 'b′ 1 × 1']);
          // W′ = W2·W1 = [2 − 3 − 0.5 + 0.25, 4 − 4 + 0.25 − 2] = [−1.25, −1.75]; b′ = 2 + 1 + 0.25 + 0 + 0.5 = 3.75.
          const wAria = await card.locator('canvas.heatmap').first().getAttribute('aria-label');
          assert.match(wAria, /values from −1\.75 to −1\.25/);
          const bAria = await card.locator('canvas.heatmap').nth(1).getAttribute('aria-label');
          assert.match(bAria, /3\.75/);
          // Keyboard: the W′ heatmap reads out a cell.
          await card.locator('canvas.heatmap').first().focus();
          await p.page.keyboard.press('ArrowRight');
          assert.match(await card.locator('.readout').innerText(), /−1\.75/);
          const line = await p.page.locator('#saturation-text').innerText();
          assert.match(line, /linear units never saturate, mean g′\(Z\[1\]\) 1\./);
          assert.match(await p.page.locator('.summary-list').innerText(), /collapses to logistic regression/);
          await card.scrollIntoViewIfNeeded();
          await p.shot(`lesson-linear-${theme}`);
        },
        { theme, viewport: { width: 1100, height: 1000 } },
      ));
  }

  test('dead ReLU units are counted in units', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state([run(1, { activation: 'relu' }, { hiddenPoints: [[0, 0, 0.5], [1, 0.5, 0.25]] })]));
      await frames(p.page);
      await p.page.waitForTimeout(100);
      assert.equal(await p.page.locator('#saturation-text').innerText(), '#1: Iteration 1: 2 of 4 hidden units dead (z ≤ 0 for every example), mean g′(Z[1]) 0.25.');
    }));

  test('the initial scale: checked beside the field, off for other initialisations, posted with Train', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state([run(1, {})]));
      await frames(p.page);
      const field = p.page.locator('#field-initScale input');
      assert.equal(await field.inputValue(), '0.01');
      await field.fill('0');
      assert.match(await p.page.locator('#error-initScale').innerText(), /above 0 and at most 1000/);
      await p.page.locator('#train').click();
      await frames(p.page);
      assert.equal(p.sent.filter((m) => m.type === 'train').length, 0);
      await field.fill('10');
      assert.equal(await p.page.locator('#error-initScale').innerText(), '');
      await p.page.locator('#train').click();
      const m = await p.waitForSent((x) => x.type === 'train');
      assert.equal(m.settings.initScale, 10);
      assert.equal(m.settings.init, 'small');
      // Another initialisation sets its own scale: the field is disabled.
      await p.page.locator('#field-init').click();
      await p.page.locator('#field-init li[role="option"]', { hasText: 'xavier: randn' }).click();
      assert.equal(await p.page.locator('#field-initScale').evaluate((e) => e.disabled), true);
      // The activation list offers linear.
      await p.page.locator('#field-activation').click();
      assert.equal(await p.page.locator('#field-activation li[role="option"]', { hasText: 'linear: g(z) = z' }).count(), 1);
    }, { theme: 'light', viewport: { width: 1000, height: 900 } }));
});
