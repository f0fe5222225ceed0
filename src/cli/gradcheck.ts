/** `shallow-net gradcheck`: backpropagation against central differences at the initial parameters. */
import { GRADCHECK_EPSILON, gradientCheck } from '../engine/gradcheck';
import { flagOpt, numberOpt, type CommandSpec, type ParsedArgs } from './args';
import { ExitError, modelOptions, prepare, type CliCommand } from './common';

const spec: CommandSpec = {
  name: 'gradcheck',
  usage: 'shallow-net gradcheck FILE.csv [model options]',
  summary: 'Compare backpropagation with numerical gradients (central differences) at the initial parameters; pass below 1e-7.',
  positionals: ['FILE.csv'],
  options: [
    ...modelOptions,
    { name: 'epsilon', kind: 'number', metavar: 'F', help: 'finite-difference step ε (default 1e-5: balances truncation and float64 rounding)' },
    { name: 'json', kind: 'flag', help: 'print the result as JSON' },
  ],
};

function gradcheck(a: ParsedArgs): void {
  const { run } = prepare(a);
  const epsilon = numberOpt(a, 'epsilon') ?? GRADCHECK_EPSILON;
  if (!(epsilon > 0 && epsilon < 1)) throw new ExitError('--epsilon must be between 0 and 1, e.g. 1e-5', 2);
  const r = gradientCheck(run.trainer.params, run.arch, run.dataset.X, run.dataset.Y, epsilon);
  const pass = r.overall < 1e-7;
  if (flagOpt(a, 'json')) {
    process.stdout.write(JSON.stringify({ ...r, pass }) + '\n');
  } else {
    for (const k of ['W1', 'b1', 'W2', 'b2'] as const) process.stdout.write(`${k.padEnd(3)} relative error ${r[k].toExponential(3)}\n`);
    process.stdout.write(`overall ${r.overall.toExponential(3)}: ${pass ? 'pass' : 'FAIL'} (threshold 1e-7)\n`);
  }
  if (!pass) process.exitCode = 1;
}


export const GRADCHECK: CliCommand = { spec, run: gradcheck };
