// The hidden reader renderer's window (workbook-reader.ts): never shown, and
// hardened as the main window is (window.ts), plus a session partition of its
// own. Chromium never puts two storage partitions in one renderer process, so
// the reader is its own process and crashing it cannot touch the workspace.
// The partition is in memory (no `persist:`): a reader keeps nothing.
import type { BrowserWindowConstructorOptions } from 'electron';

export const READER_PARTITION = 'bowtie-reader';
export const READER_PAGE = 'reader.html';

export interface ReaderWindowOptions {
  preload: string;
}

/** Options written out literally at `new BrowserWindow` so electronegativity can read them, as in window.ts. */
export function createReaderWindow<W>(BrowserWindow: new (options: BrowserWindowConstructorOptions) => W, options: ReaderWindowOptions): W {
  return new BrowserWindow({
    show: false,
    width: 400,
    height: 300,
    focusable: false,
    skipTaskbar: true,
    title: 'Bowtie workbook reader',
    webPreferences: {
      preload: options.preload,
      partition: READER_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      // Hidden, yet it must run at full speed: the deadline is counting.
      backgroundThrottling: false,
      devTools: false,
    },
  });
}
