/**
 * Nothing the extension writes replaces a file unasked: it takes the first free name among
 * `<stem><suffix>`, `<stem><sep>2<suffix>`, `<stem><sep>3<suffix>`, … in the folder.
 */
import * as vscode from 'vscode';

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function nextFreeUri(folder: vscode.Uri, stem: string, suffix: string, sep = '-'): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(folder, `${stem}${n === 1 ? '' : `${sep}${n}`}${suffix}`);
    if (!(await exists(candidate))) return candidate;
  }
}
