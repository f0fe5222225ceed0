/**
 * The panel's webview: receives the host's messages (src/protocol.ts), keeps the session's runs,
 * and draws them: status banner, cost chart, runs compared, controls, summary and heatmaps.
 * Draws only what it is sent; sends back intents (ready, train, stop, saveModel, gradientCheck, exportPng,
 * runSweep, stopSweep).
 * Everything renders in one animation frame however many messages arrive in between.
 */
import './panel.css';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import { paramsRefusal, type ExploreResult, type FromWebview, type ParamsSnapshot, type RunView, type SweepView, type ToWebview, type TrainSettings } from '../src/protocol';
import { AxesPicker } from './cards/axesPicker';
import { EditedLine } from './cards/editedLine';
import { applyEdit, exploredRun, freshState, isPlain, planeOf, shownIteration, shownParams as exploredParams, showingText, type ExploreState } from './state/explore';
import { Timeline } from './cards/timeline';
import { BUILT_IN_DEFAULTS } from '../src/settingsDefaults';
import { Controls, type FormValues, type ValidSettings } from './cards/controls';
import { CostChart } from './cards/costChart';
import { h, setText } from './widgets/dom';
import { layersFor, ParamsHeatmaps, type CellEdit } from './widgets/heatmap';
import { CollapsedLayer } from './cards/collapsed';
import { SaturationChart, type SaturationSeries } from './cards/saturationChart';
import { BoundaryPlot } from './cards/boundary';
import { ConfusionTables } from './cards/confusion';
import { GradCheckView } from './cards/gradcheck';
import { chartsPng } from './widgets/exportPng';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { FeatureSpace } from './cards/featureSpace';
import { UnitMaps } from './widgets/unitMaps';
import { SymmetryCompare, symmetryPair } from './cards/symmetry';
import { RunsList } from './cards/runsList';
import { StatusView } from './cards/status';
import { Summary } from './cards/summary';
import { SweepCard } from './cards/sweepCard';
import { onThemeChange, readTheme } from './widgets/theme';
import { initialState, isToWebview } from './state/messages';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState<T>(state: T): T;
}
declare function acquireVsCodeApi(): VsCodeApi;

/**
 * What survives a reload of the webview (the host also re-sends its state on 'ready', which
 * replaces these runs). Runs are kept without their timeline's snapshots (up to ~1.5 MB each,
 * saved a few times a second while training): the timeline comes back with the host's state
 * (src/runHistory.ts keeps it across a window reload for networks small enough).
 */
interface Persisted {
  v: 1;
  runs: RunView[];
  defaults?: TrainSettings;
  training: boolean;
  checked: number[];
  autoTicked?: number;
  /** Palette slot each run got when first ticked, [runId, slot]: colours follow the ticks, not the ids. */
  colours?: [number, number][];
  currentId?: number;
  log: boolean;
  form?: FormValues;
  formDirty: boolean;
  /** The latest hidden layer size sweep, and the sweep card's sizes field when typed in. */
  sweep?: SweepView;
  sweepSizes?: string;
}

/** Used only until the host's defaults arrive (the same as the extension's settings). */
const FALLBACK: TrainSettings = BUILT_IN_DEFAULTS;

const vscode = acquireVsCodeApi();

// ── state ─────────────────────────────────────────────────────────────────────
const runs = new Map<number, RunView>();
let defaults: TrainSettings | undefined;
let training = false;
const checked = new Set<number>();
/** The run ticked automatically as the newest; unticked again when a newer one arrives. */
let autoTicked: number | undefined;
/** The automatic pick a new run replaced: ticked again if the new run fails with nothing to draw. */
let previousAuto: number | undefined;
/** Palette slot each run got when first ticked (see assignColours), and the slot of each ticked run. */
const colourSlot = new Map<number, number>();
const shownSlot = new Map<number, number>();
/** The run whose status, summary and heatmaps are shown. */
let currentId: number | undefined;
let log = false;
let formDirty = false;
let sweep: SweepView | undefined;
let savedSweepSizes: string | undefined;
/** The shown run just failed: the next render brings its banner into view (once). */
let revealError = false;

