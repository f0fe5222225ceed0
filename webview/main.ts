/**
 * The panel's webview entry: restores the saved view, mounts the cards, routes the host's
 * messages (checked by state/messages.ts) into the panel state (state/), and draws everything
 * in one animation frame. Sends back intents (src/shared/panelMessages.ts FromWebview).
 */
import './panel.css';
import type { FromWebview } from '../src/shared/panelMessages';
import type { RunView, TrainSettings } from '../src/shared/runTypes';
import { BUILT_IN_DEFAULTS } from '../src/shared/settingsDefaults';
import { BoundaryPlot } from './cards/boundary';
import { CollapsedLayer } from './cards/collapsed';
import { ConfusionTables } from './cards/confusion';
import { Controls, formFrom } from './cards/controls';
import { CostChart } from './cards/costChart';
import { ExploreControls } from './cards/exploreControls';
import { FeatureSpace } from './cards/featureSpace';
import { GradCheckView } from './cards/gradcheck';
import { card, exportButton, logToggle } from './cards/layout';
import { RunsList } from './cards/runsList';
import { SaturationChart, type SaturationSeries } from './cards/saturationChart';
import { StatusView } from './cards/status';
import { Summary } from './cards/summary';
import { SweepCard } from './cards/sweepCard';
import { SymmetryCompare, symmetryPair } from './cards/symmetry';
import { shownIteration, showingText } from './state/explore';
import { ExploreRequests } from './state/exploreRequests';
import { initialState, isToWebview } from './state/messages';
import { PanelState } from './state/panelState';
import { Persister, readPersisted, type VsCodeApi } from './state/persist';
import { h, setText } from './widgets/dom';
import { chartsPng } from './widgets/exportPng';
import { ParamsHeatmaps } from './widgets/heatmap';
import { layersFor } from './widgets/heatmapLayers';
import { trainsOnText } from './widgets/runFacts';
import { onThemeChange, readTheme } from './widgets/theme';
import { UnitMaps } from './widgets/unitMaps';

declare function acquireVsCodeApi(): VsCodeApi;

const FALLBACK: TrainSettings = BUILT_IN_DEFAULTS;
const vscode = acquireVsCodeApi();
const post = (m: FromWebview): void => vscode.postMessage(m);
const state = new PanelState();
const persister = new Persister(() => ({ ...state.persisted(), form: controls.values(), ...(sweepCard.editedSizes !== undefined ? { sweepSizes: sweepCard.editedSizes } : {}) }), (s) => vscode.setState(s));
const persist = (): void => persister.schedule();
const explore = new ExploreRequests({ shown: () => state.shown(), post, announce: (t) => status.announce(t), changed: () => schedule() });

