#!/usr/bin/env node
// Integration tests inside a real VS Code extension host, with no download: code-server 4.100.3
// (VS Code 1.100.3) serves the workbench, Debian's Chromium opens it through playwright-core with
// a `payload` naming this repo as the extension under development and
// out/test/integration/index.js as the tests' entry (shared TESTING.md). The workbench calls
// window.codeAutomationExit(code) when run() settles; the mocha reporter's lines are appended to a
// file named by SNX_TEST_OUTPUT and streamed here as they come.
//
// Usage: node scripts/test-integration.mjs [--grep REGEX] [--no-build] [--verbose]
//   env SNX_TEST_TIMEOUT (ms, default 300000), SNX_KEEP_TMP=1 keeps the temp dir, SNX_HEADED=1.
// Exit code: 0 when every test passed; the last line is `N passed, N failed`.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  build,
  cleanup,
  copyWorkspace,
  ensureSetup,
  installSignalHandlers,
  launchBrowser,
  makeTempDir,
  printSummary,
  repoRoot,
  runMain,
  startCodeServer,
  testPayloadUrl,
} from './code-server.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const verbose = flag('--verbose');
const timeoutMs = Number(process.env.SNX_TEST_TIMEOUT ?? 300_000);
const SUMMARY = /^(\d+) passed, (\d+) failed/m;

async function main() {
  installSignalHandlers();
  ensureSetup();
  if (!flag('--no-build')) build({ tests: true });
  const entry = join(repoRoot, 'out', 'test', 'integration', 'index.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build with node esbuild.mjs --tests`);

  const tmp = makeTempDir('snx-it-');
  const workspace = copyWorkspace(join(tmp, 'workspace'));
  const outputFile = join(tmp, 'test-output.log');
  writeFileSync(outputFile, '');

  const t0 = Date.now();
  const server = await startCodeServer({
    workspace,
    userDataDir: join(tmp, 'user-data'),
    extensionsDir: join(tmp, 'extensions'),
    env: {
      SNX_TEST_OUTPUT: outputFile,
      SNX_TEST_COLOR: process.stdout.isTTY ? '1' : '0',
      ...(option('--grep') ? { SNX_TEST_GREP: option('--grep') } : {}),
    },
    echo: verbose,
  });
  console.log(`[integration] code-server up on ${server.origin} in ${Date.now() - t0} ms`);

  const browser = await launchBrowser();
  const page = await browser.newPage();
  const consoleLines = [];
  page.on('console', (m) => {
    const line = `[browser ${m.type()}] ${m.text()}`;
    consoleLines.push(line);
    if (verbose) console.log(line);
  });
  page.on('pageerror', (e) => consoleLines.push(`[browser pageerror] ${e.message}`));

  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  // Must exist before the workbench loads: it calls this when run() settles.
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  const url = testPayloadUrl({
    origin: server.origin,
    port: server.port,
    workspace,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: entry,
  });
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  // Stream the reporter's lines while waiting for the exit code.
  let offset = 0;
  let streamed = '';
  const pump = () => {
    const size = statSync(outputFile).size;
    if (size > offset) {
      const chunk = readFileSync(outputFile).subarray(offset, size).toString('utf8');
      offset = size;
      streamed += chunk;
      process.stdout.write(chunk);
    }
  };
  let timedOut = false;
  const timer = sleep(timeoutMs).then(() => {
    timedOut = true;
    return null;
  });
  let code = null;
  let done = false;
  exited.then(() => (done = true));
  while (!done && !timedOut) {
    pump();
    await Promise.race([exited, timer, sleep(200)]);
  }
  code = done ? await exited : null;
  pump();

  const summary = streamed.match(SUMMARY);
  if (code === null) {
    console.error(`[integration] timed out after ${timeoutMs / 1000} s waiting for the tests to finish`);
  }
  if (code !== 0 && !summary) {
    // The tests never ran (the extension host failed, the entry threw on load, …): show why.
    console.error('[integration] no test summary; last browser console lines:');
    console.error(consoleLines.slice(-40).join('\n'));
    console.error('[integration] code-server log tail:');
    console.error(server.log().slice(-4000));
  }
  console.log(`[integration] finished in ${Math.round((Date.now() - t0) / 1000)} s, exit code ${code}`);
  await cleanup();
  // index.ts printed the summary line; print one when it could not.
  if (!summary) printSummary(0, 1);
  else if (code !== 0 && Number(summary[2]) === 0) printSummary(Number(summary[1]), 1);
  return code === 0 && summary && Number(summary[2]) === 0 ? 0 : 1;
}

runMain('integration', main);
