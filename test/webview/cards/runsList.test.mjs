/* global suite, test, document, getComputedStyle */
// The runs compared: ticks, colours, Details, failed runs.
// Split from the panel's tests: the webview driven by the host's messages in Chromium under the
// extension's CSP (the harness fails any test with a CSP violation, an uncaught error or a failed request).
import * as assert from 'node:assert/strict';
import { withWebviewPage } from '../harness.mjs';
import { banner, dataset, finished, frames, points, ready, run, state, swatches } from '../panelFixtures.mjs';
suite('Training panel', () => {
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