// ── the cards ─────────────────────────────────────────────────────────────────
let theme = readTheme();
const app = document.getElementById('app') ?? document.body.appendChild(h('div', { attrs: { id: 'app' } }));
const status = new StatusView((runId) => post({ type: 'revealError', runId }));
const chartCanvas = h('canvas', { class: 'cost-canvas', attrs: { role: 'img', 'aria-label': 'Cost per iteration: no run shown' } });
const chart = new CostChart(chartCanvas, theme);
const log = logToggle((on) => {
  state.log = on;
  chart.setLog(on);
  persist();
});
const exporter = exportButton(() => {
  // The sweep is of one CSV: it goes with the charts of a run on that CSV only.
  const csv = state.shown()?.fileName;
  const sweepFits = !state.sweep || csv === undefined || state.sweep.fileName === csv;
  const charts = [
    { title: 'Cost per iteration', canvas: chartCanvas },
    { title: 'Hidden layer: saturation and mean g′', canvas: saturation.canvas },
    { title: 'Decision boundary', canvas: boundary.canvas, axes: boundary.axisNames() },
    { title: featureSpace.title(), canvas: featureSpace.canvas },
    ...(sweepFits ? [{ title: 'Hidden layer size sweep: accuracy against hidden units', canvas: sweepCard.canvas }] : []),
  ];
  post({ type: 'exportPng', dataUrl: chartsPng(charts, theme) });
  status.announce('Charts exported as PNG: choose where to save them.');
});
const runsList = new RunsList(
  (id, on) => (state.tick(id, on), schedule()),
  (id) => (state.show(id), schedule()),
);
const controls = new Controls({
  onTrain: (v) => {
    // Over the shown run's settings (its target…), on its CSV (the host asks for one when it knows none).
    const base = state.baseRun();
    const settings = { ...(base?.settings ?? state.defaults ?? FALLBACK), ...v };
    post({ type: 'train', settings, ...(base ? { csvOfRun: base.id } : {}) });
    state.formDirty = false;
    status.announce(`Training requested: ${v.hiddenUnits} hidden units, ${v.activation}, learning rate ${v.learningRate}, ${v.iterations} iterations.`);
    persist();
  },
  onStop: () => post({ type: 'stop' }),
  onSave: () => {
    if (state.currentId !== undefined) post({ type: 'saveModel', runId: state.currentId });
  },
  onEdit: () => ((state.formDirty = true), persist()),
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
  post({ type: 'train', settings, csvOfRun: runId });
  status.announce('Training requested: the same network from the small random start, to compare with zero initialisation.');
});
const sweepCard = new SweepCard(theme, {
  onRun: (sizes) => post({ type: 'runSweep', sizes, ...(state.currentId !== undefined ? { csvOfRun: state.currentId } : {}) }),
  onStop: () => post({ type: 'stopSweep' }),
  onEdit: () => persist(),
  announce: (text) => status.announce(text),
});
const gradCheck = new GradCheckView((runId) => post({ type: 'gradientCheck', runId }));
const explorer = new ExploreControls(explore, (t) => status.announce(t));
const trainsOn = h('p', { class: 'trains-on', attrs: { id: 'trains-on' } });
controls.element.querySelector('#train')?.setAttribute('aria-describedby', 'trains-on');

app.replaceChildren(status.element, status.live, h('div', { class: 'layout' }, [
  card(
    'chart-card',
    'Cost',
    [h('div', { class: 'chart-box no-data' }, [chartCanvas, h('p', { class: 'chart-empty placeholder', text: 'The cost J per iteration is drawn here while a run trains; tick runs below to compare them.' })]), saturation.element],
    [log, exporter],
  ),
  card('controls-card', 'New run', [trainsOn, controls.element]),
  card('runs-card', 'Runs compared', [runsList.element]),
  card('summary-card', 'Summary', [summary.element]),
  card('gradcheck-card', 'Backpropagation check', [gradCheck.element], [gradCheck.button]),
  card('timeline-card', 'Timeline', [explorer.timeline.element, explorer.timelineHint, explorer.exploreStatus]),
  card('boundary-card', 'Decision boundary', [explorer.axes.element, boundary.element]),
  card('feature-space-card', 'Hidden feature space', [featureSpace.element]),
  card('units-card', 'Hidden units', [unitMaps.element]),
  card('symmetry-card', 'Symmetry: zeros beside the small random start', [symmetry.element]),
  card('confusion-card', 'Confusion matrix', [confusion.element]),
  card('params-card', 'Parameters', [explorer.editedLine.element, explorer.editStatus, heatmaps.element]),
  card('collapsed-card', 'Collapsed to logistic regression', [collapsed.element]),
  // A session-wide experiment, after the shown run's own cards.
  card('sweep-card', 'Hidden layer size sweep', [sweepCard.element]),
]));

// ── drawing ───────────────────────────────────────────────────────────────────
const colourOf = (id: number): string | undefined => state.colours.colourOf(id, theme.series);
const dashedOf = (id: number): boolean => state.colours.dashedOf(id, theme.series.length);
const hide = (cls: string, hidden: boolean): void => void document.querySelector(`.${cls}`)?.classList.toggle('hidden', hidden);
let frame = 0;
let shownParams: unknown;
let shownParamsRun: number | undefined;
function schedule(): void {
  if (!frame) frame = requestAnimationFrame(render);
  persist();
}

