/* global suite, test */
// Using a trained model as a person does: right-click the model file → Export Model as NumPy
// opens the .py; the palette's Predict with Model… → the model → a CSV opens the predictions.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { e2e } from './harness.mjs';
import { waitUntil } from './workbench.mjs';

const MODEL = 'e2e-flower.model.json';

/** Trains a model into the workspace with the CLI (the e2e build includes dist/cli.js). */
function trainModel() {
  const r = spawnSync(process.execPath, [
    join(process.cwd(), 'dist', 'cli.js'), 'train', join(e2e.workspace, 'flower.csv'),
    '--iterations', '800', '--save', join(e2e.workspace, MODEL),
  ], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

/** The active editor tab's label. */
async function activeTab(wb) {
  const tab = wb.page.locator('.tabs-container .tab.active .label-name').first();
  return (await tab.isVisible()) ? (await tab.innerText()).trim() : '';
}

suite('Use a model', () => {
  test('right-click a model → Export Model as NumPy opens the .py; palette → Predict with Model… opens the predictions', async function () {
    this.timeout(120_000);
    trainModel();
    const wb = await e2e.openWorkbench(this, { waitFor: MODEL });

    const menu = await wb.explorerContextMenu(MODEL);
    await wb.screenshot('model context menu');
    await wb.page.keyboard.press('Escape');
    assert.ok(menu.includes('Export Model as NumPy') && menu.includes('Predict with Model…'), JSON.stringify(menu));

    await wb.explorerContextMenu(MODEL, 'Export Model as NumPy');
    await wb.waitForNotification(/model exported to e2e_flower_model\.py/);
    await waitUntil('the .py to open', async () => (await activeTab(wb)) === 'e2e_flower_model.py');
    await wb.page.waitForTimeout(1000);
    await wb.screenshot('numpy export open');
    const editorText = (await wb.page.locator('.editor-group-container.active .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
    assert.match(editorText, /FEATURE_NAMES = \['x1', 'x2'\]/);

    await wb.runCommand('Shallow Net: Predict with Model…');
    await wb.waitForQuickInput('the model pick');
    assert.match(await wb.quickInputTitle(), /Predict with Model/);
    await wb.screenshot('pick model');
    await wb.pickQuickItem(MODEL);
    await waitUntil('the CSV pick', async () => /2\/2/.test(await wb.quickInputTitle()));
    await wb.screenshot('pick csv');
    await wb.pickQuickItem(/^flower\.csv/);
    await wb.waitForNotification(/400 predictions written to flower\.predictions\.csv/);
    await waitUntil('the predictions to open', async () => (await activeTab(wb)) === 'flower.predictions.csv');
    await wb.page.waitForTimeout(1000);
    await wb.screenshot('predictions open');
    await wb.explorerRow('flower.predictions.csv').waitFor({ state: 'visible', timeout: 15_000 });
  });
});
