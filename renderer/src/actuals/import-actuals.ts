// Importing a billing export (issue 14): from the Actuals sheet's button, the
// File menu's Import Actuals… or a file dropped on the window. Each import runs
// in a fresh actuals worker (workers/actuals-worker.ts) through the one core
// client; Cancel terminates that worker, so nothing is half-imported and the
// actuals shown before stay. A successful import's worker replaces the previous
// one: it holds the raw rows the calibration needs. The figures go into the
// document (saved as the workbook's Actuals sheet).
import type { ModelInputs } from '@shared/index';
import type { CustomerDrill, LaneTarget, Mapping, Preset, Suggestion } from '@shared/actuals/index';
import { MAX_CSV_BYTES, MAX_ROWS } from '@shared/actuals/limits';
import type { ActualsSheet } from '@shared/workbook/index';
import { platform } from '../platform/choose-platform';
import { documentStore } from '../store/document-store';
import { setStatus } from '../store/ui-store';
import type { ActualsCalls, ActualsSource } from '../workers/core-calls';
import { CallFailed, type CoreClient } from '../workers/core-client';
import { chartClient, newActualsClient } from '../workers/worker-clients';
import { actualsStore, calibrationKey } from './actuals-store';

type Client = CoreClient<ActualsCalls>;

/** An .xlsx is parsed whole by ExcelJS (behind the pre-scan); a CSV streams and can always be cancelled. */
const XLSX_TIMEOUT_MS = 120_000;
/** The workbook pre-scan's own limit (shared/workbook/check-bytes.ts). */
const MAX_XLSX_BYTES = 50 * 1024 * 1024;

/** The worker holding the book on screen (null until an import, or after a reopen). */
let current: Client | null = null;
let importing: Client | null = null;

export const actualsKind = (name: string): 'csv' | 'xlsx' | null => (/\.(csv|txt)$/i.test(name) ? 'csv' : /\.xlsx$/i.test(name) ? 'xlsx' : null);

const count = (n: number) => n.toLocaleString('en-US');

/** A billing export waiting in the mapping step: its worker holds the file. */
let mapping: { client: Client; source: ActualsSource } | null = null;
/** The file on screen, for "Change the mapping…" after a one-step import. */
let lastSource: ActualsSource | null = null;

function refuse(name: string, error: string): false {
  actualsStore.setState({ import: { phase: 'unreadable', name, error } });
  return false;
}

/**
 * Read a billing export into the document; resolves true when imported. §9's
 * own table imports as it is; a billing export in its own shape (spec §9.1)
 * imports in one step by a mapping the workbook kept that fits it, otherwise
 * it waits in the mapping step (`remap`: always) until importMapped.
 */
export async function importActuals(name: string, blob: Blob, opts: { remap?: boolean } = {}): Promise<boolean> {
  const kind = actualsKind(name);
  if (!kind) return refuse(name, 'Bowtie imports billing exports saved as .csv or .xlsx (the first sheet).');
  // The same limit as the command's (shared/actuals): refused before a byte is read (issue 19).
  if (kind === 'csv' && blob.size > MAX_CSV_BYTES) return refuse(name, `It is ${Math.round(blob.size / 1048576)} MB; Bowtie imports CSV exports of up to ${MAX_CSV_BYTES / 1048576} MB and ${MAX_ROWS.toLocaleString('en-US')} rows.`);
  if (kind === 'xlsx' && blob.size > MAX_XLSX_BYTES) return refuse(name, `It is ${Math.round(blob.size / 1e6)} MB; an .xlsx export can be at most 50 MB. Export the billing data as CSV instead.`);
  importing?.terminate();
  dropMapping();
  chartClient().warm(); // ECharts loads in the chart worker while the file is read
  const client = newActualsClient();
  importing = client;
  const source: ActualsSource = { name, blob, kind };
  actualsStore.setState({ import: { phase: 'reading', name, rows: 0, bytesRead: 0, bytes: blob.size } });
  setStatus(`Importing ${name}…`);
  try {
    const saved = documentStore.getState().importMappings;
    const seen = await client.call('inspect', { source, saved }, {
      onProgress: (p) => { if (importing === client) actualsStore.setState({ import: { phase: 'reading', name, ...p } }); },
    });
    if (importing !== client) return false;
    if (seen.kind === 'unreadable') { importing = null; client.terminate(); setStatus(`Nothing imported from ${name}`); return refuse(name, seen.error); }
    if (seen.kind === 'shape' && (opts.remap || !seen.saved)) {
      importing = null;
      mapping = { client, source };
      actualsStore.setState({ import: { phase: 'mapping', name, preview: seen.preview, mapping: seen.saved ?? seen.preview.mapping, busy: false, error: null } });
      setStatus(`${name}: check how its columns are read, then Import`);
      return false;
    }
    return await finish(client, source, seen.kind === 'shape' ? { mapping: seen.saved!, saved: true } : null);
  } catch (e) {
    return failed(client, name, e);
  }
}

