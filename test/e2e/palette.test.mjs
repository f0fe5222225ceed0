/* global suite, test */
// The command palette lists this extension's commands, as a person typing "Shallow Net" sees them.
import * as assert from 'node:assert/strict';
import { e2e } from './harness.mjs';

/** "Category: Title" of each contributed command the palette shows unconditionally, and of those it hides. */
function paletteCommands(manifest) {
  const commands = manifest.contributes?.commands ?? [];
  const rules = new Map((manifest.contributes?.menus?.commandPalette ?? []).map((r) => [r.command, r.when]));
  const label = (c) => (c.category ? `${c.category}: ${c.title}` : c.title);
  return {
    // no commandPalette rule, or one without a when: always listed
    shown: commands.filter((c) => !rules.has(c.command) || rules.get(c.command) === undefined).map(label),
    // when "false": never listed
    hidden: commands.filter((c) => rules.get(c.command) === 'false').map(label),
  };
}

suite('Command palette', () => {
  test('typing "Shallow Net" lists every command the palette shows', async function () {
    const wb = await e2e.openWorkbench(this);
    await wb.screenshot('workbench ready');
    await wb.openCommandPalette('Shallow Net');
    const items = await wb.quickInputItems();
    await wb.screenshot('palette shallow net');
    const { shown, hidden } = paletteCommands(e2e.manifest);
    assert.ok(shown.length > 0, 'package.json contributes no command the palette shows');
    const missing = shown.filter((l) => !items.some((i) => i.startsWith(l)));
    assert.deepEqual(missing, [], `not in the palette: ${JSON.stringify(missing)}; it lists ${JSON.stringify(items)}`);
    const leaked = hidden.filter((l) => items.some((i) => i.startsWith(l)));
    assert.deepEqual(leaked, [], `hidden from the palette but listed: ${JSON.stringify(leaked)}`);
    await wb.closeQuickInput();
  });
});
