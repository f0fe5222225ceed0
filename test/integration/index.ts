// Entry of the integration tests, loaded by VS Code's extension host (code-server through
// scripts/test-integration.mjs, or desktop VS Code through scripts/test-desktop.mjs).
// Same contract as @vscode/test-electron: export run(), which settles when the tests are done;
// a rejection means failure. Runs mocha (tdd: suite/test) over out/test/integration/*.test.js.
//
// Environment (set by the runners, all optional):
//   SNX_TEST_OUTPUT  file the reporter's lines are appended to as they are written, so the runner
//                    can stream them to the terminal (code-server's extension host has no terminal)
//   SNX_TEST_GREP    only tests whose full title matches this regular expression
//   SNX_TEST_COLOR   "1" for coloured reporter output
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const outFile = process.env.SNX_TEST_OUTPUT;
  const Base = Mocha.reporters.Base;
  const consoleLog = Base.consoleLog;
  const write = (line: string): void => {
    if (outFile) fs.appendFileSync(outFile, line + '\n');
  };
  Base.consoleLog = (...data: unknown[]) => {
    write(format(...data));
    consoleLog(...data);
  };

  const mocha = new Mocha({
    ui: 'tdd',
    color: process.env.SNX_TEST_COLOR === '1',
    timeout: 30_000,
    ...(process.env.SNX_TEST_GREP ? { grep: process.env.SNX_TEST_GREP } : {}),
  });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  let stats: { passed: number; failed: number };
  try {
    stats = await new Promise((resolve, reject) => {
      try {
        const runner = mocha.run(() => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0 }));
      } catch (e) {
        reject(e);
      }
    });
  } catch (e) {
    write(`integration tests crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    throw e;
  } finally {
    Base.consoleLog = consoleLog;
  }
  // The closing line CI reads, alone on a line.
  write(`${stats.passed} passed, ${stats.failed} failed`);
  consoleLog(`${stats.passed} passed, ${stats.failed} failed`);
  if (stats.failed > 0) throw new Error(`${stats.failed} integration test(s) failed`);
}
