// Reading an actuals file for `bowtie actuals` (spec §9). A CSV streams from disk
// through the core's chunked reader, so 100 MB never sit in memory at once. An
// .xlsx is untrusted like any workbook: pre-scanned and parsed in a worker
// thread with a memory cap and a deadline (as cli/load-workbook.ts does).
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { CsvActualsReader, figuresOf, type ActualsFigures, type ActualsRead } from '@shared/actuals/index';
import { LIMITS } from '@shared/workbook/index';
import { tsWorkerEntry } from './load-workbook';

export const ACTUALS_LIMITS = {
  csv: { timeoutMs: 600_000, maxOldGenerationSizeMb: 900, maxYoungGenerationSizeMb: 96 },
  xlsx: { timeoutMs: 120_000, maxOldGenerationSizeMb: 900, maxYoungGenerationSizeMb: 64 },
};
/** Small chunks keep each chunk's row arrays short-lived (young-generation garbage): measured faster than 1 MB. */
const CHUNK_BYTES = 64 * 1024;
/** CSV files from this size on are read in a worker thread */
export const CSV_WORKER_FROM_BYTES = 16 * 1024 * 1024;

const unreadable = (error: string): ActualsFigures => ({ ok: false, kind: 'unreadable', error });

async function startsWithZip(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead >= 2 && buffer[0] === 0x50 && buffer[1] === 0x4b;
  } finally { await fh.close(); }
}

/** Streams a CSV file into the reader; `onProgress` gets the rows read so far. */
export async function readActualsCsvFile(path: string, onProgress?: (rows: number) => void): Promise<ActualsRead> {
  const reader = new CsvActualsReader();
  // setEncoding decodes UTF-8 across chunk boundaries (a character split between two chunks stays whole).
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES, encoding: 'utf8' });
  for await (const chunk of stream) {
    reader.push(chunk as string);
    onProgress?.(reader.rows);
  }
  return reader.end();
}

export type ActualsJob = { path: string; kind: 'csv' | 'xlsx' };

/**
 * Reads actuals in a worker thread with a memory cap and a deadline, and gets
 * the figures back (never the rows). The young generation is sized up: the
 * parser's short-lived row arrays then die young, which measured about a third
 * faster on the 3-million-row export.
 */
export async function readActualsInWorker(job: ActualsJob, limits = ACTUALS_LIMITS[job.kind]): Promise<ActualsFigures> {
  if (job.kind === 'xlsx') {
    const { size } = await stat(job.path);
    if (size > LIMITS.fileBytes) return unreadable(`the file is ${Math.round(size / 1048576)} MB; Bowtie reads .xlsx files up to ${LIMITS.fileBytes / 1048576} MB (export larger billing data as CSV)`);
  }
  const what = job.kind === 'xlsx' ? 'the workbook' : 'the file';
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: ActualsFigures) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const worker = new Worker(tsWorkerEntry(new URL(`./actuals-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url)), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb },
      stdout: true,
      stderr: true,
    });
    const timer = setTimeout(() => finish(unreadable(`reading ${what} took longer than ${limits.timeoutMs / 1000} s, so it was stopped`)), limits.timeoutMs);
    worker.once('message', (r: ActualsFigures) => finish(r));
    worker.once('error', (e: Error & { code?: string }) =>
      finish(unreadable(e.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `reading ${what} needed more than ${limits.maxOldGenerationSizeMb} MB of memory, so it was stopped${job.kind === 'xlsx' ? '; export the billing data as CSV' : ''}`
        : `${what} could not be read (${e.message})`)));
    worker.once('exit', (code) => finish(unreadable(`the reader stopped unexpectedly (exit code ${code})`)));
  });
}

/** The figures of an actuals file, CSV or .xlsx. */
export async function actualsFileFigures(path: string, workerFromBytes = CSV_WORKER_FROM_BYTES): Promise<ActualsFigures> {
  try {
    if (/\.xlsx$/i.test(path) || (await startsWithZip(path))) return await readActualsInWorker({ path, kind: 'xlsx' });
    // A CSV is not parsed by anything a crafted file can blow up, so a small one is read right here (a
    // worker costs a second to start); a big one goes to a worker for its larger young generation.
    if ((await stat(path)).size >= workerFromBytes) return await readActualsInWorker({ path, kind: 'csv' });
    return figuresOf(await readActualsCsvFile(path));
  } catch (e) {
    return unreadable(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}
