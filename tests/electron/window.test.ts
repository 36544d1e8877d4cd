import { describe, expect, it } from 'vitest';
import { mainWindowOptions, secureWebPreferences } from '../../electron/window';

describe('the window’s webPreferences', () => {
  it('isolate, sandbox and keep Node out of the page', () => {
    const prefs = secureWebPreferences('/app/dist-electron/preload.cjs');
    expect(prefs).toMatchObject({
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

  it('a packaged window has no developer tools and is shown only when ready', () => {
    const packaged = mainWindowOptions('/p.cjs', { isPackaged: true });
    expect(packaged.webPreferences?.devTools).toBe(false);
    expect(packaged.webPreferences?.sandbox).toBe(true);
    expect(packaged.show).toBe(false);
    expect(mainWindowOptions('/p.cjs', { isPackaged: false }).webPreferences?.devTools).toBe(true);
  });
});
