import * as vscode from 'vscode';
import type { TrainSettings } from './protocol';
import { parseTrainSettings } from './protocol';

export const SECTION = 'shallowNet';

/** The defaults of a new run, from the `shallowNet.*` settings (scoped to a file when given). */
export function defaultSettings(scope?: vscode.Uri): TrainSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const read: TrainSettings = {
    hiddenUnits: c.get<number>('hiddenUnits', 4),
    activation: c.get<TrainSettings['activation']>('activation', 'tanh'),
    leakyAlpha: c.get<number>('leakyReluAlpha', 0.01),
    learningRate: c.get<number>('learningRate', 1.2),
    iterations: c.get<number>('iterations', 10000),
    batchSize: c.get<number>('batchSize', 0),
    init: c.get<TrainSettings['init']>('initialization', 'small'),
    seed: c.get<number>('seed', 2),
    normalization: c.get<TrainSettings['normalization']>('normalization', 'standard'),
    testFraction: c.get<number>('testFraction', 0.2),
  };
  // A hand-edited settings.json can hold anything: fall back to the built-in defaults, and say so.
  const valid = parseTrainSettings(read);
  if (valid) return valid;
  void vscode.window.showWarningMessage(
    'Some shallowNet.* settings are out of range; using the built-in defaults. Check your settings.json.',
  );
  return { ...BUILT_IN_DEFAULTS };
}

export const BUILT_IN_DEFAULTS: TrainSettings = {
  hiddenUnits: 4,
  activation: 'tanh',
  leakyAlpha: 0.01,
  learningRate: 1.2,
  iterations: 10000,
  batchSize: 0,
  init: 'small',
  seed: 2,
  normalization: 'standard',
  testFraction: 0.2,
};

export function modelFolderSetting(scope?: vscode.Uri): string {
  return vscode.workspace.getConfiguration(SECTION, scope).get<string>('modelFolder', '').trim();
}
