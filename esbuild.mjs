// One build script, several bundles (see ARCHITECTURE.md for what each folder holds):
//   dist/extension.js   the extension host entry (node, cjs, `vscode` external)
//   dist/trainWorker.js the training worker thread (node, cjs)
//   dist/exploreWorker.js the explore worker thread: a run's network at any parameters (node, cjs)
//   dist/toolsWorker.js the tools worker thread: Predict with Model and Gradient Check (node, cjs)
//   dist/webview.js     the panel's browser code (iife) + dist/webview.css
//   dist/cli.js         the headless `shallow-net` command line
// Flags: --production (minify, no source maps), --watch, --tests (test bundles into out/),
//        --bench (the benchmark into out/bench/).
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, existsSync, rmSync } from 'node:fs';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  target: 'es2022',
};

const node = { ...common, platform: 'node', format: 'cjs', target: 'node20' };

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...node, entryPoints: ['src/workers/trainWorker.ts'], outfile: 'dist/trainWorker.js' },
  { ...node, entryPoints: ['src/workers/exploreWorker.ts'], outfile: 'dist/exploreWorker.js' },
  { ...node, entryPoints: ['src/workers/toolsWorker.ts'], outfile: 'dist/toolsWorker.js' },
  { ...node, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    entryPoints: { webview: 'webview/main.ts' },
    outdir: 'dist',
    loader: { '.css': 'css' },
  },
];

/** Every file under `dir`, subfolders included (tests mirror src/), whose name ends with `suffix`. */
const list = (dir, suffix) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith(suffix))
        .map((f) => `${dir}/${f.split('\\').join('/')}`)
    : [];

if (args.has('--tests')) {
  // Bundles of tests moved or removed must not run again from an older build.
  rmSync('out/test', { recursive: true, force: true });
  builds.push(
    { ...node, entryPoints: list('test/unit', '.test.ts'), outdir: 'out/test/unit', outbase: 'test/unit', sourcemap: 'inline' },
    {
      ...node,
      entryPoints: [...list('test/integration', '.test.ts'), 'test/integration/index.ts'].filter(existsSync),
      outdir: 'out/test/integration',
      external: ['vscode', 'mocha'],
      sourcemap: 'inline',
    },
  );
}
if (args.has('--bench')) {
  builds.push({
    ...node,
    entryPoints: ['bench/bench.ts'],
    outfile: 'out/bench/bench.js',
    external: ['@tensorflow/*'],
    sourcemap: false,
  });
}

const present = builds.filter((b) => {
  const e = b.entryPoints;
  const files = Array.isArray(e) ? e : Object.values(e);
  return files.length > 0 && files.every(existsSync);
});

mkdirSync('dist', { recursive: true });
if (watch) {
  for (const b of present) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
  console.log('esbuild: watching…');
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
}
