/**
 * The tools worker thread: Predict with Model and Gradient Check read and parse a whole CSV,
 * so they run here, not on the extension host's thread (as training does in trainWorker.ts).
 * One job per worker; the host (toolJobs.ts) ends the worker when the answer comes.
 */
import { parentPort } from 'node:worker_threads';
import { parseCsv } from '../engine/csv';
import { decodeCsv, decodeJson } from '../engine/decode';
import { parseModel } from '../engine/model';
import { predictTable, writePredictionsCsv } from '../engine/predict';
import { errorInfo } from '../shared/errorInfo';
import { gradCheckCsv } from '../core/gradcheckRun';
import type { FromToolsWorker, ToToolsWorker } from './toolsProtocol';

const port = parentPort;
if (!port) throw new Error('toolsWorker must run in a worker thread');

port.on('message', (job: ToToolsWorker) => {
  try {
    if (job.type === 'predict') {
      const model = parseModel(decodeJson(job.model.bytes, job.model.fileName), job.model.fileName);
      const table = parseCsv(decodeCsv(job.csv.bytes, job.csv.fileName), job.csv.fileName);
      // Encodes every row first: a missing column, a non-number or an unseen category throws here.
      const result = predictTable(model, table, job.csv.fileName);
      const bytes = new TextEncoder().encode(writePredictionsCsv(table, result, model));
      const m: FromToolsWorker = { type: 'predicted', bytes, rows: result.labels.length };
      port.postMessage(m, [bytes.buffer]);
    } else {
      const m: FromToolsWorker = { type: 'gradChecked', result: gradCheckCsv(decodeCsv(job.csv.bytes, job.csv.fileName), job.csv.fileName, job.settings, job.params) };
      port.postMessage(m);
    }
  } catch (e) {
    const m: FromToolsWorker = { type: 'failed', error: errorInfo(e) };
    port.postMessage(m);
  }
});
