// Runs inside a worker_threads Worker (cli/load-actuals.ts): reads one billing
// export (a CSV streamed from disk, or an untrusted .xlsx) under the Worker's
// memory limit and posts back the figures, never the rows.
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { figuresOf, readActualsXlsx, type ActualsRead } from '@shared/actuals/index';
import { readActualsCsvFile, type ActualsJob } from './load-actuals';

const job = workerData as ActualsJob;
const read = async (): Promise<ActualsRead> => {
  if (job.kind === 'csv') return readActualsCsvFile(job.path);
  const bytes = await readFile(job.path);
  return readActualsXlsx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
};
read()
  .then((r) => parentPort!.postMessage(figuresOf(r)))
  .catch((e: unknown) => parentPort!.postMessage({ ok: false, kind: 'unreadable', error: `the file could not be read (${(e as Error).message})` }));
