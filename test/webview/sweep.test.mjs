/* global suite, test, requestAnimationFrame, document, getComputedStyle, window */
// The hidden layer size sweep card (issue 6): train and test accuracy against hidden units,
// filling in as each size finishes, the numbers in a table, Run sweep / Stop sweep, and the
// sweep kept across a reload. Screenshots in light and dark.
import * as assert from 'node:assert/strict';
import { withWebviewPage } from './harness.mjs';

const DEFAULTS = {
  hiddenUnits: 4, activation: 'tanh', leakyAlpha: 0.01, learningRate: 1.2, iterations: 10000, batchSize: 0,
  init: 'small', initScale: 0.01, seed: 2, normalization: 'standard', testFraction: 0.2,
};
const SIZES = [1, 2, 3, 4, 5, 20, 50];
/** The lesson's shape: accuracy climbs to about 4–5 units, then test accuracy sags a little. */
const TRAIN = [0.675, 0.69, 0.9, 0.91, 0.912, 0.92, 0.925];
const TEST = [0.66, 0.68, 0.89, 0.9, 0.91, 0.885, 0.875];
const point = (i) => ({ hiddenUnits: SIZES[i], cost: 0.6 - 0.05 * i, trainAccuracy: TRAIN[i], testAccuracy: TEST[i], iterations: 10000, diverged: null, seconds: 0.4 + i * 0.7 });

function sweep(done, over = {}) {
  return {
    id: 1, fileName: 'flower.csv', settings: DEFAULTS, sizes: SIZES, hasTest: true,
    results: Array.from({ length: done }, (_, i) => point(i)),
    status: done < SIZES.length ? 'running' : 'finished',
    ...over,
  };
}

