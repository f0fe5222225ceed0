/**
 * A hidden-layer-size sweep inside the training worker thread: decodes and parses the CSV once,
 * then trains each size (engine/sweep.ts) and posts each result as it finishes. The host's stop
 * flag is checked before every iteration, so a cancel ends the sweep within one iteration.
 */
import { performance } from 'node:perf_hooks';
import { sweepHiddenSizes } from '../engine/sweep';
import { errorInfo } from '../shared/errorInfo';
import { prepareRun, type PreparedRun } from '../core/pipeline';
import type { FromSweepWorker, StartSweep } from './workerProtocol';
import { decodeCsv } from '../engine/decode';

export function runSweep(m: StartSweep, post: (m: FromSweepWorker) => void): void {
  const stop = new Int32Array(m.stop);
  let prepared: PreparedRun;
  try {
    const text = decodeCsv(m.csv, m.fileName);
    prepared = prepareRun(text, m.fileName, m.settings);
  } catch (e) {
    post({ type: 'failed', error: errorInfo(e) });
    return;
  }
  post({ type: 'sweepPrepared', dataset: prepared.summary });
  try {
    const { stopped } = sweepHiddenSizes(prepared.dataset, prepared.config, {
      sizes: m.sizes,
      now: () => performance.now(),
      shouldStop: () => Atomics.load(stop, 0) === 1,
      onResult: (result, index) => post({ type: 'sweepResult', result, index }),
    });
    post({ type: 'sweepDone', stopped });
  } catch (e) {
    post({ type: 'failed', error: errorInfo(e) });
  }
}
