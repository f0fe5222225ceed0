/* global suite, test, suiteSetup, document, window, Image, performance, requestAnimationFrame, getComputedStyle */
// The training panel's webview, driven by the host's messages (src/protocol.ts) in Chromium under
// the extension's CSP: every state a person meets, live progress, heatmap hover values, the runs
// compared on the chart, the controls' messages and validation, text-only insertion of CSV
// strings, and screenshots in the light, dark and high-contrast themes.
// (The harness fails any test with a CSP violation, an uncaught error or a failed request.)
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot, THEMES, withWebviewPage } from './harness.mjs';

// ── fixtures ────────────────────────────────────────────────────────────────────────────────
const DEFAULTS = {
  hiddenUnits: 4,
  activation: 'tanh',
  leakyAlpha: 0.01,
  learningRate: 1.2,
  iterations: 1000,
  batchSize: 0,
  init: 'small',
  seed: 2,
  normalization: 'standard',
  testFraction: 0.2,
};

function dataset(over = {}) {
  return {
    fileName: 'planar.csv',
    rowsRead: 400,
    rowsUsed: 398,
    rowsDropped: 2,
    droppedExamples: [17, 203],
    featureNames: ['x1', 'x2'],
    targetName: 'colour',
    classes: ['red', 'blue'],
    output: 'sigmoid',
    nx: 2,
    ny: 1,
    trainCount: 319,
    testCount: 79,
    ...over,
  };
}

/** Cost points [iteration, cost, accuracy] for iterations from..to-1, decaying like a real run. */
function points(from, to, scale = 1, step = 1) {
  const out = [];
  for (let i = from; i < to; i += step) out.push([i, 0.2 * scale + 0.49 * scale * Math.exp(-i / 150), Math.min(0.91, 0.5 + i / 800)]);
  return out;
}

/** Parameters with known values: W1[1][0] = −0.0214 (row h2, column x1). */
function params(nh = 4, nx = 2, ny = 1) {
  const W1 = Array.from({ length: nh }, (_, r) => Array.from({ length: nx }, (_, c) => Math.sin(r * 3 + c * 1.7) * 2.5));
  if (nh > 1) W1[1][0] = -0.0214;
  return {
    W1,
    b1: Array.from({ length: nh }, (_, r) => [Math.cos(r) * 0.4]),
    W2: Array.from({ length: ny }, (_, r) => Array.from({ length: nh }, (_, c) => Math.cos(r + c * 2.1) * 3)),
    b2: Array.from({ length: ny }, () => [0.0931]),
  };
}

function run(id, overrides = {}) {
  const settings = { ...DEFAULTS, ...(overrides.settings ?? {}) };
  const over = { ...overrides, settings };
  return {
    id,
    label: `#${id} ${settings.activation} · ${settings.hiddenUnits} units · α ${settings.learningRate}`,
    fileName: 'planar.csv',
    settings,
    status: 'running',
    dataset: dataset(),
    points: [],
    testPoints: [],
    iteration: 0,
    ...over,
  };
}

function finished(id, over = {}) {
  return run(id, {
    status: 'finished',
    points: points(0, 1000, 1, 1),
    testPoints: points(0, 1000, 1.1, 10),
    iteration: 1000,
    params: params(),
    summary: { iterations: 1000, cost: 0.2153, trainAccuracy: 0.9075, testAccuracy: 0.8861, testCost: 0.2571, seconds: 1.42 },
    ...over,
  });
}

const state = (runs, training = false) => ({ type: 'state', runs, defaults: DEFAULTS, training });

// parseTrainSettings from src/protocol.ts, bundled on the fly: the host's own gate.
let parseTrainSettings;
let parseFromWebview;
suiteSetup(async () => {
  const out = await esbuild.build({ entryPoints: [join(repoRoot, 'src/protocol.ts')], bundle: true, format: 'esm', write: false, platform: 'neutral' });
  const url = `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`;
  ({ parseTrainSettings, parseFromWebview } = await import(url));
});

// ── helpers ─────────────────────────────────────────────────────────────────────────────────
const text = (page, sel) => page.locator(sel).first().innerText();
const banner = (page) => text(page, '.banner');
/** Waits two animation frames (the panel renders once per frame). */
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function ready(p) {
  await p.waitForSent((m) => m.type === 'ready');
}

