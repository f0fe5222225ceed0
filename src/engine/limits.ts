/**
 * The largest CSV or model file read, in bytes, and the error past it. One JavaScript string
 * holds at most 2^29 − 24 (about 536.9 million) UTF-16 code units in V8: a file of more bytes
 * than that cannot be turned into text at all (and decoding UTF-8 never makes more code units
 * than bytes), so the CLI and the extension refuse it first, with a clear message, instead of
 * hanging on an endless stream or aborting.
 */
import { ShallowNetError } from './errors';

export const MAX_INPUT_BYTES = 500_000_000;

/** "500 MB", "1.2 kB", "17 bytes": sizes for messages (decimal units). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} bytes`;
  const [unit, scale] = n < 1e6 ? ['kB', 1e3] : n < 1e9 ? ['MB', 1e6] : ['GB', 1e9];
  return `${(n / scale).toFixed(1).replace(/\.0$/, '')} ${unit}`;
}

/**
 * `file` is too big to read: `size` when it is known (from stat; an endless stream has none).
 * `limit` is MAX_INPUT_BYTES but for tests.
 */
export function tooLargeError(file: string, size: number | undefined, limit = MAX_INPUT_BYTES): ShallowNetError {
  // Just past the limit, rounding would make the two sizes read the same: then the exact count.
  const shown = size === undefined ? '' : formatBytes(size) === formatBytes(limit) ? `${size} bytes` : formatBytes(size);
  const what = size === undefined ? 'the file is larger than' : `the file is ${shown}, larger than`;
  return new ShallowNetError(
    'too-large',
    `${what} ${formatBytes(limit)}, the most Shallow Net reads from one file (a JavaScript string holds about 536 million characters)`,
    { file },
    'Use a sample of its rows (e.g. the first 100,000: head -n 100001 in.csv > sample.csv)',
  );
}

/** Refuses a file of `size` bytes past the limit, before it is read. */
export function checkInputSize(file: string, size: number, limit = MAX_INPUT_BYTES): void {
  if (size > limit) throw tooLargeError(file, size, limit);
}
