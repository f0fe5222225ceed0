/* global suite, test, suiteSetup */
// The New run card: what Train posts and trains on, validation, the activation control.
// Split from the panel's tests: the webview driven by the host's messages in Chromium under the
// extension's CSP (the harness fails any test with a CSP violation, an uncaught error or a failed request).
import * as assert from 'node:assert/strict';
import { withWebviewPage } from '../harness.mjs';
import { DEFAULTS, dataset, finished, frames, gate, loadHostGate, ready, run, state, text } from '../panelFixtures.mjs';

suiteSetup(loadHostGate);
suite('Training panel', () => {
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
      assert.deepEqual(gate.parseFromWebview(m), m, 'the host’s gate lets the message through');
      const parsed = gate.parseTrainSettings(m.settings);
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
          assert.deepEqual(gate.parseFromWebview(m), m, 'the host’s gate lets csvOfRun through');
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
});
