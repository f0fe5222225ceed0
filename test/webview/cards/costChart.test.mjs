/* global suite, test, suiteSetup, document, window, Image, performance, requestAnimationFrame */
// The cost chart card: live updates in a burst, and Export charts as PNG.
// Split from the panel's tests: the webview driven by the host's messages in Chromium under the
// extension's CSP (the harness fails any test with a CSP violation, an uncaught error or a failed request).
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, withWebviewPage } from '../harness.mjs';
import { banner, finished, frames, gate, loadHostGate, ready, run, state } from '../panelFixtures.mjs';

suiteSetup(loadHostGate);
suite('Training panel', () => {
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
      assert.deepEqual(gate.parseFromWebview(m), { type: 'exportPng', dataUrl: m.dataUrl }, 'valid for the host');
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
