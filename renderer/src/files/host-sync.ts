// Keeps the host informed: title and dirty state, a recovery copy every 60 s
// while dirty, the crash copy offered back at start, and files the OS opens.
import { platform } from '../platform/choose-platform';
import { documentStore } from '../store/document-store';
import { writeWorkbookBytes } from '../workers/workbook-client';
import { openBytes, saveDocument } from './file-actions';
import { saveExtras } from './save-extras';

const RECOVERY_EVERY_MS = 60_000;

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

  const timer = setInterval(async () => {
    const { dirty, inputs, scenarios, filePath } = documentStore.getState();
    if (!dirty) return;
    const version = await host.appVersion();
    const written = await writeWorkbookBytes(inputs, version.ok ? version.value : 'unknown', await saveExtras({ inputs, scenarios }).catch(() => ({})));
    if (written.ok) await host.writeRecovery({ path: filePath, bytes: written.bytes });
  }, RECOVERY_EVERY_MS);
  cleanups.push(() => clearInterval(timer));

  void host.takeRecovery().then(async (r) => {
    if (!r.ok || !r.value) return;
    const when = new Date(r.value.savedAt).toLocaleString();
    if (window.confirm(`Bowtie found unsaved work from ${when}. Restore it?`)) {
      const name = r.value.path?.split(/[\\/]/).pop() ?? 'Recovered.xlsx';
      await openBytes(name, r.value.path, r.value.bytes, { dirty: true });
    }
  });

  cleanups.push(host.onOpenPath(async (path) => {
    const file = await host.readFile(path);
    if (file.ok) await openBytes(file.value.name, file.value.path, file.value.bytes);
  }));

  cleanups.push(host.onCloseRequest(async () => {
    if (documentStore.getState().dirty) {
      if (window.confirm('Save changes to this model before closing?')) {
        if (!(await saveDocument())) return;
      } else if (!window.confirm('Close without saving? Your changes will be lost.')) return;
    }
    await host.confirmClose();
  }));

  if (host.kind === 'browser') {
    const beforeUnload = (e: BeforeUnloadEvent) => { if (documentStore.getState().dirty) e.preventDefault(); };
    window.addEventListener('beforeunload', beforeUnload);
    cleanups.push(() => window.removeEventListener('beforeunload', beforeUnload));
  }
  return () => cleanups.forEach((c) => c());
}
