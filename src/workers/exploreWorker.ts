/**
 * The explore worker thread: prepares a run's data set again from its CSV with the run's
 * settings (kept for the last few runs asked about), and evaluates the network at the
 * parameters asked for over the plane asked for. One per panel: the host (exploreService.ts)
 * starts it on the panel's first request and ends it when the panel closes.
 */
import { parentPort } from 'node:worker_threads';
import { datasetChange, ExploreData } from '../core/explore';
import type { ExploreJob, FromExploreWorker, ToExploreWorker } from './exploreProtocol';
import { prepareDataset } from '../core/pipeline';
import { decodeCsv } from '../engine/decode';

const port = parentPort;
if (!port) throw new Error('exploreWorker must run in a worker thread');
const post = (m: FromExploreWorker): void => port.postMessage(m);

/** The data sets of the last few keys, most recent last. */
const CACHE_SIZE = 3;
const cache = new Map<string, ExploreData>();

function dataFor(job: ExploreJob): ExploreData | undefined {
  const hit = cache.get(job.key);
  if (hit) {
    cache.delete(job.key);
    cache.set(job.key, hit);
    return hit;
  }
  if (!job.csv) return undefined;
  const text = decodeCsv(job.csv, job.fileName);
  const data = new ExploreData(prepareDataset(text, job.fileName, job.settings), job.settings);
  cache.set(job.key, data);
  while (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return data;
}

port.on('message', (job: ToExploreWorker) => {
  try {
    const data = dataFor(job);
    if (!data) return post({ type: 'needCsv', id: job.id });
    const changed = datasetChange(job.expected, data.summary);
    if (changed) return post({ type: 'failed', id: job.id, message: changed });
    post({ type: 'explored', id: job.id, result: data.evaluate(job.params, job.features, job.iteration ?? 0) });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    post({ type: 'failed', id: job.id, message: `${job.fileName} cannot be read as the run read it: ${why}` });
  }
});
