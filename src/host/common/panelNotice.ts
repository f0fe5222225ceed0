/**
 * The notification a run or a sweep ends with: its words, and an "Open Panel" button when the
 * panel is not open. One piece for the runs and the sweeps; whether the panel is open is asked
 * of a function passed in, so the stores never import the panel (calls flow down, events up).
 */
import * as vscode from 'vscode';

export type IsPanelOpen = () => boolean;

export function noticeWithPanel(kind: 'info' | 'warning', text: string, isPanelOpen: IsPanelOpen): void {
  const show = kind === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void show(text, ...(isPanelOpen() ? [] : ['Open Panel'])).then((a) => {
    if (a) void vscode.commands.executeCommand('shallowNet.openPanel');
  });
}