function failed(client: Client, name: string, e: unknown): false {
  client.terminate();
  if (importing !== client) return false; // cancelled: cancelImport said so
  importing = null;
  const error = e instanceof CallFailed && e.reason === 'timeout' ? `Reading the workbook took longer than ${XLSX_TIMEOUT_MS / 1000} s and was stopped.` : e instanceof Error ? e.message : String(e);
  setStatus(`Nothing imported from ${name}`);
  return refuse(name, error);
}

/** The import proper, in the worker that inspected the file; the figures go into the document, a mapping into its importMappings. */
async function finish(client: Client, source: ActualsSource, by: { mapping: Mapping; saved: boolean } | null): Promise<boolean> {
  const { name } = source;
  importing = client;
  actualsStore.setState({ import: { phase: 'reading', name, rows: 0, bytesRead: 0, bytes: source.blob.size } });
  try {
    const inputs = documentStore.getState().inputs;
    const r = await client.call('import', { source, inputs, ...(by ? { mapping: by.mapping } : {}) }, {
      timeoutMs: source.kind === 'xlsx' ? XLSX_TIMEOUT_MS : 0,
      onProgress: (p) => { if (importing === client) actualsStore.setState({ import: { phase: 'reading', name, ...p } }); },
    });
    if (importing !== client) return false;
    importing = null;
    if (!r.ok) {
      client.terminate();
      actualsStore.setState({ import: r.kind === 'invalid' ? { phase: 'refused', name, problems: r.problems, lines: r.lines, problemCount: r.problemCount, rows: r.rows } : { phase: 'unreadable', name, error: r.error } });
      setStatus(`Nothing imported from ${name}`);
      return false;
    }
    current?.terminate();
    current = client;
    lastSource = source;
    documentStore.getState().setActuals(r.sheet, by?.mapping);
    const billing = r.billing ? { ...r.billing, savedMapping: by?.saved ?? false } : null;
    actualsStore.setState({ import: { phase: 'idle' }, live: { sheet: r.sheet, quality: r.quality, cohortActive: r.cohortActive, seed: r.seed, calibration: r.calibration, calibratedFor: calibrationKey(inputs), billing, ms: r.ms }, seeded: null });
    const what = r.billing ? `${count(r.billing.lines)} lines (${count(r.billing.report.linesUsed)} used)` : `${count(r.quality.rows)} rows`;
    setStatus(`Imported ${name}${by?.saved ? ' with the saved mapping' : ''}: ${what}, ${count(r.quality.customers)} customers, ${r.quality.firstMonth} to ${r.quality.lastMonth}`);
    return true;
  } catch (e) {
    return failed(client, name, e);
  }
}

function dropMapping(): void {
  mapping?.client.terminate();
  mapping = null;
}

/** The mapping step's preview under another mapping or preset (computed in the worker holding the file). */
export async function previewMapping(next: Mapping | null, preset: Preset | null): Promise<void> {
  const m = mapping;
  const s = actualsStore.getState().import;
  if (!m || s.phase !== 'mapping') return;
  actualsStore.setState({ import: { ...s, mapping: next, busy: true, error: null } });
  try {
    const preview = await m.client.call('preview', { mapping: next, preset });
    const now = actualsStore.getState().import;
    if (mapping === m && now.phase === 'mapping') actualsStore.setState({ import: { ...now, preview, mapping: next ?? preview.mapping, busy: false } });
  } catch (e) {
    const now = actualsStore.getState().import;
    if (mapping === m && now.phase === 'mapping') actualsStore.setState({ import: { ...now, busy: false, error: e instanceof Error ? e.message : String(e) } });
  }
}

