// The crash copy (issue #5): written through the platform every 60 s while the
// document is dirty, offered back at start as Restore / Discard, and removed
// once nobody wants it (Discard, a save, New, Open of another document), so a
// declined copy is not offered again at every start. A restored copy stays on
// disk until the document is saved: a second crash while deciding loses nothing.
import { platform } from '../platform/choose-platform';
import { documentStore } from '../store/document-store';
import { setStatus, uiStore } from '../store/ui-store';
import { documentBytes } from './document-bytes';
import { openBytes } from './file-actions';

export const RECOVERY_EVERY_MS = 60_000;

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;
export const recoveredName = (path: string | null) => (path ? baseName(path) : 'Recovered.xlsx');

/** One recovery write of the dirty document, as workbook bytes. */
export async function writeRecoveryCopy(): Promise<void> {
  const host = platform();
  const { dirty, inputs, scenarios, sensitivity, actuals, ranges, simulation, importMappings, filePath } = documentStore.getState();
  // An offer not yet answered is the copy the user may still want: never overwrite it.
  if (!dirty || uiStore.getState().recovery) return;
  // The same bytes as a save (document-bytes.ts). A background copy must not
  // interrupt with a dialog every minute: the status line says what went wrong
  // or was left out, and the next tick tries again.
  const written = await documentBytes({ inputs, scenarios, sensitivity, actuals, ranges, simulation, importMappings });
  if (!written.ok) { setStatus(`Could not write the recovery copy: ${written.error}`); return; }
  if (written.leftOut) setStatus(`Recovery copy written without ${written.leftOut.parts} (${written.leftOut.reason})`);
  const stored = await host.writeRecovery({ path: filePath, bytes: written.bytes });
  if (!stored.ok) { setStatus(`Could not write the recovery copy: ${stored.error}`); return; }
  // Saved, or replaced by New/Open, while the copy was being written: it is stale.
  if (!documentStore.getState().dirty) await host.clearRecovery();
}

/** At start: ask the host for a crash copy and put the offer on screen. */
export async function offerRecovery(): Promise<void> {
  const r = await platform().takeRecovery();
  if (r.ok && r.value) uiStore.setState({ recovery: r.value });
}

export async function restoreRecovery(): Promise<void> {
  const copy = uiStore.getState().recovery;
  if (!copy) return;
  uiStore.setState({ recovery: null });
  const name = recoveredName(copy.path);
  // Dirty: nothing on disk matches it until it is saved (which clears the copy).
  if (await openBytes(name, copy.path, copy.bytes, { dirty: true, recovered: true })) setStatus(`Restored unsaved work on ${name}`);
}

export async function discardRecovery(): Promise<void> {
  if (!uiStore.getState().recovery) return;
  uiStore.setState({ recovery: null });
  await platform().clearRecovery();
  setStatus('Discarded the recovered copy');
}
