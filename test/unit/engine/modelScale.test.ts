// A model whose normalisation scale (std) is 1e-320 once predicted NaN without a word: a
// scale that is not a positive, finite, normal number is refused when the model is loaded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const FLOWER = join(process.cwd(), 'test', 'fixtures', 'flower.csv');
const tmp = mkdtempSync(join(tmpdir(), 'shallow-net-scale-'));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('predict refuses a model whose std is subnormal, zero, negative or infinite, naming the feature', () => {
  const model = join(tmp, 'flower.model.json');
  assert.equal(cli('train', FLOWER, '--iterations', '20', '--save', model).status, 0);
  const saved = JSON.parse(readFileSync(model, 'utf8')) as { encoding: { normalization: { std: number[] } } };
  assert.equal(cli('predict', model, FLOWER).status, 0);
  for (const [bad, why] of [
    ['1e-320', /is 1e-320, below 2\.2250738585072014e-308 \(the smallest normal number\)/],
    ['0', /must be positive, not 0/],
    ['-1', /must be positive, not -1/],
    ['1e999', /must be (positive|a finite number)/],
  ] as const) {
    const std = [...saved.encoding.normalization.std];
    std[1] = 7777;
    const file = join(tmp, 'edited.model.json');
    writeFileSync(file, JSON.stringify(saved).replace(`"std":[${saved.encoding.normalization.std.join(',')}]`, `"std":[${std.join(',')}]`).replace('7777', bad));
    const r = cli('predict', file, FLOWER);
    assert.equal(r.status, 2, `${bad}: ${r.stdout.slice(0, 200)}`);
    assert.match(r.stderr, /^error: edited\.model\.json: encoding\.normalization\.std\[1\]/, bad);
    assert.match(r.stderr, why);
    if (bad !== '1e999') assert.match(r.stderr, /\(feature "x2"\)/);
  }
});