function restore(): FormValues | undefined {
  const s = vscode.getState() as Partial<Persisted> | undefined | null;
  if (!s || s.v !== 1) return undefined;
  for (const r of s.runs ?? []) runs.set(r.id, r);
  defaults = s.defaults;
  training = !!s.training;
  for (const id of s.checked ?? []) if (runs.has(id)) checked.add(id);
  autoTicked = s.autoTicked;
  for (const [id, slot] of s.colours ?? []) if (runs.has(id)) colourSlot.set(id, slot);
  currentId = s.currentId !== undefined && runs.has(s.currentId) ? s.currentId : newestId();
  log = !!s.log;
  formDirty = !!s.formDirty;
  sweep = s.sweep;
  savedSweepSizes = s.sweepSizes;
  return s.form;
}

let persistTimer: ReturnType<typeof setTimeout> | undefined;
function persist(): void {
  if (persistTimer) return;
  persistTimer = setTimeout(() => {
    persistTimer = undefined;
    const state: Persisted = {
      v: 1,
      runs: [...runs.values()].map(withoutSnapshots),
      ...(defaults ? { defaults } : {}),
      training,
      checked: [...checked],
      ...(autoTicked !== undefined ? { autoTicked } : {}),
      colours: [...colourSlot],
      ...(currentId !== undefined ? { currentId } : {}),
      log,
      form: controls.values(),
      formDirty,
      ...(sweep ? { sweep } : {}),
      ...(sweepCard.editedSizes !== undefined ? { sweepSizes: sweepCard.editedSizes } : {}),
    };
    vscode.setState(state);
  }, 300);
}

function withoutSnapshots(r: RunView): RunView {
  if (!r.snapshots) return r;
  const copy = { ...r };
  delete copy.snapshots;
  return copy;
}

function newestId(): number | undefined {
  let best: number | undefined;
  for (const id of runs.keys()) if (best === undefined || id > best) best = id;
  return best;
}

function formFrom(s: TrainSettings): FormValues {
  return {
    hiddenUnits: String(s.hiddenUnits),
    activation: s.activation,
    learningRate: String(s.learningRate),
    iterations: String(s.iterations),
    init: s.init,
    initScale: String(s.initScale ?? 0.01),
  };
}

/** The run a new run builds on: the one shown (the newest when none is). */
function baseRun(): RunView | undefined {
  const id = currentId !== undefined && runs.has(currentId) ? currentId : newestId();
  return id !== undefined ? runs.get(id) : undefined;
}

/** Settings of a new run: the controls over the shown run's settings (its target…), or the defaults. */
function settingsFor(v: ValidSettings): TrainSettings {
  const base = baseRun()?.settings ?? defaults ?? FALLBACK;
  return { ...base, ...v };
}

/** A run opened from a model file: no rows read, so no CSV the host knows of. */
const fromModelFile = (r: RunView): boolean => r.dataset?.rowsRead === 0;

// ── view ──────────────────────────────────────────────────────────────────────
let theme = readTheme();
const app = document.getElementById('app') ?? document.body.appendChild(h('div', { attrs: { id: 'app' } }));

const status = new StatusView((runId) => vscode.postMessage({ type: 'revealError', runId }));
const chartCanvas = h('canvas', { class: 'cost-canvas', attrs: { role: 'img', 'aria-label': 'Cost per iteration: no run shown' } });
const chart = new CostChart(chartCanvas, theme);
const logToggle = document.createElement('vscode-checkbox');
logToggle.label = 'Log scale';
logToggle.id = 'log-scale';
logToggle.setAttribute('aria-label', 'Logarithmic cost axis');
logToggle.addEventListener('change', () => {
  log = logToggle.checked;
  chart.setLog(log);
  persist();
});

