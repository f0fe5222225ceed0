/**
 * What the panel accepts from the host: the shape checks the webview relies on before it reads
 * a message (the host is trusted, but a message from elsewhere, or of an older extension after an
 * update, must not throw mid-render), and the host's state written into the page at opening.
 */
import type { StateMessage, ToWebview } from '../../src/shared/panelMessages';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function isToWebview(v: unknown): v is ToWebview {
  if (!isObject(v)) return false;
  switch (v.type) {
    case 'state':
      return Array.isArray(v.runs);
    case 'run':
      return isObject(v.run) && typeof v.run.id === 'number';
    case 'training':
      return true;
    case 'gradCheck':
      return typeof v.runId === 'number';
    case 'sweep':
      return isObject(v.sweep) && typeof v.sweep.id === 'number' && Array.isArray(v.sweep.sizes) && Array.isArray(v.sweep.results);
    case 'explored':
      return typeof v.requestId === 'number';
    default:
      return false;
  }
}

/**
 * The host's state when it wrote the page (src/host/panel/panelHtml.ts: JSON in #app's data-state), so the
 * first frame draws the runs, one training included, before the answer to 'ready' comes.
 */
export function initialState(app: HTMLElement): StateMessage | undefined {
  const text = app.dataset.state;
  if (!text) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return isToWebview(v) && v.type === 'state' ? v : undefined;
  } catch {
    return undefined;
  }
}
