#!/usr/bin/env node
// The integration suites in desktop VS Code through @vscode/test-electron (`npm run test:desktop`).
// test-electron downloads a VS Code build from Microsoft's update server: machines that reach only
// the npm registry cannot, so CI runs the same suites in code-server (scripts/test-integration.mjs).
// Without a DISPLAY it re-runs itself under `xvfb-run -a`.
//
// Usage: node scripts/test-desktop.mjs [--grep REGEX] [--no-build]
//   env VSCODE_TEST_VERSION (default 1.100.3, the engines.vscode floor code-server also runs)
// Exit code: 0 when every test passed; the last line is `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, copyWorkspace, errorMessage, printSummary, repoRoot } from './code-server.mjs';

const argv = process.argv.slice(2);
const grepAt = argv.indexOf('--grep');

function underXvfb() {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.SNX_UNDER_XVFB) return null;
  const which = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' });
  if (which.status !== 0) {
    console.error('[desktop] no DISPLAY and no xvfb-run: apt-get install -y xvfb (or set DISPLAY)');
    printSummary(0, 1);
    return 1;
  }
  const r = spawnSync('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, SNX_UNDER_XVFB: '1' },
  });
  return r.status ?? 1;
}

async function main() {
  const relaunched = underXvfb();
  if (relaunched !== null) return relaunched;

  if (!argv.includes('--no-build')) build({ tests: true });
  const extensionTestsPath = join(repoRoot, 'out', 'test', 'integration', 'index.js');
  if (!existsSync(extensionTestsPath)) throw new Error(`${extensionTestsPath} is missing: node esbuild.mjs --tests`);

  const tmp = mkdtempSync(join(tmpdir(), 'snx-desktop-'));
  try {
    const workspace = copyWorkspace(join(tmp, 'workspace'));
    const { runTests } = await import('@vscode/test-electron');
    await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? '1.100.3',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      extensionTestsEnv: grepAt >= 0 ? { SNX_TEST_GREP: argv[grepAt + 1] } : {},
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        join(tmp, 'user-data'),
        '--extensions-dir',
        join(tmp, 'extensions'),
      ],
    });
    // index.ts printed `N passed, N failed` through the extension host's stdout.
    return 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`[desktop] ${errorMessage(e)}`);
    if (/getaddrinfo|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|download/i.test(String(e))) {
      console.error('[desktop] could not download VS Code: this machine reaches only the npm registry.');
      console.error('[desktop] run the same suites in code-server instead: npm run test:integration');
    }
    // The tests' own summary (if they ran) was printed above; this counts the failed run.
    printSummary(0, 1);
    process.exit(1);
  },
);