const exportButton = document.createElement('vscode-button');
exportButton.textContent = 'Export charts as PNG';
exportButton.id = 'export-png';
exportButton.secondary = true;
exportButton.setAttribute('aria-label', 'Export the charts shown as one PNG image');
exportButton.title = 'The cost chart, and the hidden layer, decision boundary and sweep when shown, as one PNG; asks where to save it';
exportButton.addEventListener('click', () => {
  // The sweep is of one CSV: it goes with the charts of a run on that CSV only.
  const shownCsv = currentId !== undefined ? runs.get(currentId)?.fileName : undefined;
  const sweepFits = !sweep || shownCsv === undefined || sweep.fileName === shownCsv;
  const dataUrl = chartsPng(
    [
      { title: 'Cost per iteration', canvas: chartCanvas },
      { title: 'Hidden layer: saturation and mean g′', canvas: saturation.canvas },
      { title: 'Decision boundary', canvas: boundary.canvas, axes: boundary.axisNames() },
      { title: featureSpace.title(), canvas: featureSpace.canvas },
      ...(sweepFits ? [{ title: 'Hidden layer size sweep: accuracy against hidden units', canvas: sweepCard.canvas }] : []),
    ],
    theme,
  );
  vscode.postMessage({ type: 'exportPng', dataUrl });
  status.announce('Charts exported as PNG: choose where to save them.');
});

const runsList = new RunsList(
  (id, on) => {
    if (on) checked.add(id);
    else checked.delete(id);
    if (autoTicked === id) autoTicked = undefined; // the person chose: leave it as it is
    schedule();
  },
  (id) => {
    currentId = id;
    revealError = false;
    if (!checked.has(id)) checked.add(id);
    // The chart compares runs on the shown run's CSV: runs of other CSVs leave it.
    const csv = runs.get(id)?.fileName;
    for (const other of [...checked]) {
      if (runs.get(other)?.fileName === csv) continue;
      checked.delete(other);
      if (autoTicked === other) autoTicked = undefined;
    }
    schedule();
  },
);

const controls = new Controls({
  onTrain: (v) => {
    const settings = settingsFor(v);
    // The shown run's CSV (the host asks for one when it knows none, as for a model file).
    const base = baseRun();
    vscode.postMessage({ type: 'train', settings, ...(base ? { csvOfRun: base.id } : {}) });
    formDirty = false;
    status.announce(`Training requested: ${v.hiddenUnits} hidden units, ${v.activation}, learning rate ${v.learningRate}, ${v.iterations} iterations.`);
    persist();
  },
  onStop: () => vscode.postMessage({ type: 'stop' }),
  onSave: () => {
    if (currentId !== undefined) vscode.postMessage({ type: 'saveModel', runId: currentId });
  },
  onEdit: () => {
    formDirty = true;
    persist();
  },
  onInvalid: (messages) => status.announce(messages.join(' ')),
});

const summary = new Summary();
const heatmaps = new ParamsHeatmaps(theme);
const saturation = new SaturationChart(theme);
const collapsed = new CollapsedLayer(theme);
const boundary = new BoundaryPlot(theme);
const unitMaps = new UnitMaps(theme);
const featureSpace = new FeatureSpace(theme);
const confusion = new ConfusionTables();
const symmetry = new SymmetryCompare(theme, (settings, runId) => {
  vscode.postMessage({ type: 'train', settings, csvOfRun: runId });
  status.announce('Training requested: the same network from the small random start, to compare with zero initialisation.');
});
const sweepCard = new SweepCard(theme, {
  onRun: (sizes) => vscode.postMessage({ type: 'runSweep', sizes, ...(currentId !== undefined ? { csvOfRun: currentId } : {}) }),
  onStop: () => vscode.postMessage({ type: 'stopSweep' }),
  onEdit: () => persist(),
  announce: (text) => status.announce(text),
});
const gradCheck = new GradCheckView((runId) => vscode.postMessage({ type: 'gradientCheck', runId }));

// ── exploring the shown run: timeline, edited weights, the boundary's axes ────────
/** The shown run's explore state (a fresh one for another run). */
let explore: ExploreState | undefined;
/** What was explored of the other runs, by run id (each run keeps its own). */
const explored = new Map<number, ExploreState>();
/**
 * The latest answer for the shown run (the host's, or the panel's own refusal or time-out), with
 * the parameters and plane it is about: shown only while they are the ones shown (answerFor).
 */
