#!/usr/bin/env node
// `npm start`: build, package the .vsix, install it into a fresh code-server (VS Code in the
// browser, no download) opened on samples/, and print the URL. Ctrl-C stops everything.
// `npm run start:desktop` (--desktop): a desktop `code` on PATH opens samples/ with this repo as
// the extension under development.
//
// Usage: node scripts/start.mjs [--desktop] [--port N] [--no-build]
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  build,
  cleanup,
  ensureSetup,
  errorMessage,
  installExtension,
  installSignalHandlers,
  packageVsix,
  repoRoot,
  stopping,
  samplesDir,
  startCodeServer,
  vsixPath,
} from './code-server.mjs';

const argv = process.argv.slice(2);
const portAt = argv.indexOf('--port');

function startDesktop() {
  const which = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  if (which.status !== 0) {
    console.error(
      'No desktop VS Code: `code` is not on PATH.\n' +
        '  Install VS Code and its shell command ("Shell Command: Install \'code\' command in PATH"),\n' +
        '  or run `npm start` for VS Code in the browser (code-server), which needs no download.',
    );
    return 1;
  }
  build();
  console.log(`Opening ${samplesDir} in VS Code with this repo as the extension under development…`);
  const r = spawnSync('code', ['--extensionDevelopmentPath=' + repoRoot, samplesDir], { stdio: 'inherit' });
  return r.status ?? 1;
}

async function startBrowser() {
  installSignalHandlers();
  ensureSetup();
  if (!argv.includes('--no-build')) {
    build();
    packageVsix();
  }
  // A fresh profile each start, under .vscode-test/ (ignored by git): the extension installed
  // from the .vsix, as a user would get it.
  const base = join(repoRoot, '.vscode-test', 'start');
  rmSync(base, { recursive: true, force: true });
  mkdirSync(base, { recursive: true });
  const userDataDir = join(base, 'user-data');
  const extensionsDir = join(base, 'extensions');
  installExtension({ vsix: vsixPath, extensionsDir, userDataDir });
  const server = await startCodeServer({
    workspace: samplesDir,
    userDataDir,
    extensionsDir,
    logFile: join(base, 'code-server.log'),
    port: portAt >= 0 ? Number(argv[portAt + 1]) : undefined,
  });
  console.log(`
  Shallow Net Explorer is running in VS Code (code-server ${'4.100.3'}) at

      ${server.url}

  Open it in a browser, then in the Explorer right-click flower.csv → "Train Shallow Net…"
  and accept the defaults: the panel shows the cost falling as the network learns.
  Hover "tanh" or "relu" in activations.py / activations.ts for the activation docs.

  Log: ${join(base, 'code-server.log')}
  Press Ctrl-C to stop.
`);
  const code = await new Promise((resolve) => server.child.once('exit', (c) => resolve(c ?? 0)));
  if (stopping()) return new Promise(() => {}); // Ctrl-C: the signal handler cleans up and exits
  console.error(`code-server exited (${code})`);
  await cleanup();
  return code === 0 ? 0 : 1;
}

(argv.includes('--desktop') ? Promise.resolve().then(startDesktop) : startBrowser()).then(
  (code) => process.exit(code),
  async (e) => {
    if (stopping()) return; // the signal handler cleans up and exits
    console.error(`[start] ${errorMessage(e)}`);
    await cleanup();
    process.exit(1);
  },
);
