/* global suite, test */
// The backpropagation check card.
// Split from the panel's tests: the webview driven by the host's messages in Chromium under the
// extension's CSP (the harness fails any test with a CSP violation, an uncaught error or a failed request).
import * as assert from 'node:assert/strict';
import { withWebviewPage } from '../harness.mjs';
import { finished, frames, ready, state, text } from '../panelFixtures.mjs';

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
