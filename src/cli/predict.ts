/** `shallow-net predict`: a saved model's probabilities and labels appended to a CSV. */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseCsv } from '../engine/csv';
import { parseModel } from '../engine/model';
import { predictTable, writePredictionsCsv } from '../engine/predict';
import { stringOpt, type CommandSpec, type ParsedArgs } from './args';
import { readCsvText, readText, type CliCommand } from './common';

const spec: CommandSpec = {
  name: 'predict',
  usage: 'shallow-net predict MODEL.json FILE.csv [--out FILE.csv]',
  summary: "Append the model's predicted probabilities and labels to a CSV with the same feature columns.",
  positionals: ['MODEL.json', 'FILE.csv'],
  options: [{ name: 'out', kind: 'string', metavar: 'FILE.csv', help: 'where to write the result (default: standard output)' }],
};

function predict(a: ParsedArgs): void {
  const [modelFile, csvFile] = a.positionals;
  const model = parseModel(readText(modelFile), basename(modelFile));
  const table = parseCsv(readCsvText(csvFile), basename(csvFile));
  const result = predictTable(model, table, basename(csvFile));
  const csv = writePredictionsCsv(table, result, model);
  const outFile = stringOpt(a, 'out');
  if (outFile) {
    writeFileSync(outFile, csv);
    process.stderr.write(`wrote ${result.labels.length} predictions to ${outFile}\n`);
  } else process.stdout.write(csv);
}


export const PREDICT: CliCommand = { spec, run: predict };
