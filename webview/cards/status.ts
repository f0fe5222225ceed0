/**
 * The banner at the top: what state the shown run is in (none yet, preparing, running with its
 * progress, stopped, diverged, error, finished), and a polite live region that announces each
 * change of state once (not every progress tick) to screen readers.
 */
import type { RunSummary, RunView } from '../../src/shared/runTypes';
import { fmt, h, integer, pct, seconds, setChildren, setText } from '../widgets/dom';
import { lastCost, runName } from '../widgets/runFacts';

/** The facts of a run's end, as the Finished and Stopped banners state them. */
function facts(s: RunSummary): string {
  return (
    `${integer(s.iterations)} iterations in ${seconds(s.seconds)} · cost ${fmt(s.cost)} · train accuracy ${pct(s.trainAccuracy)}` +
    (s.testAccuracy !== null ? ` · test accuracy ${pct(s.testAccuracy)}` : '') +
    (s.modelPath ? ` · saved to ${s.modelPath}` : '')
  );
}

export class StatusView {
  readonly element: HTMLElement;
  /** Announcements for screen readers (visually hidden). */
  readonly live: HTMLElement;
  private readonly title: HTMLElement;
  private readonly detail: HTMLElement;
  private readonly progress: HTMLProgressElement;
  private readonly progressText: HTMLElement;
  private lastAnnounced = '';
  private lastDetail = '';
  /** "Show row" of a failed run: opens its CSV at the erring row (kept, so focus survives renders). */
  private readonly showRow: HTMLButtonElement;
  /** The error's "file, row, column" and its "Show row" button (kept: the button never moves). */
  private readonly location: HTMLElement;
  private readonly locationLine: HTMLElement;
  private errorRunId: number | undefined;

  constructor(onRevealError: (runId: number) => void = () => undefined) {
    this.showRow = h('button', { class: 'link-button show-row', text: 'Show row', attrs: { type: 'button' } });
    this.showRow.addEventListener('click', () => {
      if (this.errorRunId !== undefined) onRevealError(this.errorRunId);
    });
    this.location = h('span', { class: 'location' });
    this.locationLine = h('div', { class: 'location-line' }, [this.location, this.showRow]);
    this.title = h('div', { class: 'status-title' });
    this.detail = h('div', { class: 'status-detail' });
    this.progress = h('progress', { class: 'progress hidden', attrs: { 'aria-label': 'Training progress' } });
    this.progressText = h('div', { class: 'progress-text' });
    this.element = h('div', { class: 'banner', attrs: { 'data-state': 'empty' } }, [this.title, this.detail, this.progress, this.progressText]);
    this.live = h('div', { class: 'visually-hidden', attrs: { 'aria-live': 'polite', 'aria-atomic': 'true', role: 'status' } });
  }

  /**
   * Brings the banner into view (a failed run's error, when the panel is scrolled down): smoothly
   * unless the person prefers reduced motion. Focus stays where it is (the live region announces).
   */
  reveal(): void {
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.element.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
  }

  announce(text: string): void {
    // Re-setting the same text is not announced again; clear first so a repeat is heard.
    this.live.textContent = '';
    requestAnimationFrame(() => setText(this.live, text));
  }

