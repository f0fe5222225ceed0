/* global suite, test, document, window */
// The status banner: every state a person meets (none yet, preparing, running, stopped, diverged, error), a run training when the panel opens, a failure brought into view.
// Split from the panel's tests: the webview driven by the host's messages in Chromium under the
// extension's CSP (the harness fails any test with a CSP violation, an uncaught error or a failed request).
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot, withWebviewPage } from '../harness.mjs';
import { banner, finished, frames, params, points, ready, run, state, text } from '../panelFixtures.mjs';
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
    // src/host/panel/panelHtml.ts as the host writes the page, with a stand-in for the vscode module.
    const out = await esbuild.build({
      entryPoints: [join(repoRoot, 'src/host/panel/panelHtml.ts')], bundle: true, format: 'esm', write: false, platform: 'node',
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
});
