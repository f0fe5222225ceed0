/**
 * Tiny DOM helpers. Every string goes in as text (textContent) or as an attribute value
 * (setAttribute): nothing from the CSV or the host is ever parsed as HTML.
 */

export interface ElementOptions {
  class?: string;
  text?: string;
  attrs?: Record<string, string | number | boolean | undefined>;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: (Node | string | null | undefined | false)[] = [],
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (options.class) el.className = options.class;
  if (options.text !== undefined) el.textContent = options.text;
  if (options.attrs) {
    for (const [k, v] of Object.entries(options.attrs)) {
      if (v === undefined || v === false) continue;
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

/** Replaces an element's children (text is appended as text nodes). */
export function setChildren(el: Element, children: (Node | string | null | undefined | false)[]): void {
  el.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}

/** Sets text only when it changed (keeps screen readers and layout quiet). */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

const MINUS = '\u2212';

/** A number for people: 4 significant digits, exponent for the very small or large, real minus sign. */
export function fmt(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined) return '—';
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : `${MINUS}∞`;
  if (v === 0) return '0';
  const a = Math.abs(v);
  const s = a >= 1e-3 && a < 1e6 ? trimZeros(v.toPrecision(digits)) : trimExp(v.toExponential(digits - 1));
  return s.replace('-', MINUS);
}

/** The exact-enough value for a hover: 6 significant digits, no trailing zeros. */
export function fmtExact(v: number): string {
  if (!Number.isFinite(v)) return fmt(v);
  return String(Number(v.toPrecision(6))).replace(/-/g, MINUS);
}

export function pct(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `${(v * 100).toFixed(1)} %`;
}

export function seconds(s: number | undefined): string {
  if (s === undefined || !Number.isFinite(s)) return '—';
  if (s < 1) return `${Math.round(s * 1000)} ms`;
  if (s < 60) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

function trimZeros(s: string): string {
  return s.includes('.') && !s.includes('e') ? s.replace(/\.?0+$/, '') : s;
}

function trimExp(s: string): string {
  const [m, e] = s.split('e');
  return `${trimZeros(m)}e${e.replace('+', '')}`;
}

export function integer(n: number): string {
  return n.toLocaleString('en-US').replace(/,/g, '\u2009');
}
