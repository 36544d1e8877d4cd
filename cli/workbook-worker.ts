// Runs inside a worker_threads Worker (cli/load-workbook.ts): parses one untrusted
// workbook under the Worker's memory limit and posts the result back. Nothing
// else runs here, so a hostile file can only exhaust this thread.
import { parentPort, workerData } from 'node:worker_threads';
import { readWorkbook } from '../shared/workbook/index';

const bytes = workerData as Uint8Array;
readWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  .then((read) => parentPort!.postMessage(read))
  .catch((e: unknown) => parentPort!.postMessage({ ok: false, kind: 'unreadable', error: `the workbook could not be read (${(e as Error).message})` }));
