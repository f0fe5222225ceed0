/** An error as the host shows it: the message, and the file, row and column when the engine named them. */
import { isShallowNetError } from '../engine/errors';
import type { ErrorInfo } from './runTypes';

export function errorInfo(e: unknown): ErrorInfo {
  if (isShallowNetError(e)) {
    return { message: e.message, code: e.code, file: e.file, row: e.row, column: e.column };
  }
  return { message: e instanceof Error ? e.message : String(e) };
}
