/**
 * `shallow-net gradcheck`: backpropagation against central differences at the initial parameters,
 * on the extension's seeded subsample of at most GRADCHECK_MAX_EXAMPLES training examples
 * (src/core/gradcheckRun.ts), so that a large CSV answers in a second and float64 rounding over
 * thousands of examples does not fail a correct backpropagation.
 */
import { basename } from 'node:path';
import { GRADCHECK_EPSILON } from '../engine/gradcheck';
import { GRADCHECK_MAX_EXAMPLES, GRADCHECK_THRESHOLD, gradCheckCsv } from '../core/gradcheckRun';
import { flagOpt, numberOpt, type CommandSpec, type ParsedArgs } from './args';
import { ExitError, initialOf, modelOptions, readCsvText, settingsOf, type CliCommand } from './common';

const spec: CommandSpec = {
  name: 'gradcheck',
  usage: 'shallow-net gradcheck FILE.csv [model options]',
  summary:
    `Compare backpropagation with numerical gradients (central differences) at the initial parameters; pass below ${GRADCHECK_THRESHOLD}. ` +
    `Uses at most ${GRADCHECK_MAX_EXAMPLES} training examples, drawn with the seed (as the extension does).`,
  positionals: ['FILE.csv'],
  options: [
    ...modelOptions,
    { name: 'epsilon', kind: 'number', metavar: 'F', help: 'finite-difference step ε (default 1e-5: balances truncation and float64 rounding)' },
    { name: 'json', kind: 'flag', help: 'print the result as JSON' },
  ],
};

function gradcheck(a: ParsedArgs): void {
  const epsilon = numberOpt(a, 'epsilon') ?? GRADCHECK_EPSILON;
  if (!(epsilon > 0 && epsilon < 1)) throw new ExitError('--epsilon must be between 0 and 1, e.g. 1e-5', 2);
  const file = a.positionals[0];
  const settings = settingsOf(a);
  const initial = initialOf(a);
  const r = gradCheckCsv(readCsvText(file), basename(file), settings, undefined, { epsilon, ...(initial ? { initial } : {}) });
  const used = r.examples === r.total ? `all ${r.total}` : `${r.examples} of ${r.total} (seed ${settings.seed})`;
  if (flagOpt(a, 'json')) {
    process.stdout.write(JSON.stringify(r) + '\n');
  } else {
    process.stdout.write(`${used} training examples\n`);
    for (const k of ['W1', 'b1', 'W2', 'b2'] as const) process.stdout.write(`${k.padEnd(3)} relative error ${r[k].toExponential(3)}\n`);
    process.stdout.write(`overall ${r.overall.toExponential(3)}: ${r.pass ? 'pass' : 'FAIL'} (threshold ${GRADCHECK_THRESHOLD})\n`);
  }
  if (!r.pass) process.exitCode = 1;
}

export const GRADCHECK: CliCommand = { spec, run: gradcheck };