let answer: { params: ParamsSnapshot; features: [number, number]; result?: ExploreResult; error?: string } | undefined;
let requestSeq = 0;
/** The request under way (one at a time: the next goes when its answer comes), and whether the state moved since. */
let inFlight: { id: number; timer: ReturnType<typeof setTimeout> } | undefined;
let exploreDirty = false;
/** What the last request asked about (a new training snapshot or state asks again), and its id. */
let sent: { id: number; params: ParamsSnapshot; features: [number, number] } | undefined;
/** A request unanswered this long no longer holds the next back, nor keeps the panel "evaluating". */
const EXPLORE_TIMEOUT_MS = 10_000;

function settleInFlight(): void {
  if (inFlight) clearTimeout(inFlight.timer);
  inFlight = undefined;
}

/**
 * The answer for the parameters and plane shown now, or undefined (pending). While a run trains
 * on other axes, the previous answer's plane stands in (its boundary says its own iteration).
 */
function answerFor(run: RunView, s: ExploreState): { result?: ExploreResult; error?: string; exact: boolean } | undefined {
  const f = planeOf(run, s);
  if (!answer || answer.features[0] !== f[0] || answer.features[1] !== f[1]) return undefined;
  if (answer.params === exploredParams(run, s)) return { ...answer, exact: true };
  if (s.index === null && !s.edited && answer.result) return { result: answer.result, exact: false };
  return undefined;
}

function exploreFor(run: RunView | undefined): ExploreState | undefined {
  if (!run) return undefined;
  if (explore?.runId !== run.id) {
    // Each run keeps what was explored of it (axes, timeline, edits) while another is shown.
    if (explore) explored.set(explore.runId, explore);
    explore = explored.get(run.id) ?? freshState(run);
    answer = undefined;
    settleInFlight();
    exploreDirty = false;
    sent = undefined;
  }
  return explore;
}

/** Asks the host for the network at the explored parameters (when something is explored). */
function requestExplore(): void {
  const run = currentId !== undefined ? runs.get(currentId) : undefined;
  const s = exploreFor(run);
  if (!run || !s) return;
  if (isPlain(run, s)) {
    exploreDirty = false;
    return;
  }
  // One at a time: the next goes when this one's answer comes (or it times out).
  if (inFlight) {
    exploreDirty = true;
    return;
  }
  const params = exploredParams(run, s);
  if (!params) return;
  exploreDirty = false;
  const features = planeOf(run, s);
  const id = ++requestSeq;
  sent = { id, params, features };
  // The host drops parameters it cannot evaluate without a word: say why here instead.
  const refused = paramsRefusal(params);
  if (refused) {
    answer = { params, features, error: refused };
    status.announce(refused);
    return;
  }
  const timer = setTimeout(() => {
    if (inFlight?.id !== id) return;
    inFlight = undefined;
    answer = { params, features, error: 'The extension did not answer in time: move the timeline, edit a value or pick the axes again to retry.' };
    if (exploreDirty) requestExplore();
    schedule();
  }, EXPLORE_TIMEOUT_MS);
  inFlight = { id, timer };
  vscode.postMessage({ type: 'explore', requestId: id, runId: run.id, params, features, iteration: shownIteration(run, s) });
}

function onExplored(msg: Extract<ToWebview, { type: 'explored' }>): void {
  // Only the answer to the latest request (even one that timed out) is about what it asked.
  if (!sent || msg.requestId !== sent.id) return;
  if (inFlight?.id === msg.requestId) settleInFlight();
  if (explore?.runId === msg.runId) {
    const error = msg.result ? undefined : (msg.error ?? 'The network could not be evaluated.');
    answer = { params: sent.params, features: sent.features, ...(msg.result ? { result: msg.result } : {}), ...(error ? { error } : {}) };
    if (error) status.announce(error);
  }
  if (exploreDirty) requestExplore();
}

