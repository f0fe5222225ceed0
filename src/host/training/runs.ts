/**
 * The runs of this window: starts one training run at a time (asking before replacing a
 * run under way), shows its progress (notification with Cancel, status-bar item), saves
 * its model, and keeps every run's view for the panel.
 */
import * as vscode from 'vscode';
import { freeModelUri, saveModel } from '../models/modelStore';
import { noticeWithPanel, type IsPanelOpen } from '../common/panelNotice';
import type { CostPoint, ErrorInfo, HiddenPoint, RunStatus, RunSummary, RunView, TrainSettings } from '../../shared/runTypes';
import { TrainingSession } from './trainingSession';
import { DecimatedHistory } from '../../core/pipeline';
import { loadRuns, storeRuns } from './runHistory';
import { locateField } from '../../shared/csvLocate';
import type { CsvCheck } from '../csvProblems/csvDiagnostics';
import { ACTIVATIONS } from '../../engine/activations';
import { readInputBytes } from '../common/readInput';
import { decodeJson } from '../../engine/decode';

export interface TrainRequest {
  csv: vscode.Uri;
  settings: TrainSettings;
  /** Start from these parameters (a model file or a bare {W1,b1,W2,b2} JSON). */
  initialParams?: vscode.Uri;
  /** Save the model when the run ends (default true). */
  save?: boolean;
  /** Where to save it; default: the next free `<csv>.model.json` beside the CSV. */
  modelUri?: vscode.Uri;
}

export interface TrainResult {
  runId: number;
  status: RunStatus | 'cancelled';
  summary?: RunSummary;
  modelUri?: string;
  message?: string;
  error?: ErrorInfo;
}

export interface RunChange {
  run: RunView;
  /** When true, run.points/testPoints hold only the points added since the last change. */
  append: boolean;
}

/** Asks whether to stop the run under way for a new one. Replaceable by tests. */
export type ReplacePrompt = (current: RunView) => Thenable<boolean>;

const defaultReplacePrompt: ReplacePrompt = async (current) => {
  const stop = 'Stop and Train';
  const pick = await vscode.window.showWarningMessage(
    `A run on ${current.fileName} is still training (iteration ${current.iteration} of ${current.settings.iterations}).`,
    { modal: true, detail: 'Stop that run and start the new one? The stopped run keeps what it learned so far.' },
    stop,
  );
  return pick === stop;
};

interface ActiveRun {
  view: RunView;
  session: TrainingSession;
  csv: vscode.Uri;
  history: DecimatedHistory;
  /** The hidden layer's saturation points, decimated the same way. */
  hidden: DecimatedHistory;
}

export class Runs implements vscode.Disposable {
  readonly list: RunView[] = [];
  private readonly models = new Map<number, { csv: vscode.Uri; json: string }>();
  /** The CSV each run read, to show the row an error names (also after a reload). */
  private readonly csvOf = new Map<number, vscode.Uri>();
  private active: ActiveRun | undefined;
  private nextId = 1;
  private readonly changes = new vscode.EventEmitter<RunChange>();
  readonly onDidChange = this.changes.event;
  private readonly trainingChanges = new vscode.EventEmitter<boolean>();
  readonly onDidChangeTraining = this.trainingChanges.event;
  /** A run read its CSV (no error) or failed on it: the Problems view follows (csvDiagnostics.ts). */
  private readonly csvChecks = new vscode.EventEmitter<CsvCheck>();
  readonly onDidCheckCsv = this.csvChecks.event;
  private readonly status = vscode.window.createStatusBarItem('shallowNet.training', vscode.StatusBarAlignment.Left, 10);
  replacePrompt: ReplacePrompt = defaultReplacePrompt;
  lastRequest: TrainRequest | undefined;

  constructor(
    private readonly extensionPath: string,
    private readonly memento?: vscode.Memento,
    private readonly isPanelOpen: IsPanelOpen = () => false,
  ) {
    this.status.name = 'Shallow Net Training';
    this.status.command = 'shallowNet.openPanel';
    if (memento) {
      for (const r of loadRuns(memento)) {
        this.list.push(r.view);
        if (r.csv) this.csvOf.set(r.view.id, vscode.Uri.parse(r.csv));
        if (r.csv && r.modelJson) this.models.set(r.view.id, { csv: vscode.Uri.parse(r.csv), json: r.modelJson });
        this.nextId = Math.max(this.nextId, r.view.id + 1);
      }
    }
  }

