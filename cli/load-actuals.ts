// Reading an actuals file for `bowtie actuals` (spec §9). Every file, whatever
// its size, is read in a worker thread with a memory cap and a deadline (issue
// 19: a CSV with a million-decimal amount ran for 400 s at 3.4 GB in the
// command's own process). A CSV streams from disk as bytes through the core's
// chunked reader (checked to be UTF-8), so 100 MB never sit in memory at once;
// an .xlsx is untrusted like any workbook and pre-scanned first.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { actualsSheet, CsvActualsReader, MAX_CSV_BYTES, MAX_ROWS, type ActualsFigures, type ActualsRead } from '@shared/actuals/index';
import type { ActualsSheet } from '@shared/workbook/index';
import { LIMITS } from '@shared/workbook/index';
import { runWorkerJob } from './worker-job';

/**
 * The reader's deadline and V8 heap cap. The rows themselves sit in typed arrays outside the heap
 * (MAX_ROWS × 16 bytes, twice that while growing), so heap cap + rows + this thread stay under 1 GiB.
 */
export const ACTUALS_LIMITS = {
  csv: { timeoutMs: 300_000, maxOldGenerationSizeMb: 640, maxYoungGenerationSizeMb: 96 },
  xlsx: { timeoutMs: 120_000, maxOldGenerationSizeMb: 640, maxYoungGenerationSizeMb: 64 },
};
/** Small chunks keep each chunk's row arrays short-lived (young-generation garbage): measured faster than 1 MB. */
const CHUNK_BYTES = 64 * 1024;
const mb = (bytes: number) => Math.round(bytes / 1048576);

const unreadable = (error: string): ActualsFigures => ({ ok: false, kind: 'unreadable', error });

async function startsWithZip(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead >= 2 && buffer[0] === 0x50 && buffer[1] === 0x4b;
  } finally { await fh.close(); }
}

/** Streams a CSV file's bytes into the reader; `onProgress` gets the rows read so far. */
export async function readActualsCsvFile(path: string, onProgress?: (rows: number) => void): Promise<ActualsRead> {
  const reader = new CsvActualsReader();
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  let bytes = 0;
  for await (const chunk of stream) {
    const b = chunk as Buffer;
    // The file may have grown since it was measured: never read past the limit.
    if ((bytes += b.length) > MAX_CSV_BYTES) { stream.destroy(); return tooLarge(bytes); }
    reader.pushBytes(new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
    onProgress?.(reader.rows);
  }
  return reader.end();
}

const tooLarge = (size: number): ActualsRead => ({ ok: false, kind: 'unreadable', error: `the file is ${mb(size)} MB; Bowtie reads CSV exports of up to ${mb(MAX_CSV_BYTES)} MB and ${MAX_ROWS.toLocaleString('en-US')} rows` });

export type ActualsJob = { path: string; kind: 'csv' | 'xlsx' };
export type ActualsLimits = (typeof ACTUALS_LIMITS)['csv'];

/**
 * Reads actuals in a worker thread with a memory cap and a deadline, and gets
 * the figures back (never the rows). The young generation is sized up: the
 * parser's short-lived row arrays then die young, which measured about a third
 * faster on the 3-million-row export.
 */
export async function readActualsInWorker(job: ActualsJob, limits: ActualsLimits = ACTUALS_LIMITS[job.kind]): Promise<ActualsFigures> {
  if (job.kind === 'xlsx') {
    const { size } = await stat(job.path);
    if (size > LIMITS.fileBytes) return unreadable(`the file is ${Math.round(size / 1048576)} MB; Bowtie reads .xlsx files up to ${LIMITS.fileBytes / 1048576} MB (export larger billing data as CSV)`);
  }
  const what = job.kind === 'xlsx' ? 'the workbook' : 'the file';
  return runWorkerJob<ActualsFigures>('actuals-worker', job, limits, (f) => unreadable(
    f.kind === 'timeout' ? `reading ${what} took longer than ${limits.timeoutMs / 1000} s, so it was stopped`
      : f.kind === 'memory' ? `reading ${what} needed more than ${limits.maxOldGenerationSizeMb} MB of memory, so it was stopped${job.kind === 'xlsx' ? '; export the billing data as CSV' : ''}`
        : f.kind === 'error' ? `${what} could not be read (${f.message})`
          : `the reader stopped unexpectedly (exit code ${f.code})`));
}

/** The figures of an actuals file, CSV or .xlsx: always in a worker, so always under its limits. */
export async function actualsFileFigures(path: string, limits = ACTUALS_LIMITS): Promise<ActualsFigures> {
  try {
    if (/\.xlsx$/i.test(path) || (await startsWithZip(path))) return await readActualsInWorker({ path, kind: 'xlsx' }, limits.xlsx);
    const { size } = await stat(path);
    if (size > MAX_CSV_BYTES) return tooLarge(size) as ActualsFigures;
    return await readActualsInWorker({ path, kind: 'csv' }, limits.csv);
  } catch (e) {
    return unreadable(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/** SHA-256 of a file, streamed: the workbook's record of which export the figures came from. */
async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A billing export as the workbook's Actuals sheet, as the app's import makes it (`bowtie export … --actuals FILE`). */
export async function actualsSheetOfFile(path: string): Promise<{ ok: true; sheet: ActualsSheet } | Exclude<ActualsFigures, { ok: true }>> {
  const read = await actualsFileFigures(path);
  if (!read.ok) return read;
  try {
    return { ok: true, sheet: actualsSheet(read.figures, { fileName: basename(path), rows: read.quality.rows, sha256: await sha256Of(path) }) };
  } catch (e) {
    return unreadable(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`) as Exclude<ActualsFigures, { ok: true }>;
  }
}
