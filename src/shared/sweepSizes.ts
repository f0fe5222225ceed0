/**
 * The hidden sizes of a sweep as a person types them ("1, 2, 3, 4, 5, 20, 50"): parsed and
 * checked with a message for the input box (validated as they type) and the panel's field.
 * Pure: no vscode, no DOM; the webview imports it too.
 */

/** The lesson's sizes (engine/sweep.ts's LESSON_HIDDEN_SIZES) as the input box shows them; kept apart so the webview need not bundle the engine. */
export const LESSON_SIZES_TEXT = '1, 2, 3, 4, 5, 20, 50';
/** More sizes than this is a typo, not an experiment (each size is a whole training run). */
export const MAX_SWEEP_SIZES = 20;
export const MAX_SWEEP_UNITS = 1000;

export type SweepSizesParse = { sizes: number[] } | { error: string };

/** "1, 2,3 ; 50" → [1, 2, 3, 50] (commas, semicolons or spaces between); a message otherwise. */
export function parseSweepSizes(text: string): SweepSizesParse {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length === 0) return { error: `Enter hidden layer sizes separated by commas, e.g. ${LESSON_SIZES_TEXT}.` };
  const sizes: number[] = [];
  for (const p of parts) {
    const n = /^\d+$/.test(p) ? Number(p) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > MAX_SWEEP_UNITS) {
      return { error: `"${p.length > 20 ? `${p.slice(0, 20)}…` : p}" is not a size: sizes are whole numbers from 1 to ${MAX_SWEEP_UNITS}.` };
    }
    if (sizes.includes(n)) return { error: `${n} is there twice: each size is trained once.` };
    sizes.push(n);
  }
  if (sizes.length > MAX_SWEEP_SIZES) return { error: `At most ${MAX_SWEEP_SIZES} sizes, got ${sizes.length}.` };
  return { sizes };
}

/** The input box's validateInput: undefined when the text is a valid list of sizes. */
export function sweepSizesError(text: string): string | undefined {
  const r = parseSweepSizes(text);
  return 'error' in r ? r.error : undefined;
}

/** A list of sizes from anywhere untrusted (the webview, a command's caller); undefined unless valid. */
export function checkedSweepSizes(v: unknown): number[] | undefined {
  if (!Array.isArray(v) || v.length === 0 || v.length > MAX_SWEEP_SIZES) return undefined;
  const seen = new Set<number>();
  for (const n of v) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_SWEEP_UNITS || seen.has(n)) return undefined;
    seen.add(n);
  }
  return [...seen];
}
