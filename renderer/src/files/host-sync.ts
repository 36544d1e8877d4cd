// Keeps the host informed: title and dirty state, a recovery copy every 60 s
// while dirty, the crash copy offered back at start, files the OS opens or the
// user drops (each asks Save / Don't Save / Cancel first, file-actions.ts), and
// the save that a close or quit asks for.
import { platform } from '../platform/choose-platform';
import type { Platform } from '../platform/platform';
import { documentStore } from '../store/document-store';
import { setStatus } from '../store/ui-store';
import { startDropOpen } from './drop-open';
import { openHostPath, saveDocument } from './file-actions';
import { RECOVERY_EVERY_MS, offerRecovery, writeRecoveryCopy } from './recovery';

/**
 * The host has already asked Save / Don't Save / Cancel and the user chose Save
 * (electron/window.ts): save (Save As for a new document) and confirm, without
 * asking again. A cancelled or failed save keeps the window open and the
 * document dirty, and tells the host so that a pending quit is abandoned; a
 * failure's message is on screen (saveDocument shows it).
 */
async function saveThenClose(host: Platform): Promise<void> {
  if (documentStore.getState().dirty && !(await saveDocument())) {
    setStatus('Not closed: the model was not saved');
    await host.cancelClose();
    return;
  }
  await host.confirmClose();
}

export function startHostSync(): () => void {
  const host = platform();
  const cleanups: (() => void)[] = [];

  const syncTitle = () => {
    const { fileName, dirty } = documentStore.getState();
    void host.setDocumentState({ name: fileName, dirty });
  };
  syncTitle();
  cleanups.push(documentStore.subscribe((s, prev) => {
    if (s.fileName !== prev.fileName || s.dirty !== prev.dirty) syncTitle();
  }));

  let writing = false;
  const timer = setInterval(() => {
    if (writing) return; // a slow write is not stacked under the next one
    writing = true;
    void writeRecoveryCopy().catch((e) => console.error('recovery copy failed', e)).finally(() => { writing = false; });
  }, RECOVERY_EVERY_MS);
  cleanups.push(() => clearInterval(timer));

  void offerRecovery();

  // Open Recent, a double-clicked workbook, a second launch, macOS open-file.
  cleanups.push(host.onOpenPath((path) => void openHostPath(path)));
  cleanups.push(startDropOpen());

  let closing = false;
  cleanups.push(host.onCloseRequest(() => {
    if (closing) return;
    closing = true;
    void saveThenClose(host).finally(() => { closing = false; });
  }));

  if (host.kind === 'browser') {
    const beforeUnload = (e: BeforeUnloadEvent) => { if (documentStore.getState().dirty) e.preventDefault(); };
    window.addEventListener('beforeunload', beforeUnload);
    cleanups.push(() => window.removeEventListener('beforeunload', beforeUnload));
  }
  return () => cleanups.forEach((c) => c());
}