/** Import the file in the mapping step by `chosen`; the mapping is kept in the document (saved in the workbook). */
export async function importMapped(chosen: Mapping): Promise<boolean> {
  const m = mapping;
  if (!m) return false;
  mapping = null;
  return finish(m.client, m.source, { mapping: chosen, saved: false });
}

/** Leave the mapping step: nothing is imported, the actuals shown before stay. */
export function cancelMapping(): void {
  const s = actualsStore.getState().import;
  dropMapping();
  if (s.phase === 'mapping') {
    actualsStore.setState({ import: { phase: 'cancelled', name: s.name } });
    setStatus(`Import of ${s.name} cancelled; nothing was imported`);
  }
}

/** The file on screen again through the mapping step (after a one-step import by a saved mapping). */
export function changeMapping(): Promise<boolean> {
  return lastSource ? importActuals(lastSource.name, lastSource.blob, { remap: true }) : Promise.resolve(false);
}

/** One customer's lines and months, from the worker holding the book (null: no book, or no such customer). */
export function customerDrill(id: string): Promise<CustomerDrill | null> {
  return current ? current.call('customer', id) : Promise.resolve(null);
}

export function findCustomers(q: string): Promise<string[]> {
  return current ? current.call('findCustomers', q) : Promise.resolve([]);
}

/** Stop the import under way: its worker is terminated, the actuals shown before stay. */
export function cancelImport(): void {
  const s = actualsStore.getState().import;
  if (!importing || s.phase !== 'reading') return;
  importing.terminate();
  importing = null;
  actualsStore.setState({ import: { phase: 'cancelled', name: s.name } });
  setStatus(`Import of ${s.name} cancelled; nothing was imported`);
}

/** Import Actuals…: the host's dialog (.csv, .xlsx), then the import. */
export async function pickAndImportActuals(): Promise<boolean> {
  const picked = await platform().openActualsFile();
  if (!picked.ok) { actualsStore.setState({ import: { phase: 'unreadable', name: 'the file', error: picked.error } }); return false; }
  if (!picked.value) return false;
  const { name, bytes, file } = picked.value;
  return importActuals(name, file ?? new Blob([bytes as BlobPart]));
}

/** The live book's calibration for these inputs (null: no book in this session). */
export async function recalibrate(inputs: ModelInputs) {
  const live = actualsStore.getState().live;
  if (!current || !live || live.sheet !== documentStore.getState().actuals) return null;
  return current.call('calibrate', inputs);
}

/**
 * A change the worker computes from the inputs (the seed, a suggestion),
 * committed as one undo step if the inputs did not change meanwhile. The
 * actuals core stays off the main thread (its readers pull in Papa Parse and
 * ExcelJS).
 */
async function commitFromWorker(what: string, compute: (client: Client, inputs: ModelInputs) => Promise<ModelInputs | null>): Promise<'done' | 'stale' | 'no-book'> {
  if (!current) return 'no-book';
  const sent = documentStore.getState().inputs;
  const next = await compute(current, sent);
  if (!next) return 'no-book';
  // Stale when the user changed the inputs while the worker computed.
  if (documentStore.getState().inputs !== sent) return 'stale';
  documentStore.getState().dispatch({ type: 'applySuggestion', what, inputs: next });
  return 'done';
}

/** Start the plan from the live book: installed base and month 0 (applySeed), one undo step. */
export const startPlanFromActuals = () => commitFromWorker('start the plan from actuals', (c, inputs) => c.call('seed', inputs));

/** Apply one suggestion (applySuggestion), one undo step. */
export const applyActualsSuggestion = (suggestion: Suggestion, target?: LaneTarget) => commitFromWorker(`calibrate: ${suggestion.label}`, (c, inputs) => c.call('apply', { inputs, suggestion, target }));

/** The headline NRR before and after a suggestion, computed in the worker (null: no book in this session). */
export async function suggestionEffectOf(inputs: ModelInputs, suggestion: Suggestion, target?: LaneTarget) {
  return current ? current.call('effect', { inputs, suggestion, target }) : null;
}

let varianceClient: Client | null = null;
/** Plan against actual for the months both have, computed exactly in a worker. */
export function planAgainstActual(inputs: ModelInputs, actuals: ActualsSheet): Promise<ActualsCalls['variance']['result']> {
  varianceClient ??= newActualsClient();
  return varianceClient.call('variance', { inputs, actuals });
}
