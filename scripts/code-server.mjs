// Shared harness for the runners: build and package, temp dirs, free ports, code-server
// (VS Code 1.100.3 server + web workbench, see shared TESTING.md) and Debian's Chromium via
// playwright-core, and cleanup that leaves no process behind (process groups, signals).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromiumPath, codeServerEntry, ensureSetup, repoRoot } from './setup.mjs';

export { ensureSetup, repoRoot };

export const vsixPath = join(repoRoot, 'dist', 'shallow-net-explorer.vsix');
export const samplesDir = join(repoRoot, 'samples');
export const manifest = () => JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
/** `publisher.name`, the id VS Code gives the extension. */
export const extensionId = () => {
  const m = manifest();
  return `${m.publisher}.${m.name}`;
};

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Settings written into the user-data-dir so the workbench opens quiet and the same each run. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'workbench.colorTheme': 'Default Dark Modern',
};

// ---------------------------------------------------------------------------------------------
// Cleanup: every child we start is registered here and killed on exit, error or signal.

const cleanups = [];
const groups = new Set();

/** Registers an async cleanup step (run in reverse order). Returns a function that unregisters it. */
export function onCleanup(fn) {
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

let running;
let signalled = false;
/** Runs the registered cleanups once (concurrent callers share the same run). */
export function cleanup() {
  running ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop();
      try {
        await fn();
      } catch (e) {
        console.error(`[harness] cleanup step failed: ${e instanceof Error ? e.message : e}`);
      }
    }
    killGroupsNow();
  })().finally(() => {
    running = undefined;
  });
  return running;
}

/** True once Ctrl-C / SIGTERM was received: the signal handler cleans up and exits. */
export const stopping = () => signalled;

function killGroupsNow() {
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  groups.clear();
}

let signalsInstalled = false;
/** Ctrl-C / SIGTERM: run cleanups, then exit 130 / 143. On plain exit, kill the groups synchronously. */
export function installSignalHandlers() {
  if (signalsInstalled) return;
  signalsInstalled = true;
  for (const [sig, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ]) {
    process.on(sig, () => {
      if (signalled) return;
      signalled = true;
      console.error(`\n[harness] ${sig}: stopping…`);
      const hard = setTimeoutUnref(() => {
        killGroupsNow();
        process.exit(code);
      }, 10_000);
      cleanup().finally(() => {
        clearTimeout(hard);
        console.error(`[harness] stopped`);
        process.exit(code);
      });
    });
  }
  process.on('exit', killGroupsNow);
}

function setTimeoutUnref(fn, ms) {
  const t = globalThis.setTimeout(fn, ms);
  t.unref?.();
  return t;
}

/** Spawns a child in its own process group, registered for cleanup. */
export function spawnGroup(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { ...opts, detached: true });
  if (child.pid) groups.add(child.pid);
  child.on('exit', () => {
    // The leader is gone, but helpers it started may still be in the group: kill it whole.
    if (child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // nothing left
      }
      groups.delete(child.pid);
    }
  });
  return child;
}

/** SIGTERM the whole group, SIGKILL after `graceMs`. */
export async function killGroup(child, graceMs = 3000) {
  if (!child?.pid) return;
  const pid = child.pid;
  const exited = child.exitCode !== null || child.signalCode !== null;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    groups.delete(pid);
    return;
  }
  if (!exited) {
    await Promise.race([new Promise((r) => child.once('exit', r)), sleep(graceMs)]);
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // gone
  }
  groups.delete(pid);
}

// ---------------------------------------------------------------------------------------------
// Build, package, temp dirs, ports.

/** Runs a command in the repo, inheriting stdio; throws with a clear message on failure. */
export function runStep(label, cmd, args, opts = {}) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    throw new Error(`${label} failed (${r.error ? r.error.message : `exit ${r.status ?? r.signal}`}): ${cmd} ${args.join(' ')}`);
  }
  console.log(`[harness] ${label}: ${Date.now() - t0} ms`);
}

export function build({ tests = false } = {}) {
  runStep(tests ? 'build (with tests)' : 'build', process.execPath, ['esbuild.mjs', ...(tests ? ['--tests'] : [])]);
  for (const f of ['dist/extension.js']) {
    if (!existsSync(join(repoRoot, f))) console.warn(`[harness] warning: ${f} was not built (src/extension.ts missing?)`);
  }
}

/** `npm run package` → dist/shallow-net-explorer.vsix (vsce runs vscode:prepublish, a production build). */
export function packageVsix() {
  rmSync(vsixPath, { force: true });
  runStep('package .vsix', 'npm', ['run', '--silent', 'package']);
  if (!existsSync(vsixPath)) throw new Error(`npm run package did not produce ${vsixPath}`);
  return vsixPath;
}

/** A fresh temp dir under os.tmpdir() (short paths: code-server puts a unix socket in it). */
export function makeTempDir(prefix = 'snx-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (!process.env.SNX_KEEP_TMP) onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  else console.log(`[harness] keeping ${dir} (SNX_KEEP_TMP)`);
  return dir;
}

