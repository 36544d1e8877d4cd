// The one contract between the renderer and whatever hosts it. The Electron
// preload exposes an object that `satisfies DesktopApi` as `window.bowtie`; in
// browser mode the renderer implements the same file operations itself (File
// System Access API or download). Results cross as values, never as thrown errors.

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface OpenedFile {
  /** absolute path in the desktop app, file name in the browser */
  path: string;
  name: string;
  bytes: Uint8Array;
}

export interface RecoveryCopy {
  /** where the document came from, null for an unsaved new one */
  path: string | null;
  savedAt: string;
  bytes: Uint8Array;
}

/** Commands the native menu sends to the renderer. */
export type MenuCommand =
  | 'file/new' | 'file/open' | 'file/save' | 'file/saveAs' | 'file/exportPdf' | 'file/close'
  | 'edit/undo' | 'edit/redo' | 'edit/cut' | 'edit/copy' | 'edit/paste' | 'edit/selectAll';

export interface DesktopApi {
  /** Show the native open dialog and read the chosen file's bytes (null when cancelled). */
  openFile(): Promise<Result<OpenedFile | null>>;
  /** Read a file the OS handed us (recent list, double-click, second launch). */
  readFile(path: string): Promise<Result<OpenedFile>>;
  /** Atomic save to `path`; keeps the previous version as `path.bak`. */
  saveFile(path: string, bytes: Uint8Array): Promise<Result<{ path: string }>>;
  /** Native Save As dialog, then an atomic save; null when cancelled. */
  saveFileAs(suggestedName: string, bytes: Uint8Array): Promise<Result<{ path: string } | null>>;
  /** Recovery copy of the dirty document (the renderer calls it every 60 s while dirty). */
  writeRecovery(copy: { path: string | null; bytes: Uint8Array }): Promise<Result<null>>;
  clearRecovery(): Promise<Result<null>>;
  /** A copy left by a crash, offered back at start. */
  takeRecovery(): Promise<Result<RecoveryCopy | null>>;
  /** The title bar and the close/quit prompt follow the document's state. */
  setDocumentState(state: { name: string; dirty: boolean }): Promise<Result<null>>;
  /** Board Report as PDF through printToPDF. */
  exportPdf(suggestedName: string): Promise<Result<{ path: string } | null>>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Files the OS asks us to open (file association, second instance, macOS open-file). */
  onOpenPath(listener: (path: string) => void): () => void;
  /** Main asks before closing a dirty document; the renderer answers with the user's choice after saving if asked. */
  onCloseRequest(listener: () => void): () => void;
  confirmClose(): Promise<Result<null>>;
  appVersion(): Promise<Result<string>>;
}
