// Loads the panel's browser code (dist/webview.js + dist/webview.css, from `node esbuild.mjs`) in
// Debian's Chromium as VS Code's webview would: the same Content-Security-Policy as
// src/host/panel/panelHtml.ts, a stand-in for acquireVsCodeApi, the theme's --vscode-* variables and body
// classes. Any CSP violation (securitypolicyviolation event or a console message naming a
// "Content Security Policy"), uncaught error or failed request fails the test.
//
//   import { withWebviewPage } from './harness.mjs';
//   test('draws the cost', () =>
//     withWebviewPage(async ({ page, post, sent, waitForSent, shot }) => {
//       await waitForSent((m) => m.type === 'ready');      // what the webview posted to the host
//       await post({ type: 'progress', cost: 0.69 });       // a message from the host
//       await shot('cost');                                 // test-results/webview/cost.png
//     }, { theme: 'light' }));
/* global window */
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** src/shared/panelCsp.ts's policy, the panel's own (bundled here: it is TypeScript). */
const { panelCsp } = await import(
  `data:text/javascript;base64,${Buffer.from(
    esbuild.buildSync({ entryPoints: [join(repoRoot, 'src', 'shared', 'panelCsp.ts')], bundle: true, format: 'esm', write: false, platform: 'neutral' }).outputFiles[0].text,
  ).toString('base64')}`
);
export const screenshotDir = join(repoRoot, 'test-results', 'webview');

/**
 * What VS Code 1.100.3 really sets in a webview for each theme (captured from code-server by
 * test/webview/capture-themes.mjs): the --vscode-* variables on <html>, the body classes and the
 * data-vscode-theme-kind / -id attributes. Keys: dark, light, high-contrast, high-contrast-light.
 * @type {Record<string, { bodyClass: string[], themeKind: string, themeId: string, vars: Record<string, string> }>}
 */
export const THEMES = JSON.parse(readFileSync(join(repoRoot, 'test', 'webview', 'fixtures', 'themes.json'), 'utf8')).themes;

const MIME = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

// ---------------------------------------------------------------------------------------------
// One static server and one browser per process, started on first use, closed by stopHarness().

let server;
let origin = '';
let browser;
const pages = new Map(); // id → html

/** The stand-in for what VS Code injects before the page's own scripts. Served as a file: the CSP
 *  allows no inline script without the nonce, and this keeps the page's HTML like panelHtml's. */
const VSCODE_API_JS = `(() => {
  const cfg = JSON.parse(document.currentScript.dataset.config);
  const root = document.documentElement;
  for (const [k, v] of Object.entries(cfg.vars)) root.style.setProperty('--vscode-' + k, v);
  const applyBody = () => {
    document.body.classList.add(...cfg.bodyClass);
    document.body.dataset.vscodeThemeKind = cfg.themeKind;
    document.body.dataset.vscodeThemeId = cfg.themeId;
  };
  if (document.body) applyBody(); else document.addEventListener('DOMContentLoaded', applyBody);
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__snxViolation?.({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber });
  });
  let state = cfg.state;
  let acquired = false;
  window.acquireVsCodeApi = () => {
    if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
    acquired = true;
    return Object.freeze({
      postMessage: (message) => window.__snxPosted?.(JSON.parse(JSON.stringify(message))),
      getState: () => state,
      setState: (s) => { state = s; window.__snxState?.(JSON.parse(JSON.stringify(s ?? null))); return s; },
    });
  };
})();
`;

function send(res, status, type, body) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

async function startServer() {
  if (server) return origin;
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    if (url.pathname === '/harness/vscode-api.js') return send(res, 200, MIME['.js'], VSCODE_API_JS);
    const m = /^\/page\/([\w-]+)\.html$/.exec(url.pathname);
    if (m) {
      const html = pages.get(m[1]);
      return html ? send(res, 200, MIME['.html'], html) : send(res, 404, 'text/plain', 'no such page');
    }
    // Only what the extension's webview may load, dist/ and media/ (its localResourceRoots), and
    // the harness's own fixtures.
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '');
    if (!/^(dist|media|test[/\\]webview[/\\]fixtures)[/\\]/.test(rel) || rel.split(sep).includes('..')) return send(res, 403, 'text/plain', 'forbidden');
    const file = join(repoRoot, rel);
    if (!existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'text/plain', `not found: ${rel}`);
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  origin = `http://127.0.0.1:${server.address().port}`;
  return origin;
}

async function getBrowser() {
  if (browser) return browser;
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: !process.env.SNX_HEADED,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    timeout: 60_000,
    // The runner's signal handlers close it (playwright's would exit before the runner cleaned up).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  return browser;
}

/** Closes the browser and the server (the runner calls this once at the end). */
export async function stopHarness() {
  await browser?.close().catch(() => {});
  browser = undefined;
  if (server) await new Promise((r) => server.close(r));
  server = undefined;
}

