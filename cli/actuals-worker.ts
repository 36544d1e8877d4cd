// Runs inside a worker_threads Worker (cli/load-actuals.ts): reads one untrusted
// .xlsx billing export under the Worker's memory limit and posts back the
// figures, never the rows (a Book holds typed arrays the host does not need).
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { figuresOf, readActualsXlsx } from '../shared/actuals/index';

const path = workerData as string;
readFile(path)
  .then((bytes) => readActualsXlsx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)))
  .then((read) => parentPort!.postMessage(figuresOf(read)))
  .catch((e: unknown) => parentPort!.postMessage({ ok: false, kind: 'unreadable', error: `the workbook could not be read (${(e as Error).message})` }));