  /** Keeps the runs for the next start of the window (a reload brings the panel back with them). */
  private persist(): void {
    if (!this.memento) return;
    const stored = this.list.map((view) => {
      const m = this.models.get(view.id);
      const csv = this.csvOf.get(view.id);
      return { view, ...(csv ? { csv: csv.toString() } : {}), ...(m ? { modelJson: m.json } : {}) };
    });
    void storeRuns(this.memento, stored);
  }

  /** The CSV of the latest run (also after a reload): the panel's Train button trains on it. */
  get lastCsv(): vscode.Uri | undefined {
    if (this.lastRequest) return this.lastRequest.csv;
    for (let i = this.list.length - 1; i >= 0; i--) {
      const m = this.models.get(this.list[i].id);
      if (m) return m.csv;
    }
    return undefined;
  }

  /** The CSV a run trained on (none for a model opened from a file). */
  csvFor(runId: number): vscode.Uri | undefined {
    return this.csvOf.get(runId);
  }

  get training(): boolean {
    return this.active !== undefined;
  }

  async train(req: TrainRequest): Promise<TrainResult> {
    if (this.active) {
      const replace = await this.replacePrompt(this.active.view);
      if (!replace) return { runId: -1, status: 'cancelled', message: 'A run is already training.' };
      const ended = this.whenEnded(this.active.view.id);
      this.stop();
      await ended;
    }
    this.lastRequest = req;
    void vscode.commands.executeCommand('setContext', 'shallowNet.hasLastSettings', true);
    const fileName = req.csv.path.split('/').pop() ?? req.csv.path;
    const view: RunView = {
      id: this.nextId++,
      label: labelOf(req.settings, fileName),
      fileName,
      settings: req.settings,
      status: 'preparing',
      points: [],
      testPoints: [],
      iteration: 0,
    };
    this.list.push(view);
    this.csvOf.set(view.id, req.csv);
    this.emit(view, false);

    let csvBytes: Uint8Array;
    let init: { text: string; fileName: string } | undefined;
    try {
      csvBytes = await readInputBytes(req.csv);
    } catch (e) {
      return this.fail(view, { message: `Could not read ${fileName}: ${e instanceof Error ? e.message : String(e)}`, file: fileName });
    }
    if (req.initialParams) {
      const initName = req.initialParams.path.split('/').pop() ?? 'initial parameters';
      try {
        init = { text: decodeJson(await readInputBytes(req.initialParams), initName), fileName: initName };
      } catch (e) {
        return this.fail(view, { message: `Could not read ${initName}: ${e instanceof Error ? e.message : String(e)}`, file: initName });
      }
    }

    const session = new TrainingSession(this.extensionPath);
    const active: ActiveRun = { view, session, csv: req.csv, history: new DecimatedHistory(), hidden: new DecimatedHistory() };
    this.active = active;
    this.setTraining(true);
    session.onEvent((e) => {
      if (e.kind === 'prepared') {
        view.dataset = e.dataset;
        if (e.scatter) view.scatter = e.scatter;
        view.status = 'running';
        this.csvChecks.fire({ csv: req.csv });
        this.emit(view, false);
      } else if (e.kind === 'baseline') {
        view.baseline = e.baseline;
        this.emit(view, false);
      } else {
        // The final iteration's figures are kept whatever the stride: the lines end where the run does.
        const last = req.settings.iterations - 1;
        const added = e.points.filter((p) => active.history.add(p, p[0] === last));
        const hidden = (e.hiddenPoints ?? []).filter((p) => active.hidden.add(p, p[0] === last));
        view.hiddenPoints = active.hidden.points;
        view.iteration = e.iteration;
        view.params = e.params;
        view.testPoints.push(...e.testPoints);
        if (e.boundary) view.boundary = e.boundary;
        this.emitAppend(view, added, e.testPoints, !!e.boundary, hidden);
        this.updateStatus(view, e.points[e.points.length - 1]);
      }
    });

    const ending = session.start({ csv: csvBytes, fileName, settings: req.settings, ...(init ? { initialParams: init } : {}) });
    const end = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Training on ${fileName}`, cancellable: true },
      async (progress, token) => {
        const cancel = token.onCancellationRequested(() => session.stop());
        let reported = 0;
        const sub = this.onDidChange((c) => {
          if (c.run.id !== view.id || view.status !== 'running') return;
          const pct = (100 * view.iteration) / req.settings.iterations;
          const last = view.points[view.points.length - 1];
          progress.report({
            increment: pct - reported,
            message: `iteration ${view.iteration} of ${req.settings.iterations}${last ? ` · cost ${last[1].toFixed(4)}` : ''}`,
          });
          reported = pct;
        });
        try {
          return await ending;
        } finally {
          sub.dispose();
          cancel.dispose();
        }
      },
    );
    this.active = undefined;
    session.dispose();
    this.setTraining(false);
    view.points = active.history.points;

    if (end.kind === 'failed') return this.fail(view, end.error);
    view.status = end.outcome;
    view.params = end.params;
    view.summary = end.summary;
    if (end.message) view.message = end.message;
    if (end.confusion) view.confusion = end.confusion;
    if (end.snapshots && end.snapshots.length) view.snapshots = end.snapshots;
    this.models.set(view.id, { csv: req.csv, json: end.modelJson });
    let modelUri: vscode.Uri | undefined;
    if (end.outcome !== 'diverged' && req.save !== false && end.summary.iterations > 0) {
      try {
        modelUri = await saveModel(req.csv, end.modelJson, req.modelUri);
        view.summary = { ...end.summary, modelPath: vscode.workspace.asRelativePath(modelUri) };
      } catch (e) {
        void vscode.window.showErrorMessage(`Could not save the model: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    this.emit(view, false);
    this.persist();
    this.announce(view, modelUri);
    return {
      runId: view.id,
      status: view.status,
      summary: view.summary,
      ...(modelUri ? { modelUri: modelUri.toString() } : {}),
      ...(view.message ? { message: view.message } : {}),
    };
  }

