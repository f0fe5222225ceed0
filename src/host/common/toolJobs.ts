/**
 * The host side of Predict with Model and Gradient Check: each job runs on its own tools worker
 * (toolsWorker.ts, with workerSession.ts's memory limit and single end), so a big CSV never
 * blocks or ends the extension host. Errors come back as an ErrorInfo, never thrown.
 */
import type { ErrorInfo, GradCheckReport, ParamsSnapshot, TrainSettings } from '../../shared/runTypes';
import type { FileBytes, FromToolsWorker, ToToolsWorker } from '../../workers/toolsProtocol';
import { movable, startWorkerJob, workerScript } from './workerSession';

type Answer<T> = T | { error: ErrorInfo };

function runTool<T>(extensionPath: string, job: ToToolsWorker, answer: (m: FromToolsWorker) => T | undefined): Promise<Answer<T>> {
  const role = job.type === 'predict' ? 'prediction worker' : 'gradient check worker';
  return startWorkerJob<ToToolsWorker, FromToolsWorker, Answer<T>>(
    { script: workerScript(extensionPath, 'toolsWorker.js'), role, subject: () => job.csv.fileName },
    job,
    [...movable(job.csv.bytes), ...(job.type === 'predict' ? movable(job.model.bytes) : [])],
    {
      message: (m, end) => {
        if (m.type === 'failed') return end({ error: m.error });
        const a = answer(m);
        if (a !== undefined) end(a);
      },
      failed: (error) => ({ error }),
    },
  ).ending;
}

/** The predictions CSV's bytes for every row of `csv` by `model`, and how many rows. */
export function predictOffThread(extensionPath: string, model: FileBytes, csv: FileBytes): Promise<Answer<{ bytes: Uint8Array; rows: number }>> {
  return runTool(extensionPath, { type: 'predict', model, csv }, (m) => (m.type === 'predicted' ? { bytes: m.bytes, rows: m.rows } : undefined));
}

/** gradCheckCsv (gradcheckRun.ts) of the CSV with these settings, at `params` if given. */
export function gradCheckOffThread(extensionPath: string, csv: FileBytes, settings: TrainSettings, params?: ParamsSnapshot): Promise<Answer<{ result: GradCheckReport }>> {
  return runTool(extensionPath, { type: 'gradCheck', csv, settings, ...(params ? { params } : {}) }, (m) => (m.type === 'gradChecked' ? { result: m.result } : undefined));
}
