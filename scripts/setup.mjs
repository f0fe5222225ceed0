#!/usr/bin/env node
// Idempotent setup of what the test and run harness needs (see shared TESTING.md):
//   - Debian packages: chromium (the browser), libkrb5-dev (code-server's `kerberos`
//     addon builds from source), ripgrep (stands in for @vscode/ripgrep's GitHub
//     download), python3-numpy (the sample workspace's Python file).
//   - code-server 4.100.3 (VS Code 1.100.3 server + web workbench) installed into
//     .vscode-test/code-server/, outside the project's own dependencies, with no
//     download other than the npm registry.
// When everything is already there it prints one line per item and returns at once.
//
// Usage: node scripts/setup.mjs            (also imported by the runners: ensureSetup())
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CODE_SERVER_VERSION = '4.100.3';
export const codeServerDir = join(repoRoot, '.vscode-test', 'code-server');
export const codeServerEntry = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = '/usr/bin/chromium';

const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'ripgrep', 'python3-numpy'];
const RIPGREP_VERSION = '1.15.11'; // @vscode/ripgrep version code-server 4.100.3 depends on
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const marker = join(codeServerDir, `.installed-${CODE_SERVER_VERSION}`);

const log = (msg) => console.log(`[setup] ${msg}`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  return r.status ?? 1;
}

function missingDebianPackages() {
  return APT_PACKAGES.filter((pkg) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (missing.length === 0) {
    log(`Debian packages present: ${APT_PACKAGES.join(', ')}`);
    return;
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing Debian packages: ${missing.join(' ')}\n` +
        `  install them as root:  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`installing Debian packages: ${missing.join(' ')}`);
  // apt-get update only when needed: try the install first, update and retry if it fails
  // (empty or stale package lists on a fresh machine).
  if (run('apt-get', ['install', '-y', ...missing], { env }) !== 0) {
    log('apt-get install failed; running apt-get update and retrying');
    if (run('apt-get', ['update'], { env }) !== 0) throw new Error('apt-get update failed');
    if (run('apt-get', ['install', '-y', ...missing], { env }) !== 0) {
      throw new Error(`apt-get install -y ${missing.join(' ')} failed`);
    }
  }
  const still = missingDebianPackages();
  if (still.length) throw new Error(`Debian packages still missing after install: ${still.join(' ')}`);
}

/** @vscode/ripgrep downloads rg from GitHub unless it finds this cached asset. */
function ensureRipgrepCache() {
  const cacheDir = join(tmpdir(), `vscode-ripgrep-cache-${RIPGREP_VERSION}`);
  const asset = join(cacheDir, RIPGREP_ASSET);
  if (existsSync(asset)) return asset;
  mkdirSync(cacheDir, { recursive: true });
  const stage = mkdtempSync(join(tmpdir(), 'rg-stage-'));
  try {
    copyFileSync('/usr/bin/rg', join(stage, 'rg'));
    if (run('tar', ['-czf', asset, '-C', stage, 'rg']) !== 0) throw new Error(`could not write ${asset}`);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  log(`ripgrep cache built from /usr/bin/rg: ${asset}`);
  return asset;
}

function bundledRg() {
  return join(codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
}

/** Checks that the install works with no network: code-server starts far enough to print
 *  its version, and the rg it ships (from the cache trick) runs. */
function verifyCodeServer() {
  const v = spawnSync(process.execPath, [codeServerEntry, '--version'], { encoding: 'utf8', timeout: 60_000 });
  if (v.status !== 0 || !v.stdout.includes(CODE_SERVER_VERSION)) {
    throw new Error(`code-server --version failed (status ${v.status}):\n${v.stdout}\n${v.stderr}`);
  }
  const rg = bundledRg();
  const r = spawnSync(rg, ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`code-server's ripgrep does not run: ${rg}\n${r.stderr ?? r.error}`);
  return `${v.stdout.trim().split('\n')[0]}; ${r.stdout.split('\n')[0]}`;
}

function ensureCodeServer() {
  if (existsSync(marker) && existsSync(codeServerEntry) && existsSync(bundledRg())) {
    log(`code-server ${CODE_SERVER_VERSION} present: ${codeServerDir}`);
    return;
  }
  ensureRipgrepCache();
  mkdirSync(codeServerDir, { recursive: true });
  // Its own package.json, so npm installs here and never touches the project's manifest.
  const pkg = join(codeServerDir, 'package.json');
  if (!existsSync(pkg)) {
    writeFileSync(pkg, JSON.stringify({ name: 'vscode-test-code-server', private: true }, null, 2) + '\n');
  }
  log(`installing code-server@${CODE_SERVER_VERSION} into ${codeServerDir} (about 75 s, 300 MB)…`);
  const t0 = Date.now();
  const env = { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' };
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const status = run(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: codeServerDir,
    env,
  });
  if (status !== 0) throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${status})`);
  const info = verifyCodeServer();
  writeFileSync(marker, `${new Date().toISOString()}\n${info}\n`);
  log(`code-server installed in ${Math.round((Date.now() - t0) / 1000)} s and works offline: ${info}`);
}

export function ensureSetup() {
  const t0 = Date.now();
  ensureDebianPackages();
  ensureCodeServer();
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} not found although chromium is installed`);
  log(`ready (${Date.now() - t0} ms)`);
}

/** True when this module is the program being run (not imported by a runner). */
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    ensureSetup();
    if (process.argv.includes('--verify')) log(`verified: ${verifyCodeServer()}`);
  } catch (e) {
    console.error(`[setup] error: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}

// Re-exported for the runners' messages.
export const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));