function setExplore(next: ExploreState): void {
  explore = next;
  requestExplore();
  schedule();
}

const timeline = new Timeline((index) => {
  const run = currentId !== undefined ? runs.get(currentId) : undefined;
  const s = exploreFor(run);
  if (!run || !s) return;
  // Edits belong to the parameters they were made on: moving the timeline leaves them.
  setExplore({ ...s, index, edited: null, cells: {} });
});
const axes = new AxesPicker((features) => {
  const s = exploreFor(currentId !== undefined ? runs.get(currentId) : undefined);
  if (s) setExplore({ ...s, features });
});
const editedLine = new EditedLine(() => {
  const s = explore;
  if (!s) return;
  setExplore({ ...s, edited: null, cells: {} });
  status.announce('Parameters reset to the trained values.');
});
const exploreStatus = h('p', { class: 'explore-status hidden', attrs: { role: 'status', 'aria-live': 'polite' } });
const editStatus = h('p', { class: 'explore-status hidden', attrs: { 'aria-hidden': 'true' } });
const timelineHint = h('p', { class: 'hint timeline-hint', text: 'Drag the slider (or focus it and use the arrow keys) to see the heatmaps, the boundary and the hidden units at a kept iteration.' });
function onCellEdit(e: CellEdit): void {
  const run = currentId !== undefined ? runs.get(currentId) : undefined;
  const s = exploreFor(run);
  if (!run || !s) return;
  setExplore(applyEdit(run, s, e.key, e.r, e.c, e.value));
  status.announce(`${e.key.replace(/(\d)/, '[$1]')} set to ${e.value}: the boundary and cost follow.`);
}

/** What Train will train on: the shown run's CSV and target (the host trains on that CSV). */
const trainsOn = h('p', { class: 'trains-on', attrs: { id: 'trains-on' } });
controls.element.querySelector('#train')?.setAttribute('aria-describedby', 'trains-on');

function trainsOnText(): string {
  const r = baseRun();
  if (!r) return 'No run yet: Train asks for a CSV file to train on.';
  if (fromModelFile(r)) return `Run #${r.id} came from a model file: Train asks for a CSV file to train on.`;
  const file = r.dataset?.fileName ?? r.fileName;
  const of = `Trains on ${file} (run #${r.id}’s CSV)`;
  if (r.settings.target !== undefined) return `${of} · target ${r.settings.target}`;
  return r.dataset ? `${of} · target ${r.dataset.targetName} (the last column)` : `${of} · the last column as target`;
}

function card(cls: string, title: string, body: Node[], tools: Node[] = []): HTMLElement {
  const id = `heading-${cls}`;
  return h('section', { class: `card ${cls}`, attrs: { 'aria-labelledby': id } }, [
    h('div', { class: 'card-head' }, [h('h2', { text: title, attrs: { id } }), ...tools]),
    ...body,
  ]);
}

app.replaceChildren(
  status.element,
  status.live,
  h('div', { class: 'layout' }, [
    card(
      'chart-card',
      'Cost',
      [h('div', { class: 'chart-box no-data' }, [chartCanvas, h('p', { class: 'chart-empty placeholder', text: 'The cost J per iteration is drawn here while a run trains; tick runs below to compare them.' })]), saturation.element],
      [logToggle, exportButton],
    ),
    card('controls-card', 'New run', [trainsOn, controls.element]),
    card('runs-card', 'Runs compared', [runsList.element]),
    card('summary-card', 'Summary', [summary.element]),
    card('gradcheck-card', 'Backpropagation check', [gradCheck.element], [gradCheck.button]),
    card('timeline-card', 'Timeline', [timeline.element, timelineHint, exploreStatus]),
    card('boundary-card', 'Decision boundary', [axes.element, boundary.element]),
    card('feature-space-card', 'Hidden feature space', [featureSpace.element]),
    card('units-card', 'Hidden units', [unitMaps.element]),
    card('symmetry-card', 'Symmetry: zeros beside the small random start', [symmetry.element]),
    card('confusion-card', 'Confusion matrix', [confusion.element]),
    card('params-card', 'Parameters', [editedLine.element, editStatus, heatmaps.element]),
    card('collapsed-card', 'Collapsed to logistic regression', [collapsed.element]),
    // A session-wide experiment, after the shown run's own cards.
    card('sweep-card', 'Hidden layer size sweep', [sweepCard.element]),
  ]),
);

