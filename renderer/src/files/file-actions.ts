// New, Open, Save and Save As: the platform moves bytes, the workbook worker
// turns them into inputs and back. A failed open leaves the current document
// untouched and says why, naming the cell.
import { defaultInputs } from '../../../shared/index';
import { platform } from '../platform/choose-platform';
import { UNTITLED, documentStore } from '../store/document-store';
import { setStatus, showDialog, uiStore } from '../store/ui-store';
import { readWorkbookBytes, writeWorkbookBytes } from '../workers/workbook-client';
import { openedScenarios, openedSensitivity, saveExtras, type SavedDocument } from './save-extras';

const confirmDiscard = (): boolean =>
  !documentStore.getState().dirty || window.confirm('Discard the unsaved changes to this model?');

async function busy<T>(what: string, fn: () => Promise<T>): Promise<T> {
  uiStore.setState({ busy: true, status: what });
  try { return await fn(); } finally { uiStore.setState({ busy: false }); }
}

/**
 * The document the crash copy stood for was replaced (New, Open): the copy is not
 * wanted any more. Kept while the start-up offer is unanswered.
 */
function dropRecoveryCopy(): void {
  if (!uiStore.getState().recovery) void platform().clearRecovery();
}

export function newDocument(): void {
  if (!confirmDiscard()) return;
  documentStore.getState().load(defaultInputs(), UNTITLED, null);
  dropRecoveryCopy();
  setStatus('New model from the defaults');
}

/** Open bytes the platform handed us (open dialog, OS, recovery). */
export async function openBytes(name: string, path: string | null, bytes: Uint8Array, opts: { dirty?: boolean; recovered?: boolean } = {}): Promise<boolean> {
  const outcome = await busy(`Opening ${name}…`, () => readWorkbookBytes(bytes));
  if (outcome.ok) {
    const { set: scenarios, notes } = openedScenarios(outcome.extras);
    const { spec: sensitivity, notes: sensitivityNotes } = openedSensitivity(outcome.extras, outcome.inputs);
    documentStore.getState().load(outcome.inputs, name, path, { dirty: opts.dirty ?? false, scenarios, sensitivity });
    if (!opts.recovered) dropRecoveryCopy();
    const all = [...outcome.notes, ...notes, ...sensitivityNotes];
    setStatus(all.length ? `Opened ${name}: ${all.join('; ')}` : `Opened ${name}`);
    return true;
  }
  if (outcome.kind === 'invalid') {
    showDialog({
      title: `${name} could not be opened`,
      intro: 'Some inputs in the workbook are not valid. Fix them in the workbook and open it again; the current model is unchanged.',
      lines: outcome.problems.map((p) => ({ where: p.where, text: `${p.path}: ${p.message}` })),
    });
  } else {
    showDialog({ title: `${name} could not be opened`, intro: 'The file is not a workbook Bowtie can read; the current model is unchanged.', lines: [{ text: outcome.error }] });
  }
  setStatus(`Could not open ${name}`);
  return false;
}

export async function openDocument(): Promise<void> {
  if (!confirmDiscard()) return;
  const picked = await platform().openFile();
  if (!picked.ok) { showDialog({ title: 'Could not open the file', intro: picked.error, lines: [] }); return; }
  if (!picked.value) return;
  await openBytes(picked.value.name, picked.value.path, picked.value.bytes);
}

/** The document as workbook bytes (null after telling the user why not). */
export async function workbookBytes(doc: SavedDocument = documentStore.getState()): Promise<Uint8Array | null> {
  const version = await platform().appVersion();
  let more: Record<string, unknown>;
  try { more = await saveExtras(doc); } catch (e) { more = {}; console.error('workbook extras failed; saving the inputs alone', e); }
  const written = await writeWorkbookBytes(doc.inputs, version.ok ? version.value : 'unknown', more);
  if (!written.ok) { showDialog({ title: 'Could not save', intro: written.error, lines: [] }); return null; }
  return written.bytes;
}

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

export async function saveDocumentAs(): Promise<boolean> {
  return busy('Saving…', async () => {
    const { inputs, scenarios, sensitivity, fileName } = documentStore.getState();
    const bytes = await workbookBytes({ inputs, scenarios, sensitivity });
    if (!bytes) return false;
    const r = await platform().saveFileAs(fileName, bytes);
    if (!r.ok) { showDialog({ title: 'Could not save', intro: r.error, lines: [] }); return false; }
    if (!r.value) return false;
    documentStore.getState().markSaved(baseName(r.value.path), r.value.path, { inputs, scenarios, sensitivity });
    await platform().clearRecovery();
    setStatus(`Saved ${baseName(r.value.path)}`);
    return true;
  });
}

export async function saveDocument(): Promise<boolean> {
  const { filePath } = documentStore.getState();
  if (!filePath) return saveDocumentAs();
  return busy('Saving…', async () => {
    const { inputs, scenarios, sensitivity } = documentStore.getState();
    const bytes = await workbookBytes({ inputs, scenarios, sensitivity });
    if (!bytes) return false;
    const r = await platform().saveFile(filePath, bytes);
    if (!r.ok) { showDialog({ title: 'Could not save', intro: r.error, lines: [] }); return false; }
    documentStore.getState().markSaved(baseName(r.value.path), r.value.path, { inputs, scenarios, sensitivity });
    await platform().clearRecovery();
    setStatus(`Saved ${baseName(r.value.path)}`);
    return true;
  });
}