  stop(): boolean {
    if (!this.active) return false;
    this.active.session.stop();
    return true;
  }

  /** Saves a run's model on request (the panel's Save button); asks where. */
  async saveRunModel(runId: number): Promise<vscode.Uri | undefined> {
    const m = this.models.get(runId);
    const view = this.list.find((r) => r.id === runId);
    if (!m || !view) {
      void vscode.window.showWarningMessage('That run has no model to save yet: wait for it to finish or stop it.');
      return undefined;
    }
    const target = await vscode.window.showSaveDialog({
      defaultUri: await freeModelUri(m.csv),
      filters: { 'Shallow Net model': ['json'] },
      title: 'Save Shallow Net Model',
    });
    if (!target) return undefined;
    const uri = await saveModel(m.csv, m.json, target);
    if (view.summary) view.summary = { ...view.summary, modelPath: vscode.workspace.asRelativePath(uri) };
    this.emit(view, false);
    this.persist();
    return uri;
  }

  /** Adds a finished run that came from a model file (Open Model…). */
  addLoaded(view: Omit<RunView, 'id'>): RunView {
    const run: RunView = { ...view, id: this.nextId++ };
    this.list.push(run);
    this.emit(run, false);
    this.persist();
    return run;
  }

  private whenEnded(id: number): Promise<void> {
    return new Promise((resolve) => {
      const sub = this.onDidChangeTraining((t) => {
        if (!t || this.active?.view.id !== id) {
          sub.dispose();
          resolve();
        }
      });
    });
  }

  private fail(view: RunView, error: ErrorInfo): TrainResult {
    view.status = 'error';
    view.error = error;
    const csv = this.csvOf.get(view.id);
    if (csv) this.csvChecks.fire({ csv, error });
    this.emit(view, false);
    this.persist();
    const actions: string[] = error.row !== undefined ? ['Show Row'] : [];
    void vscode.window.showErrorMessage(error.message, ...actions).then((a) => {
      if (a === 'Show Row') void this.revealError(view.id);
    });
    return { runId: view.id, status: 'error', error };
  }