function render(): void {
  frame = 0;
  const list = state.list();
  const ticked = list.filter((r) => state.checked.has(r.id));
  const trained = state.shown();
  const training = state.training;
  // The run as explored: a timeline snapshot, edited parameters, other axes (else as trained).
  const view = explore.view(trained);
  const { state: s, current } = view;
  state.colours.assign(state.checked, (id) => state.runs.has(id), theme.series.length);
  status.show(trained, training);
  if (state.revealError) {
    state.revealError = false;
    if (trained?.status === 'error') status.reveal();
  }
  runsList.update(list, state.checked, state.currentId, colourOf, dashedOf);
  summary.show(current, trained && s ? showingText(trained, s) : undefined);
  const live = !trained || trained.status === 'running' || trained.status === 'preparing';
  hide('timeline-card', !explorer.render(trained, view));
  chart.setMarker(trained && s && s.index !== null ? shownIteration(trained, s) : null);
  heatmaps.setEditable(live || !trained?.params ? null : explorer.onCellEdit);
  setText(trainsOn, trainsOnText(state.baseRun()));
  chart.setSeries(ticked.map((r) => ({ runId: r.id, name: `#${r.id}`, colour: colourOf(r.id) ?? theme.foreground, dashed: dashedOf(r.id), points: r.points, testPoints: r.testPoints })));
  const params = current?.params;
  if (params !== shownParams || state.currentId !== shownParamsRun) {
    shownParams = params;
    shownParamsRun = state.currentId;
    heatmaps.set(params ? layersFor(params, current?.dataset, s?.cells) : null, state.currentId);
  }
  // The hidden layer's saturation beside the cost; a linear run's collapsed single layer.
  const hiddenOf = (r: RunView): SaturationSeries => ({
    runId: r.id, name: `#${r.id}`, colour: colourOf(r.id) ?? theme.foreground, activation: r.settings.activation,
    hiddenUnits: r.params?.W1.length ?? r.settings.hiddenUnits, points: r.hiddenPoints ?? [],
  });
  saturation.setSeries(ticked.map(hiddenOf), current ? hiddenOf(current) : undefined);
  hide('collapsed-card', !CollapsedLayer.applies(current));
  collapsed.show(current);
  // Decision boundary and hidden units: data with two features or more; confusion: at the end.
  const plane = !!current?.boundary || !!current?.scatter;
  hide('boundary-card', !plane);
  hide('feature-space-card', !plane);
  hide('units-card', !current?.boundary);
  hide('confusion-card', !current?.confusion);
  boundary.show(current);
  unitMaps.show(current);
  // The runs as trained (not a timeline snapshot or edited parameters of the one shown).
  const pair = symmetryPair(list, trained);
  hide('symmetry-card', !pair);
  symmetry.show(pair, training);
  featureSpace.show(current);
  confusion.show(current);
  gradCheck.show(current);
  sweepCard.show(state.sweep);
  controls.setTraining(training);
  controls.setCanSave(!!current && !!current.params && (current.status === 'finished' || current.status === 'stopped' || current.status === 'diverged'));
  document.body.classList.toggle('is-training', training);
}

// ── messages from the host ────────────────────────────────────────────────────
function onState(msg: Parameters<PanelState['onState']>[0]): void {
  const settings = state.onState(msg);
  if (!state.formDirty) controls.setValues(formFrom(settings));
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const msg = event.data;
  if (!isToWebview(msg)) return;
  if (msg.type === 'state') onState(msg);
  else if (msg.type === 'run') {
    const added = state.onRun(msg.run, !!msg.append);
    if (added && !state.formDirty) controls.setValues(formFrom(added.settings));
  } else if (msg.type === 'training') state.training = !!msg.training;
  else if (msg.type === 'gradCheck') gradCheck.setResult(msg);
  else if (msg.type === 'sweep') state.sweep = msg.sweep;
  else explore.onExplored(msg);
  schedule();
});

onThemeChange(() => {
  theme = readTheme();
  chart.applyTheme(theme);
  saturation.applyTheme(theme);
  sweepCard.applyTheme(theme);
  for (const c of [heatmaps, collapsed, boundary, unitMaps, symmetry, featureSpace]) c.setTheme(theme);
  schedule();
});

// ── start ─────────────────────────────────────────────────────────────────────
const saved = readPersisted(vscode.getState());
if (saved) state.restore(saved);
controls.setValues(saved?.form ?? formFrom(state.defaults ?? FALLBACK));
// The host's state when it wrote the page: a run under way is drawn now, not after 'ready'.
const first = initialState(app);
if (first) onState(first);
if (saved?.sweepSizes !== undefined) sweepCard.restoreSizes(saved.sweepSizes);
log.checked = state.log;
chart.setLog(state.log);
render();
post({ type: 'ready' });
