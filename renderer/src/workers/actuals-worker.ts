// Reads a billing export (spec §9) off the main thread and keeps its book: a
// CSV streamed from the Blob in chunks (Papa Parse, shared/actuals), or the
// first sheet of an .xlsx behind the workbook pre-scan. Progress (rows read)
// goes to the page every ~100 ms. The raw rows never leave this worker: the page
// gets the figures, the seed and the calibration, and asks here again for a new
// calibration when the plan's inputs change. One worker per import
// (newActualsClient, worker-clients.ts), so Cancel is a terminate and nothing
// is half-imported.
import { computeExact, type ModelInputs } from '@shared/index';
import { applySeed, applySuggestion, suggestionEffect, calibrate, computeActuals, CsvActualsReader, planVsActual, problemLine, readActualsXlsx, seedBase, type ActualsRead, type Book } from '@shared/actuals/index';
import type { ActualsSheet } from '@shared/workbook/index';
import { resultOf, sheetOf, varianceRows } from './actuals-figures';
import type { ActualsCalls, ActualsImport, ActualsProgress, ActualsSource, VarianceRow } from './core-calls';
import { serveCalls, type CallContext } from './core-client';

let book: Book | null = null;

const PROGRESS_EVERY_MS = 100;

async function readCsv(blob: Blob, ctx: CallContext<ActualsProgress>): Promise<ActualsRead> {
  const reader = new CsvActualsReader();
  const stream = blob.stream().getReader();
  let bytesRead = 0;
  let last = 0;
  for (;;) {
    const { done, value } = await stream.read();
    if (done) break;
    bytesRead += value.byteLength;
    reader.pushBytes(value); // checked to be UTF-8, refused at the first line that is not (issue 19)
    const now = performance.now();
    if (now - last >= PROGRESS_EVERY_MS) { last = now; ctx.progress({ rows: reader.rows, bytesRead, bytes: blob.size }); }
  }
  const read = reader.end();
  ctx.progress({ rows: reader.rows, bytesRead, bytes: blob.size });
  return read;
}

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

async function importActuals(source: ActualsSource, inputs: ModelInputs, ctx: CallContext<ActualsProgress>): Promise<ActualsImport> {
  const t0 = performance.now();
  ctx.progress({ rows: 0, bytesRead: 0, bytes: source.blob.size });
  const read = source.kind === 'csv'
    ? await readCsv(source.blob, ctx)
    : await readActualsXlsx(new Uint8Array(await source.blob.arrayBuffer()));
  if (!read.ok) return read.kind === 'invalid' ? { ok: false, kind: 'invalid', problems: read.problems, lines: read.problems.map(problemLine), problemCount: read.problemCount, rows: read.rows } : read;
  // SHA-256 of the file as imported: the workbook's record of which export the figures came from.
  const sha256 = hex(await crypto.subtle.digest('SHA-256', await source.blob.arrayBuffer()));
  const result = computeActuals(read.book);
  book = read.book;
  return {
    ok: true,
    sheet: sheetOf(result, { fileName: source.name, rows: read.quality.rows, sha256 }),
    quality: read.quality,
    cohortActive: result.cohorts.map((c) => c.active),
    seed: seedBase(read.book),
    calibration: calibrate(read.book, inputs),
    ms: Math.round(performance.now() - t0),
  };
}

function variance(inputs: ModelInputs, actuals: ActualsSheet): VarianceRow[] {
  return varianceRows(planVsActual(computeExact(inputs), resultOf(actuals)));
}

serveCalls<ActualsCalls>({
  import: ({ source, inputs }, ctx) => importActuals(source, inputs, ctx),
  calibrate: (inputs) => (book ? calibrate(book, inputs) : null),
  seed: (inputs) => (book ? applySeed(inputs, seedBase(book)) : null),
  apply: ({ inputs, suggestion, target }) => applySuggestion(inputs, suggestion, target),
  effect: ({ inputs, suggestion, target }) => suggestionEffect(inputs, suggestion, target),
  variance: ({ inputs, actuals }) => variance(inputs, actuals),
});
