/** `shallow-net sweep`: the lesson's hidden-layer-size experiment on a CSV. */
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LESSON_HIDDEN_SIZES, sweepHiddenSizes, type SweepResult } from '../engine/sweep';
import { flagOpt, stringOpt, type CommandSpec, type ParsedArgs } from './args';
import { ExitError, modelOptions, pct, prepare, type CliCommand } from './common';

const spec: CommandSpec = {
  name: 'sweep',
  usage: 'shallow-net sweep FILE.csv [--sizes 1,2,3,4,5,20,50] [train options] [--json]',
  summary: 'Train the same data with each hidden-layer size (the same settings and seed otherwise) and report cost and accuracy per size: the lesson\'s experiment.',
  positionals: ['FILE.csv'],
  options: [
    { name: 'sizes', kind: 'string', metavar: 'N,N,…', help: `hidden sizes to train, comma-separated (default ${LESSON_HIDDEN_SIZES.join(',')})` },
    ...modelOptions.filter((o) => o.name !== 'hidden' && o.name !== 'init-from'),
    { name: 'learning-rate', kind: 'number', metavar: 'F', help: 'gradient-descent learning rate (default 1.2)' },
    { name: 'iterations', kind: 'int', metavar: 'N', help: 'iterations per size (default 10000)' },
    { name: 'batch-size', kind: 'int', metavar: 'N', help: 'mini-batch size; 0 = full batch (default 0)' },
    { name: 'json', kind: 'flag', help: 'one JSON object a line per size, then a done line' },
  ],
};

/** "1, 2,3" → [1, 2, 3]; anything else is a usage error. */
export function parseSizes(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  const sizes = parts.map(Number);
  sizes.forEach((n, i) => {
    if (parts[i] === '' || !Number.isInteger(n) || n < 1 || n > 1000) {
      throw new ExitError(`--sizes must be whole numbers from 1 to 1000 separated by commas, e.g. 1,2,3,4,5,20,50; "${parts[i]}" is not`, 2);
    }
  });
  return sizes;
}

function sweep(a: ParsedArgs): void {
  const json = flagOpt(a, 'json');
  const sizesText = stringOpt(a, 'sizes');
  const sizes = sizesText === undefined ? [...LESSON_HIDDEN_SIZES] : parseSizes(sizesText);
  const { file, settings, run } = prepare(a);
  const out = (line: string): void => void process.stdout.write(line + '\n');
  const hasTest = run.dataset.Xtest !== null && run.dataset.Xtest.cols > 0;
  const row = (r: SweepResult): string =>
    `${String(r.hiddenUnits).padStart(12)}  ${r.cost.toFixed(6).padStart(10)}  ${pct(r.trainAccuracy).padStart(14)}` +
    (hasTest ? `  ${(r.testAccuracy === null ? '' : pct(r.testAccuracy)).padStart(13)}` : '') +
    `  ${r.seconds.toFixed(2).padStart(7)}${r.diverged ? `  (${r.diverged})` : ''}`;
  if (!json) {
    const d = run.summary;
    out(`${basename(file)}: ${d.trainCount} training rows${hasTest ? `, ${d.testCount} test rows` : ''}; ${d.nx} features, target "${d.targetName}"`);
    out(`${settings.activation} hidden units, learning rate ${settings.learningRate}, ${settings.iterations} iterations per size, seed ${settings.seed}`);
    out('');
    out(`hidden units        cost  train accuracy${hasTest ? '  test accuracy' : ''}  seconds`);
  }
  const started = performance.now();
  const { results } = sweepHiddenSizes(run.dataset, run.config, {
    sizes,
    now: () => performance.now(),
    onResult: (r) => out(json ? JSON.stringify(r) : row(r)),
  });
  const seconds = (performance.now() - started) / 1000;
  const best = results.reduce((b, r) => ((hasTest ? (r.testAccuracy ?? 0) > (b.testAccuracy ?? 0) : r.trainAccuracy > b.trainAccuracy) ? r : b));
  if (json) out(JSON.stringify({ done: true, sizes: results.length, best: best.hiddenUnits, seconds }));
  else {
    out('');
    out(`best ${hasTest ? 'test' : 'train'} accuracy: ${best.hiddenUnits} hidden unit${best.hiddenUnits === 1 ? '' : 's'} (${seconds.toFixed(2)} s in all)`);
  }
  if (results.some((r) => r.diverged)) process.exitCode = 1;
}

export const SWEEP: CliCommand = { spec, run: sweep };
