#!/usr/bin/env node
// End-to-end tests: the packaged .vsix installed into code-server (VS Code 1.100.3 in the
// browser, no download) on a temp copy of samples/, driven through Debian's Chromium as a person
// would (test/e2e/workbench.mjs). Mocha (tdd) runs test/e2e/*.test.mjs in this process.
// Screenshots go to test-results/e2e/ (ignored by git), one per step, and one per failed test.
//
// Usage: node scripts/test-e2e.mjs [--grep REGEX] [--no-build] [--verbose]
//   env SNX_E2E_TIMEOUT (ms for the whole run, default 600000), SNX_KEEP_TMP=1, SNX_HEADED=1.
// Exit code: 0 when every test passed; the last line is `N passed, N failed`.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import {
  build,
  cleanup,
  copyWorkspace,
  ensureSetup,
  extensionId,
  installExtension,
  installSignalHandlers,
  launchBrowser,
  makeTempDir,
  manifest,
  packageVsix,
  printSummary,
  repoRoot,
  runMain,
  startCodeServer,
  vsixPath,
} from './code-server.mjs';
import { e2e } from '../test/e2e/harness.mjs';

const argv = process.argv.slice(2);
const grepAt = argv.indexOf('--grep');
const verbose = argv.includes('--verbose');
const totalTimeout = Number(process.env.SNX_E2E_TIMEOUT ?? 600_000);
const testsDir = join(repoRoot, 'test', 'e2e');

async function main() {
  installSignalHandlers();
  ensureSetup();
  if (!argv.includes('--no-build')) {
    build();
    packageVsix();
  }
  const tmp = makeTempDir('snx-e2e-');
  const workspace = copyWorkspace(join(tmp, 'workspace'));
  const userDataDir = join(tmp, 'user-data');
  const extensionsDir = join(tmp, 'extensions');
  installExtension({ vsix: vsixPath, extensionsDir, userDataDir });
  const t0 = Date.now();
  const server = await startCodeServer({ workspace, userDataDir, extensionsDir, echo: verbose });
  console.log(`[e2e] code-server up on ${server.origin} in ${Date.now() - t0} ms`);

  e2e.browser = await launchBrowser();
  e2e.origin = server.origin;
  e2e.workspace = workspace;
  e2e.userDataDir = userDataDir;
  e2e.extensionId = extensionId();
  e2e.manifest = manifest();
  e2e.screenshotDir = join(repoRoot, 'test-results', 'e2e');
  rmSync(e2e.screenshotDir, { recursive: true, force: true });

  const mocha = new Mocha({
    ui: 'tdd',
    timeout: 60_000,
    color: process.stdout.isTTY,
    ...(grepAt >= 0 ? { grep: argv[grepAt + 1] } : {}),
    rootHooks: {
      async afterEach() {
        const ours = e2e.cspViolations();
        const others = e2e.cspMessages().length - ours.length;
        const opened = e2e.opened.splice(0);
        const failed = this.currentTest?.state === 'failed';
        for (const o of opened) {
          if (failed) await o.wb.screenshot('failed').then((f) => console.log(`      screenshot: ${f}`), () => {});
          if (verbose) for (const m of o.console) console.log(`      [console ${m.type}] ${m.text}`);
          await o.page.context().close().catch(() => {});
        }
        if (ours.length) {
          throw new Error(`Content Security Policy violations in the webview:\n${ours.map((m) => `  ${m.text} (${m.url})`).join('\n')}`);
        }
        if (others && verbose) console.log(`      (${others} other Content Security Policy messages, not about our webview)`);
      },
    },
  });
  for (const f of readdirSync(testsDir).filter((f) => f.endsWith('.test.mjs')).sort()) mocha.addFile(join(testsDir, f));
  await mocha.loadFilesAsync();

  const stats = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the e2e run took longer than ${totalTimeout / 1000} s`)), totalTimeout);
    const runner = mocha.run(() => {
      clearTimeout(timer);
      resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0, skipped: runner.stats?.pending ?? 0 });
    });
  });
  console.log(`[e2e] screenshots in ${e2e.screenshotDir}`);
  await cleanup();
  printSummary(stats.passed, stats.failed, stats.skipped);
  return stats.failed === 0 && stats.passed > 0 ? 0 : 1;
}

runMain('e2e', main);
