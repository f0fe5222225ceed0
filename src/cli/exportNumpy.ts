/** `shallow-net export-numpy`: a saved model as a small Python file over NumPy. */
import { basename } from 'node:path';
import { exportNumpy } from '../engine/exportNumpy';
import { parseModel } from '../engine/model';
import { flagOpt, stringOpt, type CommandSpec, type ParsedArgs } from './args';
import { ExitError, readText, type CliCommand } from './common';
import { FORCE_OPTION, checkDestination, writeAtomic } from './safeWrite';

const spec: CommandSpec = {
  name: 'export-numpy',
  usage: 'shallow-net export-numpy MODEL.json --out FILE.py',
  summary:
    "Write a model as a Python file: its parameters and normalisation as NumPy arrays, encode(rows), and predict(X) as the lesson's forward pass. " +
    'Run it as "python3 FILE.py data.csv" to append predictions to a CSV.',
  positionals: ['MODEL.json'],
  options: [
    { name: 'out', kind: 'string', metavar: 'FILE.py', help: 'the Python file to write, a new file unless --force (required; "-" for standard output)' },
    FORCE_OPTION,
  ],
};

function exportNumpyFile(a: ParsedArgs): void {
  const [modelFile] = a.positionals;
  const out = stringOpt(a, 'out');
  if (out === undefined) throw new ExitError('--out FILE.py is required (or --out - for standard output)', 2);
  const force = flagOpt(a, 'force');
  if (out !== '-') checkDestination(out, { force, inputs: [modelFile] });
  const source = exportNumpy(parseModel(readText(modelFile), basename(modelFile)));
  if (out === '-') {
    process.stdout.write(source);
    return;
  }
  writeAtomic(out, source, { force });
  process.stderr.write(`wrote ${out}\n`);
}

export const EXPORT_NUMPY: CliCommand = { spec, run: exportNumpyFile };