const state = (sw) => ({ type: 'state', runs: [], defaults: DEFAULTS, training: false, ...(sw ? { sweep: sw } : {}) });
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
const ready = (p) => p.waitForSent((m) => m.type === 'ready');
const rows = (page) => page.locator('#sweep-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));

suite('Hidden layer size sweep card', () => {
  for (const theme of ['light', 'dark', 'high-contrast']) {
    test(`the chart and the table fill in as each size finishes (${theme})`, () =>
      withWebviewPage(
        async (p) => {
          await ready(p);
          await p.post(state(sweep(3)));
          await frames(p.page);
          const canvas = p.page.locator('canvas.sweep-canvas');
          assert.equal(await canvas.getAttribute('data-points'), '3');
          assert.equal(await canvas.getAttribute('data-datasets'), '2', 'train and test accuracy');
          assert.match(await p.page.locator('#sweep-status').innerText(), /^Sweep #1 on flower\.csv: 3 of 7 sizes done, training 4 hidden units… \(tanh, learning rate 1\.2, 10000 iterations per size, seed 2\)$/);
          let r = await rows(p.page);
          assert.equal(r.length, 7);
          assert.deepEqual(r[2], ['3', '0.5', '90.0 %', '89.0 %', '1.8 s', '']);
          assert.deepEqual(r[3], ['4', '—', '—', '—', '—', 'training…']);
          assert.deepEqual(r[4].slice(-1), ['waiting']);
          assert.equal(await p.page.locator('#stop-sweep').isVisible(), true);
          assert.equal(await p.page.locator('#run-sweep').evaluate((b) => b.disabled), true);
          await p.page.locator('.sweep-card').scrollIntoViewIfNeeded();
          await p.shot(`sweep-running-${theme}`);

          // The rest arrive one message at a time.
          for (let done = 4; done <= 7; done++) await p.post({ type: 'sweep', sweep: sweep(done) });
          await frames(p.page);
          assert.equal(await canvas.getAttribute('data-points'), '7');
          r = await rows(p.page);
          assert.deepEqual(r[6], ['50', '0.3', '92.5 %', '87.5 %', '4.6 s', '']);
          assert.match(await p.page.locator('#sweep-status').innerText(), /all 7 sizes/);
          const aria = await canvas.getAttribute('aria-label');
          assert.match(aria, /^Accuracy against hidden layer size on flower\.csv, 7 of 7 sizes: 1 hidden unit: train 67\.5 %, test 66\.0 %; 2 hidden units:/);
          assert.match(aria, /50 hidden units: train 92\.5 %, test 87\.5 %\.$/);
          assert.equal(await p.page.locator('#stop-sweep').isVisible(), false);
          assert.equal(await p.page.locator('#run-sweep').evaluate((b) => b.disabled), false);
          // The chart's two lines are drawn in the theme's series colours (pixels of both present).
          const painted = await canvas.evaluate((c) => {
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0;
            for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
            return n;
          });
          assert.ok(painted > 2000, `painted pixels: ${painted}`);
          await p.page.locator('.sweep-card').scrollIntoViewIfNeeded();
          await p.shot(`sweep-finished-${theme}`);
        },
        { theme, viewport: { width: 1100, height: 1000 } },
      ));
  }

  test('Export charts as PNG includes the sweep chart once it has points', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      const pngHeight = async () => {
        const before = p.sent.length;
        await p.page.locator('#export-png').click();
        const m = await p.waitForSent((x) => x.type === 'exportPng' && p.sent.indexOf(x) >= before);
        return Buffer.from(m.dataUrl.slice('data:image/png;base64,'.length), 'base64').readUInt32BE(20);
      };
      await p.post(state(sweep(0)));
      await frames(p.page);
      const without = await pngHeight();
      await p.post({ type: 'sweep', sweep: sweep(2) });
      await frames(p.page);
      const withSweep = await pngHeight();
      const sweepH = await p.page.locator('canvas.sweep-canvas').evaluate((c) => c.height);
      assert.ok(withSweep >= without + sweepH, `${withSweep} ≥ ${without} + ${sweepH}`);
    }));

  test('no test split: one line and no test column; a diverged size says so', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      const results = [0, 1].map((i) => ({ ...point(i), testAccuracy: null }));
      results[1].diverged = 'diverged at iteration 12; try a smaller learning rate';
      await p.post(state(sweep(2, { hasTest: false, sizes: [1, 2], results, status: 'finished' })));
      await frames(p.page);
      assert.equal(await p.page.locator('canvas.sweep-canvas').getAttribute('data-datasets'), '1');
      const head = await p.page.locator('#sweep-table thead th').allInnerTexts();
      assert.deepEqual(head, ['hidden units', 'cost', 'train', 'time', 'note']);
      const r = await rows(p.page);
      assert.equal(r[1][4], 'diverged: diverged at iteration 12; try a smaller learning rate');
    }));

  test('an error is shown in words', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state(sweep(0, { status: 'error', error: 'bad.csv, row 3, column "x": "abc" is not a number.' })));
      await frames(p.page);
      assert.match(await p.page.locator('#sweep-status').innerText(), /^Sweep #1 on flower\.csv failed: bad\.csv, row 3, column "x": "abc" is not a number\.$/);
      assert.deepEqual((await rows(p.page))[0].slice(-1), ['not trained']);
    }));

  test('Run sweep sends the sizes typed (checked as typed), Enter too; Stop sweep stops', () =>
    withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state());
      await frames(p.page);
      const field = p.page.locator('#sweep-sizes input');
      assert.equal(await field.inputValue(), '1, 2, 3, 4, 5, 20, 50');
      assert.equal(await p.page.locator('canvas.sweep-canvas').getAttribute('aria-label'), 'Accuracy against hidden layer size: no sweep yet');
      await field.fill('1, 0');
      assert.match(await p.page.locator('#sweep-sizes-error').innerText(), /"0" is not a size/);
      await p.page.locator('#run-sweep').click();
      await frames(p.page);
      assert.equal(p.sent.filter((m) => m.type === 'runSweep').length, 0);
      await field.fill('1,2, 3');
      assert.equal(await p.page.locator('#sweep-sizes-error').innerText(), '');
      // Keyboard: Tab from the field reaches Run sweep, and Enter on it runs.
      await field.focus();
      await p.page.keyboard.press('Tab');
      assert.equal(await p.page.evaluate(() => document.activeElement?.id), 'run-sweep');
      await p.page.keyboard.press('Enter');
      const m = await p.waitForSent((x) => x.type === 'runSweep');
      assert.deepEqual(m, { type: 'runSweep', sizes: [1, 2, 3] });
      await p.post({ type: 'sweep', sweep: sweep(1, { sizes: [1, 2, 3] }) });
      await frames(p.page);
      // A sweep started elsewhere (the palette) shows its sizes in the field.
      await p.post({ type: 'sweep', sweep: sweep(0, { id: 2, sizes: [2, 8] }) });
      await frames(p.page);
      assert.equal(await field.inputValue(), '2, 8');
      await p.page.locator('#stop-sweep').click();
      await p.waitForSent((x) => x.type === 'stopSweep');
      // With a run shown, Run sweep sweeps that run's CSV.
      const run = { id: 3, label: 'iris.csv · tanh', fileName: 'iris.csv', settings: DEFAULTS, status: 'finished', points: [[0, 1.1, 0.3]], testPoints: [], iteration: 1 };
      await p.post({ type: 'run', run, append: false });
      await p.post({ type: 'sweep', sweep: sweep(3, { id: 3, sizes: [1, 2, 3], status: 'finished' }) });
      await frames(p.page);
      await p.page.locator('#run-sweep').click();
      const shown = await p.waitForSent((x) => x.type === 'runSweep' && x.csvOfRun !== undefined);
      assert.deepEqual(shown, { type: 'runSweep', sizes: [1, 2, 3], csvOfRun: 3 });
    }));

  test('a reload keeps the sweep and the sizes typed before the host answers', async () => {
    let saved;
    await withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state(sweep(7)));
      await frames(p.page);
      await p.page.locator('#sweep-sizes input').fill('2, 4, 8');
      for (let i = 0; i < 50 && !(p.state()?.sweep && p.state()?.sweepSizes === '2, 4, 8'); i++) await p.page.waitForTimeout(100);
      saved = p.state();
      assert.equal(saved.sweep.results.length, 7);
    });
    await withWebviewPage(
      async (p) => {
        await ready(p);
        await frames(p.page);
        assert.equal(await p.page.locator('canvas.sweep-canvas').getAttribute('data-points'), '7');
        assert.equal((await rows(p.page)).length, 7);
        assert.equal(await p.page.locator('#sweep-sizes input').inputValue(), '2, 4, 8');
        // A host without a sweep (a reloaded window) leaves the webview's own.
        await p.post(state());
        await frames(p.page);
        assert.equal(await p.page.locator('canvas.sweep-canvas').getAttribute('data-points'), '7');
      },
      { state: saved },
    );
  });

  test('a reload mid-sweep: a host without a sweep leaves the saved one stopped, Run sweep back, no Stop sweep', async () => {
    let saved;
    await withWebviewPage(async (p) => {
      await ready(p);
      await p.post(state(sweep(3)));
      for (let i = 0; i < 50 && p.state()?.sweep?.status !== 'running'; i++) await p.page.waitForTimeout(100);
      saved = p.state();
      assert.equal(saved.sweep.status, 'running');
    });
    await withWebviewPage(
      async (p) => {
        await ready(p);
        await frames(p.page);
        // Before the host answers: the saved sweep as it was.
        assert.equal(await p.page.locator('#run-sweep').evaluate((b) => b.disabled), true);
        // The window was reloaded: its sweep ended with the old extension host, which kept none.
        await p.post(state());
        await frames(p.page);
        assert.match(await p.page.locator('#sweep-status').innerText(), /^Sweep #1 on flower\.csv: stopped after 3 of 7 sizes/);
        assert.equal(await p.page.locator('#run-sweep').evaluate((b) => b.disabled), false);
        assert.equal(await p.page.locator('#stop-sweep').isVisible(), false);
        assert.equal(await p.page.locator('canvas.sweep-canvas').getAttribute('data-points'), '3', 'the sizes finished are kept');
        assert.notEqual((await rows(p.page))[3].at(-1), 'training…');
        for (let i = 0; i < 50 && p.state()?.sweep?.status !== 'stopped'; i++) await p.page.waitForTimeout(100);
        assert.equal(p.state().sweep.status, 'stopped', 'saved stopped for the next reload');
        // A host that has the sweep (its workspace state) wins.
        await p.post(state(sweep(3, { status: 'stopped', id: 4 })));
        await frames(p.page);
        assert.match(await p.page.locator('#sweep-status').innerText(), /^Sweep #4 on flower\.csv: stopped/);
      },
      { state: saved },
    );
  });

  // ── from a new user's try: the card no longer takes over the page ──────────────────────────
  for (const theme of ['dark', 'light']) {
    test(`before any sweep: one line, the sizes and Run sweep, after the shown run's cards (${theme})`, () =>
      withWebviewPage(
        async (p) => {
          await ready(p);
          await p.post(state());
          await frames(p.page);
          const card = p.page.locator('.sweep-card');
          // After the run's own cards: the timeline, boundary and parameters come first.
          const order = await p.page.evaluate(() => [...document.querySelectorAll('.layout > .card')].map((c) => c.classList[1]));
          for (const before of ['summary-card', 'gradcheck-card', 'timeline-card', 'boundary-card', 'params-card']) {
            assert.ok(order.indexOf(before) < order.indexOf('sweep-card'), `${before} before the sweep card: ${order.join(', ')}`);
          }
          assert.equal(order.at(-1), 'sweep-card');
          // Compact: no empty chart, one line of explanation, then the form.
          assert.equal(await p.page.locator('canvas.sweep-canvas').isVisible(), false);
          assert.equal(await p.page.locator('#sweep-table').count(), 0);
          const status = await p.page.locator('#sweep-status').evaluate((e) => ({ h: e.getBoundingClientRect().height, line: parseFloat(getComputedStyle(e).lineHeight) || 18 }));
          assert.ok(status.h < 1.6 * status.line, `one line: ${status.h}px`);
          const height = await card.evaluate((e) => e.getBoundingClientRect().height);
          assert.ok(height < 130, `the empty card is ${height}px tall`);
          assert.equal(await p.page.locator('#run-sweep').isVisible(), true);
          await card.screenshot({ path: await p.shot(`sweep-empty-${theme}`) });
          // The first sweep brings the chart.
          await p.post({ type: 'sweep', sweep: sweep(1) });
          await frames(p.page);
          assert.equal(await p.page.locator('canvas.sweep-canvas').isVisible(), true);
        },
        { theme, viewport: { width: 1100, height: 900 } },
      ));

    test(`a finished sweep says its sentence once, and the last size's marker is whole (${theme})`, () =>
      withWebviewPage(
        async (p) => {
          await ready(p);
          await p.post(state(sweep(7)));
          await frames(p.page);
          const card = p.page.locator('.sweep-card');
          await card.scrollIntoViewIfNeeded();
          await p.page.waitForTimeout(200);
          const said = (await card.innerText()).match(/Sweep #1 on flower\.csv/g) ?? [];
          assert.equal(said.length, 1, 'the status line, not the table caption too');
          const caption = p.page.locator('#sweep-table caption');
          assert.match(await caption.getAttribute('class'), /visually-hidden/);
          assert.match(await caption.textContent(), /^Sweep #1: train and test accuracy per hidden layer size, 7 of 7 sizes trained$/);
          // The test line's colour (--vscode-charts-orange): its rightmost pixel keeps clear of the canvas edge.
          const m = await p.page.locator('canvas.sweep-canvas').evaluate((c) => {
            const hex = getComputedStyle(document.documentElement).getPropertyValue('--vscode-charts-orange').trim();
            const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let right = -1;
            for (let y = 0; y < c.height; y++) {
              for (let x = c.width - 1; x > right; x--) {
                const i = 4 * (y * c.width + x);
                if (d[i + 3] > 200 && Math.abs(d[i] - want[0]) < 12 && Math.abs(d[i + 1] - want[1]) < 12 && Math.abs(d[i + 2] - want[2]) < 12) {
                  right = x;
                  break;
                }
              }
            }
            return { right, width: c.width, dpr: window.devicePixelRatio || 1, hex };
          });
          assert.ok(m.right > 0, `test line found (${m.hex})`);
          assert.ok(m.width - m.right > 20 * m.dpr, `the last marker ends ${m.width - m.right}px before the edge`);
          await card.screenshot({ path: await p.shot(`sweep-finished-card-${theme}`) });
        },
        { theme, viewport: { width: 1100, height: 900 } },
      ));
  }
});
