/**
 * How much memory a worker (the extension's training, sweep, explore, predict and gradient
 * check workers, and the CLI's command thread) may take, and what a person is told when a
 * CSV needs more. One home for both, so the extension and the CLI say the same thing.
 *
 * The limit is half the machine's memory, clamped to 256–4096 MB; SHALLOW_NET_MAX_MEMORY_MB
 * overrides it (tests use a tiny one to reach the out-of-memory path quickly).
 */

export const MIN_MEMORY_MB = 256;
export const MAX_MEMORY_MB = 4096;
export const MEMORY_ENV = 'SHALLOW_NET_MAX_MEMORY_MB';

/** The old-generation heap limit in MB for a worker, from the machine's total memory in bytes and the environment. */
export function memoryLimitMb(totalMemoryBytes: number, env: Readonly<Record<string, string | undefined>>): number {
  const override = env[MEMORY_ENV];
  if (override !== undefined && /^\d+$/.test(override.trim()) && Number(override) >= 16) return Number(override);
  const half = Math.floor(totalMemoryBytes / 2 / (1024 * 1024));
  return Math.min(MAX_MEMORY_MB, Math.max(MIN_MEMORY_MB, half));
}

/** The one message for a worker that ran out of memory while working on `what` (a file name). */
export function outOfMemoryMessage(what: string, limitMb: number): string {
  return (
    `${what} needs more memory than the ${limitMb} MB a worker may use; ` +
    `try a smaller CSV (fewer rows or columns), fewer hidden units, or set ${MEMORY_ENV} to a larger number of MB`
  );
}
