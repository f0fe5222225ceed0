// Shared by the engine's unit tests: fixture files, and asserting a ShallowNetError.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, type CsvTable } from '../../src/engine/csv';
import { isShallowNetError, type ErrorCode, type ShallowNetError } from '../../src/engine/errors';

/** Tests run from the repository root (`npm run test:unit`). */
export function fixture(name: string): string {
  return readFileSync(join(process.cwd(), 'test', 'fixtures', name), 'utf8');
}

export function fixtureTable(name: string): CsvTable {
  return parseCsv(fixture(name), name.split('/').pop() ?? name);
}

/** Runs `fn`, expects a ShallowNetError with this code and exactly this message; returns it. */
export function throwsShallow(fn: () => unknown, code: ErrorCode, message: string | RegExp): ShallowNetError {
  try {
    fn();
  } catch (e) {
    assert.ok(isShallowNetError(e), `expected a ShallowNetError, got ${String(e)}`);
    assert.equal(e.code, code, `code of: ${e.message}`);
    if (typeof message === 'string') assert.equal(e.message, message);
    else assert.match(e.message, message);
    return e;
  }
  assert.fail(`expected a ShallowNetError '${code}', nothing was thrown`);
}
