// New, Open, Save and Save As: the platform moves bytes, the workbook worker
// turns them into inputs and back. Every way of replacing the document (New,
// Open…, Open Recent, a file from the OS, a dropped file, a restored recovery
// copy) goes through `replaceDocument`: the file is read first, so nobody is
// asked about a file that cannot be opened; then, if there are unsaved
// changes, Save / Don't Save / Cancel; only then is the document replaced. A
// failed read leaves the current document and its recovery copy untouched
// and says why, naming the cell.
import { blankInputs, defaultInputs, twoWaySpecFromExtras } from '@shared/index';
import { scenariosFromExtras } from '@shared/report/index';
import { importMappingsFromExtras } from '@shared/document/index';
import { actualsKind, importActuals } from '../actuals/import-actuals';
import { platform } from '../platform/choose-platform';
import { UNTITLED, documentStore } from '../store/document-store';
import { setStatus, showDialog, showSheet, uiStore, type SaveChoice } from '../store/ui-store';
import { readWorkbookBytes } from '../workers/workbook-client';
import { documentBytes, type LeftOut, type SavedDocument } from './document-bytes';

async function busy<T>(what: string, fn: () => Promise<T>): Promise<T> {
  uiStore.setState({ busy: true, status: what });
  try { return await fn(); } finally { uiStore.setState({ busy: false }); }
}

/** Replacements run one at a time: a second file arriving while the first asks waits its turn. */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const next = queue.then(fn, fn);
  queue = next.catch(() => undefined);
  return next;
}

function askSaveChanges(documentName: string): Promise<SaveChoice> {
  return new Promise((resolve) => {
    uiStore.setState({
      question: {
        documentName,
        answer: (choice) => {
          uiStore.setState({ question: null });
          resolve(choice);
        },
      },
    });
  });
}

/**
 * May the document be replaced? Yes when it has no unsaved changes; otherwise
 * the user decides: Save (and only if the save worked), Don't Save, or Cancel.
 */
async function readyToReplace(): Promise<boolean> {
  const { dirty, fileName } = documentStore.getState();
  if (!dirty) return true;
  const choice = await askSaveChanges(fileName);
  if (choice === 'discard') return true;
  if (choice === 'save' && (await saveDocument())) return true;
  setStatus(`Kept ${documentStore.getState().fileName} open`);
  return false;
}

/**
 * The document the crash copy stood for was replaced (New, Open): the copy is not
 * wanted any more. Kept while the start-up offer is unanswered.
 */
function dropRecoveryCopy(): void {
  if (!uiStore.getState().recovery) void platform().clearRecovery();
}

/** New: a blank model (no lanes, customers or logos), or the built-in example. */
export function newDocument(kind: 'blank' | 'example'): Promise<void> {
  return oneAtATime(async () => {
    if (!(await readyToReplace())) return;
    documentStore.getState().load(kind === 'blank' ? blankInputs() : defaultInputs(), UNTITLED, null);
    dropRecoveryCopy();
    setStatus(kind === 'blank' ? 'New blank model: add new logos, lanes or existing customers' : 'New model from the example');
  });
}

export interface OpenOptions {
  /** Open with unsaved changes (a restored recovery copy). */
  dirty?: boolean;
  /** A restored recovery copy: the copy stays on disk until the document is saved. */
  recovered?: boolean;
  /** A note for the status line once opened. */
  note?: string;
}

/** Read bytes the platform handed us, then (after asking, if need be) replace the document with them. */
async function replaceDocument(name: string, path: string | null, bytes: Uint8Array, opts: OpenOptions): Promise<boolean> {
  const outcome = await busy(`Opening ${name}…`, () => readWorkbookBytes(bytes));
  if (!outcome.ok) {
    if (outcome.kind === 'invalid') {
      showDialog({
        title: `${name} could not be opened`,
        intro: 'Some inputs in the workbook are not valid. Fix them in the workbook and open it again; the current model is unchanged.',
        lines: outcome.problems.map((p) => ({ where: p.where, text: `${p.path}: ${p.message}` })),
      });
    } else {
      showDialog({ title: `${name} could not be opened`, intro: 'Bowtie could not read this file (the reason is below); the current model is unchanged.', lines: [{ text: outcome.error }] });
    }
    setStatus(`Could not open ${name}`);
    return false;
  }
  if (!(await readyToReplace())) return false;
  const { set: scenarios, notes } = scenariosFromExtras(outcome.extras);
  // The two-way table the workbook was saved with, fitted to its inputs (null: the default).
  const { spec: sensitivity, notes: sensitivityNotes } = twoWaySpecFromExtras(outcome.extras, outcome.inputs);
  // The mappings billing exports were imported by: next month's file imports in one step.
  const { mappings: importMappings, notes: mappingNotes } = importMappingsFromExtras(outcome.extras);
  documentStore.getState().load(outcome.inputs, name, path, { dirty: opts.dirty ?? false, scenarios, sensitivity, actuals: outcome.actuals ?? null, ...(outcome.ranges ?? {}), importMappings });
  if (!opts.recovered) dropRecoveryCopy();
  const all = [...outcome.notes, ...notes, ...sensitivityNotes, ...mappingNotes, ...(opts.note ? [opts.note] : [])];
  setStatus(all.length ? `Opened ${name}: ${all.join('; ')}` : `Opened ${name}`);
  return true;
}

