/**
 * The panel's page: the banner, then the cards in their order, each a titled section with its
 * tools in the heading. Only places the cards' elements; each card draws itself.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import { h } from '../widgets/dom';

export function card(cls: string, title: string, body: Node[], tools: Node[] = []): HTMLElement {
  const id = `heading-${cls}`;
  return h('section', { class: `card ${cls}`, attrs: { 'aria-labelledby': id } }, [
    h('div', { class: 'card-head' }, [h('h2', { text: title, attrs: { id } }), ...tools]),
    ...body,
  ]);
}

/** The cost chart's "Log scale" checkbox. */
export function logToggle(onChange: (on: boolean) => void): HTMLElementTagNameMap['vscode-checkbox'] {
  const toggle = document.createElement('vscode-checkbox');
  toggle.label = 'Log scale';
  toggle.id = 'log-scale';
  toggle.setAttribute('aria-label', 'Logarithmic cost axis');
  toggle.addEventListener('change', () => onChange(toggle.checked));
  return toggle;
}

/** "Export charts as PNG". */
export function exportButton(onClick: () => void): HTMLElement {
  const button = document.createElement('vscode-button');
  button.textContent = 'Export charts as PNG';
  button.id = 'export-png';
  button.secondary = true;
  button.setAttribute('aria-label', 'Export the charts shown as one PNG image');
  button.title = 'The cost chart, and the hidden layer, decision boundary and sweep when shown, as one PNG; asks where to save it';
  button.addEventListener('click', onClick);
  return button;
}