/**
 * A run keeps the palette slot it got when first ticked: ticked again, it has its colour back
 * unless a ticked run holds that slot now. A run without one gets the slot least used among the
 * ticked runs (ties: a solid colour first, then one no other run remembers, then the first), in
 * tick order, so runs drawn together differ; past the palette's colours, slots repeat the colours
 * with a dotted line (CostSeries.dashed).
 */
function assignColours(): void {
  for (const id of [...colourSlot.keys()]) if (!runs.has(id)) colourSlot.delete(id);
  const n = theme.series.length;
  const held = new Map<number, number>();
  for (const id of checked) if (shownSlot.has(id)) held.set(shownSlot.get(id) ?? 0, (held.get(shownSlot.get(id) ?? 0) ?? 0) + 1);
  for (const id of [...shownSlot.keys()]) if (!checked.has(id)) shownSlot.delete(id);
  for (const id of checked) {
    if (shownSlot.has(id)) continue;
    const own = colourSlot.get(id);
    let best: number;
    if (own !== undefined && !held.get(own)) best = own;
    else {
      const remembered = new Set<number>();
      for (const [other, slot] of colourSlot) if (other !== id && !checked.has(other)) remembered.add(slot);
      const rank = (slot: number): [number, number, number] => [held.get(slot) ?? 0, slot < n ? 0 : 1, remembered.has(slot) ? 1 : 0];
      const better = (a: number, b: number): boolean => {
        const [x, y] = [rank(a), rank(b)];
        for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i];
        return a < b;
      };
      best = 0;
      for (let slot = 1; slot < 2 * n; slot++) if (better(slot, best)) best = slot;
    }
    shownSlot.set(id, best);
    colourSlot.set(id, best);
    held.set(best, (held.get(best) ?? 0) + 1);
  }
}
/** A ticked run's colour; undefined for a run not on the chart. */
const colourOf = (id: number): string | undefined => {
  const slot = shownSlot.get(id);
  return slot === undefined ? undefined : theme.series[slot % theme.series.length];
};
const dashedOf = (id: number): boolean => (shownSlot.get(id) ?? 0) >= theme.series.length;

let frame = 0;
let shownParams: unknown;
let shownParamsRun: number | undefined;
function schedule(): void {
  if (!frame) frame = requestAnimationFrame(render);
  persist();
}

