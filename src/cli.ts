/**
 * `shallow-net`: the engine on the command line, for scripts and CI.
 * Bad input or options: exit 2 and one line on stderr beginning `error:`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isShallowNetError } from './engine/errors';
import { parseCsv } from './engine/csv';
import { GRADCHECK_EPSILON, gradientCheck } from './engine/gradcheck';
import { parseModel, serializeModel } from './engine/model';
import { predictTable, writePredictionsCsv } from './engine/predict';
import { helpText, parseArgs, UsageError, flagOpt, numberOpt, stringOpt, type CommandSpec, type ParsedArgs } from './cli/args';
import { COMMANDS, MAIN_HELP } from './cli/specs';
import { DecimatedHistory, modelOf, prepareRun } from './pipeline';
import type { CostPoint, TrainSettings } from './protocol';

class ExitError extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message;
    throw new ExitError(`cannot read ${file}: ${why}`, 2);
  }
}

function settingsOf(a: ParsedArgs): TrainSettings {
  const target = stringOpt(a, 'target');
  return {
    hiddenUnits: numberOpt(a, 'hidden') ?? 4,
    activation: (stringOpt(a, 'activation') ?? 'tanh') as TrainSettings['activation'],
    leakyAlpha: numberOpt(a, 'leaky-alpha') ?? 0.01,
    learningRate: numberOpt(a, 'learning-rate') ?? 1.2,
    iterations: numberOpt(a, 'iterations') ?? 10000,
    batchSize: numberOpt(a, 'batch-size') ?? 0,
    init: (stringOpt(a, 'init') ?? 'small') as TrainSettings['init'],
    seed: numberOpt(a, 'seed') ?? 2,
    normalization: (stringOpt(a, 'normalize') ?? 'standard') as TrainSettings['normalization'],
    testFraction: numberOpt(a, 'test-fraction') ?? 0,
    ...(target === undefined ? {} : { target }),
  };
}

function prepare(a: ParsedArgs) {
  const file = a.positionals[0];
  const initFrom = stringOpt(a, 'init-from');
  const settings = settingsOf(a);
  const init = initFrom ? { text: readText(initFrom), fileName: basename(initFrom) } : undefined;
  return { file, settings, run: prepareRun(readText(file), basename(file), settings, init) };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

function progressBar(done: number, total: number, cost: number): string {
  const width = 30;
  const filled = Math.round((width * done) / total);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} cost ${cost.toFixed(6)}`;
}

function train(a: ParsedArgs): void {
  const json = flagOpt(a, 'json');
  const logEvery = numberOpt(a, 'log-every') ?? 1000;
  if (logEvery < 1) throw new ExitError('--log-every must be at least 1', 2);
  const { file, settings, run } = prepare(a);
  const { trainer } = run;
  const out = (line: string): void => void process.stdout.write(line + '\n');
  const tty = !json && process.stderr.isTTY === true;
  const table: [number, number][] = [];
  const history = new DecimatedHistory();
  let done = 0;
  let diverged: string | undefined;
  let lastTty = 0;
  const started = performance.now();
  while (done < settings.iterations) {
    const r = trainer.step();
    if (r.diverged) {
      diverged = `diverged at iteration ${r.iteration}; try a smaller learning rate`;
      break;
    }
    done = r.iteration + 1;
    const p: CostPoint = [r.iteration, r.cost, r.accuracy];
    history.add(p);
    if (r.iteration % logEvery === 0) {
      if (json) out(JSON.stringify({ iteration: r.iteration, cost: r.cost, accuracy: r.accuracy }));
      else table.push([r.iteration, r.cost]);
    }
    if (tty && performance.now() - lastTty > 100) {
      process.stderr.write(progressBar(done, settings.iterations, r.cost));
      lastTty = performance.now();
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (tty) process.stderr.write('\r\x1b[K');
  const test = trainer.testMetrics();
  const trainAccuracy = trainer.trainAccuracy();
  const cost = trainer.trainCost();
  const save = stringOpt(a, 'save');
  if (save && !diverged) {
    const model = modelOf(run, trainer.params, {
      costHistory: history.points,
      iterations: done,
      trainAccuracy,
      testAccuracy: test ? test.accuracy : null,
      seconds,
      date: new Date().toISOString(),
    });
    writeFileSync(save, serializeModel(model));
  }
  if (json) {
    if (diverged) out(JSON.stringify({ diverged: true, iteration: done, message: diverged }));
    else out(JSON.stringify({ done: true, iterations: done, cost, trainAccuracy, testAccuracy: test ? test.accuracy : null, seconds }));
  } else {
    const d = run.summary;
    out(`${basename(file)}: ${d.rowsUsed} rows used${d.rowsDropped ? `, ${d.rowsDropped} dropped for missing values` : ''}; ` +
      `${d.nx} features, target "${d.targetName}" with classes ${d.classes.join(', ')}${d.output === 'sigmoid' ? ` ("${d.classes[1]}" is 1)` : ''}`);
    out(`network ${run.arch.nx}-${run.arch.nh}-${run.arch.ny}, ${run.arch.activation} hidden units, ${run.arch.output} output, learning rate ${settings.learningRate}`);
    out('');
    out('iteration        cost');
    for (const [i, c] of table) out(`${String(i).padStart(9)}  ${c.toFixed(6)}`);
    out('');
    if (diverged) {
      process.stderr.write(`error: ${diverged}\n`);
      process.exitCode = 1;
      return;
    }
    out(`after ${done} iterations (${seconds.toFixed(2)} s): cost ${cost.toFixed(6)}`);
    out(`train accuracy ${pct(trainAccuracy)}${test ? `, test accuracy ${pct(test.accuracy)}` : ''}`);
    if (save) out(`model saved to ${save}`);
  }
  if (diverged) process.exitCode = 1;
}

function predict(a: ParsedArgs): void {
  const [modelFile, csvFile] = a.positionals;
  const model = parseModel(readText(modelFile), basename(modelFile));
  const table = parseCsv(readText(csvFile), basename(csvFile));
  const result = predictTable(model, table, basename(csvFile));
  const csv = writePredictionsCsv(table, result, model);
  const outFile = stringOpt(a, 'out');
  if (outFile) {
    writeFileSync(outFile, csv);
    process.stderr.write(`wrote ${result.labels.length} predictions to ${outFile}\n`);
  } else process.stdout.write(csv);
}

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

const RUNNERS: Record<string, (a: ParsedArgs) => void> = { train, predict, gradcheck };

export function main(argv: readonly string[]): void {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(MAIN_HELP + '\n');
    return;
  }
  const spec: CommandSpec | undefined = COMMANDS.find((c) => c.name === name);
  if (!spec) throw new ExitError(`unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')})`, 2);
  const a = parseArgs(spec, rest);
  if (a.help) {
    process.stdout.write(helpText(spec) + '\n');
    return;
  }
  RUNNERS[spec.name](a);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  if (e instanceof ExitError || e instanceof UsageError || isShallowNetError(e)) {
    process.stderr.write(`error: ${e.message.replace(/\n/g, ' ')}\n`);
    process.exitCode = e instanceof ExitError ? e.code : 2;
  } else {
    process.stderr.write(`error: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
