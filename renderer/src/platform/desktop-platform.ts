// The renderer's platform in the desktop app: `window.bowtie` (the preload's
// DesktopApi) one to one, plus one guarantee the bridge cannot give by itself:
// an IPC failure (a handler missing, the main process busy quitting) comes back
// as a Result, never as a rejected promise the workspace forgot to catch.
import type { DesktopApi, Result } from '@shared/desktop-api';

export type DesktopPlatform = DesktopApi & { kind: 'desktop' };

async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch (error) {
    return { ok: false, error: `Bowtie’s desktop host did not answer: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function createDesktopPlatform(api: DesktopApi): DesktopPlatform {
  return {
    kind: 'desktop',
    openFile: () => settle(() => api.openFile()),
    openActualsFile: () => settle(() => api.openActualsFile()),
    readFile: (path) => settle(() => api.readFile(path)),
    saveFile: (path, bytes) => settle(() => api.saveFile(path, bytes)),
    saveFileAs: (suggestedName, bytes) => settle(() => api.saveFileAs(suggestedName, bytes)),
    writeRecovery: (copy) => settle(() => api.writeRecovery(copy)),
    clearRecovery: () => settle(() => api.clearRecovery()),
    takeRecovery: () => settle(() => api.takeRecovery()),
    setDocumentState: (state) => settle(() => api.setDocumentState(state)),
    exportPdf: (suggestedName) => settle(() => api.exportPdf(suggestedName)),
    onMenuCommand: (listener) => api.onMenuCommand(listener),
    onOpenPath: (listener) => api.onOpenPath(listener),
    onCloseRequest: (listener) => api.onCloseRequest(listener),
    confirmClose: () => settle(() => api.confirmClose()),
    cancelClose: () => settle(() => api.cancelClose()),
    appVersion: () => settle(() => api.appVersion()),
  };
}
