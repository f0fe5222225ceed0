/* global document */
// Reading the training panel (a webview) in the real workbench, for the e2e suites.

/** Number of painted (non-transparent) pixels of each canvas matching `selector` in the frame. */
export function paintedPixels(frame, selector) {
  return frame.evaluate((sel) => {
    return [...document.querySelectorAll(sel)].map((c) => {
      const ctx = c.getContext('2d');
      if (!ctx || c.width === 0 || c.height === 0) return 0;
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    });
  }, selector);
}

/** The summary's value for a label ("Cost", "Data set", …). */
export function summaryValue(frame, label) {
  return frame.evaluate((l) => {
    const dt = [...document.querySelectorAll('.summary-list dt')].find((d) => d.textContent === l);
    return dt?.nextElementSibling?.textContent ?? null;
  }, label);
}

/** Each listed run as "<label> <status, cost, accuracy…>" (the label is the tick box's name). */
export const runRows = (frame) =>
  frame.evaluate(() =>
    [...document.querySelectorAll('tr[data-run-id]')].map((r) => {
      const label = (r.querySelector('[aria-label^="Show run "]')?.getAttribute('aria-label') ?? '').replace(/^Show run (.*) on the cost chart$/, '$1');
      return `${label} ${r.textContent ?? ''}`;
    }),
  );

export async function trainFromExplorer(wb, file) {
  await wb.explorerContextMenu(file, 'Train Shallow Net');
  await wb.waitForQuickInput('the first step of the train flow');
  await wb.pickQuickItem('Train with defaults');
}

/** The text of the panel's status banner. */
export const bannerText = (frame) => frame.evaluate(() => document.querySelector('.banner')?.textContent ?? '');
