/** `shallow-net predict`: a saved model's probabilities and labels appended to a CSV. */
import { closeSync, openSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { parseCsv } from '../engine/csv';
import { parseModel } from '../engine/model';
import { predictionsCsvChunks, predictTable } from '../engine/predict';
import { stringOpt, type CommandSpec, type ParsedArgs } from './args';
import { readText, type CliCommand } from './common';

const spec: CommandSpec = {
  name: 'predict',
  usage: 'shallow-net predict MODEL.json FILE.csv [--out FILE.csv]',
  summary: "Append the model's predicted probabilities and labels to a CSV with the same feature columns.",
  positionals: ['MODEL.json', 'FILE.csv'],
  options: [{ name: 'out', kind: 'string', metavar: 'FILE.csv', help: 'where to write the result (default: standard output)' }],
};

/** The predictions file is written piece by piece: a big CSV's would pass the string limit as one string. */
function predict(a: ParsedArgs): void {
  const [modelFile, csvFile] = a.positionals;
  const model = parseModel(readText(modelFile), basename(modelFile));
  const table = parseCsv(readText(csvFile), basename(csvFile));
  const result = predictTable(model, table, basename(csvFile));
  const chunks = predictionsCsvChunks(table, result, model);
  const outFile = stringOpt(a, 'out');
  if (outFile) {
    const fd = openSync(outFile, 'w');
    try {
      for (const chunk of chunks) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    process.stderr.write(`wrote ${result.labels.length} predictions to ${outFile}\n`);
  } else for (const chunk of chunks) process.stdout.write(chunk);
}

export const PREDICT: CliCommand = { spec, run: predict };
