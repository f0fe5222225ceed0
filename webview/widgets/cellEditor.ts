/**
 * The inline editor of one heatmap cell (TensorFlow Playground's "edit a weight"): a text input
 * over the cell; Enter applies, Escape cancels (so does leaving it). Text that is not a number,
 * or too large to mean anything, is a message under the input, and the input stays open.
 */
import { h, setText } from './dom';

/** The largest |value| accepted (the host accepts no more: protocol's MAX_PARAM_ABS). */
export const MAX_CELL_ABS = 1e6;

/** A typed value, or why it is not one. Accepts the real minus sign (−) as well as '-'. */
export function parseCellValue(text: string): { value: number } | { error: string } {
  const t = text.trim().replace(/\u2212/g, '-');
  const value = t === '' ? NaN : Number(t);
  if (!Number.isFinite(value)) return { error: 'Enter a number, such as 0.5, -1.2 or 3e-2.' };
  if (Math.abs(value) > MAX_CELL_ABS) return { error: 'Enter a value from -1000000 to 1000000.' };
  return { value };
}

/** The value as a person types it: up to 6 significant digits, ASCII minus. */
export function editText(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(6))) : '';
}

let nextId = 1;

export class CellEditor {
  readonly input: HTMLInputElement;
  readonly error: HTMLElement;
  private apply: ((v: number) => void) | null = null;
  private close: ((refocus: boolean) => void) | null = null;

  /** `host`: the positioned element the editor sits in (the matrix's figure). */
  constructor(host: HTMLElement) {
    const id = `cell-error-${nextId++}`;
    this.input = h('input', { class: 'cell-editor hidden', attrs: { type: 'text', inputmode: 'decimal', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': id } });
    this.error = h('p', { class: 'cell-error hidden', attrs: { id, role: 'alert' } });
    host.append(this.input, this.error);
    this.input.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Enter') {
        e.preventDefault();
        this.commit();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        this.cancel();
      }
    });
    this.input.addEventListener('blur', () => {
      if (this.open) this.hide(false);
    });
  }

  get open(): boolean {
    return this.apply !== null;
  }

  /**
   * Opens over the box (CSS pixels, relative to the host) with the value; `apply` gets the
   * typed value on Enter, `close` runs when the editor closes either way (`refocus`: by a key,
   * so the cell's heatmap takes the focus back; not when the person clicked elsewhere).
   */
  show(box: { left: number; top: number; width: number; height: number }, label: string, value: number, apply: (v: number) => void, close: (refocus: boolean) => void): void {
    this.apply = apply;
    this.close = close;
    const width = Math.max(88, box.width);
    this.input.style.left = `${box.left}px`;
    this.input.style.top = `${box.top}px`;
    this.input.style.width = `${width}px`;
    this.input.style.height = `${Math.max(22, box.height)}px`;
    this.error.style.left = `${box.left}px`;
    this.error.style.top = `${box.top + Math.max(22, box.height) + 2}px`;
    this.input.setAttribute('aria-label', `New value of ${label}; Enter applies, Escape cancels`);
    this.input.value = editText(value);
    this.input.removeAttribute('aria-invalid');
    setText(this.error, '');
    this.error.classList.add('hidden');
    this.input.classList.remove('hidden');
    this.input.focus();
    this.input.select();
  }

  private commit(): void {
    const r = parseCellValue(this.input.value);
    if ('error' in r) {
      this.input.setAttribute('aria-invalid', 'true');
      setText(this.error, r.error);
      this.error.classList.remove('hidden');
      // Keep the message inside the panel: shift it left when it would overflow on the right.
      this.error.style.left = this.input.style.left;
      const over = this.error.getBoundingClientRect().right - (document.documentElement.clientWidth - 8);
      if (over > 0) this.error.style.left = `${parseFloat(this.input.style.left) - over}px`;
      return;
    }
    const apply = this.apply;
    this.hide(true);
    apply?.(r.value);
  }

  cancel(): void {
    if (this.open) this.hide(true);
  }

  private hide(refocus: boolean): void {
    const close = this.close;
    this.apply = null;
    this.close = null;
    this.input.classList.add('hidden');
    this.error.classList.add('hidden');
    close?.(refocus);
  }
}