suite('Training panel', () => {
  test('empty state: says what to do before the first run, and sends ready', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state([]));
      await frames(p.page);
      const b = await banner(p.page);
      assert.match(b, /No run yet/);
      assert.match(b, /Right-click a CSV in the Explorer → Train Shallow Net…, or press Train/);
      assert.equal(await p.page.locator('#stop').evaluate((e) => e.disabled), true, 'Stop is disabled when not training');
      assert.equal(await p.page.locator('#save').evaluate((e) => e.disabled), true);
      // The controls start from the host's defaults.
      assert.equal(await p.page.locator('#field-learningRate').evaluate((e) => e.value), '1.2');
      await p.shot('empty-dark');
    }));

  test('opened while a run trains: the first frame shows that run from the host’s page, before any message', async () => {
    // src/panelHtml.ts as the host writes the page, with a stand-in for the vscode module.
    const out = await esbuild.build({
      entryPoints: [join(repoRoot, 'src/panelHtml.ts')], bundle: true, format: 'esm', write: false, platform: 'node',
      plugins: [{ name: 'vscode-stub', setup(b) {
        b.onResolve({ filter: /^vscode$/ }, () => ({ path: 'vscode', namespace: 'stub' }));
        b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export const Uri = { joinPath: (...parts) => parts.join("/") };', loader: 'js' }));
      } }],
    });
    const { panelHtml } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
    const training = run(1, { label: 'planar.csv · "quoted" & <b>bold</b>', points: points(0, 120), iteration: 119, params: params() });
    const html = panelHtml({ cspSource: 'x', asWebviewUri: (u) => u }, 'ext', state([training], true));
    const body = /<div id="app"[^>]*><\/div>/.exec(html)?.[0];
    assert.ok(body, 'the page has #app');
    assert.doesNotMatch(body.slice('<div id="app"'.length, -'></div>'.length), /[<>]/, 'the state is an attribute value, no markup');
    await withWebviewPage(async (p) => {
      await frames(p.page);
      const b = await banner(p.page);
      assert.doesNotMatch(b, /No run yet/);
      assert.match(b, /Training run #1/);
      assert.match(b, /iteration 119 \/ 1\s?000/);
      assert.equal(await p.page.locator('#stop').evaluate((e) => e.disabled), false, 'Stop is enabled: a run trains');
      assert.equal(await p.page.locator('.runs-card tbody tr').count(), 1);
      assert.match(await p.page.locator('.runs-card tbody vscode-checkbox').evaluate((e) => e.label), /"quoted" & <b>bold<\/b>/, 'the label as text');
      assert.equal(await p.page.locator('.runs-card b').count(), 0);
      await p.waitForSent((m) => m.type === 'ready');
    }, { body });
  });

  test('preparing, then running: progress updates append points and move the progress bar', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state([], true));
      await p.post({ type: 'run', run: run(1, { status: 'preparing', dataset: undefined }), append: false });
      await frames(p.page);
      assert.match(await banner(p.page), /Preparing planar\.csv/);
      assert.equal(await p.page.locator('#stop').evaluate((e) => e.disabled), false, 'Stop is enabled while training');

      for (let k = 0; k < 3; k++) {
        const from = k * 100;
        await p.post({
          type: 'run',
          run: run(1, { points: points(from, from + 100), testPoints: points(from, from + 100, 1.1, 10), iteration: from + 99, params: params() }),
          append: true,
        });
      }
      await frames(p.page);
      const b = await banner(p.page);
      assert.match(b, /Training run #1/);
      assert.match(b, /iteration 299 \/ 1\s?000 · cost 0\.2668/);
      assert.equal(await p.page.locator('progress').evaluate((e) => [e.value, e.max].join('/')), '299/1000');
      const label = await p.page.locator('canvas.cost-canvas').getAttribute('aria-label');
      assert.match(label, /run #1: cost 0\.2668 at iteration 299, test cost 0\.2\d+/);
      assert.equal(await p.page.locator('canvas.cost-canvas').getAttribute('data-datasets'), '2', 'train and test cost');
      // All 300 points were kept (appended, not replaced): the persisted state has them.
      await p.page.waitForTimeout(400);
      assert.equal(p.state().runs[0].points.length, 300);
      assert.equal(p.state().runs[0].testPoints.length, 30);
      await p.shot('running-dark');
      // Stop posts {type:'stop'}.
      await p.page.locator('#stop').click();
      await p.waitForSent((m) => m.type === 'stop');
    }));

  test('stopped: says where it stopped, keeps the weights, Stop disabled again', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state([run(1, { status: 'running', points: points(0, 500), iteration: 499, params: params() })], true));
      await p.post({ type: 'run', run: run(1, { status: 'stopped', points: [], iteration: 500, params: params(), summary: { iterations: 500, cost: 0.26, trainAccuracy: 0.8, testAccuracy: 0.78, testCost: 0.3, seconds: 0.7 }, message: 'stopped at iteration 500 of 1000' }), append: true });
      await p.post({ type: 'training', training: false });
      await frames(p.page);
      const b = await banner(p.page);
      assert.match(b, /Stopped at iteration 500 of 1\s?000/);
      assert.match(b, /stopped at iteration 500 of 1000/);
      assert.equal(await p.page.locator('#stop').evaluate((e) => e.disabled), true);
      assert.equal(await p.page.locator('#save').evaluate((e) => e.disabled), false, 'a stopped run can be saved');
      assert.match(await text(p.page, 'table.runs'), /stopped/);
    }));

  test('diverged: the message and its advice are shown prominently', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      const pts = points(0, 37, 1).concat([[37, Infinity, NaN]]);
      await p.post(state([run(1, { status: 'diverged', settings: { learningRate: 40 }, points: pts, iteration: 37, params: params(), message: 'diverged at iteration 37; try a smaller learning rate' })]));
      await frames(p.page);
      const b = p.page.locator('.banner');
      assert.equal(await b.getAttribute('data-state'), 'diverged');
      assert.ok(await b.evaluate((e) => e.classList.contains('alert')));
      const t = await b.innerText();
      assert.match(t, /Training diverged at iteration 37/);
      assert.equal(await text(p.page, '.banner .message'), 'The cost became infinite or NaN: lower the learning rate α (it was 40) and press Train.');
      // Said once: not the host's message again, nor a second piece of advice.
      assert.equal(t.match(/diverged/gi).length, 1, t);
      assert.equal(t.match(/learning rate/gi).length, 1, t);
      assert.match(await text(p.page, 'table.runs'), /diverged/);
      await p.shot('diverged-dark');
    }));

  test('error: the engine’s message with the file, row and column', () =>
    withWebviewPage(
      async (p) => {
        await ready(p);
        await p.post(
          state([
            run(1, {
              status: 'error',
              dataset: undefined,
              fileName: 'broken.csv',
              error: { message: 'Row 12: "abc" in column "x2" is not a number', code: 'E_VALUE', file: 'broken.csv', row: 12, column: 'x2' },
            }),
          ]),
        );
        await frames(p.page);
        const b = p.page.locator('.banner');
        assert.equal(await b.getAttribute('data-state'), 'error');
        assert.match(await b.innerText(), /Training failed/);
        assert.equal(await text(p.page, '.banner .message'), 'Row 12: "abc" in column "x2" is not a number');
        assert.equal(await text(p.page, '.banner .location'), 'broken.csv, row 12, column “x2”');
        await p.shot('error-light');
      },
      { theme: 'light' },
    ));

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

  test('Train posts settings the host accepts: the controls over the last run’s other settings', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      const last = finished(3, { settings: { seed: 7, testFraction: 0.3, batchSize: 64, leakyAlpha: 0.05, normalization: 'none', target: 'colour' } });
      await p.post(state([finished(1), last]));
      await frames(p.page);
      await p.page.locator('#field-hiddenUnits input').fill('6');
      await p.page.locator('#field-learningRate input').fill('0.5');
      await p.page.locator('#field-iterations input').fill('2500');
      // Pick Leaky ReLU and He with the mouse, as a person would.
      await p.page.locator('#field-activation').click();
      await p.page.locator('#field-activation li[role="option"]', { hasText: 'Leaky ReLU: g(z)' }).click();
      await p.page.locator('#field-init').click();
      await p.page.locator('#field-init li[role="option"]', { hasText: 'he: randn' }).click();
      await p.page.locator('#train').click();
      const m = await p.waitForSent((x) => x.type === 'train');
      assert.equal(m.csvOfRun, 3, 'the shown run’s CSV (here the newest)');
      assert.deepEqual(parseFromWebview(m), m, 'the host’s gate lets the message through');
      const parsed = parseTrainSettings(m.settings);
      assert.ok(parsed, `the host's parseTrainSettings rejects ${JSON.stringify(m.settings)}`);
      assert.deepEqual(m.settings, {
        ...DEFAULTS,
        seed: 7,
        testFraction: 0.3,
        batchSize: 64,
        leakyAlpha: 0.05,
        normalization: 'none',
        target: 'colour',
        hiddenUnits: 6,
        learningRate: 0.5,
        iterations: 2500,
        activation: 'leaky-relu',
        init: 'he',
        initScale: 0.01,
      });
      assert.deepEqual(parsed, m.settings);
    }));

  test('invalid inputs show a clear message beside the field and send nothing', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state([]));
      await frames(p.page);
      await p.page.locator('#field-learningRate input').fill('0');
      assert.equal(await text(p.page, '#error-learningRate'), 'Learning rate must be greater than 0.');
      await p.page.locator('#field-hiddenUnits input').fill('2.5');
      await p.page.locator('#field-iterations input').fill('');
      await p.page.locator('#train').click();
      await p.page.waitForTimeout(200);
      assert.equal(p.sent.filter((m) => m.type === 'train').length, 0, 'nothing sent');
      assert.equal(await text(p.page, '#error-hiddenUnits'), 'Hidden units must be a whole number from 1 to 10000.');
      assert.equal(await text(p.page, '#error-iterations'), 'Iterations must be a whole number from 1 to 10000000.');
      assert.equal(await p.page.locator('#field-learningRate').evaluate((e) => e.invalid), true);
      assert.match(await p.page.locator('[aria-live]').first().innerText(), /Learning rate must be greater than 0/);
      await p.shot('invalid-light');
      await p.page.locator('#field-learningRate input').fill('0.05');
      assert.equal(await text(p.page, '#error-learningRate'), '');
    }, { theme: 'light' }));

  test('the activation control shows each formula; hovering it gives g, g′ and the description', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state([]));
      await frames(p.page);
      const title = await p.page.locator('#field-activation').getAttribute('title');
      assert.match(title, /tanh\(z\) = \(e\^z − e\^−z\) \/ \(e\^z \+ e\^−z\)/);
      assert.match(title, /tanh'\(z\) = 1 − tanh²\(z\)/);
      assert.match(title, /Centred on 0/);
      // The same text as the editor's hover on tanh: the lesson's table of g' values included.
      assert.match(title, /tanh'\(0\) = 1/);
      assert.match(await text(p.page, '#activation-hint'), /tanh'\(z\) = 1 − tanh²\(z\)\s+·\s+range \(−1, 1\)/);
      await p.page.locator('#field-activation').click();
      const options = await p.page.locator('#field-activation').evaluate((el) =>
        Array.from(el.shadowRoot.querySelectorAll('[role="option"], li')).map((o) => o.textContent.trim()).filter(Boolean),
      );
      for (const f of ['σ(z) = 1 / (1 + e^−z)', 'ReLU(z) = max(0, z)', 'max(αz, z)']) assert.ok(options.some((o) => o.includes(f)), `${f} in ${options}`);
      await p.shot('activation-open-dark');
    }));

  test('runs compared: ticking two runs overlays two runs on the chart', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state([]));
      await p.post({ type: 'run', run: finished(1, { testPoints: [] }), append: false });
      await p.post({ type: 'run', run: finished(2, { testPoints: [], settings: { activation: 'relu', learningRate: 0.5 }, points: points(0, 1000, 0.7) }), append: false });
      await frames(p.page);
      await frames(p.page);
      const chartCanvas = p.page.locator('canvas.cost-canvas');
      assert.equal(await chartCanvas.getAttribute('data-datasets'), '1', 'only the newest run is ticked by default');
      assert.equal(await p.page.locator('tr[data-run-id="2"] vscode-checkbox').evaluate((e) => e.checked), true);
      assert.equal(await p.page.locator('tr[data-run-id="1"] vscode-checkbox').evaluate((e) => e.checked), false);
      await p.page.locator('tr[data-run-id="1"] vscode-checkbox').click();
      await frames(p.page);
      await frames(p.page);
      assert.equal(await chartCanvas.getAttribute('data-datasets'), '2');
      assert.match(await chartCanvas.getAttribute('aria-label'), /run #1: .*; run #2: /);
      // Newest first; the label is the checkbox's (its accessible name), then status, cost, accuracy.
      const labels = await p.page.locator('table.runs tbody vscode-checkbox').evaluateAll((els) => els.map((e) => e.label));
      assert.deepEqual(labels, ['relu · 4 units · α 0.5', 'tanh · 4 units · α 1.2'], 'the number has its own column');
      assert.deepEqual(await p.page.locator('table.runs tbody .run-num').allInnerTexts(), ['#2', '#1']);
      const rows = await p.page.locator('table.runs tbody tr').allInnerTexts();
      assert.match(rows[1], /finished\s+0\.2153\s+train 90\.8 % · test 88\.6 %/);
      // Log scale toggle.
      await p.page.locator('#log-scale').click();
      await frames(p.page);
      assert.match(await chartCanvas.getAttribute('aria-label'), /log scale/);
      await p.shot('compare-light');
      // A third run arrives: it is ticked, the person's ticks stay.
      await p.post({ type: 'run', run: run(3, { points: points(0, 50) }), append: false });
      await frames(p.page);
      await frames(p.page);
      assert.equal(await chartCanvas.getAttribute('data-datasets'), '2', 'run #1 (ticked by hand) and the new run #3; #2 was the automatic pick');
    }, { theme: 'light' }));

  test('a reload restores the view from the saved state before the host answers', async () => {
    let saved;
    await withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state([finished(1), finished(2, { settings: { hiddenUnits: 8 } })]));
      await frames(p.page);
      await p.page.locator('tr[data-run-id="1"] vscode-checkbox').click();
      await p.page.locator('#log-scale').click();
      await p.page.locator('#field-learningRate input').fill('0.3');
      // The panel saves its state shortly after each change.
      for (let i = 0; i < 50 && !(p.state()?.checked?.length === 2 && p.state()?.log && p.state()?.form?.learningRate === '0.3'); i++) await p.page.waitForTimeout(100);
      saved = p.state();
      assert.deepEqual([saved.checked.slice().sort(), saved.log, saved.form.learningRate, saved.runs.length], [[1, 2], true, '0.3', 2]);
    });
    await withWebviewPage(
      async (p) => {
        await ready(p);
        await frames(p.page);
        assert.match(await banner(p.page), /Finished run #2/);
        assert.equal(await p.page.locator('canvas.cost-canvas').getAttribute('data-datasets'), '4');
        assert.equal(await p.page.locator('#log-scale').evaluate((e) => e.checked), true);
        assert.equal(await p.page.locator('#field-learningRate').evaluate((e) => e.value), '0.3');
        // The host's state then replaces the runs but keeps the person's choices.
        await p.post(state([finished(1), finished(2, { settings: { hiddenUnits: 8 } })]));
        await frames(p.page);
        assert.equal(await p.page.locator('#field-learningRate').evaluate((e) => e.value), '0.3', 'an edited field is not overwritten');
        assert.equal(await p.page.locator('canvas.cost-canvas').getAttribute('data-datasets'), '4');
      },
      { state: saved },
    );
  });

  test('keyboard: every control is reachable with Tab and shows a visible focus', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state([finished(1), finished(2)], true));
      await frames(p.page);
      const reached = new Set();
      for (let i = 0; i < 40; i++) {
        await p.page.keyboard.press('Tab');
        const id = await p.page.evaluate(() => {
          const a = document.activeElement;
          if (!a) return '';
          if (a.id) return `#${a.id}`;
          if (a.matches('tr[data-run-id] vscode-checkbox')) return `check-${a.closest('tr').dataset.runId}`;
          if (a.matches('.link-button')) return `details-${a.closest('tr').dataset.runId}`;
          if (a.matches('canvas.heatmap')) return `heatmap-${[...document.querySelectorAll('canvas.heatmap')].indexOf(a)}`;
          return a.tagName.toLowerCase();
        });
        reached.add(id);
      }
      for (const want of ['#log-scale', '#field-hiddenUnits', '#field-activation', '#field-learningRate', '#field-iterations', '#field-init', '#train', '#stop', '#save', 'check-1', 'check-2', 'details-1', 'heatmap-0', 'heatmap-3']) {
        assert.ok(reached.has(want), `${want} not reached by Tab; reached ${[...reached].join(' ')}`);
      }
      // The focused element has a visible outline in the focus colour.
      await p.page.locator('.link-button').first().focus();
      const outline = await p.page.locator('.link-button').first().evaluate((e) => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineColor);
      assert.match(outline, /solid rgb\(0, 120, 212\)/);
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

  test('live updates: 300 progress messages in a burst render the latest state, chart stays responsive', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state([], true));
      await p.post({ type: 'run', run: run(1, { status: 'running', points: [] }), append: false });
      const started = Date.now();
      await p.page.evaluate(
        ({ base }) => {
          for (let k = 0; k < 300; k++) {
            const pts = [];
            for (let i = k * 100; i < (k + 1) * 100; i++) pts.push([i, 0.2 + 0.49 * Math.exp(-i / 5000), 0.8]);
            window.postMessage({ type: 'run', append: true, run: { ...base, iteration: (k + 1) * 100 - 1, points: pts, testPoints: [] } }, '*');
          }
        },
        { base: run(1, { settings: { iterations: 30000 } }) },
      );
      await frames(p.page);
      await frames(p.page);
      const elapsed = Date.now() - started;
      assert.match(await banner(p.page), /iteration 29\s?999 \/ 30\s?000/);
      assert.match(await p.page.locator('canvas.cost-canvas').getAttribute('aria-label'), /at iteration 29999/);
      assert.ok(elapsed < 5000, `30 000 points in 300 messages took ${elapsed} ms`);
      // One redraw of the chart with 30 000 points (decimated to ~2 per pixel) is quick.
      const ms = await p.page.evaluate(async () => {
        const t0 = performance.now();
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return performance.now() - t0;
      });
      assert.ok(ms < 500, `two frames took ${ms} ms`);
    }));

  test('narrow panel (420 px): one column, nothing wider than the panel', () =>
    withWebviewPage(
      async (p) => {
        await ready(p);
        await p.post(state([finished(1), finished(2, { settings: { activation: 'sigmoid', learningRate: 2 } })]));
        await frames(p.page);
        await p.page.waitForTimeout(150);
        const overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
        await p.shot('narrow-light');
      },
      { theme: 'light', viewport: { width: 420, height: 900 } },
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

  // ── from the review: runs told apart, failed runs, saved models, read-out, banners ────────
  const swatches = (page) =>
    page.locator('table.runs tbody tr').evaluateAll((rows) =>
      Object.fromEntries(rows.map((r) => {
        const sw = r.querySelector('.swatch');
        return [r.dataset.runId, { colour: getComputedStyle(sw).backgroundColor, off: sw.classList.contains('off'), dashed: sw.classList.contains('dashed') }];
      })),
    );

  for (const theme of ['dark', 'light']) {
    test(`runs compared (${theme}): each row shows its #N, ticked runs get distinct colours whatever their ids`, () =>
      withWebviewPage(
        async (p) => {
          await ready(p);
          const many = Array.from({ length: 13 }, (_, i) =>
            finished(i + 1, { label: `planar.csv · tanh · ${i + 1} units · lr 1.2 · small`, testPoints: [], points: points(0, 200, 1 + i / 10), settings: { hiddenUnits: i + 1 } }),
          );
          await p.post(state(many));
          await frames(p.page);
          const row = (id) => p.page.locator(`tr[data-run-id="${id}"]`);
          assert.equal(await row(13).locator('.run-num').innerText(), '#13');
          assert.equal(await row(1).locator('.run-num').innerText(), '#1');
          assert.equal(await row(13).locator('vscode-checkbox').getAttribute('aria-label'), 'Show run #13 planar.csv · tanh · 13 units · lr 1.2 · small on the cost chart');
          // #1 and #13 (the same colour under "id modulo 6") ticked together differ.
          await row(1).locator('vscode-checkbox').click();
          await frames(p.page);
          let sw = await swatches(p.page);
          assert.notEqual(sw[1].colour, sw[13].colour, 'runs #1 and #13 have different colours');
          assert.equal(sw[1].off || sw[13].off, false);
          assert.equal(sw[7].off, true, 'an unticked run has an empty swatch (it is not on the chart)');
          // Six ticked runs: six different colours; a seventh repeats a colour, dotted.
          for (const id of [3, 5, 7, 9]) await row(id).locator('vscode-checkbox').click();
          await frames(p.page);
          sw = await swatches(p.page);
          const six = [1, 3, 5, 7, 9, 13].map((id) => sw[id].colour);
          assert.equal(new Set(six).size, 6, `six colours: ${six}`);
          await row(11).locator('vscode-checkbox').click();
          await frames(p.page);
          sw = await swatches(p.page);
          assert.equal(sw[11].dashed, true, 'the seventh ticked run is drawn dotted');
          assert.equal([1, 3, 5, 7, 9, 13].filter((id) => sw[id].dashed).length, 0);
          // Unticking frees a colour: the next ticked run takes it, solid again.
          await row(5).locator('vscode-checkbox').click();
          await row(2).locator('vscode-checkbox').click();
          await frames(p.page);
          const after = await swatches(p.page);
          assert.equal(after[2].colour, sw[5].colour);
          assert.equal(after[2].dashed, false);
          await frames(p.page);
          await p.shot(`compare-colours-${theme}`);
        },
        { theme, viewport: { width: 1100, height: 900 } },
      ));
  }

  test('Details on a run of another CSV: the chart compares runs of that CSV only; a run keeps its colour when ticked again', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      const iris = { fileName: 'iris.csv', dataset: dataset({ fileName: 'iris.csv' }) };
      await p.post(state([finished(1)]));
      await frames(p.page);
      const chart = p.page.locator('canvas.cost-canvas');
      const row = (id) => p.page.locator(`tr[data-run-id="${id}"]`);
      const first = (await swatches(p.page))[1].colour;
      // A new run is the automatic pick (#1 unticked); ticked again, #1 has its colour back.
      await p.post({ type: 'run', run: finished(2), append: false });
      await frames(p.page);
      await row(1).locator('vscode-checkbox').click();
      await frames(p.page);
      let sw = await swatches(p.page);
      assert.equal(sw[1].colour, first, "run #1's colour is its own");
      assert.notEqual(sw[2].colour, first);
      // A run on iris.csv, then Details on it: the planar.csv runs leave the chart.
      await p.post({ type: 'run', run: finished(3, iris), append: false });
      await frames(p.page);
      await row(1).locator('.link-button').click();
      await frames(p.page);
      await row(3).locator('.link-button').click();
      await frames(p.page);
      await frames(p.page);
      assert.match(await chart.getAttribute('aria-label'), /run #3/);
      assert.doesNotMatch(await chart.getAttribute('aria-label'), /run #1|run #2/);
      // Details on a planar.csv run: iris.csv's run leaves, and #1 (ticked again) keeps its colour.
      await row(1).locator('.link-button').click();
      await frames(p.page);
      await frames(p.page);
      assert.doesNotMatch(await chart.getAttribute('aria-label'), /run #3/);
      sw = await swatches(p.page);
      assert.equal(sw[1].colour, first);
    }, { theme: 'light' }));

  test('a run that fails before iterating is not ticked and gets no legend entry', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state([finished(1)]));
      await frames(p.page);
      const chartCanvas = p.page.locator('canvas.cost-canvas');
      assert.equal(await chartCanvas.getAttribute('data-datasets'), '2');
      // A new run arrives (ticked), then fails with no point.
      await p.post({ type: 'run', run: run(2, { status: 'preparing', dataset: undefined }), append: false });
      await frames(p.page);
      await frames(p.page);
      assert.equal(await chartCanvas.getAttribute('data-datasets'), '0', 'a run with no points gets no dataset');
      const failed = run(2, { status: 'error', dataset: undefined, fileName: 'badnum.csv', error: { message: 'Row 31: "n/a" in column "x2" is not a number', file: 'badnum.csv', row: 31, column: 'x2' } });
      await p.post({ type: 'run', run: failed, append: true });
      await frames(p.page);
      await frames(p.page);
      assert.equal(await p.page.locator('tr[data-run-id="2"] vscode-checkbox').evaluate((e) => e.checked), false, 'the failed run is not ticked');
      assert.equal(await p.page.locator('tr[data-run-id="1"] vscode-checkbox').evaluate((e) => e.checked), true, 'the run it replaced is ticked again');
      assert.equal(await chartCanvas.getAttribute('data-datasets'), '2');
      assert.doesNotMatch(await chartCanvas.getAttribute('aria-label'), /#2/);
      // After a reload of the host's state, too: the newest run that has points is ticked.
      await p.post(state([finished(1), failed]));
      await frames(p.page);
      await frames(p.page);
      assert.equal(await p.page.locator('tr[data-run-id="2"] vscode-checkbox').evaluate((e) => e.checked), false);
    }));

  test('fresh state with only a failed newest run ticks the run before it', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state([finished(1), run(2, { status: 'error', dataset: undefined, error: { message: 'Empty file' } })]));
      await frames(p.page);
      await frames(p.page);
      assert.equal(await p.page.locator('tr[data-run-id="1"] vscode-checkbox').evaluate((e) => e.checked), true);
      assert.equal(await p.page.locator('tr[data-run-id="2"] vscode-checkbox').evaluate((e) => e.checked), false);
      assert.equal(await p.page.locator('canvas.cost-canvas').getAttribute('data-datasets'), '2');
    }));

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

  test('stopped banner states the same facts as finished, and the message', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      const summary = { iterations: 500, cost: 0.26, trainAccuracy: 0.8, testAccuracy: 0.78, testCost: 0.3, seconds: 0.7, modelPath: 'models/planar.model.json' };
      await p.post(state([run(1, { status: 'stopped', points: points(0, 500), iteration: 500, params: params(), summary, message: 'Stopped after 500 iterations; the model keeps what it learned so far.' })]));
      await frames(p.page);
      const b = await banner(p.page);
      assert.match(b, /Stopped at iteration 500 of 1\s?000/);
      assert.match(b, /500 iterations in 700 ms · cost 0\.26 · train accuracy 80\.0 % · test accuracy 78\.0 % · saved to models\/planar\.model\.json/);
      assert.match(b, /Stopped after 500 iterations; the model keeps what it learned so far\./);
      await p.shot('stopped-dark');
    }));

  for (const theme of ['dark', 'light']) {
    test(`error banner (${theme}): "Show row" posts revealError, by mouse and keyboard; none without a row`, () =>
      withWebviewPage(
        async (p) => {
          await ready(p);
          const bad = run(4, {
            status: 'error',
            dataset: undefined,
            fileName: 'badnum.csv',
            error: { message: 'Row 31: "n/a" in column "x2" is not a number', code: 'E_VALUE', file: 'badnum.csv', row: 31, column: 'x2' },
          });
          await p.post(state([bad]));
          await frames(p.page);
          assert.equal(await text(p.page, '.banner .location'), 'badnum.csv, row 31, column “x2”');
          const button = p.page.locator('.banner button.show-row');
          assert.equal(await button.innerText(), 'Show row');
          assert.equal(await button.getAttribute('aria-label'), 'Show row 31 of badnum.csv in the editor');
          await p.shot(`error-show-row-${theme}`);
          await button.click();
          assert.deepEqual(await p.waitForSent((m) => m.type === 'revealError'), { type: 'revealError', runId: 4 });
          // Keyboard: focus survives a re-render, Enter posts again.
          await button.focus();
          await p.post({ type: 'training', training: false });
          await frames(p.page);
          assert.equal(await button.evaluate((e) => document.activeElement === e), true, 'still focused after a render');
          await p.page.keyboard.press('Enter');
          for (let i = 0; i < 20 && p.sent.filter((m) => m.type === 'revealError').length < 2; i++) await p.page.waitForTimeout(50);
          assert.equal(p.sent.filter((m) => m.type === 'revealError').length, 2);
          // No row: no button.
          await p.post(state([run(5, { status: 'error', dataset: undefined, error: { message: 'The file is empty', file: 'empty.csv' } })]));
          await frames(p.page);
          assert.equal(await p.page.locator('.banner button.show-row').isVisible(), false, 'no Show row without a row');
        },
        { theme },
      ));
  }

  test('the New run card says what Train trains on', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state([]));
      await frames(p.page);
      assert.match(await text(p.page, '.trains-on'), /Train asks for a CSV/);
      assert.equal(await p.page.locator('#train').getAttribute('aria-describedby'), 'trains-on');
      const iris = dataset({ fileName: 'iris.csv', targetName: 'species' });
      await p.post(state([finished(1, { fileName: 'iris.csv', dataset: iris })]));
      await frames(p.page);
      assert.equal(await text(p.page, '.trains-on'), 'Trains on iris.csv (run #1’s CSV) · target species (the last column)');
      await p.post({ type: 'run', run: finished(2, { fileName: 'iris.csv', dataset: iris, settings: { target: 'sepal_length' } }), append: false });
      await frames(p.page);
      assert.equal(await text(p.page, '.trains-on'), 'Trains on iris.csv (run #2’s CSV) · target sepal_length');
      await p.shot('trains-on-dark');
    }));

  test('the shown run’s Details button says “Shown” (aria-current), not a disabled look', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state([finished(1), finished(2)]));
      await frames(p.page);
      const btn = (id) => p.page.locator(`tr[data-run-id="${id}"] .link-button`);
      assert.equal(await btn(2).innerText(), 'Shown');
      assert.equal(await btn(2).getAttribute('aria-current'), 'true');
      assert.equal(await btn(2).getAttribute('aria-pressed'), null);
      assert.equal(await btn(1).innerText(), 'Details');
      assert.equal(await btn(1).getAttribute('aria-current'), null);
      const colours = await p.page.evaluate(() => [
        getComputedStyle(document.querySelector('tr[data-run-id="2"] .link-button')).color,
        getComputedStyle(document.body).color,
      ]);
      assert.equal(colours[0], colours[1], 'the shown run’s button is in the foreground colour');
      await btn(1).click();
      await frames(p.page);
      assert.equal(await btn(1).innerText(), 'Shown');
      assert.equal(await btn(2).innerText(), 'Details');
      assert.match(await banner(p.page), /Finished run #1/);
    }, { theme: 'light' }));
  // ── from a new user's try: Train follows the run shown, a failure in sight, runs compared read ──
  for (const theme of ['dark', 'light']) {
    test(`New run follows the run shown (${theme}): the Trains on line, the base settings and csvOfRun`, () =>
      withWebviewPage(
        async (p) => {
          await ready(p);
          const flower = finished(1, { fileName: 'flower.csv', dataset: dataset({ fileName: 'flower.csv', targetName: 'species' }), settings: { target: 'species', seed: 7 } });
          const broken = run(2, { status: 'error', dataset: undefined, fileName: 'broken.csv', error: { message: 'Row 4: "x" in column "a" is not a number', file: 'broken.csv', row: 4, column: 'a' } });
          await p.post(state([flower, broken]));
          await frames(p.page);
          // The newest (failed) run is shown: Train trains its CSV.
          assert.equal(await text(p.page, '.trains-on'), 'Trains on broken.csv (run #2’s CSV) · the last column as target');
          // The person shows the flower run: Train now trains flower.csv, with its target and seed.
          await p.page.locator('tr[data-run-id="1"] .link-button').click();
          await frames(p.page);
          assert.equal(await text(p.page, '.trains-on'), 'Trains on flower.csv (run #1’s CSV) · target species');
          await p.page.locator('.controls-card').screenshot({ path: await p.shot(`trains-on-shown-${theme}`) });
          await p.page.locator('#train').click();
          const m = await p.waitForSent((x) => x.type === 'train');
          assert.equal(m.csvOfRun, 1);
          assert.equal(m.settings.target, 'species');
          assert.equal(m.settings.seed, 7);
          assert.deepEqual(parseFromWebview(m), m, 'the host’s gate lets csvOfRun through');
          // A model opened from a file: no CSV known; Train says it asks for one, and still names the run.
          const loaded = finished(3, {
            fileName: 'iris.csv',
            testPoints: [],
            dataset: dataset({ fileName: 'iris.csv', rowsRead: 0, rowsUsed: 0, rowsDropped: 0, droppedExamples: [], trainCount: 0, testCount: 0 }),
          });
          await p.post({ type: 'run', run: loaded, append: false });
          await frames(p.page);
          assert.equal(await text(p.page, '.trains-on'), 'Run #3 came from a model file: Train asks for a CSV file to train on.');
          const before = p.sent.length;
          await p.page.locator('#train').click();
          const again = await p.waitForSent((x) => x.type === 'train' && p.sent.indexOf(x) >= before);
          assert.equal(again.csvOfRun, 3, 'the host finds no CSV for it and asks for one');
        },
        { theme },
      ));
  }

  test('the shown run failing brings its banner into view, once, without moving focus', () =>
    withWebviewPage(
      async (p) => {
        await ready(p);
        await p.post(state([finished(1), run(2, { points: points(0, 20), iteration: 20 })]));
        await frames(p.page);
        const bannerInView = () =>
          p.page.locator('.banner').evaluate((b) => {
            const r = b.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= window.innerHeight;
          });
        const scrollDown = async () => {
          await p.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
          await frames(p.page);
          assert.equal(await bannerInView(), false, 'scrolled down: the banner is out of sight');
        };
        await scrollDown();
        await p.page.locator('#run-sweep').focus();
        const failed = (id) =>
          run(id, { status: 'error', points: [], error: { message: 'Row 9: "?" in column "x1" is not a number', file: 'planar.csv', row: 9, column: 'x1' } });
        await p.post({ type: 'run', run: failed(2), append: true });
        await frames(p.page);
        for (let i = 0; i < 40 && !(await bannerInView()); i++) await p.page.waitForTimeout(50);
        assert.equal(await bannerInView(), true, 'the error banner is brought into view');
        assert.match(await banner(p.page), /Training failed/);
        assert.equal(await p.page.evaluate(() => document.activeElement?.id), 'run-sweep', 'focus stays where it was');
        await p.shot('error-revealed-light');
        // Later renders do not scroll again.
        await scrollDown();
        await p.post({ type: 'training', training: false });
        await p.post({ type: 'run', run: failed(2), append: true });
        await frames(p.page);
        await p.page.waitForTimeout(400);
        assert.equal(await bannerInView(), false, 'no scroll on a render of a run already failed');
        // Another run failing while run #1 is shown: no scroll either.
        await p.post({ type: 'run', run: run(3, { points: points(0, 20), iteration: 20 }), append: false });
        await frames(p.page);
        await p.page.locator('tr[data-run-id="1"] .link-button').click();
        await scrollDown();
        await p.post({ type: 'run', run: failed(3), append: true });
        await frames(p.page);
        await p.page.waitForTimeout(400);
        assert.equal(await bannerInView(), false, 'a run not shown fails: the page stays');
        // Reduced motion: the banner is there at once (no smooth scroll).
        await p.page.emulateMedia({ reducedMotion: 'reduce' });
        await p.post({ type: 'run', run: run(4, { points: points(0, 20), iteration: 20 }), append: false });
        await frames(p.page);
        await scrollDown();
        await p.post({ type: 'run', run: failed(4), append: true });
        await frames(p.page);
        assert.equal(await bannerInView(), true, 'reduced motion: in view on the next frame');
      },
      { theme: 'light', viewport: { width: 900, height: 600 } },
    ));

  for (const theme of ['dark', 'light']) {
    test(`runs compared reads (${theme}): labelled accuracies, “Shown” clear of the border, a failed run’s checkbox off, the list scrolls visibly`, () =>
      withWebviewPage(
        async (p) => {
          await ready(p);
          const many = Array.from({ length: 12 }, (_, i) => finished(i + 1, { points: points(0, 200, 1 + i / 10), settings: { hiddenUnits: i + 1 } }));
          const failed = run(13, { status: 'error', dataset: undefined, fileName: 'broken.csv', error: { message: 'The file is empty', file: 'broken.csv' } });
          await p.post(state([...many, failed]));
          await frames(p.page);
          await frames(p.page);
          const row = (id) => p.page.locator(`tr[data-run-id="${id}"]`);
          assert.equal(await row(12).locator('.acc').innerText(), 'train 90.8 % · test 88.6 %');
          // The failed run has nothing to draw: its checkbox is disabled and says why.
          const check = row(13).locator('vscode-checkbox');
          assert.equal(await check.evaluate((e) => e.disabled), true);
          assert.match(await check.getAttribute('title'), /^Not on the cost chart: it failed before its first iteration/);
          assert.match(await check.getAttribute('aria-label'), /^Run #13 .*: not on the cost chart, it failed before its first iteration/);
          assert.equal(await row(13).locator('.acc').innerText(), 'nothing to draw');
          assert.equal(await row(12).locator('vscode-checkbox').evaluate((e) => e.disabled), false);
          // The list scrolls within the card: a shadow below while rows are out of sight.
          const list = p.page.locator('.runs-list');
          const m = await list.evaluate((e) => ({ over: e.scrollHeight > e.clientHeight, y: getComputedStyle(e).overflowY, cls: e.className }));
          assert.ok(m.over, 'more rows than fit');
          assert.equal(m.y, 'auto');
          assert.match(m.cls, /more-below/);
          assert.doesNotMatch(m.cls, /more-above/);
          await p.page.locator('.runs-card').screenshot({ path: await p.shot(`runs-compared-${theme}`) });
          await list.evaluate((e) => e.scrollTo(0, e.scrollHeight));
          await p.page.waitForTimeout(100);
          const end = await list.evaluate((e) => e.className);
          assert.match(end, /more-above/);
          assert.doesNotMatch(end, /more-below/);
          // The header stays at the top of the scrolled list.
          const head = await p.page.evaluate(() => {
            const l = document.querySelector('.runs-list').getBoundingClientRect();
            const th = document.querySelector('table.runs thead th').getBoundingClientRect();
            return th.top - l.top;
          });
          assert.ok(Math.abs(head) < 2, `sticky header at the list's top (${head})`);
          // “✓ Shown” keeps a gap to the card's right border.
          await row(1).locator('.link-button').click();
          await frames(p.page);
          const gap = await p.page.evaluate(() => {
            const card = document.querySelector('.runs-card');
            const b = document.querySelector('tr[data-run-id="1"] .link-button').getBoundingClientRect();
            const c = card.getBoundingClientRect();
            return c.right - parseFloat(getComputedStyle(card).borderRightWidth) - b.right;
          });
          assert.ok(gap >= 6, `gap to the border: ${gap}`);
          await p.page.locator('.runs-card').screenshot({ path: await p.shot(`runs-compared-scrolled-${theme}`) });
        },
        { theme, viewport: { width: 1100, height: 900 } },
      ));
  }

});