function render(): void {
  frame = 0;
  const list = [...runs.values()].sort((a, b) => a.id - b.id);
  const trained = currentId !== undefined ? runs.get(currentId) : undefined;
  // The run as explored: a timeline snapshot, edited parameters, other axes (else as trained).
  const s = exploreFor(trained);
  const got = trained && s && !isPlain(trained, s) ? answerFor(trained, s) : undefined;
  const explored = got?.result;
  const exploreError = got?.error;
  const current = trained && s ? exploredRun(trained, s, explored, !!exploreError) : trained;
  assignColours();
  status.show(trained, training);
  if (revealError) {
    revealError = false;
    if (trained?.status === 'error') status.reveal();
  }
  runsList.update(list, checked, currentId, colourOf, dashedOf);
  summary.show(current, trained && s ? showingText(trained, s) : undefined);
  const live = !trained || trained.status === 'running' || trained.status === 'preparing';
  timeline.show(trained?.snapshots, s?.index ?? null, trained?.settings.iterations ?? 0);
  chart.setMarker(trained && s && s.index !== null ? shownIteration(trained, s) : null);
  document.querySelector('.timeline-card')?.classList.toggle('hidden', !trained || (!((trained.snapshots?.length ?? 0) >= 2) && !exploreError));
  timelineHint.classList.toggle('hidden', (trained?.snapshots?.length ?? 0) < 2);
  axes.show(trained?.dataset?.featureNames, trained && s ? planeOf(trained, s) : [0, 1]);
  const pending = !!trained && !!s && !isPlain(trained, s) && (!!inFlight || exploreDirty || !got?.exact);
  editedLine.show(trained, s, explored, pending);
  const statusText = exploreError ?? (pending ? 'Evaluating the network at these parameters…' : '');
  for (const el of [exploreStatus, editStatus]) {
    setText(el, statusText);
    el.classList.toggle('hidden', !statusText);
    el.classList.toggle('is-error', !!exploreError);
  }
  heatmaps.setEditable(live || !trained?.params ? null : onCellEdit);
  // Live training on other axes, or the run's end: ask again for the parameters now shown.
  if (trained && s && !isPlain(trained, s)) {
    const p = exploredParams(trained, s);
    const f = planeOf(trained, s);
    if (p && (!sent || sent.params !== p || sent.features[0] !== f[0] || sent.features[1] !== f[1])) requestExplore();
  }
  setText(trainsOn, trainsOnText());
  chart.setSeries(
    list
      .filter((r) => checked.has(r.id))
      .map((r) => ({ runId: r.id, name: `#${r.id}`, colour: colourOf(r.id) ?? theme.foreground, dashed: dashedOf(r.id), points: r.points, testPoints: r.testPoints })),
  );
  const params = current?.params;
  if (params !== shownParams || currentId !== shownParamsRun) {
    shownParams = params;
    shownParamsRun = currentId;
    heatmaps.set(params ? layersFor(params, current?.dataset, s?.cells) : null, currentId);
  }
  // The hidden layer's saturation beside the cost; a linear run's collapsed single layer.
  const hiddenOf = (r: RunView): SaturationSeries => ({
    runId: r.id, name: `#${r.id}`, colour: colourOf(r.id) ?? theme.foreground, activation: r.settings.activation,
    hiddenUnits: r.params?.W1.length ?? r.settings.hiddenUnits, points: r.hiddenPoints ?? [],
  });
  saturation.setSeries(list.filter((r) => checked.has(r.id)).map(hiddenOf), current ? hiddenOf(current) : undefined);
  document.querySelector('.collapsed-card')?.classList.toggle('hidden', !CollapsedLayer.applies(current));
  collapsed.show(current);
  // Decision boundary and hidden units: data with two features or more; confusion: at the end.
  const plane = !!current?.boundary || !!current?.scatter;
  document.querySelector('.boundary-card')?.classList.toggle('hidden', !plane);
  document.querySelector('.feature-space-card')?.classList.toggle('hidden', !plane);
  document.querySelector('.units-card')?.classList.toggle('hidden', !current?.boundary);
  document.querySelector('.confusion-card')?.classList.toggle('hidden', !current?.confusion);
  boundary.show(current);
  unitMaps.show(current);
  // The runs as trained (not a timeline snapshot or edited parameters of the one shown).
  const pair = symmetryPair(list, trained);
  document.querySelector('.symmetry-card')?.classList.toggle('hidden', !pair);
  symmetry.show(pair, training);
  featureSpace.show(current);
  confusion.show(current);
  gradCheck.show(current);
  sweepCard.show(sweep);
  controls.setTraining(training);
  controls.setCanSave(!!current && !!current.params && (current.status === 'finished' || current.status === 'stopped' || current.status === 'diverged'));
  document.body.classList.toggle('is-training', training);
}

