// Drives VS Code's web workbench (code-server 4.100.3 = VS Code 1.100.3) as a person would:
// keyboard and mouse through Playwright, found by what is on screen. Every wait has a timeout and
// says what it waited for.
/* global document */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const SEL = {
  workbench: '.monaco-workbench',
  explorerRow: '.explorer-folders-view .monaco-list-row',
  quickInput: '.quick-input-widget',
  quickInputBox: '.quick-input-widget .quick-input-box input',
  quickInputRow: '.quick-input-widget .quick-input-list .monaco-list-row',
  quickInputTitle: '.quick-input-widget .quick-input-title',
  menu: '.context-view .monaco-menu',
  menuItem: '.context-view .monaco-menu .action-item:not(.disabled) .action-label',
  toast: '.notifications-toasts .notification-toast',
  toastMessage: '.notifications-toasts .notification-list-item-message',
  webviewFrame: 'iframe.webview',
};

/** Rejects with `what` named when `promise` takes longer than `ms`. */
async function within(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `fn` until it returns a truthy value. */
export async function waitUntil(what, fn, { timeout = 15_000, interval = 200 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

const slug = (s) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

export class Workbench {
  /**
   * @param {import('playwright-core').Page} page
   * @param {{ screenshotDir: string, name?: string }} o
   */
  constructor(page, o) {
    this.page = page;
    this.screenshotDir = o.screenshotDir;
    this.name = o.name ?? 'workbench';
    this.step = 0;
  }

  /**
   * Waits until the workbench is interactive: the Explorer lists `file` and the colour theme of
   * the settings is applied (a fresh browser profile first paints a default theme, before the
   * extensions' contributions are registered).
   */
  async waitForWorkbench({ file = 'flower.csv', theme = 'dark', timeout = 60_000 } = {}) {
    await this.page.locator(SEL.workbench).waitFor({ state: 'visible', timeout });
    await this.explorerRow(file).waitFor({ state: 'visible', timeout }).catch((e) => {
      throw new Error(`the Explorer never listed ${file}: ${e.message}`);
    });
    if (theme) await waitUntil(`the ${theme} theme to be applied`, async () => (await this.themeKind()) === theme, { timeout });
    await this.page.waitForTimeout(500);
  }

  /** Saves test-results/<dir>/<name>-<NN>-<step>.png and returns its path. */
  async screenshot(step) {
    mkdirSync(this.screenshotDir, { recursive: true });
    this.step += 1;
    const file = join(this.screenshotDir, `${slug(this.name)}-${String(this.step).padStart(2, '0')}-${slug(step)}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  // --- Quick input (command palette, quick picks, input boxes) --------------------------------

  quickInput() {
    return this.page.locator(SEL.quickInput);
  }

  async quickInputVisible() {
    return this.quickInput().isVisible();
  }

  async waitForQuickInput(what = 'the quick input', timeout = 10_000) {
    await this.quickInput().waitFor({ state: 'visible', timeout }).catch(() => {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    });
  }

  /** Opens the command palette (F1) with `text` typed after the `>`. */
  async openCommandPalette(text = '') {
    await this.page.keyboard.press('F1');
    await this.waitForQuickInput('the command palette after F1');
    if (text) await this.typeInQuickInput(text);
  }

  /** Types into the focused quick input, after what it already holds. */
  async typeInQuickInput(text) {
    await this.page.locator(SEL.quickInputBox).focus();
    await this.page.keyboard.type(text, { delay: 10 });
    await this.page.waitForTimeout(300); // the list filters as you type
  }

  /** Labels of the rows the quick input shows now (e.g. "Shallow Net: Open Panel"). */
  async quickInputItems() {
    const rows = this.page.locator(SEL.quickInputRow);
    const n = await rows.count();
    const out = [];
    for (let i = 0; i < n; i++) {
      const label = await rows.nth(i).locator('.label-name, .monaco-icon-label').first().innerText().catch(() => '');
      const text = label || (await rows.nth(i).getAttribute('aria-label')) || '';
      out.push(text.replace(/\s+/g, ' ').trim());
    }
    return out;
  }

  /** Title of the current quick pick or input box ("Train Shallow Net on flower.csv"). */
  async quickInputTitle() {
    const t = this.page.locator(SEL.quickInputTitle);
    return (await t.isVisible()) ? (await t.innerText()).trim() : '';
  }

  /** Clicks the quick-input row whose label contains `label` (string or RegExp). */
  async pickQuickItem(label, timeout = 10_000) {
    const row = this.page.locator(SEL.quickInputRow).filter({ hasText: label }).first();
    await row.waitFor({ state: 'visible', timeout }).catch(async () => {
      throw new Error(`no quick-input item ${label}; items: ${JSON.stringify(await this.quickInputItems())}`);
    });
    await row.click();
  }

  /** Enter in the quick input: accepts the highlighted item or the input box's value. */
  async acceptQuickInput() {
    await this.page.locator(SEL.quickInputBox).focus();
    await this.page.keyboard.press('Enter');
    await this.page.waitForTimeout(300);
  }

  /** Accepts every quick pick / input box that appears (their defaults) until none is shown for `quietMs`. */
  async acceptDefaults({ quietMs = 1500, max = 10 } = {}) {
    const accepted = [];
    for (let i = 0; i < max; i++) {
      const shown = await this.quickInput()
        .waitFor({ state: 'visible', timeout: quietMs })
        .then(() => true)
        .catch(() => false);
      if (!shown) break;
      accepted.push(`${await this.quickInputTitle()} → ${(await this.quickInputItems())[0] ?? (await this.page.locator(SEL.quickInputBox).inputValue())}`);
      await this.acceptQuickInput();
    }
    return accepted;
  }

  async closeQuickInput() {
    if (await this.quickInputVisible()) await this.page.keyboard.press('Escape');
  }

  /** Runs a command by its palette label ("Preferences: Color Theme"): F1, type, pick the exact row. */
  async runCommand(label) {
    await this.openCommandPalette(label);
    const rows = this.page.locator(SEL.quickInputRow);
    await waitUntil(`the palette to list "${label}"`, async () => (await this.quickInputItems()).some((t) => t.startsWith(label)));
    const items = await this.quickInputItems();
    const index = items.findIndex((t) => t.startsWith(label));
    await rows.nth(index).click();
  }

  // --- Explorer and context menus --------------------------------------------------------------

  explorerRow(name) {
    return this.page.locator(SEL.explorerRow).filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(name)}$`) }) }).first();
  }

  /** Labels of the context menu shown now. */
  async contextMenuItems() {
    const labels = this.page.locator(SEL.menuItem);
    return (await labels.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  }

  /**
   * Right-clicks `name` in the Explorer and picks `item` from its context menu; without `item`,
   * returns the menu's labels and leaves it open. Menu entries contributed by extensions appear
   * once the extension host has registered them: with `item`, it retries until `timeout`.
   */
  async explorerContextMenu(name, item, { timeout = 20_000 } = {}) {
    const row = this.explorerRow(name);
    await row.waitFor({ state: 'visible', timeout: 15_000 }).catch(() => {
      throw new Error(`${name} is not in the Explorer`);
    });
    const deadline = Date.now() + timeout;
    let swallowed = 0;
    for (;;) {
      await row.click({ button: 'right' });
      await this.page.locator(SEL.menu).first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
        throw new Error(`no context menu after right-clicking ${name}`);
      });
      if (item === undefined) return this.contextMenuItems();
      const entry = this.page.locator(SEL.menuItem).filter({ hasText: item }).first();
      if (await entry.isVisible()) {
        // The first try clicks; a retry focuses the entry with the pointer and presses Enter,
        // which a menu re-rendered between pointer down and up cannot swallow.
        if (swallowed === 0) await entry.click();
        else {
          await entry.hover();
          await this.page.keyboard.press('Enter');
        }
        // A menu re-rendered under the pointer (its entries change as extensions register
        // them) can swallow the click: it then stays open, and the pick is tried again (a few
        // times, whatever the time spent waiting for the entry). On a loaded machine the menu
        // can take a while to close after a click that did take: give it that time first.
        // The click took when the menu is gone, or when what it opened (a quick pick) is shown.
        const menu = this.page.locator(SEL.menu).first();
        const took = await waitUntil('the context menu to close', async () => !(await menu.isVisible()) || (await this.quickInputVisible()), {
          timeout: 10_000,
        }).then(() => true, () => false);
        if (took) return undefined;
        await this.screenshot(`context menu pick ${swallowed + 1} of ${item} did not take`);
        if (await menu.isVisible()) await this.page.keyboard.press('Escape');
        if (++swallowed >= 3) throw new Error(`clicking "${item}" in the context menu of ${name} did not take (3 tries)`);
        continue;
      }
      const items = await this.contextMenuItems();
      await this.page.keyboard.press('Escape');
      if (Date.now() > deadline) {
        throw new Error(`the context menu of ${name} has no "${item}" after ${timeout} ms; it has: ${JSON.stringify(items)}`);
      }
      await this.page.waitForTimeout(1000);
    }
  }

  // --- Notifications ----------------------------------------------------------------------------

  /** Texts of the notification toasts shown now. */
  async notifications() {
    return (await this.page.locator(SEL.toastMessage).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** Waits for a toast whose text matches `re`; returns its text. */
  async waitForNotification(re, timeout = 30_000) {
    return waitUntil(`a notification matching ${re}`, async () => (await this.notifications()).find((t) => re.test(t)), { timeout });
  }

  async clearNotifications() {
    await this.runCommand('Notifications: Clear All Notifications');
  }

  // --- Theme ------------------------------------------------------------------------------------

  /** 'light', 'dark', 'hc-dark' or 'hc-light', from the workbench's classes. */
  async themeKind() {
    const cls = (await this.page.locator(SEL.workbench).first().getAttribute('class')) ?? '';
    if (/\bhc-black\b/.test(cls)) return 'hc-dark';
    if (/\bhc-light\b/.test(cls)) return 'hc-light';
    if (/\bvs-dark\b/.test(cls)) return 'dark';
    return 'light';
  }

  /** Picks a colour theme through "Preferences: Color Theme", e.g. "Light Modern", "Dark Modern". */
  async setColorTheme(name) {
    await this.runCommand('Preferences: Color Theme');
    await this.waitForQuickInput('the color theme picker');
    await this.typeInQuickInput(name);
    await this.pickQuickItem(name);
    await this.page.waitForTimeout(500);
    return this.themeKind();
  }

  // --- Webviews -----------------------------------------------------------------------------------

  /** The content frames of the webviews shown now (each webview is an iframe inside an iframe). */
  webviewFrames() {
    return this.page.frames().filter((f) => {
      const parent = f.parentFrame();
      return parent && /\/webview\/browser\/pre\/index\.html/.test(parent.url()) && !f.isDetached();
    });
  }

  /** Waits for a webview whose content's text matches `re`; returns { frame, text }. */
  async waitForWebview(re = /./, timeout = 30_000) {
    return waitUntil(`a webview whose text matches ${re}`, async () => {
      for (const frame of this.webviewFrames()) {
        const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
        if (re.test(text)) return { frame, text };
      }
      return undefined;
    }, { timeout });
  }
}

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export { within, SEL };
