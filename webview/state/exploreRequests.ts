/**
 * Explore requests: what is explored of each run (state/explore.ts: timeline, edits, axes),
 * the host's answers for the shown run, and the one request under way. Asks the host for the
 * network at the explored parameters and plane; the panel's own refusal or a time-out stands in
 * for an answer that will not come. Draws nothing.
 */
import type { ExploredMessage, ExploreMessage } from '../../src/shared/panelMessages';
import type { ExploreResult, ParamsSnapshot, RunView } from '../../src/shared/runTypes';
import { paramsRefusal } from '../../src/shared/validators';
import { exploredRun, freshState, isPlain, planeOf, shownIteration, shownParams, type ExploreState } from './explore';

/** A request unanswered this long no longer holds the next back, nor keeps the panel "evaluating". */
const EXPLORE_TIMEOUT_MS = 10_000;

export interface ExploreHost {
  /** The run shown now. */
  shown(): RunView | undefined;
  post(m: ExploreMessage): void;
  announce(text: string): void;
  /** Something changed that the panel draws. */
  changed(): void;
}

/** The shown run as explored, for one render. */
export interface ExploreView {
  state: ExploreState | undefined;
  /** The run with the explored parameters and the host's answer for them (else as trained). */
  current: RunView | undefined;
  result: ExploreResult | undefined;
  error: string | undefined;
  /** Something is explored and its answer is not in yet. */
  pending: boolean;
}

export class ExploreRequests {
  /** The shown run's explore state. */
  private explore: ExploreState | undefined;
  /** What was explored of the other runs, by run id (each run keeps its own). */
  private readonly others = new Map<number, ExploreState>();
  /**
   * The latest answer for the shown run (the host's, or the panel's own refusal or time-out), with
   * the parameters and plane it is about: shown only while they are the ones shown (answerFor).
   */
  private answer: { params: ParamsSnapshot; features: [number, number]; result?: ExploreResult; error?: string } | undefined;
  private seq = 0;
  /** The request under way (one at a time: the next goes when its answer comes), and whether the state moved since. */
  private inFlight: { id: number; timer: ReturnType<typeof setTimeout> } | undefined;
  private dirty = false;
  /** What the last request asked about (a new training snapshot or state asks again), and its id. */
  private sent: { id: number; params: ParamsSnapshot; features: [number, number] } | undefined;

  constructor(private readonly host: ExploreHost) {}

  /** The explore state of a run (its own, kept while another run was shown). */
  stateFor(run: RunView | undefined): ExploreState | undefined {
    if (!run) return undefined;
    if (this.explore?.runId !== run.id) {
      if (this.explore) this.others.set(this.explore.runId, this.explore);
      this.explore = this.others.get(run.id) ?? freshState(run);
      this.answer = undefined;
      this.settle();
      this.dirty = false;
      this.sent = undefined;
    }
    return this.explore;
  }

  /** The shown run's explore state changes (timeline, edit, axes, Reset). */
  update(change: (s: ExploreState, run: RunView) => ExploreState): void {
    const run = this.host.shown();
    const s = this.stateFor(run);
    if (!run || !s) return;
    this.explore = change(s, run);
    this.request();
    this.host.changed();
  }

  /** The shown run as explored, and asks again when a run in training moved under what is explored. */
  view(trained: RunView | undefined): ExploreView {
    const s = this.stateFor(trained);
    if (!trained || !s || isPlain(trained, s)) return { state: s, current: trained, result: undefined, error: undefined, pending: false };
    const got = this.answerFor(trained, s);
    const current = exploredRun(trained, s, got?.result, !!got?.error);
    const pending = !!this.inFlight || this.dirty || !got?.exact;
    // Live training on other axes, or the run's end: ask again for the parameters now shown.
    const p = shownParams(trained, s);
    const f = planeOf(trained, s);
    const sent = this.sent;
    if (p && (!sent || sent.params !== p || sent.features[0] !== f[0] || sent.features[1] !== f[1])) this.request();
    return { state: s, current, result: got?.result, error: got?.error, pending };
  }

  onExplored(msg: ExploredMessage): void {
    // Only the answer to the latest request (even one that timed out) is about what it asked.
    const sent = this.sent;
    if (!sent || msg.requestId !== sent.id) return;
    if (this.inFlight?.id === msg.requestId) this.settle();
    if (this.explore?.runId === msg.runId) {
      const error = msg.result ? undefined : (msg.error ?? 'The network could not be evaluated.');
      this.answer = { params: sent.params, features: sent.features, ...(msg.result ? { result: msg.result } : {}), ...(error ? { error } : {}) };
      if (error) this.host.announce(error);
    }
    if (this.dirty) this.request();
  }

  private settle(): void {
    if (this.inFlight) clearTimeout(this.inFlight.timer);
    this.inFlight = undefined;
  }

  /**
   * The answer for the parameters and plane shown now, or undefined (pending). While a run trains
   * on other axes, the previous answer's plane stands in (its boundary says its own iteration).
   */
  private answerFor(run: RunView, s: ExploreState): { result?: ExploreResult; error?: string; exact: boolean } | undefined {
    const f = planeOf(run, s);
    const answer = this.answer;
    if (!answer || answer.features[0] !== f[0] || answer.features[1] !== f[1]) return undefined;
    if (answer.params === shownParams(run, s)) return { ...answer, exact: true };
    if (s.index === null && !s.edited && answer.result) return { result: answer.result, exact: false };
    return undefined;
  }

  /** Asks the host for the network at the explored parameters (when something is explored). */
  private request(): void {
    const run = this.host.shown();
    const s = this.stateFor(run);
    if (!run || !s) return;
    if (isPlain(run, s)) {
      this.dirty = false;
      return;
    }
    // One at a time: the next goes when this one's answer comes (or it times out).
    if (this.inFlight) {
      this.dirty = true;
      return;
    }
    const params = shownParams(run, s);
    if (!params) return;
    this.dirty = false;
    const features = planeOf(run, s);
    const id = ++this.seq;
    this.sent = { id, params, features };
    // The host drops parameters it cannot evaluate without a word: say why here instead.
    const refused = paramsRefusal(params);
    if (refused) {
      this.answer = { params, features, error: refused };
      this.host.announce(refused);
      return;
    }
    const timer = setTimeout(() => {
      if (this.inFlight?.id !== id) return;
      this.inFlight = undefined;
      this.answer = { params, features, error: 'The extension did not answer in time: move the timeline, edit a value or pick the axes again to retry.' };
      if (this.dirty) this.request();
      this.host.changed();
    }, EXPLORE_TIMEOUT_MS);
    this.inFlight = { id, timer };
    this.host.post({ type: 'explore', requestId: id, runId: run.id, params, features, iteration: shownIteration(run, s) });
  }
}
