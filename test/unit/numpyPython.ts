// Shared by the NumPy export's tests: the python3 that runs the exported files, and a model
// trained briefly the way the extension trains and saves one.
import { spawnSync } from 'node:child_process';
import type { ShallowNetModel } from '../../src/engine/model';
import { modelOf, prepareRun } from '../../src/core/pipeline';
import type { TrainSettings } from '../../src/shared/runTypes';
import { BUILT_IN_DEFAULTS } from '../../src/shared/settingsDefaults';

const hasNumpy = (python: string): boolean => spawnSync(python, ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;

/**
 * Debian's /usr/bin/python3 when it has NumPy (python3-numpy, which scripts/setup.mjs
 * installs), else a python3 on PATH that has it; undefined when none has.
 */
export const PYTHON: string | undefined = ['/usr/bin/python3', 'python3'].find(hasNumpy);

/** The `skip` option of the tests that run Python. */
export const skipWithoutNumpy: string | false = PYTHON === undefined ? 'python3 with numpy is not installed (scripts/setup.mjs installs python3-numpy)' : false;

/** Runs the chosen python3 (with -B: no __pycache__ written beside the file). */
export function runPython(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  if (PYTHON === undefined) throw new Error(String(skipWithoutNumpy));
  const r = spawnSync(PYTHON, ['-B', ...args], { cwd, encoding: 'utf8', env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Trains briefly on a CSV and returns the model the extension would save. */
export function trainedModel(csvText: string, fileName: string, settings: Partial<TrainSettings> = {}): ShallowNetModel {
  const run = prepareRun(csvText, fileName, { ...BUILT_IN_DEFAULTS, testFraction: 0, iterations: 300, ...settings });
  while (!run.trainer.done) run.trainer.step();
  return modelOf(run, run.trainer.params, {
    costHistory: [],
    iterations: run.trainer.iteration,
    trainAccuracy: run.trainer.trainAccuracy(),
    testAccuracy: null,
    seconds: 0,
    date: '2026-01-01T00:00:00.000Z',
  });
}
