/* global requestAnimationFrame, getComputedStyle */
// What the panel's webview tests share: runs as the host sends them (settings, data set, cost
// points, parameters with known values), the state message, page helpers, and the host's own
// gate for the webview's messages (src/shared/panelMessages.ts, bundled on the fly).
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from './harness.mjs';

export const DEFAULTS = {
  hiddenUnits: 4,
  activation: 'tanh',
  leakyAlpha: 0.01,
  learningRate: 1.2,
  iterations: 1000,
  batchSize: 0,
  init: 'small',
  seed: 2,
  normalization: 'standard',
  testFraction: 0.2,
};

export function dataset(over = {}) {
  return {
    fileName: 'planar.csv',
    rowsRead: 400,
    rowsUsed: 398,
    rowsDropped: 2,
    droppedExamples: [17, 203],
    featureNames: ['x1', 'x2'],
    targetName: 'colour',
    classes: ['red', 'blue'],
    output: 'sigmoid',
    nx: 2,
    ny: 1,
    trainCount: 319,
    testCount: 79,
    ...over,
  };
}

/** Cost points [iteration, cost, accuracy] for iterations from..to-1, decaying like a real run. */
export function points(from, to, scale = 1, step = 1) {
  const out = [];
  for (let i = from; i < to; i += step) out.push([i, 0.2 * scale + 0.49 * scale * Math.exp(-i / 150), Math.min(0.91, 0.5 + i / 800)]);
  return out;
}

/** Parameters with known values: W1[1][0] = −0.0214 (row h2, column x1). */
export function params(nh = 4, nx = 2, ny = 1) {
  const W1 = Array.from({ length: nh }, (_, r) => Array.from({ length: nx }, (_, c) => Math.sin(r * 3 + c * 1.7) * 2.5));
  if (nh > 1) W1[1][0] = -0.0214;
  return {
    W1,
    b1: Array.from({ length: nh }, (_, r) => [Math.cos(r) * 0.4]),
    W2: Array.from({ length: ny }, (_, r) => Array.from({ length: nh }, (_, c) => Math.cos(r + c * 2.1) * 3)),
    b2: Array.from({ length: ny }, () => [0.0931]),
  };
}

export function run(id, overrides = {}) {
  const settings = { ...DEFAULTS, ...(overrides.settings ?? {}) };
  const over = { ...overrides, settings };
  return {
    id,
    label: `#${id} ${settings.activation} · ${settings.hiddenUnits} units · α ${settings.learningRate}`,
    fileName: 'planar.csv',
    settings,
    status: 'running',
    dataset: dataset(),
    points: [],
    testPoints: [],
    iteration: 0,
    ...over,
  };
}

export function finished(id, over = {}) {
  return run(id, {
    status: 'finished',
    points: points(0, 1000, 1, 1),
    testPoints: points(0, 1000, 1.1, 10),
    iteration: 1000,
    params: params(),
    summary: { iterations: 1000, cost: 0.2153, trainAccuracy: 0.9075, testAccuracy: 0.8861, testCost: 0.2571, seconds: 1.42 },
    ...over,
  });
}

export const state = (runs, training = false) => ({ type: 'state', runs, defaults: DEFAULTS, training });

/** parseFromWebview (src/shared/panelMessages.ts) and parseTrainSettings (src/shared/validators.ts): the host's own gate (after loadHostGate). */
export const gate = {};
export async function loadHostGate() {
  const out = await esbuild.build({
    stdin: { contents: "export * from './panelMessages'; export * from './validators';", resolveDir: join(repoRoot, 'src/shared'), loader: 'ts' },
    bundle: true, format: 'esm', write: false, platform: 'neutral',
  });
  Object.assign(gate, await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`));
}

// ── helpers ─────────────────────────────────────────────────────────────────────────────────
export const text = (page, sel) => page.locator(sel).first().innerText();
export const banner = (page) => text(page, '.banner');
/** Waits two animation frames (the panel renders once per frame). */
export const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

export async function ready(p) {
  await p.waitForSent((m) => m.type === 'ready');
}

/** Each run row's swatch: its colour, whether it is off (not on the chart) or dotted. */
export const swatches = (page) =>
  page.locator('table.runs tbody tr').evaluateAll((rows) =>
    Object.fromEntries(rows.map((r) => {
      const sw = r.querySelector('.swatch');
      return [r.dataset.runId, { colour: getComputedStyle(sw).backgroundColor, off: sw.classList.contains('off'), dashed: sw.classList.contains('dashed') }];
    })),
  );
