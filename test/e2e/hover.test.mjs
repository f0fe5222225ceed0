/* global suite, test, document, NodeFilter */
// Hovering `np.tanh` in the sample Python file shows the activation hover, with its plot, as a
// person sees it: in the dark theme and in the light one (screenshots in test-results/e2e/).
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { e2e } from './harness.mjs';
import { waitUntil } from './workbench.mjs';

const HOVER = '.monaco-editor .monaco-hover:not(.hidden)';

/** Screen point of the middle of the `index`-th character of `needle` in a visible editor line. */
async function pointOf(page, needle, index) {
  return page.evaluate(
    ([needle, index]) => {
      for (const line of document.querySelectorAll('.monaco-editor .view-line')) {
        const at = (line.textContent ?? '').replace(/\u00a0/g, ' ').indexOf(needle);
        if (at < 0) continue;
        const target = at + index;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = n.textContent.length;
          if (seen + len > target) {
            const r = document.createRange();
            r.setStart(n, target - seen);
            r.setEnd(n, target - seen + 1);
            const b = r.getBoundingClientRect();
            return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
          }
          seen += len;
        }
      }
      return undefined;
    },
    [needle, index],
  );
}

/** Moves the mouse onto "tanh" of `np.tanh(z)` and waits for our hover; returns its locator. */
async function hoverTanh(wb) {
  const page = wb.page;
  const hover = page.locator(HOVER).filter({ hasText: "tanh'(z) = 1 − tanh²(z)" }).first();
  // The extension activates when the Python file opens; until its provider is registered a hover
  // shows nothing, and the editor asks again only when the mouse moves: move off and back on.
  const deadline = Date.now() + 30_000;
  for (;;) {
    await page.mouse.move(5, 5);
    await page.waitForTimeout(300);
    const point = await waitUntil('the line "return np.tanh(z)" in the editor', () => pointOf(page, 'np.tanh(z)', 4));
    await page.mouse.move(point.x - 2, point.y);
    await page.mouse.move(point.x, point.y, { steps: 3 });
    const shown = await hover.waitFor({ state: 'visible', timeout: 4000 }).then(() => true, () => false);
    if (shown) break;
    if (Date.now() > deadline) {
      const texts = await page.locator(HOVER).allInnerTexts().catch(() => []);
      throw new Error(`no activation hover on np.tanh after 30 s; hovers shown: ${JSON.stringify(texts)}`);
    }
  }
  // the plot is a loaded image (a broken data: URI has naturalWidth 0)
  const img = hover.locator('img[src^="data:image/svg+xml;base64,"]').first();
  await img.waitFor({ state: 'visible', timeout: 5000 });
  await waitUntil('the plot image to load', () => img.evaluate((el) => el.complete && el.naturalWidth > 0));
  await page.waitForTimeout(300);
  return hover;
}

suite('Activation hover', () => {
  test('hovering np.tanh in activations.py shows formulas, the g\' table, the plot and the links (dark and light)', async function () {
    this.timeout(120_000);
    const wb = await e2e.openWorkbench(this, { waitFor: 'activations.py' });
    await wb.explorerRow('activations.py').click();
    await wb.page.locator('.monaco-editor .view-line').filter({ hasText: 'np.tanh(z)' }).first().waitFor({ state: 'visible', timeout: 20_000 });

    for (const [theme, kind] of [['Dark Modern', 'dark'], ['Light Modern', 'light']]) {
      if ((await wb.themeKind()) !== kind) assert.equal(await wb.setColorTheme(theme), kind);
      const hover = await hoverTanh(wb);
      const text = (await hover.innerText()).replace(/\s+/g, ' ');
      for (const expected of ['tanh(z) = (e^z − e^−z) / (e^z + e^−z)', "tanh'(z) = 1 − tanh²(z)", '(−1, 1)', 'saturates', 'Train a net with this activation', 'Compare activations']) {
        assert.ok(text.includes(expected), `the hover (${kind}) lacks "${expected}": ${text.slice(0, 500)}`);
      }
      assert.ok(text.includes("tanh'(−10) = 8.24 × 10⁻⁹ · tanh'(0) = 1 · tanh'(10) = 8.24 × 10⁻⁹"), `the g' values (${kind}): ${text.slice(0, 500)}`);
      // everything fits the hover's default height: no scrolling to reach the plot and the links
      const fits = await hover.evaluate((el) => {
        const scrollable = el.querySelector('.monaco-scrollable-element') ?? el;
        const content = el.querySelector('.hover-contents, .monaco-hover-content') ?? el;
        return { view: scrollable.getBoundingClientRect().height, content: content.scrollHeight };
      });
      assert.ok(fits.content <= fits.view + 2, `the hover scrolls (${kind}): content ${fits.content} px in ${fits.view} px`);
      const links = await hover.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''));
      assert.ok(links.some((l) => l.startsWith('command:shallowNet.trainOnCsv')), `links: ${JSON.stringify(links)}`);
      assert.ok(links.some((l) => l.startsWith('command:shallowNet.openPanel')), `links: ${JSON.stringify(links)}`);
      await wb.screenshot(`hover np.tanh ${kind}`);
      const box = await hover.boundingBox();
      if (box) {
        await wb.page.screenshot({
          path: join(e2e.screenshotDir, `activation-hover-np-tanh-${kind}.png`),
          clip: { x: Math.max(0, box.x - 10), y: Math.max(0, box.y - 10), width: box.width + 20, height: box.height + 20 },
        });
      }
    }
    assert.equal(await wb.setColorTheme('Dark Modern'), 'dark');

    // The train link is trusted: clicking it starts the train flow (which asks for the CSV).
    const hover = await hoverTanh(wb);
    await hover.getByText('Train a net with this activation').click();
    await wb.waitForQuickInput('the CSV pick of "Train a net with this activation"');
    assert.match(await wb.quickInputTitle(), /Train on CSV/);
    assert.ok((await wb.quickInputItems()).some((i) => i.includes('flower.csv')), 'the CSV pick lists flower.csv');
    await wb.screenshot('train link opens the CSV pick');
    await wb.closeQuickInput();
  });
});
