/**
 * The banner at the top: what state the shown run is in (none yet, preparing, running with its
 * progress, stopped, diverged, error, finished), and a polite live region that announces each
 * change of state once (not every progress tick) to screen readers.
 */
import type { RunView } from '../src/protocol';
import { fmt, h, integer, pct, seconds, setChildren, setText } from './dom';
import { lastCost } from './summary';

export class StatusView {
  readonly element: HTMLElement;
  /** Announcements for screen readers (visually hidden). */
  readonly live: HTMLElement;
  private readonly title: HTMLElement;
  private readonly detail: HTMLElement;
  private readonly progress: HTMLProgressElement;
  private readonly progressText: HTMLElement;
  private lastAnnounced = '';

  constructor() {
    this.title = h('div', { class: 'status-title' });
    this.detail = h('div', { class: 'status-detail' });
    this.progress = h('progress', { class: 'progress hidden', attrs: { 'aria-label': 'Training progress' } });
    this.progressText = h('div', { class: 'progress-text' });
    this.element = h('div', { class: 'banner', attrs: { 'data-state': 'empty' } }, [this.title, this.detail, this.progress, this.progressText]);
    this.live = h('div', { class: 'visually-hidden', attrs: { 'aria-live': 'polite', 'aria-atomic': 'true', role: 'status' } });
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
      detail = ['Right-click a CSV in the Explorer → Train Shallow Net, or press Train.'];
      announce = training ? 'Training is starting.' : '';
    } else {
      const n = run.settings.iterations;
      const i = run.summary?.iterations ?? run.iteration;
      const cost = lastCost(run);
      switch (run.status) {
        case 'preparing':
          title = `Preparing ${run.fileName}…`;
          detail = [`Run ${run.label}: reading the CSV, encoding the target, normalising and splitting.`];
          progress = 'indeterminate';
          announce = `Run ${run.label}: preparing ${run.fileName}.`;
          break;
        case 'running':
          title = `Training run ${run.label}`;
          detail = [`on ${run.fileName}`];
          progress = { value: i, max: n };
          progressText = `iteration ${integer(i)} / ${integer(n)} · cost ${fmt(cost)}`;
          announce = `Run ${run.label}: training.`;
          break;
        case 'stopped':
          title = `Stopped at iteration ${integer(i)} of ${integer(n)}`;
          detail = [run.message ?? `Run ${run.label} keeps what it learned: cost ${fmt(cost)}.`];
          announce = `Run ${run.label} stopped at iteration ${i}, cost ${fmt(cost)}.`;
          break;
        case 'diverged': {
          title = 'Training diverged';
          const msg = run.message ?? `diverged at iteration ${i}; try a smaller learning rate`;
          detail = [
            h('strong', { class: 'message', text: msg }),
            h('div', {
              class: 'advice',
              text: `The cost became infinite or NaN. Lower the learning rate α (it was ${run.settings.learningRate}) and press Train.`,
            }),
          ];
          announce = `Run ${run.label}: ${msg}`;
          break;
        }
        case 'error': {
          title = 'Training failed';
          const e = run.error;
          const where: string[] = [];
          if (e?.file ?? run.fileName) where.push(e?.file ?? run.fileName);
          if (e?.row !== undefined) where.push(`row ${e.row}`);
          if (e?.column !== undefined) where.push(`column “${e.column}”`);
          detail = [
            h('strong', { class: 'message', text: e?.message ?? run.message ?? 'Unknown error' }),
            h('div', { class: 'location', text: where.join(', ') }),
          ];
          announce = `Run ${run.label} failed: ${e?.message ?? ''}`;
          break;
        }
        case 'finished': {
          const s = run.summary;
          title = `Finished run ${run.label}`;
          detail = [
            s
              ? `${integer(s.iterations)} iterations in ${seconds(s.seconds)} · cost ${fmt(s.cost)} · train accuracy ${pct(s.trainAccuracy)}` +
                (s.testAccuracy !== null ? ` · test accuracy ${pct(s.testAccuracy)}` : '') +
                (s.modelPath ? ` · saved to ${s.modelPath}` : '')
              : `cost ${fmt(cost)}`,
          ];
          announce = `Run ${run.label} finished: cost ${fmt(s?.cost ?? cost)}${s ? `, train accuracy ${pct(s.trainAccuracy)}` : ''}.`;
          break;
        }
      }
      if (run.message && run.status === 'finished') detail.push(h('div', { class: 'advice', text: run.message }));
    }
    setText(this.title, title);
    setChildren(this.detail, detail);
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
    const key = `${run?.id ?? ''}:${state}`;
    if (announce && key !== this.lastAnnounced) {
      this.lastAnnounced = key;
      this.announce(announce);
    }
  }
}