suite('Gradient check', () => {
  const result = { W1: 2.31e-9, b1: 1.2e-10, W2: 4.5e-9, b2: 3.3e-10, overall: 3.1e-9, pass: true, examples: 200, total: 320, at: 'final' };
  for (const theme of ['dark', 'light']) {
    test(`the button asks for the shown run; the host’s result shows as a table (${theme})`, () =>
      withWebviewPage(async (p) => {
        await ready(p);
        await p.post(state([finished(1), finished(2)]));
        await frames(p.page);
        const btn = p.page.locator('#gradient-check');
        assert.equal(await btn.getAttribute('aria-label'), 'Gradient check: compare backpropagation with numerical gradients for the shown run');
        await btn.focus();
        await p.page.keyboard.press('Enter');
        const m = await p.waitForSent((x) => x.type === 'gradientCheck');
        assert.deepEqual(m, { type: 'gradientCheck', runId: 2 });
        await frames(p.page);
        assert.match(await text(p.page, '.gradcheck'), /Checking run #2/);
        assert.equal(await btn.evaluate((e) => e.disabled), true, 'one check at a time');
        await p.post({ type: 'gradCheck', runId: 2, result: { ...result, W2: 2.5e-6, overall: 2.4e-6, pass: false } });
        await frames(p.page);
        const rows = await p.page.locator('table.gradcheck-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.innerText.replace(/\s+/g, ' ').trim()));
        assert.deepEqual(rows, ['W[1] 2.31e-9 pass', 'b[1] 1.20e-10 pass', 'W[2] 2.50e-6 fail', 'b[2] 3.30e-10 pass', 'overall 2.40e-6 fail']);
        assert.match(await text(p.page, 'table.gradcheck-table caption'), /Run #2 · final parameters · 200 of 320 training examples · pass below 1e-7/);
        assert.equal(await btn.evaluate((e) => e.disabled), false);
        await p.page.locator('.gradcheck-card').screenshot({ path: await p.shot(`gradcheck-${theme}`) });
        // Another run shows its own (none yet); an error is said as text.
        await p.page.locator('tr[data-run-id="1"] .link-button').click();
        await frames(p.page);
        assert.equal(await p.page.locator('table.gradcheck-table').count(), 0);
        await p.post({ type: 'gradCheck', runId: 1, error: 'This run has no CSV to check against (a model opened from a file).' });
        await frames(p.page);
        assert.match(await text(p.page, '.gradcheck'), /no CSV to check against/);
      }, { theme }));
  }
});

suite('Gradient check: no gradient at all', () => {
  // A tanh run from zeros: nothing reaches W[1], b[1], W[2]; their relative error 0 checks nothing.
  const zero = { numerical: 0, analytic: 0 };
  const result = {
    W1: 0, b1: 0, W2: 0, b2: 1.2e-11, overall: 1.2e-11, pass: true, examples: 200, total: 320, at: 'final',
    norms: { W1: zero, b1: zero, W2: zero, b2: { numerical: 0.0431, analytic: 0.0431 } },
  };
  for (const theme of ['dark', 'light', 'high-contrast']) {
    test(`rows whose two gradients are both 0 say so, not a bare pass (${theme})`, () =>
      withWebviewPage(async (p) => {
        await ready(p);
        await p.post(state([finished(1)]));
        await frames(p.page);
        await p.page.locator('#gradient-check').click();
        await p.waitForSent((x) => x.type === 'gradientCheck');
        await p.post({ type: 'gradCheck', runId: 1, result });
        await frames(p.page);
        const rows = await p.page.locator('table.gradcheck-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.innerText.replace(/\s+/g, ' ').trim()));
        assert.deepEqual(rows, [
          'W[1] 0.00e+0 both gradients are 0',
          'b[1] 0.00e+0 both gradients are 0',
          'W[2] 0.00e+0 both gradients are 0',
          'b[2] 1.20e-11 pass',
          'overall 1.20e-11 pass',
        ]);
        assert.equal(
          await text(p.page, '.gradcheck-zero'),
          'W[1], b[1] and W[2]: backpropagation and the numerical gradient are both exactly 0 (nothing reaches those matrices), so a relative error of 0 there checks nothing.',
        );
        await p.page.locator('.gradcheck-card').screenshot({ path: await p.shot(`gradcheck-zero-${theme}`) });
        // Without norms (an older host), the rows read as before.
        await p.page.locator('#gradient-check').click();
        await p.post({ type: 'gradCheck', runId: 1, result: { ...result, norms: undefined } });
        await frames(p.page);
        assert.equal(await p.page.locator('table.gradcheck-table td.zero').count(), 0);
        assert.equal(await p.page.locator('.gradcheck-zero').count(), 0);
      }, { theme }));
  }
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

suite('Export charts as PNG', () => {
  test('the button posts one PNG of the charts shown, which the host’s gate lets through', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state([finished(1)]));
      await frames(p.page);
      await p.page.waitForTimeout(300);
      const btn = p.page.locator('#export-png');
      assert.equal(await btn.getAttribute('aria-label'), 'Export the charts shown as one PNG image');
      await btn.focus();
      await p.page.keyboard.press('Enter');
      const m = await p.waitForSent((x) => x.type === 'exportPng');
      assert.ok(m.dataUrl.startsWith('data:image/png;base64,'));
      assert.deepEqual(parseFromWebview(m), { type: 'exportPng', dataUrl: m.dataUrl }, 'valid for the host');
      const png = Buffer.from(m.dataUrl.slice('data:image/png;base64,'.length), 'base64');
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      const cost = await p.page.locator('canvas.cost-canvas').evaluate((c) => [c.width, c.height]);
      assert.ok(w > cost[0] && h > cost[1], `${w}×${h} holds the cost chart ${cost.join('×')}`);
      // The first pixel is the editor's background (readable in every theme).
      const corner = await p.page.evaluate(async (url) => {
        const img = new Image();
        img.src = url;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d');
        ctx.drawImage(img, 0, 0);
        return [...ctx.getImageData(1, 1, 1, 1).data];
      }, m.dataUrl);
      assert.equal(corner[3], 255, 'opaque');
      await p.shot('export-png-dark');
      writeFileSync(join(repoRoot, 'test-results', 'webview', 'exported-charts-dark.png'), png);
    }));
});
