import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createMainWindow } from '../../electron/window';

/** Stands in for Electron's BrowserWindow and keeps the options it was built with. */
class FakeBrowserWindow {
  constructor(readonly options: BrowserWindowConstructorOptions) {}
}

describe('the main window', () => {
  it('isolates, sandboxes and keeps Node out of the page', () => {
    const win = createMainWindow(FakeBrowserWindow, { preload: '/app/dist-electron/preload.cjs', isPackaged: true });
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
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
    });
  });

  it('a packaged window has no developer tools; it is shown only when ready', () => {
    const packaged = createMainWindow(FakeBrowserWindow, { preload: '/p.cjs', isPackaged: true });
    expect(packaged.options.webPreferences?.devTools).toBe(false);
    expect(packaged.options.show).toBe(false);
    expect(createMainWindow(FakeBrowserWindow, { preload: '/p.cjs', isPackaged: false }).options.webPreferences?.devTools).toBe(true);
  });
});
