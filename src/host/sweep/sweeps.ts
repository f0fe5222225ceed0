/**
 * The hidden-layer-size sweeps of this window (the lesson's experiment): one at a time, in a
 * worker thread, with a cancellable progress notification ("size 3 of 7: 3 hidden units…").
 * Keeps the latest sweep's view for the panel (also across a reload of the window).
 */
import * as vscode from 'vscode';
import { locateField } from '../../shared/csvLocate';
import { noticeWithPanel, type IsPanelOpen } from '../common/panelNotice';
import type { ErrorInfo, SweepView, TrainSettings } from '../../shared/runTypes';
import { sweepEndText, sweepProgressText } from '../../shared/sweepReport';
import { SweepSession } from './sweepSession';
import { readInputBytes } from '../common/readInput';

export interface SweepRequest {
  csv: vscode.Uri;
  settings: TrainSettings;
  sizes: number[];
}

const KEY = 'shallowNet.sweep';

function isSweepView(v: unknown): v is SweepView {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<SweepView>;
  return typeof s.id === 'number' && typeof s.fileName === 'string' && Array.isArray(s.sizes) && Array.isArray(s.results) && typeof s.status === 'string' && typeof s.settings === 'object';
}

export class Sweeps implements vscode.Disposable {
  private view: SweepView | undefined;
  private session: SweepSession | undefined;
  private csvUri: vscode.Uri | undefined;
  private nextId = 1;
  private readonly changes = new vscode.EventEmitter<SweepView>();
  readonly onDidChange = this.changes.event;

  constructor(
    private readonly extensionPath: string,
    private readonly memento?: vscode.Memento,
    private readonly isPanelOpen: IsPanelOpen = () => false,
  ) {
    const stored = memento?.get<unknown>(KEY);
    if (isSweepView(stored)) {
      this.view = stored.status === 'running' || stored.status === 'preparing' ? { ...stored, status: 'stopped' } : stored;
      this.nextId = stored.id + 1;
      const csv = memento?.get<unknown>(`${KEY}.csv`);
      if (typeof csv === 'string') this.csvUri = vscode.Uri.parse(csv);
    }
  }

  /** The latest sweep (under way or ended). */
  get latest(): SweepView | undefined {
    return this.view;
  }

  /** The CSV of the latest sweep of this window. */
  get lastCsv(): vscode.Uri | undefined {
    return this.csvUri;
  }

  get running(): boolean {
    return this.session !== undefined;
  }

  /** Ends the sweep under way within its current iteration; false when none is running. */
  stop(): boolean {
    if (!this.session) return false;
    this.session.stop();
    return true;
  }

  /** Runs a sweep to its end (or its cancel); undefined when another sweep is under way. */
  async run(req: SweepRequest): Promise<SweepView | undefined> {
    if (this.session) {
      void vscode.window.showInformationMessage('A hidden layer size sweep is already running: cancel it first (its notification, the panel’s Stop sweep, or Shallow Net: Stop Training).');
      return undefined;
    }
    const fileName = req.csv.path.split('/').pop() ?? req.csv.path;
    const view: SweepView = { id: this.nextId++, fileName, settings: req.settings, sizes: [...req.sizes], results: [], status: 'preparing' };
    this.view = view;
    this.csvUri = req.csv;
    const session = new SweepSession(this.extensionPath);
    this.session = session;
    this.setSweeping(true);
    this.emit();
    // Kept from the start: a reload of the window mid-sweep finds it (and shows it stopped).
    this.persist();
    try {
      let bytes: Uint8Array;
      try {
        bytes = await readInputBytes(req.csv);
      } catch (e) {
        return this.fail(view, { message: `Could not read ${fileName}: ${e instanceof Error ? e.message : String(e)}`, file: fileName });
      }
      const started = Date.now();
      const end = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Hidden layer size sweep on ${fileName}`, cancellable: true },
        async (progress, token) => {
          const cancel = token.onCancellationRequested(() => session.stop());
          progress.report({ message: `reading ${fileName}…` });
          try {
            return await session.run(
              { csv: bytes, fileName, settings: req.settings, sizes: view.sizes },
              {
                prepared: (dataset) => {
                  view.status = 'running';
                  view.hasTest = dataset.testCount > 0;
                  progress.report({ message: sweepProgressText(view.sizes, 0) });
                  this.emit();
                  this.persist();
                },
                result: (point, index) => {
                  view.results[index] = point;
                  const next = index + 1;
                  progress.report({ increment: 100 / view.sizes.length, ...(next < view.sizes.length ? { message: sweepProgressText(view.sizes, next) } : {}) });
                  this.emit();
                  this.persist();
                },
              },
            );
          } finally {
            cancel.dispose();
          }
        },
      );
      if (end.kind === 'failed') return this.fail(view, end.error);
      view.status = end.stopped ? 'stopped' : 'finished';
      this.emit();
      this.persist();
      this.announce(view, (Date.now() - started) / 1000);
      return view;
    } finally {
      this.session = undefined;
      this.setSweeping(false);
      session.dispose();
    }
  }

  private fail(view: SweepView, error: ErrorInfo): SweepView {
    view.status = 'error';
    view.error = error.message;
    this.emit();
    this.persist();
    const csv = this.csvUri;
    const actions = error.row !== undefined && csv ? ['Show Row'] : [];
    void vscode.window.showErrorMessage(error.message, ...actions).then((a) => {
      if (a === 'Show Row' && csv && error.row !== undefined) void showRow(csv, error.row, error.column);
    });
    return view;
  }

  private announce(view: SweepView, seconds: number): void {
    noticeWithPanel('info', sweepEndText(view, seconds), this.isPanelOpen);
  }

  private emit(): void {
    if (this.view) this.changes.fire(this.view);
  }

  /** "Shallow Net: Stop Training" is offered in the palette while a sweep runs too. */
  private setSweeping(on: boolean): void {
    void vscode.commands.executeCommand('setContext', 'shallowNet.sweeping', on);
  }

  /** Keeps the latest sweep for the next start of the window: a copy, as it is now (the view keeps changing while it runs). */
  private persist(): void {
    if (!this.memento || !this.view) return;
    void this.memento.update(KEY, { ...this.view, sizes: [...this.view.sizes], results: [...this.view.results] });
    if (this.csvUri) void this.memento.update(`${KEY}.csv`, this.csvUri.toString());
  }

  dispose(): void {
    this.session?.dispose();
    this.changes.dispose();
  }
}

/** Opens a CSV at the row an error names, selecting the column's value when it can. */
async function showRow(csv: vscode.Uri, row: number, column: string | undefined): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(csv);
  const line = Math.min(Math.max(0, row - 1), doc.lineCount - 1);
  const text = doc.lineAt(line).text;
  const span = column === undefined ? undefined : locateField(doc.lineAt(0).text, text, column);
  const range = span ? new vscode.Range(line, span.start, line, span.end) : new vscode.Range(line, 0, line, text.length);
  await vscode.window.showTextDocument(doc, { selection: range, preview: false });
}
