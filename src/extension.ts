/**
 * Shallow Net Explorer: activate() wires the commands, the panel's serializer and (later)
 * the hovers. Thin on purpose; each responsibility lives in its own module.
 */
import * as vscode from 'vscode';
import { registerCommands } from './host/common/commands';
import { CsvDiagnostics } from './host/csvProblems/csvDiagnostics';
import { registerModelCommands } from './host/models/modelCommands';
import { registerHovers } from './host/hover/provider';
import { Panel, PANEL_VIEW_TYPE } from './host/panel/panel';
import { Runs } from './host/training/runs';
import { registerSampleCommand } from './host/samples/sampleCommand';
import { Sweeps } from './host/sweep/sweeps';

/** What activate() returns: used by the integration tests to observe and steer. */
export interface ShallowNetApi {
  runs: Runs;
  problems: CsvDiagnostics;
  sweeps: Sweeps;
}

export function activate(context: vscode.ExtensionContext): ShallowNetApi {
  const isPanelOpen = (): boolean => Panel.isOpen;
  const runs = new Runs(context.extensionPath, context.workspaceState, isPanelOpen);
  const problems = new CsvDiagnostics(runs.onDidCheckCsv);
  const sweeps = new Sweeps(context.extensionPath, context.workspaceState, isPanelOpen);
  context.subscriptions.push(runs, problems, sweeps);
  registerCommands(context, runs, sweeps, () => Panel.show(context.extensionUri, runs, sweeps));
  registerModelCommands(context);
  registerSampleCommand(context);
  registerHovers(context);
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => {
        Panel.revive(panel, context.extensionUri, runs, sweeps);
      },
    }),
  );
  return { runs, problems, sweeps };
}

export function deactivate(): void {
  // Runs are disposed with the context's subscriptions (stopping any worker).
}
