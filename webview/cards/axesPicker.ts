/**
 * The decision boundary's axes when the data has three features or more: two selects (x and
 * y feature); the other features are held at their training means. Choosing on one axis the
 * feature of the other swaps them. Feature names go in as text.
 */
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import { h } from '../widgets/dom';

type Select = HTMLElementTagNameMap['vscode-single-select'];

export class AxesPicker {
  readonly element: HTMLElement;
  readonly x: Select;
  readonly y: Select;
  private names: string[] = [];
  private features: [number, number] = [0, 1];

  constructor(private readonly onPick: (features: [number, number]) => void) {
    const field = (axis: 'x' | 'y'): [HTMLElement, Select] => {
      const select = document.createElement('vscode-single-select');
      select.id = `boundary-${axis}`;
      select.setAttribute('aria-label', `Feature on the boundary's ${axis} axis`);
      const label = document.createElement('vscode-label');
      label.htmlFor = select.id;
      label.textContent = `${axis} axis`;
      select.addEventListener('change', () => this.changed(axis));
      return [h('div', { class: `field axis-field axis-${axis}` }, [label, select]), select];
    };
    const [xBox, x] = field('x');
    const [yBox, y] = field('y');
    this.x = x;
    this.y = y;
    this.element = h('div', { class: 'axes-picker hidden', attrs: { role: 'group', 'aria-label': 'Features on the boundary\'s axes' } }, [xBox, yBox]);
  }

  /** The data's features (shown when there are three or more) and the pair on the axes. */
  show(names: string[] | undefined, features: [number, number]): void {
    const list = names ?? [];
    this.element.classList.toggle('hidden', list.length < 3);
    if (list.length < 3) return;
    if (list.length !== this.names.length || list.some((n, i) => n !== this.names[i])) {
      this.names = list.slice();
      for (const s of [this.x, this.y]) {
        s.replaceChildren(
          ...list.map((name, i) => {
            const o = document.createElement('vscode-option');
            o.value = String(i);
            o.textContent = name;
            return o;
          }),
        );
      }
      this.features = [-1, -1];
    }
    if (features[0] !== this.features[0] || features[1] !== this.features[1]) {
      this.features = [features[0], features[1]];
      select(this.x, features[0]);
      select(this.y, features[1]);
    }
  }

  private changed(axis: 'x' | 'y'): void {
    const fx = Number(this.x.value);
    const fy = Number(this.y.value);
    if (!Number.isInteger(fx) || !Number.isInteger(fy)) return;
    let next: [number, number] = [fx, fy];
    // The same feature on both axes is no plane: the other axis takes the one this axis left.
    if (fx === fy) next = axis === 'x' ? [fx, this.features[0]] : [this.features[1], fy];
    if (next[0] === this.features[0] && next[1] === this.features[1]) return;
    this.features = next;
    select(this.x, next[0]);
    select(this.y, next[1]);
    this.onPick(next);
  }
}

function select(s: Select, i: number): void {
  for (const o of Array.from(s.querySelectorAll('vscode-option'))) o.selected = o.value === String(i);
  s.value = String(i);
}
