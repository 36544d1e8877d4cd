// Reads a billing export (spec §9) off the main thread and keeps its book: a
// CSV streamed from the Blob in chunks (Papa Parse, shared/actuals), or the
// first sheet of an .xlsx behind the workbook pre-scan. Progress (rows read)
// goes to the page every ~100 ms. The raw rows never leave this worker: the page
// gets the figures, the seed and the calibration, and asks here again for a new
// calibration when the plan's inputs change. One worker per import
// (newActualsClient, worker-clients.ts), so Cancel is a terminate and nothing
// is half-imported.
import { computeExact, type ModelInputs } from '@shared/index';
import { actualsOf, findColumns, readTable, type Table, applySeed, applySuggestion, suggestionEffect, calibrate, computeActuals, convertTable, CsvActualsReader, explainCustomer, mappingFits, planVsActual, varianceTotals, previewTable, problemLine, readActualsXlsx, seedBase, suggestMapping, utf8TextOf, type ActualsRead, type Book, type Converted, type Mapping, type Preset } from '@shared/actuals/index';
import type { ActualsSheet } from '@shared/workbook/index';
import { resultOf, sheetOf, varianceRows, varianceTotalsNumbers } from './actuals-figures';
import type { VarianceTotalsNumbers } from '@shared/report/index';
import type { ActualsCalls, ActualsImport, ActualsInspection, ActualsProgress, ActualsSource, VarianceRow } from './core-calls';
import { serveCalls, type CallContext } from './core-client';

let book: Book | null = null;
/** The file this worker read (for the drill-down), and a billing export's table and mapping once inspected or imported. */
let file: { source: ActualsSource; text: string | null; table: Table | null; mapping: Mapping | null; converted: Pick<Converted, 'lastMonth' | 'fileCurrency'> | null } | null = null;

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

async function textOf(source: ActualsSource): Promise<{ text: string } | { error: string }> {
  if (file?.source === source && file.text !== null) return { text: file.text };
  const decoded = utf8TextOf(new Uint8Array(await source.blob.arrayBuffer()));
  if ('text' in decoded) file = { source, text: decoded.text, table: file?.source === source ? file.table : null, mapping: null, converted: null };
  return decoded;
}

/** §9's own table (customer, month, mrr or arr) is imported as it is; anything else is read whole and previewed. */
async function inspect(source: ActualsSource, saved: readonly Mapping[], ctx: CallContext<ActualsProgress>): Promise<ActualsInspection> {
  if (source.kind === 'xlsx') return { kind: 'own' };
  const head = await source.blob.slice(0, 64 * 1024).text();
  const firstLine = head.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  const headerRead = readTable(firstLine, []);
  if (headerRead.ok && !('missing' in findColumns(headerRead.table.header))) return { kind: 'own' };
  ctx.progress({ rows: 0, bytesRead: 0, bytes: source.blob.size });
  const decoded = await textOf(source);
  if ('error' in decoded) return { kind: 'unreadable', error: decoded.error };
  const read = readTable(decoded.text, []);
  if (!read.ok) return { kind: 'unreadable', error: read.error };
  file = { source, text: decoded.text, table: read.table, mapping: null, converted: null };
  ctx.progress({ rows: read.table.rows.length, bytesRead: source.blob.size, bytes: source.blob.size });
  const fit = saved.find((m) => mappingFits(m, read.table.header)) ?? null;
  return { kind: 'shape', preview: previewTable(read.table, fit ?? undefined), saved: fit };
}

function preview(mapping: Mapping | null, preset: Preset | null) {
  if (!file?.table) throw new Error('no file is being mapped; choose it again');
  return previewTable(file.table, mapping ?? undefined, preset ?? undefined);
}

/** A billing export in its own shape (spec §9.1) to §9's table, then read by §9 like a long file. */
async function readShape(source: ActualsSource, mapping: Mapping): Promise<{ read: ActualsRead; billing: NonNullable<Extract<ActualsImport, { ok: true }>['billing']> | null } | ActualsImport> {
  let table = file?.source === source ? file.table : null;
  if (!table) {
    const decoded = await textOf(source);
    if ('error' in decoded) return { ok: false, kind: 'unreadable', error: decoded.error };
    const r = readTable(decoded.text, []);
    if (!r.ok) return { ok: false, kind: 'unreadable', error: r.error };
    table = r.table;
  }
  const c = convertTable(table, mapping);
  if (!c.ok) return c.kind === 'invalid' ? { ok: false, kind: 'invalid', problems: c.problems.slice(0, 1000), lines: c.problems.slice(0, 1000).map(problemLine), problemCount: c.problems.length, rows: table.rows.length } : { ok: false, kind: 'unreadable', error: c.error };
  const lines = table.rows.length;
  file = { source, text: file?.text ?? null, table: null, mapping, converted: { lastMonth: c.converted.lastMonth, fileCurrency: c.converted.fileCurrency } };
  return { read: actualsOf(c.converted), billing: { mapping, report: c.converted.report, lines } };
}

