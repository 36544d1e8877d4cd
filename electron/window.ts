// The main window: its hardened webPreferences, and the document state that
// drives the title and the Save / Don't Save / Cancel prompt on close.
import type { BrowserWindowConstructorOptions } from 'electron';
import { choiceFromResponse, closePrompt, whenCloseRequested } from './close-decision';
import { windowTitle } from './title';

export interface MainWindowOptions {
  preload: string;
  isPackaged: boolean;
  icon?: string;
}

/**
 * Creates the main window. The options are written out literally at the
 * `new BrowserWindow` call so that electronegativity (which reads this source)
 * can see them, and the constructor is injected so the tests can read them too.
 * Every renderer runs isolated, sandboxed and without Node; the preload is the only bridge.
 */
export function createMainWindow<W>(BrowserWindow: new (options: BrowserWindowConstructorOptions) => W, options: MainWindowOptions): W {
  return new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Bowtie',
    show: false, // shown on 'ready-to-show', so there is no white flash
    backgroundColor: '#ffffff',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: {
      preload: options.preload,
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
      // Middle-click would open links in a new window; window.open is denied anyway.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      devTools: !options.isPackaged,
    },
  });
}

export interface CloseEventLike {
  preventDefault(): void;
}
export interface DocumentWindowLike {
  on(event: 'close', listener: (event: CloseEventLike) => void): unknown;
  setTitle(title: string): void;
  setDocumentEdited?(edited: boolean): void;
  close(): void;
  isDestroyed(): boolean;
}

export interface DocumentControllerDeps {
  win: DocumentWindowLike;
  platform: NodeJS.Platform;
  /** Shows the native message box; resolves with the index of the button pressed. */
  ask(options: ReturnType<typeof closePrompt>): Promise<number>;
  /** The user chose Save: the renderer saves and calls confirmClose if that worked. */
  requestSave(): void;
  /** The user chose Don't Save: drop the recovery copy before the window goes. */
  onDiscard(): Promise<void>;
  /** The user cancelled: a pending quit must be abandoned too. */
  onCancelled(): void;
  log(message: string, error?: unknown): void;
}

export function createDocumentController(deps: DocumentControllerDeps) {
  const state = { name: 'Untitled.xlsx', dirty: false, confirmed: false };
  let asking = false;
  let saveRequested = false;

  const render = () => {
    if (deps.win.isDestroyed()) return;
    deps.win.setTitle(windowTitle(state, deps.platform));
    deps.win.setDocumentEdited?.(state.dirty);
  };

  deps.win.on('close', (event) => {
    if (whenCloseRequested(state) === 'close') return;
    event.preventDefault();
    if (asking) return; // a second Cmd+W while the prompt is up
    asking = true;
    const prompt = deps.ask(closePrompt(state.name)).catch((error: unknown) => {
      // No answer is no consent: the window stays open, as if the user pressed Cancel.
      deps.log('the save-changes prompt failed; keeping the window open', error);
      return -1;
    });
    void prompt.then(async (response) => {
      asking = false;
      const choice = choiceFromResponse(response);
      if (choice === 'discard') {
        state.confirmed = true;
        await deps.onDiscard().catch((error: unknown) => {
          // The user chose to lose the changes; a copy left behind is offered again at the next start, which is harmless.
          deps.log('the recovery copy could not be removed after Don’t Save', error);
        });
        if (!deps.win.isDestroyed()) deps.win.close();
      } else if (choice === 'save') {
        saveRequested = true;
        deps.requestSave();
      } else {
        deps.onCancelled();
      }
    });
  });

  render();
  return {
    setState(next: { name: string; dirty: boolean }) {
      state.name = next.name;
      state.dirty = next.dirty;
      render();
    },
    /**
     * The renderer saved after a close request: close without asking again.
     * Honoured only after the user chose Save, so the renderer cannot skip the prompt.
     */
    confirmClose(): boolean {
      if (!saveRequested) return false;
      saveRequested = false;
      state.confirmed = true;
      if (!deps.win.isDestroyed()) deps.win.close();
      return true;
    },
    /**
     * The save after a close request failed or was cancelled: the window stays,
     * and a quit waiting on it is abandoned (else macOS would quit on the next
     * window close).
     */
    cancelClose(): boolean {
      if (!saveRequested) return false;
      saveRequested = false;
      deps.onCancelled();
      return true;
    },
    get state(): Readonly<typeof state> {
      return state;
    },
  };
}

export type DocumentController = ReturnType<typeof createDocumentController>;
