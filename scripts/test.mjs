#!/usr/bin/env node
// `npm test`: every check a change must pass, in the order a failure is cheapest to see.
// Each stage fails the run when it fails; nothing is skipped for a missing tool
// (scripts/setup.mjs installs what the real-VS-Code stages need). Ends with a summary and
// one line `N passed, N failed` counting the tests of all stages.
import { spawn } from 'node:child_process';

const stages = [
  { name: 'setup', cmd: 'node scripts/setup.mjs' },
  { name: 'type-check', cmd: 'npx tsc --noEmit -p . && npx tsc --noEmit -p webview' },
  { name: 'lint', cmd: 'npx eslint --max-warnings 0 . && node scripts/check-cycles.mjs' },
  { name: 'build', cmd: 'node esbuild.mjs && node esbuild.mjs --tests' },
  { name: 'unit', cmd: 'node --test --test-reporter=spec --test-reporter-destination=stdout --test-reporter=tap --test-reporter-destination=out/unit.tap out/test/unit/', tap: 'out/unit.tap' },
  { name: 'webview', cmd: 'node scripts/test-webview.mjs' },
  { name: 'integration', cmd: 'node scripts/test-integration.mjs' },
  { name: 'end-to-end', cmd: 'node scripts/test-e2e.mjs' },
];

// `node scripts/test.mjs webview --grep REGEX` runs one stage's matching tests: the runners
// take --grep, node's test runner takes --test-name-pattern.
const argv = process.argv.slice(2);
const grepAt = argv.indexOf('--grep');
const grep = grepAt >= 0 ? argv[grepAt + 1] : undefined;
if (grepAt >= 0 && grep === undefined) {
  console.error('--grep needs a pattern');
  process.exit(2);
}
const only = argv.filter((a, i) => i !== grepAt && i !== grepAt + 1);
const quoted = (s) => `'${s.replaceAll("'", `'\\''`)}'`;
if (grep !== undefined) {
  for (const s of stages) {
    if (s.name === 'unit') s.cmd = s.cmd.replace('node --test ', `node --test --test-name-pattern=${quoted(grep)} `);
    else if (s.cmd.startsWith('node scripts/test-')) s.cmd += ` --grep ${quoted(grep)}`;
  }
}
const chosen = only.length ? stages.filter((s) => only.includes(s.name)) : stages;

function run(stage) {
  return new Promise((resolve) => {
    const started = Date.now();
    let tail = '';
    const child = spawn(stage.cmd, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk) => {
      tail = (tail + chunk.toString()).slice(-20000);
    };
    child.stdout.on('data', (c) => (process.stdout.write(c), keep(c)));
    child.stderr.on('data', (c) => (process.stderr.write(c), keep(c)));
    child.on('close', (code) => resolve({ code: code ?? 1, seconds: (Date.now() - started) / 1000, tail }));
  });
}

async function countsOf(stage, tail) {
  if (stage.tap) {
    const { readFileSync } = await import('node:fs');
    try {
      const tap = readFileSync(stage.tap, 'utf8');
      const pass = Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
      const fail = Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0);
      return { pass, fail };
    } catch {
      return null;
    }
  }
  const lines = [...tail.matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed/gm)];
  if (lines.length === 0) return null;
  const last = lines[lines.length - 1];
  return { pass: Number(last[1]), fail: Number(last[2]) };
}

const results = [];
for (const stage of chosen) {
  console.log(`\n━━━ ${stage.name}: ${stage.cmd}`);
  const r = await run(stage);
  const counts = await countsOf(stage, r.tail);
  results.push({ stage: stage.name, ok: r.code === 0, seconds: r.seconds, counts });
  if (r.code !== 0) console.log(`✗ ${stage.name} failed (exit ${r.code})`);
}

let passed = 0;
let failed = 0;
console.log('\nSummary');
for (const r of results) {
  const c = r.counts ? `${r.counts.pass} passed, ${r.counts.fail} failed` : r.ok ? 'ok' : 'FAILED';
  console.log(`  ${r.ok ? '✓' : '✗'} ${r.stage.padEnd(12)} ${c.padEnd(26)} ${r.seconds.toFixed(1)} s`);
  if (r.counts) {
    passed += r.counts.pass;
    failed += r.counts.fail;
  }
  if (!r.ok && (!r.counts || r.counts.fail === 0)) failed += 1; // a stage that failed outside its tests
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