const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The page as src/host/panel/panelHtml.ts writes it, plus the harness's stand-in script first. */
export function pageHtml({ nonce, cspSource, script, css, body, config }) {
  const csp = panelCsp(cspSource, nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<script nonce="${nonce}" src="${cspSource}/harness/vscode-api.js" data-config="${escapeAttr(JSON.stringify(config))}"></script>
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${css.map((c) => `<link rel="stylesheet" href="${cspSource}/${c}">`).join('\n')}
<title>Shallow Net</title>
</head>
<body>
${body}
${script.map((s) => `<script nonce="${nonce}" src="${cspSource}/${s}"></script>`).join('\n')}
</body>
</html>`;
}

/**
 * @typedef {object} WebviewPage
 * @property {import('playwright-core').Page} page
 * @property {(message: unknown) => Promise<void>} post  a message from the host (window.postMessage)
 * @property {unknown[]} sent  what the webview sent with vscode.postMessage, in order (live)
 * @property {(pred: (m: any) => boolean, timeoutMs?: number) => Promise<any>} waitForSent
 * @property {() => unknown} state  the last vscode.setState value (or the initial state)
 * @property {{ directive: string, blocked: string }[]} violations  CSP violations so far (live)
 * @property {(name: string) => Promise<string>} shot  screenshot to test-results/webview/<name>.png
 */

/**
 * Opens a fresh page with the webview's bundle, runs `fn`, then fails if there was any CSP
 * violation, uncaught error or failed request.
 * @param {(p: WebviewPage) => Promise<void>} fn
 * @param {{ theme?: 'dark'|'light'|'high-contrast'|'high-contrast-light', state?: unknown, script?: string[], css?: string[],
 *           body?: string, viewport?: { width: number, height: number }, allowErrors?: boolean }} [options]
 */
export async function withWebviewPage(fn, options = {}) {
  const script = options.script ?? ['dist/webview.js'];
  const css = options.css ?? ['dist/webview.css'];
  for (const f of [...script, ...css]) {
    if (!existsSync(join(repoRoot, f))) throw new Error(`${f} was not built: run node esbuild.mjs (is webview/main.ts there?)`);
  }
  const cspSource = await startServer();
  const theme = THEMES[options.theme ?? 'dark'];
  if (!theme) throw new Error(`unknown theme ${options.theme}: one of ${Object.keys(THEMES).join(', ')}`);
  const id = randomBytes(8).toString('hex');
  const nonce = randomBytes(18).toString('base64url');
  pages.set(
    id,
    pageHtml({
      nonce,
      cspSource,
      script,
      css,
      body: options.body ?? '<div id="app"></div>',
      config: { vars: theme.vars, bodyClass: theme.bodyClass, themeKind: theme.themeKind, themeId: theme.themeId, state: options.state ?? null },
    }),
  );

  const context = await (await getBrowser()).newContext({ viewport: options.viewport ?? { width: 1000, height: 700 } });
  const page = await context.newPage();
  const sent = [];
  const violations = [];
  const problems = [];
  let state = options.state ?? null;
  const waiters = new Set();
  await page.exposeFunction('__snxPosted', (m) => {
    sent.push(m);
    for (const w of waiters) w();
  });
  await page.exposeFunction('__snxState', (s) => (state = s));
  await page.exposeFunction('__snxViolation', (v) => violations.push(v));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push({ directive: 'console', blocked: m.text() });
    else if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.stack ?? e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });

  /** @type {WebviewPage} */
  const api = {
    page,
    sent,
    violations,
    state: () => state,
    post: (message) => page.evaluate((m) => window.postMessage(m, '*'), message),
    waitForSent: (pred, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const found = () => sent.find(pred);
        if (found()) return resolve(found());
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for a message from the webview; it sent ${JSON.stringify(sent).slice(0, 500)}`));
        }, timeoutMs);
        const check = () => {
          const m = found();
          if (m) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(m);
          }
        };
        waiters.add(check);
      }),
    shot: async (name) => {
      mkdirSync(screenshotDir, { recursive: true });
      const file = join(screenshotDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
  };

  try {
    await page.goto(`${cspSource}/page/${id}.html`, { waitUntil: 'load', timeout: 30_000 });
    await fn(api);
    await page.waitForTimeout(100); // let late violations reach us
    if (violations.length) {
      throw new Error(`Content Security Policy violations:\n${violations.map((v) => `  ${v.directive}: ${v.blocked}${v.sample ? ` (${v.sample})` : ''}`).join('\n')}`);
    }
    if (problems.length && !options.allowErrors) throw new Error(`the page reported problems:\n  ${problems.join('\n  ')}`);
  } finally {
    pages.delete(id);
    await context.close().catch(() => {});
  }
}
