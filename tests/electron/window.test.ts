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

describe('the hidden workbook reader window', () => {
  it('is never shown, is hardened like the main window, and has a session partition of its own (so a process of its own)', async () => {
    const { createReaderWindow, READER_PARTITION } = await import('../../electron/reader-window');
    const reader = createReaderWindow(FakeBrowserWindow, { preload: '/app/dist-electron/reader-preload.cjs' });
    const main = createMainWindow(FakeBrowserWindow, { preload: '/p.cjs', isPackaged: true });
    expect(reader.options).toMatchObject({ show: false, focusable: false, skipTaskbar: true });
    expect(READER_PARTITION).not.toMatch(/^persist:/);
    expect(reader.options.webPreferences).toMatchObject({ preload: '/app/dist-electron/reader-preload.cjs', partition: READER_PARTITION, devTools: false });
    const { preload: _a, devTools: _b, ...hardening } = main.options.webPreferences!;
    expect(reader.options.webPreferences).toMatchObject(hardening);
  });
});
