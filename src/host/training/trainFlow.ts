/**
 * The short quick-pick flow before a run: "Train with defaults" first, or choose target
 * column, hidden units, activation, learning rate and iterations, each pre-filled with the
 * defaults from the settings. Escape at any step cancels without training.
 */
import * as vscode from 'vscode';
import { ACTIVATIONS } from '../../engine/activations';
import { MAX_HIDDEN_UNITS } from '../../engine/config';
import { parseCsv } from '../../engine/csv';
import { describeColumns } from '../../engine/dataset';
import { ACTIVATION_NAMES } from '../../engine/types';
import type { TrainSettings } from '../../shared/runTypes';
import { readInputBytes } from '../common/readInput';
import { decodeCsv } from '../../engine/decode';

/** A numeric target with more distinct values than this is probably a measurement, not a class. */
const CONTINUOUS_ABOVE = 20;

/** Reads enough of the CSV to list its columns and their types (the first ~256 KiB). */
async function columnsOf(csv: vscode.Uri): Promise<{ label: string; description: string; detail?: string }[] | string> {
  try {
    const bytes = await readInputBytes(csv);
    const name = csv.path.split('/').pop() ?? 'the file';
    let text = decodeCsv(bytes.subarray(0, 256 * 1024), name, { partial: bytes.length > 256 * 1024 });
    if (bytes.length > 256 * 1024) text = text.slice(0, Math.max(text.lastIndexOf('\n'), 0));
    return describeColumns(parseCsv(text, name)).map((c) => ({
      label: c.name,
      description: `${c.kind}, ${c.distinct} distinct value${c.distinct === 1 ? '' : 's'}${c.missing ? `, ${c.missing} missing` : ''}`,
      ...(c.kind === 'numeric' && c.distinct > CONTINUOUS_ABOVE
        ? { detail: `$(warning) Looks continuous: each of its ${c.distinct} values would be a class of its own (regression is not supported yet)` }
        : {}),
    }));
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function describe(s: TrainSettings): string {
  return `${s.hiddenUnits} ${s.activation} units · learning rate ${s.learningRate} · ${s.iterations} iterations · ${s.init} init`;
}

async function askNumber(
  title: string,
  value: number,
  prompt: string,
  check: (n: number) => string | undefined,
): Promise<number | undefined> {
  const text = await vscode.window.showInputBox({
    title,
    value: String(value),
    prompt,
    ignoreFocusOut: true,
    validateInput: (t) => {
      const n = Number(t);
      if (t.trim() === '' || !Number.isFinite(n)) return 'Enter a number.';
      return check(n);
    },
  });
  return text === undefined ? undefined : Number(text);
}

export async function chooseSettings(csv: vscode.Uri, defaults: TrainSettings): Promise<TrainSettings | undefined> {
  const fileName = csv.path.split('/').pop() ?? 'the CSV';
  const first = await vscode.window.showQuickPick(
    [
      { label: '$(play) Train with defaults', description: describe(defaults), id: 'defaults' },
      { label: '$(settings) Choose settings…', description: 'target column, hidden units, activation, learning rate, iterations', id: 'choose' },
    ],
    { title: `Train Shallow Net on ${fileName}`, placeHolder: 'Train with the defaults from your settings, or choose', ignoreFocusOut: true },
  );
  if (!first) return undefined;
  if (first.id === 'defaults') return defaults;

  const step = (n: number): string => `Train Shallow Net on ${fileName} (${n}/5)`;
  const columns = await columnsOf(csv);
  if (typeof columns === 'string') {
    void vscode.window.showErrorMessage(columns);
    return undefined;
  }
  const last = columns[columns.length - 1];
  const target = await vscode.window.showQuickPick(
    columns.map((c) => ({ ...c, picked: c === last, detail: [c === last ? 'the last column (default)' : '', c.detail ?? ''].filter(Boolean).join(' · ') || undefined })).reverse(),
    { title: step(1), placeHolder: 'Target column: what the network learns to predict', ignoreFocusOut: true },
  );
  if (!target) return undefined;

  const hiddenUnits = await askNumber(step(2), defaults.hiddenUnits, 'Hidden units n[1] (the lesson uses 4)', (n) =>
    Number.isInteger(n) && n >= 1 && n <= MAX_HIDDEN_UNITS ? undefined : `A whole number from 1 to ${MAX_HIDDEN_UNITS}.`,
  );
  if (hiddenUnits === undefined) return undefined;

  const activation = await vscode.window.showQuickPick(
    ACTIVATION_NAMES.map((name) => ({
      label: ACTIVATIONS[name].label,
      description: ACTIVATIONS[name].formula,
      detail: `${ACTIVATIONS[name].derivativeFormula}`,
      name,
      picked: name === defaults.activation,
    })).sort((a, b) => Number(b.picked) - Number(a.picked)),
    { title: step(3), placeHolder: 'Hidden-layer activation g', ignoreFocusOut: true, matchOnDescription: true },
  );
  if (!activation) return undefined;

  const learningRate = await askNumber(step(4), defaults.learningRate, 'Learning rate α (the lesson uses 1.2)', (n) =>
    n > 0 && n <= 1e6 ? undefined : 'A positive number, e.g. 1.2 or 0.01.',
  );
  if (learningRate === undefined) return undefined;

  const iterations = await askNumber(step(5), defaults.iterations, 'Gradient-descent iterations (the lesson uses 10000)', (n) =>
    Number.isInteger(n) && n >= 1 && n <= 10_000_000 ? undefined : 'A whole number from 1 to 10000000.',
  );
  if (iterations === undefined) return undefined;

  return {
    ...defaults,
    target: target.label,
    hiddenUnits,
    activation: activation.name,
    learningRate,
    iterations,
  };
}
