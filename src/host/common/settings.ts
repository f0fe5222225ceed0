import * as vscode from 'vscode';
import type { TrainSettings } from '../../shared/runTypes';
import { parseTrainSettings } from '../../shared/validators';
import { BUILT_IN_DEFAULTS } from '../../shared/settingsDefaults';

export const SECTION = 'shallowNet';

/** The defaults of a new run, from the `shallowNet.*` settings (scoped to a file when given). */
export function defaultSettings(scope?: vscode.Uri): TrainSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const d = BUILT_IN_DEFAULTS;
  const read: TrainSettings = {
    hiddenUnits: c.get('hiddenUnits', d.hiddenUnits),
    activation: c.get('activation', d.activation),
    leakyAlpha: c.get('leakyReluAlpha', d.leakyAlpha),
    learningRate: c.get('learningRate', d.learningRate),
    iterations: c.get('iterations', d.iterations),
    batchSize: c.get('batchSize', d.batchSize),
    init: c.get('initialization', d.init),
    initScale: c.get('initScale', d.initScale ?? 0.01),
    seed: c.get('seed', d.seed),
    normalization: c.get('normalization', d.normalization),
    testFraction: c.get('testFraction', d.testFraction),
  };
  // A hand-edited settings.json can hold anything: fall back to the built-in defaults, and say so.
  const valid = parseTrainSettings(read);
  if (valid) return valid;
  void vscode.window.showWarningMessage(
    'Some shallowNet.* settings are out of range; using the built-in defaults. Check your settings.json.',
  );
  return { ...BUILT_IN_DEFAULTS };
}


/** Whether every finished or stopped run saves its model on its own (`shallowNet.saveModels`). */
export function saveModelsSetting(scope?: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration(SECTION, scope).get<boolean>('saveModels', true);
}

export function modelFolderSetting(scope?: vscode.Uri): string {
  return vscode.workspace.getConfiguration(SECTION, scope).get<string>('modelFolder', '').trim();
}
