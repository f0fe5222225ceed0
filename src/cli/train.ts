/** `shallow-net train`: gradient descent on a CSV, a cost table (or JSON lines) and the accuracies. */
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { serializeModel } from '../engine/model';
import type { HiddenStats } from '../engine/saturation';
import { DecimatedHistory, modelOf } from '../core/pipeline';
import type { CostPoint } from '../shared/runTypes';
import { flagOpt, numberOpt, stringOpt, type CommandSpec, type ParsedArgs } from './args';
import { ExitError, modelOptions, pct, prepare, settingsOf, type CliCommand } from './common';
import { FORCE_OPTION, checkDestination, writeAtomic } from './safeWrite';

const spec: CommandSpec = {
  name: 'train',
  usage: 'shallow-net train FILE.csv [options]',
  summary: 'Train a one-hidden-layer network on a CSV with full-batch gradient descent (the lesson), and report its cost and accuracy.',
  positionals: ['FILE.csv'],
  options: [
    ...modelOptions,
    { name: 'learning-rate', kind: 'number', metavar: 'F', help: 'gradient-descent learning rate (default 1.2)' },
    { name: 'iterations', kind: 'int', metavar: 'N', help: 'iterations (default 10000)' },
    {
      name: 'rng',
      kind: 'string',
      choices: ['default', 'numpy'],
      help: "random stream; numpy = np.random.seed's (lesson mode, with --init small: --seed 2 starts from the lesson's weights)",
    },
    { name: 'batch-size', kind: 'int', metavar: 'N', help: 'mini-batch size; 0 = full batch (default 0)' },
    { name: 'save', kind: 'string', metavar: 'MODEL.json', help: 'write the trained model to this file (a new file unless --force)' },
    FORCE_OPTION,
    { name: 'log-every', kind: 'int', metavar: 'N', help: 'report the cost every N iterations (default 1000)' },
    { name: 'json', kind: 'flag', help: 'one JSON object a line instead of the human report' },
  ],
};

/** The JSON line's hidden-layer fields (see engine/saturation.ts). */
function hiddenFields(h: HiddenStats | undefined): Record<string, number> {
  if (!h) return {};
  return { saturation: h.saturation, meanDerivative: h.meanDerivative, ...(h.deadUnits ? { deadUnits: h.deadUnits } : {}) };
}

function progressBar(done: number, total: number, cost: number): string {
  const width = 30;
  const filled = Math.round((width * done) / total);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} cost ${cost.toFixed(6)}`;
}

function train(a: ParsedArgs): void {
  const json = flagOpt(a, 'json');
  const logEvery = numberOpt(a, 'log-every') ?? 1000;
  if (logEvery < 1) throw new ExitError('--log-every must be at least 1', 2);
  const { init } = settingsOf(a);
  if (stringOpt(a, 'rng') === 'numpy' && init !== 'small') {
    throw new ExitError(`--rng numpy goes with --init small (the lesson's randn · 0.01), not --init ${init}`, 2);
  }
  const save = stringOpt(a, 'save');
  const force = flagOpt(a, 'force');
  const initFrom = stringOpt(a, 'init-from');
  if (save) checkDestination(save, { force, inputs: initFrom === undefined ? [a.positionals[0]] : [a.positionals[0], initFrom] });
  // A network too big to save is refused now, not after the whole training.
  const { file, settings, run } = prepare(a, { savesModel: save !== undefined });
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
    // The hidden layer's saturation only on the iterations a JSON line reports (free otherwise).
    trainer.watchHidden = json && done % logEvery === 0;
    const r = trainer.step();
    if (r.diverged) {
      diverged = `diverged at iteration ${r.iteration}; try a smaller learning rate`;
      break;
    }
    done = r.iteration + 1;
    const p: CostPoint = [r.iteration, r.cost, r.accuracy];
    history.add(p);
    if (r.iteration % logEvery === 0) {
      if (json) out(JSON.stringify({ iteration: r.iteration, cost: r.cost, accuracy: r.accuracy, ...hiddenFields(r.hidden) }));
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
  if (save && !diverged) {
    const model = modelOf(run, trainer.params, {
      costHistory: history.points,
      iterations: done,
      trainAccuracy,
      testAccuracy: test ? test.accuracy : null,
      seconds,
      date: new Date().toISOString(),
    });
    writeAtomic(save, serializeModel(model), { force });
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


export const TRAIN: CliCommand = { spec, run: train };
