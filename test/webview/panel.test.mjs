/* global suite, test, document, getComputedStyle */
// The panel as a whole: a reload restores the view, keyboard reach, a narrow panel.
// Split from the panel's tests: the webview driven by the host's messages in Chromium under the
// extension's CSP (the harness fails any test with a CSP violation, an uncaught error or a failed request).
import * as assert from 'node:assert/strict';
import { withWebviewPage } from './harness.mjs';
import { banner, finished, frames, ready, state } from './panelFixtures.mjs';
suite('Training panel', () => {
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
});
