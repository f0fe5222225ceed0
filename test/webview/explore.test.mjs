/* global suite, test, suiteSetup, document, requestAnimationFrame, setInterval, clearInterval */
// The timeline slider, the heatmap cell editor and the boundary's feature pickers, in Chromium
// under the extension's CSP. The test plays the host: runs are trained with src/core/pipeline.ts and
// their snapshots kept with src/core/snapshots.ts, and every `explore` request the webview sends is
// answered with src/core/explore.ts on the same data, as the explore worker would.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, withWebviewPage } from './harness.mjs';
import { hostModules, TEST_SETTINGS } from './hostSide.mjs';

const SETTINGS = { ...TEST_SETTINGS, iterations: 600 };

let engine;
suiteSetup(async () => {
  engine = await hostModules({
    './src/core/pipeline': ['prepareRun', 'snapshot'],
    './src/core/boundaryView': ['BoundaryTracker', 'confusionView'],
    './src/core/explore': ['ExploreData'],
    './src/core/snapshots': ['SnapshotKeeper', 'paramCount'],
  });
});

/** A finished run as the host has it, with its timeline, and the data to answer explore requests. */
function trainedRun(id, file, over = {}) {
  const settings = { ...SETTINGS, ...over };
  const text = readFileSync(join(repoRoot, 'test', 'fixtures', file), 'utf8');
  const prepared = engine.prepareRun(text, file, settings);
  const keeper = new engine.SnapshotKeeper(settings.iterations, engine.paramCount(prepared.trainer.params));
  const points = [];
  for (let i = 0; i < settings.iterations; i++) {
    if (keeper.wants(i)) keeper.keep(i, prepared.trainer.params);
    const r = prepared.trainer.step();
    points.push([i, r.cost, r.accuracy]);
  }
  const snapshots = keeper.finish(settings.iterations, prepared.trainer.params);
  const tracker = engine.BoundaryTracker.for(prepared.dataset, prepared.arch);
  const test = prepared.trainer.testMetrics();
  const run = {
    id,
    label: `${file} · tanh · 4 units`,
    fileName: file,
    settings,
    status: 'finished',
    dataset: prepared.summary,
    points,
    testPoints: [],
    iteration: settings.iterations,
    params: engine.snapshot(prepared.trainer.params),
    summary: { iterations: settings.iterations, cost: prepared.trainer.trainCost(), trainAccuracy: prepared.trainer.trainAccuracy(), testAccuracy: test?.accuracy ?? null, testCost: test?.cost ?? null, seconds: 0.3 },
    boundary: tracker.boundary(prepared.trainer.params, settings.iterations),
    scatter: tracker.scatter(),
    confusion: engine.confusionView(prepared.dataset, prepared.arch, prepared.trainer.params),
    snapshots,
  };
  return { run, data: new engine.ExploreData(prepared.dataset, settings) };
}

const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Plays the explore worker: answers every explore request the webview sends (from `from` on). */
function serveExplore(p, data, log = []) {
  let seen = p.sent.length;
  const timer = setInterval(async () => {
    while (seen < p.sent.length) {
      const m = p.sent[seen++];
      if (m.type !== 'explore') continue;
      log.push(m);
      const result = data.evaluate(m.params, m.features, m.iteration ?? 0);
      await p.post({ type: 'explored', requestId: m.requestId, runId: m.runId, result }).catch(() => {});
    }
  }, 20);
  return { log, stop: () => clearInterval(timer) };
}

async function open(p, runs) {
  await p.waitForSent((m) => m.type === 'ready');
  await p.post({ type: 'state', runs, defaults: SETTINGS, training: false });
  await frames(p.page);
  await frames(p.page);
}

const pixels = (page, sel) => page.locator(sel).evaluate((c) => c.toDataURL());
const summaryRow = (page, name) =>
  page.evaluate((n) => {
    const dt = [...document.querySelectorAll('.summary-list dt')].find((d) => d.textContent === n);
    return dt?.nextElementSibling?.textContent ?? null;
  }, name);

async function cardShot(page, cls, name) {
  const dir = join(repoRoot, 'test-results', 'webview');
  await page.locator(`.${cls}`).screenshot({ path: join(dir, `${name}.png`) });
}