  show(run: RunView | undefined, training: boolean): void {
    const state = run ? run.status : 'empty';
    this.element.dataset.state = state;
    this.element.classList.toggle('alert', state === 'diverged' || state === 'error');
    let title = '';
    let detail: (string | Node)[] = [];
    let announce = '';
    let progress: { value: number; max: number } | null | 'indeterminate' = null;
    let progressText = '';
    if (!run) {
      title = 'No run yet';
      detail = ['Right-click a CSV in the Explorer → Train Shallow Net…, or press Train.'];
      announce = training ? 'Training is starting.' : '';
    } else {
      const n = run.settings.iterations;
      const i = run.summary?.iterations ?? run.iteration;
      const cost = lastCost(run);
      switch (run.status) {
        case 'preparing':
          title = `Preparing ${run.fileName}…`;
          detail = [`Run ${runName(run)}: reading the CSV, encoding the target, normalising and splitting.`];
          progress = 'indeterminate';
          announce = `Run ${runName(run)}: preparing ${run.fileName}.`;
          break;
        case 'running':
          title = `Training run ${runName(run)}`;
          detail = [`on ${run.fileName}`];
          progress = { value: i, max: n };
          progressText = `iteration ${integer(i)} / ${integer(n)} · cost ${fmt(cost)}`;
          announce = `Run ${runName(run)}: training.`;
          break;
        case 'stopped': {
          const s = run.summary;
          title = `Stopped at iteration ${integer(i)} of ${integer(n)}`;
          detail = [s ? facts(s) : `cost ${fmt(cost)}`, h('div', { class: 'advice', text: run.message ?? `Run ${runName(run)} keeps what it learned.` })];
          announce = `Run ${runName(run)} stopped at iteration ${i}, cost ${fmt(cost)}.`;
          break;
        }
        case 'diverged': {
          // Said once: where it diverged (the title), why and what to do (the message).
          const at = /iteration (\d+)/.exec(run.message ?? '')?.[1] ?? String(i);
          title = `Training diverged at iteration ${integer(Number(at))}`;
          const msg = `The cost became infinite or NaN: lower the learning rate α (it was ${run.settings.learningRate}) and press Train.`;
          detail = [h('strong', { class: 'message', text: msg })];
          // A message other than the usual "diverged at iteration N; try a smaller learning rate".
          if (run.message && !/^diverged at iteration \d+; try a smaller learning rate$/.test(run.message)) detail.push(h('div', { class: 'advice', text: run.message }));
          announce = `Run ${runName(run)}: ${title}. ${msg}`;
          break;
        }
        case 'error': {
          title = 'Training failed';
          const e = run.error;
          const where: string[] = [];
          if (e?.file ?? run.fileName) where.push(e?.file ?? run.fileName);
          if (e?.row !== undefined) where.push(`row ${e.row}`);
          if (e?.column !== undefined) where.push(`column “${e.column}”`);
          this.errorRunId = run.id;
          setText(this.location, where.join(', '));
          this.showRow.classList.toggle('hidden', e?.row === undefined);
          this.showRow.setAttribute('aria-label', `Show row ${e?.row ?? ''} of ${e?.file ?? run.fileName} in the editor`);
          detail = [
            h('strong', { class: 'message', text: e?.message ?? run.message ?? 'Unknown error' }),
            this.locationLine,
          ];
          announce = `Run ${runName(run)} failed: ${e?.message ?? ''}`;
          break;
        }
        case 'finished': {
          const s = run.summary;
          title = `Finished run ${runName(run)}`;
          detail = [s ? facts(s) : `cost ${fmt(cost)}`];
          announce = `Run ${runName(run)} finished: cost ${fmt(s?.cost ?? cost)}${s ? `, train accuracy ${pct(s.trainAccuracy)}` : ''}.`;
          break;
        }
      }
      if (run.message && run.status === 'finished') detail.push(h('div', { class: 'advice', text: run.message }));
    }
    setText(this.title, title);
    // Rebuilt only when it changed: a focused "Show row" keeps its focus through renders.
    const key = `${run?.id ?? ''}:${state}:${detail.map((d) => (typeof d === 'string' ? d : `${d instanceof Element ? d.className : ''}=${d.textContent ?? ''}`)).join('|')}`;
    if (key !== this.lastDetail) {
      this.lastDetail = key;
      setChildren(this.detail, detail);
    }
    if (progress === null) {
      this.progress.classList.add('hidden');
    } else {
      this.progress.classList.remove('hidden');
      if (progress === 'indeterminate') {
        this.progress.removeAttribute('value');
      } else {
        this.progress.max = Math.max(1, progress.max);
        this.progress.value = Math.min(progress.value, progress.max);
      }
    }
    setText(this.progressText, progressText);
    const said = `${run?.id ?? ''}:${state}`;
    if (announce && said !== this.lastAnnounced) {
      this.lastAnnounced = said;
      this.announce(announce);
    }
  }
}
