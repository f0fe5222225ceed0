/**
 * Shallow Net Explorer: activate() wires the commands, the panel's serializer and (later)
 * the hovers. Thin on purpose; each responsibility lives in its own module.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { CsvDiagnostics } from './csvDiagnostics';
import { registerModelCommands } from './modelCommands';
import { registerHovers } from './hover/provider';
import { Panel, PANEL_VIEW_TYPE } from './panel';
import { Runs } from './runs';
import { registerSampleCommand } from './sampleCommand';

/** What activate() returns: used by the integration tests to observe and steer. */
export interface ShallowNetApi {
  runs: Runs;
  problems: CsvDiagnostics;
}

export function activate(context: vscode.ExtensionContext): ShallowNetApi {
  const runs = new Runs(context.extensionPath, context.workspaceState);
  const problems = new CsvDiagnostics(runs.onDidCheckCsv);
  context.subscriptions.push(runs, problems);
  registerCommands(context, runs);
  registerModelCommands(context);
  registerSampleCommand(context);
  registerHovers(context);
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => {
        Panel.revive(panel, context.extensionUri, runs);
      },
    }),
  );
  return { runs, problems };
}

export function deactivate(): void {
  // Runs are disposed with the context's subscriptions (stopping any worker).
}