/** Open bytes the platform handed us (open dialog, OS, recent list, a drop, recovery). */
export function openBytes(name: string, path: string | null, bytes: Uint8Array, opts: OpenOptions = {}): Promise<boolean> {
  return oneAtATime(() => replaceDocument(name, path, bytes, opts));
}

/** A file the host hands over by path (OS, Open Recent): a failed read is shown, and nothing else changes. */
export function openHostPath(path: string): Promise<boolean> {
  return oneAtATime(async () => {
    const file = await platform().readFile(path);
    if (!file.ok) {
      showDialog({ title: 'Could not open the file', intro: `${file.error} The current model is unchanged.`, lines: [] });
      setStatus('Could not open the file');
      return false;
    }
    return replaceDocument(file.value.name, file.value.path, file.value.bytes, {});
  });
}

export function openDocument(): Promise<void> {
  return oneAtATime(async () => {
    const picked = await platform().openFile();
    if (!picked.ok) { showDialog({ title: 'Could not open the file', intro: picked.error, lines: [] }); return; }
    if (!picked.value) return;
    // Open… on a billing export imports it as actuals, as File › Import Actuals… would:
    // the model stays, so nothing asks to save it first.
    if (actualsKind(picked.value.name) === 'csv') {
      showSheet('actuals');
      void importActuals(picked.value.name, new Blob([picked.value.bytes as BlobPart]));
      return;
    }
    await replaceDocument(picked.value.name, picked.value.path, picked.value.bytes, {});
  });
}

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/** A failed save: the host's sentence, with Save As… beside OK when the file itself refused (read-only). */
function showSaveFailure(r: { error: string; offer?: 'saveAs' }): void {
  setStatus('Not saved');
  showDialog({
    title: 'Could not save',
    intro: r.error,
    lines: [],
    ...(r.offer === 'saveAs' ? { action: { label: 'Save As…', run: () => void saveDocumentAs() } } : {}),
  });
}

/**
 * A save that could not include everything says so, naming what is missing:
 * never a plain "Saved". The inputs, scenarios and actuals are always in it.
 */
function reportSaved(name: string, leftOut: LeftOut | null, notice?: string): void {
  if (!leftOut) { setStatus(notice ?? `Saved ${name}`); return; }
  setStatus(`Saved ${name} without ${leftOut.parts}`);
  showDialog({
    title: `Saved ${name} without ${leftOut.parts}`,
    intro: `Every input, scenario and import is in the file, but ${leftOut.parts} could not be drawn (${leftOut.reason}). Save again to try once more.`,
    lines: notice ? [{ text: notice }] : [],
  });
}

/** Write the document and hand the bytes to the platform (`put`: Save or Save As); true once saved. */
async function saveWith(put: (bytes: Uint8Array) => Promise<{ ok: true; value: { path: string; notice?: string } | null } | { ok: false; error: string; offer?: 'saveAs' }>): Promise<boolean> {
  return busy('Saving…', async () => {
    const { inputs, scenarios, sensitivity, actuals, ranges, simulation, importMappings } = documentStore.getState();
    const doc: SavedDocument = { inputs, scenarios, sensitivity, actuals, ranges, simulation, importMappings };
    const written = await documentBytes(doc);
    if (!written.ok) { setStatus('Not saved'); showDialog({ title: 'Could not save', intro: written.error, lines: [] }); return false; }
    const r = await put(written.bytes);
    if (!r.ok) { showSaveFailure(r); return false; }
    if (!r.value) return false;
    const name = baseName(r.value.path);
    documentStore.getState().markSaved(name, r.value.path, doc);
    await platform().clearRecovery();
    reportSaved(name, written.leftOut, r.value.notice);
    return true;
  });
}

export function saveDocumentAs(): Promise<boolean> {
  return saveWith((bytes) => platform().saveFileAs(documentStore.getState().fileName, bytes));
}

export function saveDocument(): Promise<boolean> {
  const { filePath } = documentStore.getState();
  if (!filePath) return saveDocumentAs();
  return saveWith((bytes) => platform().saveFile(filePath, bytes));
}
