/**
 * The training panel (one per window): shows every run of the session, live. It draws what
 * the host sends and sends back intents (train, stop, save), validated by the protocol.
 * A reload brings it back through the serializer; the webview restores its own view state.
 */
import * as vscode from 'vscode';
import { panelHtml } from './panelHtml';
import { saveChartsPng } from './chartsPng';
import { ExploreService } from './exploreService';
import { gradCheckOffThread } from '../common/toolJobs';
import { parseFromWebview, type ExploreMessage, type FromWebview, type ToWebview } from '../../shared/panelMessages';
import type { GradCheckReport } from '../../shared/runTypes';
import type { Runs } from '../training/runs';
import type { Sweeps } from '../sweep/sweeps';
import { defaultSettings } from '../common/settings';
import { readInputBytes } from '../common/readInput';

export const PANEL_VIEW_TYPE = 'shallowNet.panel';

export class Panel implements vscode.Disposable {
  private static current: Panel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private readonly explorer: ExploreService;

  static show(extensionUri: vscode.Uri, runs: Runs, sweeps: Sweeps, column?: vscode.ViewColumn): Panel {
    if (Panel.current) {
      Panel.current.panel.reveal(column ?? Panel.current.panel.viewColumn, true);
      return Panel.current;
    }
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'Shallow Net', { viewColumn: column ?? vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
    });
    Panel.current = new Panel(panel, extensionUri, runs, sweeps);
    return Panel.current;
  }

  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, runs: Runs, sweeps: Sweeps): void {
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')] };
    Panel.current?.dispose();
    Panel.current = new Panel(panel, extensionUri, runs, sweeps);
  }

  static get isOpen(): boolean {
    return Panel.current !== undefined;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly runs: Runs,
    private readonly sweeps: Sweeps,
  ) {
    this.explorer = new ExploreService(extensionUri.fsPath);
    this.disposables.push(this.explorer);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.svg');
    // The state as the first message: without the timelines' snapshots (large; 'ready' sends them).
    panel.webview.html = panelHtml(panel.webview, extensionUri, { ...this.state(), runs: this.runs.list.map(({ snapshots: _, ...r }) => r) });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const m = parseFromWebview(raw);
        if (m) void this.handle(m);
      }),
      runs.onDidChange((c) => this.post({ type: 'run', run: c.run, append: c.append })),
      runs.onDidChangeTraining((training) => this.post({ type: 'training', training })),
      sweeps.onDidChange((sweep) => this.post({ type: 'sweep', sweep })),
    );
  }

  private state(): Extract<ToWebview, { type: 'state' }> {
    return { type: 'state', runs: this.runs.list, defaults: this.runs.lastRequest?.settings ?? defaultSettings(), training: this.runs.training, ...(this.sweeps.latest ? { sweep: this.sweeps.latest } : {}) };
  }

  private post(m: ToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(m);
  }

  private async handle(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.post(this.state());
        return;
      case 'stop':
        this.runs.stop();
        return;
      case 'saveModel':
        await this.runs.saveRunModel(m.runId);
        return;
      case 'revealError':
        await this.runs.revealError(m.runId);
        return;
      case 'gradientCheck':
        this.post({ type: 'gradCheck', runId: m.runId, ...(await this.gradientCheck(m.runId)) });
        return;
      case 'runSweep': {
        // The shown run's CSV, else the latest run's (or the sweep's); else the command asks for one.
        const shown = m.csvOfRun === undefined ? undefined : this.runs.csvFor(m.csvOfRun);
        await vscode.commands.executeCommand('shallowNet.sweepHiddenSizes', shown ?? this.runs.lastCsv ?? this.sweeps.lastCsv, { sizes: m.sizes });
        return;
      }
      case 'stopSweep':
        this.sweeps.stop();
        return;
      case 'explore':
        await this.explore(m);
        return;
      case 'exportPng':
        await saveChartsPng(m.dataUrl, this.runs.lastCsv);
        return;
      case 'train': {
        const csv = m.csvOfRun !== undefined ? this.runs.csvFor(m.csvOfRun) : this.runs.lastCsv;
        if (!csv) {
          void vscode.commands.executeCommand('shallowNet.trainOnCsv', { settings: m.settings });
          return;
        }
        await vscode.commands.executeCommand('shallowNet.trainFile', csv, { settings: m.settings });
        return;
      }
    }
  }

  /** A run's network at the parameters and plane asked for (timeline, edits, feature picker), off this thread. */
  private async explore(m: ExploreMessage): Promise<void> {
    const run = this.runs.list.find((r) => r.id === m.runId);
    const csv = this.runs.csvFor(m.runId);
    const reply = (a: { result: NonNullable<Extract<ToWebview, { type: 'explored' }>['result']> } | { error: string }): void =>
      this.post({ type: 'explored', requestId: m.requestId, runId: m.runId, ...a });
    if (!run || !csv || !run.dataset || run.dataset.rowsRead === 0) {
      reply({ error: 'This run has no CSV to evaluate against (a model opened from a file): the heatmaps show the edited values, but the boundary and cost cannot follow.' });
      return;
    }
    const answer = await this.explorer.explore({
      csv, runId: run.id, settings: run.settings, dataset: run.dataset, params: m.params, features: m.features,
      ...(m.iteration === undefined ? {} : { iteration: m.iteration }),
    });
    // Undefined: a newer request replaced this one; the panel waits for that one's answer.
    if (answer) reply(answer);
  }

  /** A run's CSV with the run's settings at its final parameters (its initial ones if it has none yet). */
  private async gradientCheck(runId: number): Promise<{ result: GradCheckReport } | { error: string }> {
    const run = this.runs.list.find((r) => r.id === runId);
    const csv = this.runs.csvFor(runId);
    if (!run || !csv) return { error: 'This run has no CSV to check against (a model opened from a file).' };
    try {
      // Parsing and checking happen on a worker: a big CSV never blocks the host.
      const answer = await gradCheckOffThread(this.extensionUri.fsPath, { bytes: await readInputBytes(csv), fileName: csv.path.split('/').pop() ?? csv.path }, run.settings, run.params);
      return 'error' in answer ? { error: answer.error.message } : answer;
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }

  dispose(): void {
    if (Panel.current === this) Panel.current = undefined;
    // Answers still under way (an explore, a gradient check) have no webview to go to.
    this.ready = false;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