  /** Opens the CSV of a failed run at the row its error names, selecting the column's value. */
  async revealError(runId: number): Promise<boolean> {
    const view = this.list.find((r) => r.id === runId);
    const csv = this.csvOf.get(runId);
    const row = view?.error?.row;
    if (!view || !csv || row === undefined) return false;
    const doc = await vscode.workspace.openTextDocument(csv);
    const line = Math.min(Math.max(0, row - 1), doc.lineCount - 1);
    const text = doc.lineAt(line).text;
    const span = view.error?.column === undefined ? undefined : locateField(doc.lineAt(0).text, text, view.error.column);
    const range = span ? new vscode.Range(line, span.start, line, span.end) : new vscode.Range(line, 0, line, text.length);
    await vscode.window.showTextDocument(doc, { selection: range, preview: false });
    return true;
  }

  private announce(view: RunView, modelUri: vscode.Uri | undefined): void {
    const s = view.summary;
    if (!s) return;
    if (view.status === 'diverged') {
      noticeWithPanel('warning', `${view.fileName}: ${view.message ?? 'the cost diverged'}.`, this.isPanelOpen);
      return;
    }
    const test = s.testAccuracy === null ? '' : `, test ${pct(s.testAccuracy)}`;
    const verb = view.status === 'stopped' ? 'Stopped' : 'Trained';
    const saved = modelUri ? ` Saved ${vscode.workspace.asRelativePath(modelUri)}.` : '';
    const text = `${verb} on ${view.fileName}: cost ${s.cost.toFixed(4)} after ${s.iterations} iterations, train accuracy ${pct(s.trainAccuracy)}${test}.${saved}`;
    noticeWithPanel('info', text, this.isPanelOpen);
  }

  private updateStatus(view: RunView, last: CostPoint | undefined): void {
    this.status.text = `$(pulse) ${view.fileName} ${view.iteration}/${view.settings.iterations}${last ? ` · cost ${last[1].toFixed(4)}` : ''}`;
    this.status.tooltip = 'Shallow Net is training. Click to show the panel; stop with its Stop button, Cancel on the notification, or "Shallow Net: Stop Training".';
    this.status.accessibilityInformation = { label: `Training ${view.fileName}, iteration ${view.iteration} of ${view.settings.iterations}. Activate to show the panel.` };
  }

  private setTraining(on: boolean): void {
    void vscode.commands.executeCommand('setContext', 'shallowNet.training', on);
    if (on) {
      this.status.text = '$(pulse) Shallow Net: preparing…';
      this.status.show();
    } else {
      this.status.hide();
    }
    this.trainingChanges.fire(on);
  }

  private emit(view: RunView, append: boolean): void {
    this.changes.fire({ run: view, append });
  }

  private emitAppend(view: RunView, points: CostPoint[], testPoints: CostPoint[], boundaryChanged = false, hiddenPoints: HiddenPoint[] = []): void {
    view.points = this.active?.history.points ?? view.points;
    // Appends leave out what the panel has already: the examples, and an unchanged boundary.
    const run: RunView = { ...view, points, testPoints, hiddenPoints };
    delete run.scatter;
    if (!boundaryChanged) delete run.boundary;
    this.changes.fire({ run, append: true });
  }

  dispose(): void {
    this.active?.session.dispose();
    this.status.dispose();
    this.changes.dispose();
    this.trainingChanges.dispose();
    this.csvChecks.dispose();
  }
}

export function pct(x: number): string {
  return `${(100 * x).toFixed(1)} %`;
}

/** "flower.csv · Leaky ReLU (α 0.2) · 4 units · lr 1.2 · small": what tells runs apart in the panel. */
export function labelOf(s: TrainSettings, fileName?: string): string {
  const scale = s.init === 'small' && s.initScale !== undefined && s.initScale !== 0.01 ? ` ×${s.initScale}` : '';
  const g = ACTIVATIONS[s.activation].label + (s.activation === 'leaky-relu' ? ` (α ${s.leakyAlpha})` : '');
  const units = `${s.hiddenUnits} unit${s.hiddenUnits === 1 ? '' : 's'}`;
  return [fileName, g, units, `lr ${s.learningRate}`, `${s.init}${scale}`].filter(Boolean).join(' · ');
}
