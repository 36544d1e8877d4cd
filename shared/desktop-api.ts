// The one contract between the renderer and whatever hosts it. The Electron
// preload exposes an object that `satisfies DesktopApi` as `window.bowtie`; in
// browser mode the renderer implements the same file operations itself (File
// System Access API or download). Results cross as values, never as thrown errors.

/**
 * `offer: 'saveAs'` on a failed save: the file itself refused (read-only), so
 * the message offers Save As… as the way out.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string; offer?: 'saveAs' };

/** A finished save; `notice` is something the user should hear about it (the backup was skipped). */
export interface SavedFile {
  path: string;
  notice?: string;
}

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

/**
 * Commands the native menu sends to the renderer, which owns the document and
 * its undo history. Cut, Copy, Paste and Select All are not here: the desktop
 * menu uses Chromium's own editing commands on the focused element, which fire
 * the DOM `cut`/`copy`/`paste` events (with `clipboardData`) that the grid
 * handles in browser mode too, and need no clipboard permission (the host
 * denies every permission). File › Close closes the window, which asks
 * Save / Don't Save / Cancel in the host.
 * 'file/exportPdf' asks the renderer to show the Board Report with print CSS
 * and then call `exportPdf`.
 */
export type MenuCommand =
  | 'file/new' | 'file/newExample' | 'file/open' | 'file/save' | 'file/saveAs' | 'file/exportPdf' | 'file/importActuals'
  | 'edit/undo' | 'edit/redo';

export const MENU_COMMANDS: readonly MenuCommand[] = [
  'file/new', 'file/newExample', 'file/open', 'file/save', 'file/saveAs', 'file/exportPdf', 'file/importActuals',
  'edit/undo', 'edit/redo',
];

export interface DesktopApi {
  /** Show the native open dialog and read the chosen file's bytes (null when cancelled). */
  openFile(): Promise<Result<OpenedFile | null>>;
  /**
   * The native open dialog for a billing export (.csv or .xlsx), and the chosen
   * file's bytes (null when cancelled). The path is not granted: Bowtie never
   * writes to it, and the page cannot read it again.
   */
  openActualsFile(): Promise<Result<OpenedFile | null>>;
  /**
   * Read a file the host handed us (recent list, double-click, second launch,
   * an earlier dialog). Paths the user never chose are refused.
   */
  readFile(path: string): Promise<Result<OpenedFile>>;
  /**
   * Atomic save to `path` (one the user opened or chose); keeps the previous
   * version as `path.bak`. On failure the error is a sentence for the user and
   * the file on disk is unchanged.
   */
  saveFile(path: string, bytes: Uint8Array): Promise<Result<SavedFile>>;
  /** Native Save As dialog, then an atomic save; null when cancelled. */
  saveFileAs(suggestedName: string, bytes: Uint8Array): Promise<Result<SavedFile | null>>;
  /** Recovery copy of the dirty document (the renderer calls it every 60 s while dirty). */
  writeRecovery(copy: { path: string | null; bytes: Uint8Array }): Promise<Result<null>>;
  clearRecovery(): Promise<Result<null>>;
  /**
   * A copy left by a crash, offered back at start. In the desktop app it stays
   * on disk until `clearRecovery()` (call it when the user declines, or once the
   * recovered document is saved), so a second crash while deciding loses nothing.
   */
  takeRecovery(): Promise<Result<RecoveryCopy | null>>;
  /** The title bar and the close/quit prompt follow the document's state. */
  setDocumentState(state: { name: string; dirty: boolean }): Promise<Result<null>>;
  /** Board Report as PDF through printToPDF. */
  exportPdf(suggestedName: string): Promise<Result<{ path: string } | null>>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Files the OS asks us to open (file association, second instance, macOS open-file). */
  onOpenPath(listener: (path: string) => void): () => void;
  /**
   * Closing a dirty window: the host asks Save / Don't Save / Cancel itself.
   * On Save it calls this listener; the renderer saves (Save As for a new
   * document) and, only if that succeeded, calls `confirmClose()`. A failed or
   * cancelled save calls `cancelClose()`: the window stays open, the document
   * dirty, and a quit that asked for the close is abandoned.
   */
  onCloseRequest(listener: () => void): () => void;
  confirmClose(): Promise<Result<null>>;
  cancelClose(): Promise<Result<null>>;
  appVersion(): Promise<Result<string>>;
}

/**
 * The desktop app's workbook reader (docs/workbook.md, "The app"), exposed by
 * the preload as `window.bowtieReader`, apart from `window.bowtie`. The bytes go
 * to a hidden, sandboxed reader renderer over a MessagePort; the host kills that
 * process at its deadline or memory cap. `value` is the reader's answer as it
 * came: untrusted, the caller validates it.
 */
export interface WorkbookReaderApi {
  read(bytes: Uint8Array): Promise<Result<unknown>>;
}

/** What the reader renderer's preload posts to its page, with the read's MessagePort. */
export const READER_PORT_MESSAGE = 'bowtie-reader-port';