async function importActuals(source: ActualsSource, inputs: ModelInputs, mapping: Mapping | undefined, ctx: CallContext<ActualsProgress>): Promise<ActualsImport> {
  const t0 = performance.now();
  ctx.progress({ rows: 0, bytesRead: 0, bytes: source.blob.size });
  let billing: Extract<ActualsImport, { ok: true }>['billing'] = null;
  let read: ActualsRead;
  if (mapping) {
    const shaped = await readShape(source, mapping);
    if (!('read' in shaped)) return shaped;
    ({ read, billing } = shaped);
  } else {
    read = source.kind === 'csv' ? await readCsv(source.blob, ctx) : await readActualsXlsx(new Uint8Array(await source.blob.arrayBuffer()));
    file = { source, text: null, table: null, mapping: null, converted: null };
  }
  if (!read.ok) return read.kind === 'invalid' ? { ok: false, kind: 'invalid', problems: read.problems, lines: read.problems.map(problemLine), problemCount: read.problemCount, rows: read.rows } : read;
  // SHA-256 of the file as imported: the workbook's record of which export the figures came from.
  const sha256 = hex(await crypto.subtle.digest('SHA-256', await source.blob.arrayBuffer()));
  const result = computeActuals(read.book);
  book = read.book;
  return {
    ok: true,
    sheet: sheetOf(result, { fileName: source.name, rows: billing?.lines ?? read.quality.rows, sha256 }),
    quality: read.quality,
    cohortActive: result.cohorts.map((c) => c.active),
    seed: seedBase(read.book),
    calibration: calibrate(read.book, inputs),
    billing,
    ms: Math.round(performance.now() - t0),
  };
}

/** The drill-down: a §9 table is read by its own headers; a billing export by the mapping it was imported with. */
async function customer(id: string) {
  if (!book || !file) return null;
  const decoded = await textOf(file.source);
  if ('error' in decoded) return null;
  let mapping = file.mapping;
  if (!mapping) {
    const header = readTable(decoded.text.split(/\r?\n/, 1)[0] ?? '', []);
    const m = header.ok ? suggestMapping(header.table.header) : null;
    if (!m || 'missing' in m) return null;
    mapping = m;
  }
  return explainCustomer(decoded.text, mapping, file.converted ?? { lastMonth: null }, id);
}

function findCustomers(q: string): string[] {
  if (!book) return [];
  const k = q.trim().toLowerCase();
  const out: string[] = [];
  for (const name of book.store.names) { if (name.toLowerCase().includes(k)) { out.push(name); if (out.length === 20) break; } }
  return out;
}

function variance(inputs: ModelInputs, actuals: ActualsSheet): { rows: VarianceRow[]; totals: VarianceTotalsNumbers | null; plan: { first: string; last: string } } {
  const plan = computeExact(inputs);
  const months = planVsActual(plan, resultOf(actuals));
  return { rows: varianceRows(months), totals: varianceTotalsNumbers(varianceTotals(plan, months)), plan: { first: plan.months[0]?.label ?? '', last: plan.months[plan.months.length - 1]?.label ?? '' } };
}

serveCalls<ActualsCalls>({
  inspect: ({ source, saved }, ctx) => inspect(source, saved, ctx),
  preview: ({ mapping, preset }) => preview(mapping, preset),
  import: ({ source, inputs, mapping }, ctx) => importActuals(source, inputs, mapping, ctx),
  customer: (id) => customer(id),
  findCustomers: (q) => findCustomers(q),
  calibrate: (inputs) => (book ? calibrate(book, inputs) : null),
  seed: (inputs) => (book ? applySeed(inputs, seedBase(book)) : null),
  apply: ({ inputs, suggestion, target }) => applySuggestion(inputs, suggestion, target),
  effect: ({ inputs, suggestion, target }) => suggestionEffect(inputs, suggestion, target),
  variance: ({ inputs, actuals }) => variance(inputs, actuals),
});
