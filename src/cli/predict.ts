/** `shallow-net predict`: a saved model's probabilities and labels appended to a CSV. */
import { basename } from 'node:path';
import { parseCsv } from '../engine/csv';
import { parseModel } from '../engine/model';
import { predictionsCsvChunks, predictTable } from '../engine/predict';
import { flagOpt, stringOpt, type CommandSpec, type ParsedArgs } from './args';
import { readCsvText, readText, type CliCommand } from './common';
import { FORCE_OPTION, checkDestination, writeAtomic } from './safeWrite';

const spec: CommandSpec = {
  name: 'predict',
  usage: 'shallow-net predict MODEL.json FILE.csv [--out FILE.csv]',
  summary: "Append the model's predicted probabilities and labels to a CSV with the same feature columns.",
  positionals: ['MODEL.json', 'FILE.csv'],
  options: [
    { name: 'out', kind: 'string', metavar: 'FILE.csv', help: 'where to write the result, a new file unless --force (default: standard output)' },
    FORCE_OPTION,
  ],
};

/** The predictions file is written piece by piece: a big CSV's would pass the string limit as one string. */
function predict(a: ParsedArgs): void {
  const [modelFile, csvFile] = a.positionals;
  const outFile = stringOpt(a, 'out');
  const force = flagOpt(a, 'force');
  if (outFile) checkDestination(outFile, { force, inputs: [modelFile, csvFile] });
  const model = parseModel(readText(modelFile), basename(modelFile));
  const table = parseCsv(readCsvText(csvFile), basename(csvFile));
  const result = predictTable(model, table, basename(csvFile));
  const chunks = predictionsCsvChunks(table, result, model);
  if (outFile) {
    writeAtomic(outFile, chunks, { force });
    process.stderr.write(`wrote ${result.labels.length} predictions to ${outFile}\n`);
  } else for (const chunk of chunks) process.stdout.write(chunk);
}

export const PREDICT: CliCommand = { spec, run: predict };