/** Copies samples/ (or another folder) into `dest` so tests may write files there. */
export function copyWorkspace(dest, from = samplesDir) {
  cpSync(from, dest, { recursive: true });
  return dest;
}

export function writeUserSettings(userDataDir, settings = {}) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// code-server.

function codeServerEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  // Inside a VS Code terminal code-server would hand the folder to that instance instead.
  delete env.VSCODE_IPC_HOOK_CLI;
  delete env.VSCODE_IPC_HOOK;
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

/** Installs a .vsix into `extensionsDir` (code-server's CLI mode: installs and exits). */
export function installExtension({ vsix, extensionsDir, userDataDir }) {
  runStep(
    'install .vsix into code-server',
    process.execPath,
    [codeServerEntry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
    { env: codeServerEnv(), stdio: ['ignore', 'inherit', 'inherit'] },
  );
}

/**
 * Starts code-server on 127.0.0.1 with a free port; resolves when /healthz answers.
 * `workspaceTrust: true` keeps workspace trust on (no --disable-workspace-trust, the setting
 * enabled): the workbench asks whether to trust the folder, and Restricted Mode can be tested.
 * @param {{ workspace: string, userDataDir: string, extensionsDir: string, env?: Record<string,string>,
 *           logFile?: string, port?: number, settings?: object, timeoutMs?: number, echo?: boolean,
 *           workspaceTrust?: boolean }} o
 * @returns {Promise<{ port: number, origin: string, url: string, child: import('node:child_process').ChildProcess,
 *           stop: () => Promise<void>, log: () => string }>}
 */
export async function startCodeServer(o) {
  const port = o.port ?? (await freePort());
  const logFile = o.logFile ?? join(o.userDataDir, '..', 'code-server.log');
  mkdirSync(o.userDataDir, { recursive: true });
  mkdirSync(o.extensionsDir, { recursive: true });
  writeUserSettings(o.userDataDir, { ...(o.workspaceTrust ? { 'security.workspace.trust.enabled': true } : {}), ...o.settings });
  const args = [
    codeServerEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(o.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--config', join(o.userDataDir, '..', 'code-server.yaml'),
    '--user-data-dir', o.userDataDir,
    '--extensions-dir', o.extensionsDir,
    o.workspace,
  ];
  const out = createWriteStream(logFile);
  const child = spawnGroup(process.execPath, args, { cwd: o.workspace, env: codeServerEnv(o.env), stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const onData = (d) => {
    out.write(d);
    text += d;
    if (text.length > 200_000) text = text.slice(-100_000);
    if (o.echo) process.stderr.write(d);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const stop = async () => {
    await killGroup(child);
    out.end();
  };
  const unregister = onCleanup(stop);
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (o.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before it listened:\n${text.slice(-3000)}`);
    }
    try {
      const r = await globalThis.fetch(`${origin}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${origin} within ${(o.timeoutMs ?? 60_000) / 1000} s:\n${text.slice(-3000)}`);
    }
    await sleep(150);
  }
  return {
    port,
    origin,
    url: `${origin}/?folder=${encodeURIComponent(o.workspace)}`,
    child,
    log: () => text,
    stop: async () => {
      unregister();
      await stop();
    },
  };
}

/** Workbench URL that runs extension tests (TESTING.md: payload of vscode-remote:// URIs). */
export function testPayloadUrl({ origin, port, workspace, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
    ['extensionTestsPath', remote(extensionTestsPath)],
  ];
  return `${origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

// ---------------------------------------------------------------------------------------------
// Chromium.

/** Launches Debian's Chromium through playwright-core (no browser download), closed on cleanup. */
export async function launchBrowser({ headless = !process.env.SNX_HEADED } = {}) {
  const { chromium } = await import('playwright-core');
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: run node scripts/setup.mjs`);
  // Our own signal handlers close it (playwright's would exit the process before our cleanup ran).
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  onCleanup(() => browser.close().catch(() => {}));
  return browser;
}

// ---------------------------------------------------------------------------------------------
// Output.

/** The closing line CI reads, exactly `N passed, N failed` alone on a line (skipped tests are
 *  reported on the line before it). */
export function printSummary(passed, failed, skipped = 0) {
  if (skipped) console.log(`(${skipped} skipped)`);
  console.log(`${passed} passed, ${failed} failed`);
}

export const errorMessage = (e) => (e instanceof Error ? e.stack ?? e.message : String(e));

/**
 * Runs a test script's `main` (which resolves to its exit code) and exits with that code; an
 * error is printed with `tag`, cleaned up after and counted as one failure. A signal's handler
 * does its own cleanup and exit.
 */
export function runMain(tag, main) {
  main().then(
    (code) => process.exit(code),
    async (e) => {
      if (stopping()) return;
      console.error(`[${tag}] error: ${errorMessage(e)}`);
      await cleanup();
      printSummary(0, 1);
      process.exit(1);
    },
  );
}