suite('Explore: timeline, weight edits, feature pickers', () => {
  for (const theme of ['dark', 'light']) {
    test(`timeline (${theme}): the slider scrubs back through the snapshots; heatmaps, boundary, units and summary follow; Latest goes back`, () =>
      withWebviewPage(
        async (p) => {
          const { run, data } = trainedRun(1, 'flower.csv');
          const host = serveExplore(p, data);
          try {
            await open(p, [run]);
            const slider = p.page.locator('#timeline-slider');
            assert.equal(await p.page.locator('.timeline-card').isVisible(), true);
            assert.equal(await slider.getAttribute('max'), String(run.snapshots.length - 1));
            assert.match(await slider.getAttribute('aria-valuetext'), /Iteration 600 of 600, the latest parameters/);
            assert.equal(await p.page.locator('#timeline-latest').evaluate((b) => b.disabled), true);
            const heatBefore = await pixels(p.page, 'canvas.heatmap >> nth=0');
            const unitsBefore = await pixels(p.page, 'canvas.unit-map >> nth=0');

            // Keyboard: Home goes to iteration 0, the initial parameters.
            await slider.focus();
            await p.page.keyboard.press('Home');
            const req = await p.waitForSent((m) => m.type === 'explore' && m.iteration === 0);
            assert.deepEqual(req.params, run.snapshots[0].params, 'the snapshot of iteration 0 is asked about');
            assert.deepEqual(req.features, [0, 1]);
            await p.page.waitForFunction(() => /iteration 0 over/.test(document.querySelector('canvas.boundary-canvas')?.getAttribute('aria-label') ?? ''));
            await frames(p.page);
            assert.match(await slider.getAttribute('aria-valuetext'), /Iteration 0 of 600, snapshot 1 of \d+/);
            assert.equal(await p.page.locator('.timeline-value').innerText(), '0 of 600');
            assert.match(await p.page.locator('canvas.cost-canvas').getAttribute('aria-label'), /the timeline shows iteration 0$/);
            assert.notEqual(await pixels(p.page, 'canvas.heatmap >> nth=0'), heatBefore, 'W[1] shows the initial weights');
            assert.notEqual(await pixels(p.page, 'canvas.unit-map >> nth=0'), unitsBefore, 'the unit maps follow');
            assert.equal(await summaryRow(p.page, 'Showing'), "the timeline's snapshot at iteration 0");
            assert.equal(await summaryRow(p.page, 'Iterations'), '0 of 600');
            const initialCost = data.evaluate(run.snapshots[0].params, [0, 1]).train.cost;
            assert.ok(Math.abs(initialCost - Math.log(2)) < 0.01, 'the initial cost is about ln 2');
            assert.equal(await summaryRow(p.page, 'Cost'), initialCost.toPrecision(4).replace(/\.?0+$/, ''));
            // Arrow keys step through the snapshots.
            await p.page.keyboard.press('ArrowRight');
            await p.waitForSent((m) => m.type === 'explore' && m.iteration === run.snapshots[1].iteration);
            await p.page.keyboard.press('ArrowRight');
            await p.page.keyboard.press('ArrowRight');
            const third = run.snapshots[3].iteration;
            await p.page.waitForFunction((it) => new RegExp(`iteration ${it} over`).test(document.querySelector('canvas.boundary-canvas')?.getAttribute('aria-label') ?? ''), third);
            await frames(p.page);
            await p.shot(`explore-timeline-${theme}`);
            await cardShot(p.page, 'timeline-card', `explore-timeline-card-${theme}`);

            // Latest: back to the trained run's own views, no request needed.
            const before = host.log.length;
            await p.page.locator('#timeline-latest').click();
            await frames(p.page);
            await frames(p.page);
            assert.match(await p.page.locator('canvas.boundary-canvas').getAttribute('aria-label'), /iteration 600 over/);
            assert.equal(await summaryRow(p.page, 'Showing'), null);
            assert.equal(await pixels(p.page, 'canvas.heatmap >> nth=0'), heatBefore);
            assert.equal(host.log.length, before, 'the latest parameters need no request');
          } finally {
            host.stop();
          }
        },
        { theme, viewport: { width: 1100, height: 1500 } },
      ));
  }

  for (const theme of ['dark', 'light', 'high-contrast']) {
    test(`edit a weight (${theme}): click a cell, type a value, the boundary and cost follow; invalid text is a message; Reset`, () =>
      withWebviewPage(
        async (p) => {
          const { run, data } = trainedRun(1, 'flower.csv');
          const host = serveExplore(p, data);
          try {
            await open(p, [run]);
            const b2 = p.page.locator('canvas.heatmap >> nth=3');
            // Escape cancels: Enter on the keyboard-focused cell opens the editor, Escape closes it.
            await b2.focus();
            await p.page.keyboard.press('Enter');
            const input = p.page.locator('input.cell-editor:visible');
            assert.equal(await input.count(), 1);
            assert.match(await input.getAttribute('aria-label'), /New value of b\[2\]\[.+, b\]; Enter applies, Escape cancels/);
            assert.equal(await input.inputValue(), String(Number(run.params.b2[0][0].toPrecision(6))));
            await p.page.keyboard.press('Escape');
            assert.equal(await p.page.locator('input.cell-editor:visible').count(), 0);
            assert.equal(await b2.evaluate((c) => c === document.activeElement), true, 'the focus is back on the heatmap');
            assert.equal(p.sent.filter((m) => m.type === 'explore').length, 0, 'nothing was applied');

            // Click the cell, type nonsense: a clear message, the editor stays open.
            const box = await b2.boundingBox();
            await p.page.mouse.click(box.x + box.width / 2, box.y + box.height - 8);
            await input.fill('abc');
            await input.press('Enter');
            const error = p.page.locator('.cell-error:visible');
            assert.equal(await error.innerText(), 'Enter a number, such as 0.5, -1.2 or 3e-2.');
            assert.equal(await input.getAttribute('aria-invalid'), 'true');
            await p.shot(`explore-edit-invalid-${theme}`);
            await cardShot(p.page, 'params-card', `explore-params-invalid-${theme}`);
            // A real value: b[2] = 8 makes the plane class 1 nearly everywhere.
            await input.fill('8');
            await input.press('Enter');
            const req = await p.waitForSent((m) => m.type === 'explore');
            assert.deepEqual(req.params.b2, [[8]]);
            assert.deepEqual(req.params.W1, run.params.W1, 'only b[2] changed');
            assert.equal(req.iteration, 600, 'edited parameters: the iteration they were edited from');
            const expected = data.evaluate(req.params, [0, 1]);
            await p.page.waitForFunction(() => /Edited/.test(document.querySelector('.edited-line')?.textContent ?? '') && /cost/.test(document.querySelector('.edited-text')?.textContent ?? ''));
            await frames(p.page);
            const line = await p.page.locator('.edited-line').innerText();
            assert.match(line, /1 value changed from the trained parameters \(iteration 600\)/);
            assert.match(line, new RegExp(`cost ${expected.train.cost.toPrecision(4).replace(/\.?0+$/, '')} \\(trained`));
            assert.match(line, /Not saved: Save model saves the trained parameters/);
            assert.ok(expected.train.cost > run.summary.cost + 0.3, 'the cost rose');
            assert.match(await summaryRow(p.page, 'Showing'), /edited parameters: 1 value changed from those of iteration 600 \(not saved\)/);
            assert.equal(await summaryRow(p.page, 'Cost'), expected.train.cost.toPrecision(4).replace(/\.?0+$/, ''));
            assert.match(await summaryRow(p.page, 'Test accuracy'), new RegExp(`${(expected.test.accuracy * 100).toFixed(1)} %`));
            const label = await p.page.locator('canvas.boundary-canvas').getAttribute('aria-label');
            assert.match(label, /^Decision boundary with edited parameters \(from iteration 600\) over/);
            assert.match(await p.page.locator('canvas.fs-canvas').getAttribute('aria-label'), /^Hidden feature space with edited parameters \(from iteration 600\):/);
            const share1 = Number(/ 1 (\d+) %/.exec(label)?.[1]);
            assert.ok(share1 > 80, `most of the plane says 1 now: ${label}`);
            assert.match(await b2.getAttribute('aria-label'), /1 value edited/);
            assert.match(await p.page.locator('.params .readout').innerText(), /^b\[2\]\[.+, b\] = 8 \(edited\)$/);
            assert.equal(await p.page.locator('.heatmap-tip.visible').count(), 0, 'no stale tooltip after the edit');
            await p.shot(`explore-edited-${theme}`);
            await cardShot(p.page, 'params-card', `explore-params-edited-${theme}`);

            // Reset: the trained values and the run's own boundary again.
            await p.page.locator('#reset-edits').click();
            await frames(p.page);
            await frames(p.page);
            assert.equal(await p.page.locator('.edited-line').isVisible(), false);
            assert.match(await p.page.locator('canvas.boundary-canvas').getAttribute('aria-label'), /iteration 600 over/);
            assert.equal(await summaryRow(p.page, 'Cost'), run.summary.cost.toPrecision(4).replace(/\.?0+$/, ''));
          } finally {
            host.stop();
          }
        },
        { theme, viewport: { width: 1100, height: 1500 } },
      ));
  }

  test('a run still training cannot be edited; an error from the host is shown, not thrown', () =>
    withWebviewPage(
      async (p) => {
        const { run } = trainedRun(1, 'flower.csv', { iterations: 50 });
        await open(p, [{ ...run, status: 'running', summary: undefined, snapshots: undefined }]);
        await p.page.locator('canvas.heatmap >> nth=3').focus();
        await p.page.keyboard.press('Enter');
        assert.equal(await p.page.locator('input.cell-editor:visible').count(), 0, 'no editor while training');
        assert.equal(await p.page.locator('.timeline-card').isVisible(), false, 'no timeline before the run ends');
        // The run ends; its CSV was deleted: the explore answer is an error message.
        await p.post({ type: 'run', run, append: false });
        await frames(p.page);
        await p.page.locator('#timeline-slider').focus();
        await p.page.keyboard.press('Home');
        const req = await p.waitForSent((m) => m.type === 'explore');
        await p.post({ type: 'explored', requestId: req.requestId, runId: 1, error: 'flower.csv is no longer where this run read it (deleted, moved or renamed).' });
        await frames(p.page);
        const status = p.page.locator('.timeline-card .explore-status');
        assert.match(await status.innerText(), /flower\.csv is no longer where this run read it/);
        assert.equal(await p.page.locator('.boundary-card').isVisible(), false, 'no boundary that would not match the parameters shown');
      },
      { theme: 'dark', viewport: { width: 1100, height: 1400 } },
    ));

  for (const theme of ['dark', 'light']) {
    test(`feature pickers (${theme}): iris's four features, pick two for the axes; the boundary, scatter and unit maps follow`, () =>
      withWebviewPage(
        async (p) => {
          const { run, data } = trainedRun(1, 'iris.csv', { target: 'species' });
          const host = serveExplore(p, data);
          try {
            await open(p, [run]);
            const picker = p.page.locator('.axes-picker');
            assert.equal(await picker.isVisible(), true);
            // It opens on the two features that separate the classes best: the petals.
            assert.equal(await p.page.locator('.x-axis-label').innerText(), 'petal_length');
            assert.equal(await p.page.locator('.y-axis-label').innerText(), 'petal_width');
            const unitsBefore = await pixels(p.page, 'canvas.unit-map >> nth=0');
            await p.page.locator('#boundary-x').click();
            await p.page.locator('#boundary-x li[role="option"]', { hasText: 'sepal_length' }).click();
            const req = await p.waitForSent((m) => m.type === 'explore');
            assert.deepEqual(req.features, [0, 3]);
            assert.deepEqual(req.params, run.params, 'the trained parameters on another plane');
            await p.page.waitForFunction(() => document.querySelector('.x-axis-label')?.textContent === 'sepal_length');
            // The same feature on both axes swaps them.
            await p.page.locator('#boundary-y').click();
            await p.page.locator('#boundary-y li[role="option"]', { hasText: 'sepal_length' }).click();
            const swap = await p.waitForSent((m) => m.type === 'explore' && m.features[1] === 0);
            assert.deepEqual(swap.features, [3, 0]);
            await p.page.waitForFunction(() => document.querySelector('.y-axis-label')?.textContent === 'sepal_length');
            await p.page.locator('#boundary-x').click();
            await p.page.locator('#boundary-x li[role="option"]', { hasText: 'sepal_width' }).click();
            await p.page.waitForFunction(() => document.querySelector('.x-axis-label')?.textContent === 'sepal_width');
            await frames(p.page);
            assert.match(await p.page.locator('.boundary-note').innerText(), /The other 2 features are held at their training mean/);
            assert.match(await p.page.locator('canvas.boundary-canvas').getAttribute('aria-label'), /over sepal_width \(.+\) and sepal_length/);
            assert.notEqual(await pixels(p.page, 'canvas.unit-map >> nth=0'), unitsBefore, 'the unit maps follow the plane');
            assert.equal(await summaryRow(p.page, 'Showing'), null, 'the trained parameters: only the plane changed');
            await p.shot(`explore-axes-${theme}`);
            await cardShot(p.page, 'boundary-card', `explore-axes-card-${theme}`);
            assert.equal(await p.page.locator('.axes-picker').count(), 1);
          } finally {
            host.stop();
          }
        },
        { theme, viewport: { width: 1100, height: 1500 } },
      ));
  }

  test('a new run opens on its own pair of features (iris: the petals) after a 2-feature run was shown; each run keeps the axes picked for it', () =>
    withWebviewPage(
      async (p) => {
        const flower = trainedRun(1, 'flower.csv', { iterations: 50 });
        const { run: iris, data } = trainedRun(2, 'iris.csv', { target: 'species', iterations: 50 });
        const host = serveExplore(p, data);
        try {
          await open(p, [flower.run]);
          // The new run as the host sends it: preparing (nothing read yet), its data read, then its boundaries.
          const bare = { id: 2, label: iris.label, fileName: iris.fileName, settings: iris.settings, status: 'preparing', points: [], testPoints: [], iteration: 0 };
          await p.post({ type: 'run', run: bare, append: false });
          await frames(p.page);
          await p.post({ type: 'run', run: { ...bare, status: 'running', dataset: iris.dataset, scatter: iris.scatter }, append: false });
          await frames(p.page);
          await p.post({ type: 'run', run: { ...bare, status: 'running', dataset: iris.dataset, points: iris.points.slice(0, 10), iteration: 10, params: iris.params, boundary: iris.boundary }, append: true });
          await frames(p.page);
          await p.post({ type: 'run', run: iris, append: false });
          await frames(p.page);
          await frames(p.page);
          assert.equal(await p.page.locator('.x-axis-label').innerText(), 'petal_length');
          assert.equal(await p.page.locator('.y-axis-label').innerText(), 'petal_width');
          assert.equal(p.sent.filter((m) => m.type === 'explore').length, 0, 'the run is shown on its own plane: nothing to ask');
          // Pick sepal_length for x on run #2, show run #1, then run #2 again: its axes are as picked.
          await p.page.locator('#boundary-x').click();
          await p.page.locator('#boundary-x li[role="option"]', { hasText: 'sepal_length' }).click();
          await p.page.waitForFunction(() => document.querySelector('.x-axis-label')?.textContent === 'sepal_length');
          await p.page.locator('tr[data-run-id="1"] .link-button').click();
          await frames(p.page);
          assert.equal(await p.page.locator('.x-axis-label').innerText(), 'x1');
          await p.page.locator('tr[data-run-id="2"] .link-button').click();
          await p.page.waitForFunction(() => document.querySelector('.x-axis-label')?.textContent === 'sepal_length');
          assert.equal(await p.page.locator('.y-axis-label').innerText(), 'petal_width');
        } finally {
          host.stop();
        }
      },
      { viewport: { width: 1100, height: 1500 } },
    ));

  test("the read-outs read what is shown: the boundary's after an edit, the timeline and another run; the parameters' after Reset", () =>
    withWebviewPage(
      async (p) => {
        const first = trainedRun(1, 'flower.csv', { iterations: 200, seed: 5 });
        const { run, data } = trainedRun(2, 'flower.csv', { iterations: 200 });
        const host = serveExplore(p, data);
        const HINT = 'Hover the plot (or focus it and use the arrow keys) to read the prediction at a point.';
        const boundaryReadout = p.page.locator('.boundary-readout');
        const hoverBoundary = async () => {
          const box = await p.page.locator('canvas.boundary-canvas').boundingBox();
          await p.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
          assert.match(await boundaryReadout.innerText(), /^x1 = .+, x2 = .+: P\(1\) ≈ /);
          await p.page.mouse.move(2, 2);
        };
        try {
          await open(p, [first.run, run]);
          // An edit: b[2] = 8.
          await hoverBoundary();
          const b2 = p.page.locator('canvas.heatmap >> nth=3');
          const box = await b2.boundingBox();
          await p.page.mouse.click(box.x + box.width / 2, box.y + box.height - 8);
          const input = p.page.locator('input.cell-editor:visible');
          await input.fill('8');
          await input.press('Enter');
          await p.page.waitForFunction(() => /with edited parameters/.test(document.querySelector('canvas.boundary-canvas')?.getAttribute('aria-label') ?? ''), undefined, { timeout: 10_000 });
          await frames(p.page);
          assert.equal(await boundaryReadout.innerText(), HINT, 'no prediction of the trained network under the edited plot');
          const params = p.page.locator('.params .readout');
          assert.match(await params.innerText(), /^b\[2\]\[.+, b\] = 8 \(edited\)$/);
          // Reset: the read-out reads the trained value, not "(edited)".
          await p.page.locator('#reset-edits').click();
          await frames(p.page);
          await frames(p.page);
          assert.match(await params.innerText(), /^b\[2\]\[.+, b\] = /);
          assert.doesNotMatch(await params.innerText(), /8 \(edited\)|\(edited\)/);
          // The timeline moves back to iteration 0.
          await hoverBoundary();
          await p.page.locator('#timeline-slider').focus();
          await p.page.keyboard.press('Home');
          await p.page.waitForFunction(() => /at iteration 0 over/.test(document.querySelector('canvas.boundary-canvas')?.getAttribute('aria-label') ?? ''), undefined, { timeout: 10_000 });
          await frames(p.page);
          assert.equal(await boundaryReadout.innerText(), HINT, "no prediction of iteration 200 under iteration 0's plot");
          // Another run shown.
          await p.page.locator('#timeline-latest').click();
          await frames(p.page);
          await hoverBoundary();
          await p.page.locator('tr[data-run-id="1"] .link-button').click();
          await frames(p.page);
          assert.equal(await boundaryReadout.innerText(), HINT, "no prediction of run #2 under run #1's plot");
        } finally {
          host.stop();
        }
      },
      { viewport: { width: 1100, height: 2600 } },
    ));

  for (const theme of ['dark', 'light']) {
    test(`parameters the host would refuse (${theme}, beyond ±1e6): a clear message, no request, never stuck evaluating`, () =>
      withWebviewPage(
        async (p) => {
          const { run, data } = trainedRun(1, 'flower.csv', { iterations: 50 });
          // A kept snapshot of a diverging run: one value beyond what the host evaluates.
          const bad = { ...run.snapshots[1].params, b2: [[2e6]] };
          const snapshots = run.snapshots.map((sn, i) => (i === 1 ? { ...sn, params: bad } : sn));
          const host = serveExplore(p, data);
          try {
            await open(p, [{ ...run, snapshots }]);
            const slider = p.page.locator('#timeline-slider');
            await slider.focus();
            await p.page.keyboard.press('Home');
            await p.page.waitForFunction(() => /at iteration 0 over/.test(document.querySelector('canvas.boundary-canvas')?.getAttribute('aria-label') ?? ''));
            await p.page.keyboard.press('ArrowRight');
            const status = p.page.locator('.timeline-card .explore-status');
            await p.page.waitForFunction(() => /beyond ±1e6: they cannot be evaluated/.test(document.querySelector('.timeline-card .explore-status')?.textContent ?? ''));
            await frames(p.page);
            assert.ok(host.log.every((m) => m.params.b2[0][0] !== 2e6), 'the refused parameters are not sent');
            assert.doesNotMatch(await status.innerText(), /Evaluating/);
            assert.equal(await p.page.locator('.boundary-card').isVisible(), false, 'no boundary that would not match the parameters shown');
            await cardShot(p.page, 'timeline-card', `explore-refused-${theme}`);
            // The next snapshot is evaluated as usual.
            await p.page.keyboard.press('ArrowRight');
            await p.page.waitForFunction((it) => new RegExp(`at iteration ${it} over`).test(document.querySelector('canvas.boundary-canvas')?.getAttribute('aria-label') ?? ''), run.snapshots[2].iteration);
            await frames(p.page);
            assert.equal(await status.isVisible(), false);
          } finally {
            host.stop();
          }
        },
        { theme, viewport: { width: 1100, height: 1400 } },
      ));
  }

  test('an answer that comes after the timeline moved on is not shown under the new position', () =>
    withWebviewPage(
      async (p) => {
        const { run, data } = trainedRun(1, 'flower.csv');
        await open(p, [run]);
        const slider = p.page.locator('#timeline-slider');
        await slider.focus();
        await p.page.keyboard.press('Home');
        const a = await p.waitForSent((m) => m.type === 'explore' && m.iteration === 0);
        // The slider moves on before the answer for iteration 0 comes.
        await p.page.keyboard.press('ArrowRight');
        await frames(p.page);
        const old = data.evaluate(a.params, a.features, 0);
        await p.post({ type: 'explored', requestId: a.requestId, runId: 1, result: old });
        const b = await p.waitForSent((m) => m.type === 'explore' && m.requestId > a.requestId);
        const at = run.snapshots[1].iteration;
        assert.equal(b.iteration, at);
        await frames(p.page);
        await frames(p.page);
        const cost = old.train.cost.toPrecision(4).replace(/\.?0+$/, '');
        assert.notEqual(await summaryRow(p.page, 'Cost'), cost, "iteration 0's cost is not shown as iteration " + at + "'s");
        assert.doesNotMatch(await p.page.locator('canvas.boundary-canvas').getAttribute('aria-label'), /at iteration 0 over/);
        assert.match(await p.page.locator('.timeline-card .explore-status').innerText(), /Evaluating the network at these parameters/);
        // Its own answer: shown.
        const mine = data.evaluate(b.params, b.features, at);
        await p.post({ type: 'explored', requestId: b.requestId, runId: 1, result: mine });
        await p.page.waitForFunction((it) => new RegExp(`at iteration ${it} over`).test(document.querySelector('canvas.boundary-canvas')?.getAttribute('aria-label') ?? ''), at);
        await frames(p.page);
        assert.equal(await summaryRow(p.page, 'Cost'), mine.train.cost.toPrecision(4).replace(/\.?0+$/, ''));
        assert.equal(await p.page.locator('.timeline-card .explore-status').isVisible(), false);
      },
      { theme: 'dark', viewport: { width: 1100, height: 1400 } },
    ));

  test("the webview's saved state leaves the timeline's snapshots out (the host sends them again)", () =>
    withWebviewPage(async (p) => {
      const { run } = trainedRun(1, 'flower.csv', { iterations: 50 });
      await open(p, [run]);
      let saved;
      for (let i = 0; i < 50 && !saved?.runs?.length; i++) {
        await new Promise((r) => setTimeout(r, 50));
        saved = p.state();
      }
      assert.equal(saved?.runs?.length, 1);
      assert.equal(saved.runs[0].snapshots, undefined, 'no snapshots in setState');
      assert.ok(saved.runs[0].params, 'the rest of the run is kept');
      assert.equal(await p.page.locator('#timeline-slider').getAttribute('max'), String(run.snapshots.length - 1), 'the panel itself keeps them');
    }));

  test('two features: no pickers', () =>
    withWebviewPage(async (p) => {
      const { run } = trainedRun(1, 'flower.csv', { iterations: 20 });
      await open(p, [run]);
      assert.equal(await p.page.locator('.axes-picker').isVisible(), false);
    }));
});
