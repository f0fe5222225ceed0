/**
 * CSV errors in the Problems view: when a run fails on its CSV (a value that is not a number, a
 * ragged row, a one-class target, …) the error appears as a problem on that file, at the row
 * and, where the engine names one, on the column's value; clicking it opens the CSV there.
 * The problem goes when the file is edited (in an editor or on disk), renamed, deleted, or
 * trained on again (a new run reads it afresh and reports what it finds).
 */
import * as vscode from 'vscode';
import { locateField } from '../../shared/csvLocate';
import type { ErrorInfo } from '../../shared/runTypes';
import { readInputBytes } from '../common/readInput';
import { decodeCsv } from '../../engine/decode';

/** One run's verdict on its CSV: no error (it read the file) or the error it stopped with. */
export interface CsvCheck {
  csv: vscode.Uri;
  error?: ErrorInfo;
}

/** Line `index` (0-based) of `text`, and the first line; CRLF or LF. */
function lines(text: string, index: number): { header: string; line: string } | undefined {
  let start = 0;
  let header = '';
  for (let i = 0; ; i++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (i === 0) header = line;
    if (i === index) return { header, line };
    if (nl < 0) return undefined;
    start = nl + 1;
  }
}

/** Where the error points in the file's text: the value, else the whole row, else the first line. */
export function errorRange(text: string, error: ErrorInfo): vscode.Range {
  if (error.row === undefined) {
    const first = lines(text, 0);
    return new vscode.Range(0, 0, 0, first?.line.length ?? 0);
  }
  const index = Math.max(0, error.row - 1);
  const found = lines(text, index);
  if (!found) return new vscode.Range(0, 0, 0, 0);
  const span = error.column === undefined ? undefined : locateField(found.header, found.line, error.column);
  return span ? new vscode.Range(index, span.start, index, span.end) : new vscode.Range(index, 0, index, found.line.length);
}

export class CsvDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('shallowNet');
  private readonly subscriptions: vscode.Disposable[];
  /** The latest check of each CSV: an older one that finishes later must not win. */
  private readonly latest = new Map<string, number>();
  private checks = 0;

  constructor(checks: vscode.Event<CsvCheck>) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*', true, false, false);
    const forget = (uri: vscode.Uri): void => {
      if (this.collection.has(uri)) this.collection.delete(uri);
    };
    this.subscriptions = [
      checks((c) => void this.update(c)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) forget(e.document.uri);
      }),
      watcher,
      watcher.onDidChange(forget),
      watcher.onDidDelete(forget),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach(forget)),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach((f) => forget(f.oldUri))),
    ];
  }

  /** The problems shown for `uri` (for tests). */
  get(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  private async update({ csv, error }: CsvCheck): Promise<void> {
    const key = csv.toString();
    const check = ++this.checks;
    this.latest.set(key, check);
    // Only the CSV's own errors: not one in another file (a model given as the initial
    // parameters), nor one that names no file (a worker that crashed).
    const fileName = csv.path.split('/').pop() ?? '';
    if (!error || error.file !== fileName) {
      this.collection.delete(csv);
      return;
    }
    let text = '';
    try {
      text = decodeCsv(await readInputBytes(csv), fileName, { lenient: true });
    } catch {
      // Unreadable: the problem goes on the first line.
    }
    if (this.latest.get(key) !== check) return; // a newer run has spoken since
    const problem = new vscode.Diagnostic(errorRange(text, error), error.message, vscode.DiagnosticSeverity.Error);
    problem.source = 'Shallow Net';
    if (error.code) problem.code = error.code;
    this.collection.set(csv, [problem]);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}
