#!/usr/bin/env node
// Webview tests in Debian's Chromium: the panel's bundle under the extension's CSP, with a
// stand-in for acquireVsCodeApi (test/webview/harness.mjs). Mocha (tdd) runs every
// test/webview/**/*.test.mjs (test/webview/cards/ holds a file per card) in this process. Screenshots go to test-results/webview/.
//
// Usage: node scripts/test-webview.mjs [--grep REGEX] [--no-build]
// Exit code: 0 when every test passed; the last line is `N passed, N failed`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { build, cleanup, ensureSetup, installSignalHandlers, onCleanup, printSummary, repoRoot, runMain } from './code-server.mjs';
import { stopHarness } from '../test/webview/harness.mjs';

const argv = process.argv.slice(2);
const grepAt = argv.indexOf('--grep');
const testsDir = join(repoRoot, 'test', 'webview');

/** The test files under `dir` and its subfolders (fixtures aside), in path order. */
function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? (e.name === 'fixtures' ? [] : testFiles(join(dir, e.name))) : e.name.endsWith('.test.mjs') ? [join(dir, e.name)] : []));
}

async function main() {
  installSignalHandlers();
  onCleanup(stopHarness);
  ensureSetup();
  if (!argv.includes('--no-build')) build();
  const mocha = new Mocha({
    ui: 'tdd',
    timeout: 30_000,
    color: process.stdout.isTTY,
    ...(grepAt >= 0 ? { grep: argv[grepAt + 1] } : {}),
  });
  for (const f of testFiles(testsDir)) mocha.addFile(f);
  await mocha.loadFilesAsync();
  const stats = await new Promise((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0, skipped: runner.stats?.pending ?? 0 }));
  });
  await cleanup();
  printSummary(stats.passed, stats.failed, stats.skipped);
  return stats.failed === 0 && stats.passed > 0 ? 0 : 1;
}

runMain('webview', main);