// ── messages from the host ────────────────────────────────────────────────────
function onRun(run: RunView, append: boolean): void {
  const old = runs.get(run.id);
  if (old && append) {
    runs.set(run.id, {
      ...run,
      points: old.points.concat(run.points),
      testPoints: old.testPoints.concat(run.testPoints),
      hiddenPoints: (old.hiddenPoints ?? []).concat(run.hiddenPoints ?? []),
      // Appends leave out what was sent before: keep it.
      boundary: run.boundary ?? old.boundary,
      scatter: run.scatter ?? old.scatter,
      confusion: run.confusion ?? old.confusion,
    });
  } else {
    runs.set(run.id, run);
  }
  if (!old) {
    // A new run: show it, tick it, and untick the previous automatic pick.
    previousAuto = undefined;
    if (autoTicked !== undefined && autoTicked !== run.id && checked.delete(autoTicked)) previousAuto = autoTicked;
    checked.add(run.id);
    autoTicked = run.id;
    currentId = run.id;
    if (!formDirty) controls.setValues(formFrom(run.settings));
  }
  // The shown run fails (not one already failed): its error is at the top, maybe out of sight.
  if (run.id === currentId && run.status === 'error' && old?.status !== 'error') revealError = true;
  // A run that failed before its first iteration has nothing to draw: no tick, no legend entry;
  // the automatic pick it replaced comes back.
  const now = runs.get(run.id);
  if (now && failedEmpty(now) && autoTicked === run.id) {
    checked.delete(run.id);
    autoTicked = undefined;
    if (previousAuto !== undefined && runs.has(previousAuto)) {
      checked.add(previousAuto);
      autoTicked = previousAuto;
    }
    previousAuto = undefined;
  }
}

function failedEmpty(r: RunView): boolean {
  return r.status === 'error' && r.points.length === 0 && r.testPoints.length === 0;
}

function onState(msg: Extract<ToWebview, { type: 'state' }>): void {
  runs.clear();
  for (const r of msg.runs) runs.set(r.id, r);
  defaults = msg.defaults;
  training = msg.training;
  for (const id of [...checked]) if (!runs.has(id)) checked.delete(id);
  if (autoTicked !== undefined && !runs.has(autoTicked)) autoTicked = undefined;
  const newest = newestId();
  if (currentId === undefined || !runs.has(currentId)) currentId = newest;
  // Tick the newest run that has something to draw (not one that failed before iterating).
  const drawable = [...runs.values()].filter((r) => !failedEmpty(r)).reduce<number | undefined>((best, r) => (best === undefined || r.id > best ? r.id : best), undefined);
  if (checked.size === 0 && drawable !== undefined) {
    checked.add(drawable);
    autoTicked = drawable;
  }
  if (!formDirty) controls.setValues(formFrom((newest !== undefined ? runs.get(newest)?.settings : undefined) ?? msg.defaults));
  // The host's sweep, when it has one. A reloaded window may not: keep the webview's own, but a
  // sweep it saved under way ended with the window's worker (no host sweep to stop, and Run sweep
  // must come back).
  if (msg.sweep && typeof msg.sweep === 'object') sweep = msg.sweep;
  else if (sweep && (sweep.status === 'running' || sweep.status === 'preparing')) sweep = { ...sweep, status: 'stopped' };
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = event.data;
  if (!isToWebview(msg)) return;
  switch (msg.type) {
    case 'state':
      onState(msg);
      break;
    case 'run':
      onRun(msg.run, !!msg.append);
      break;
    case 'training':
      training = !!msg.training;
      break;
    case 'gradCheck':
      gradCheck.setResult(msg);
      break;
    case 'sweep':
      sweep = msg.sweep;
      break;
    case 'explored':
      onExplored(msg);
      break;
  }
  schedule();
});

onThemeChange(() => {
  theme = readTheme();
  chart.applyTheme(theme);
  heatmaps.setTheme(theme);
  saturation.applyTheme(theme);
  collapsed.setTheme(theme);
  boundary.setTheme(theme);
  unitMaps.setTheme(theme);
  symmetry.setTheme(theme);
  featureSpace.setTheme(theme);
  sweepCard.applyTheme(theme);
  schedule();
});

// ── start ─────────────────────────────────────────────────────────────────────
const savedForm = restore();
controls.setValues(savedForm ?? formFrom(defaults ?? FALLBACK));
// The host's state when it wrote the page: a run under way is drawn now, not after 'ready'.
const first = initialState(app);
if (first) onState(first);
if (savedSweepSizes !== undefined) sweepCard.restoreSizes(savedSweepSizes);
logToggle.checked = log;
chart.setLog(log);
render();
vscode.postMessage({ type: 'ready' });
