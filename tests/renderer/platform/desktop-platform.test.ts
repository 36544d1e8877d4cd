import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '@shared/desktop-api';
import { createDesktopPlatform } from '../../../renderer/src/platform/desktop-platform';

function fakeApi(overrides: Partial<DesktopApi> = {}): DesktopApi {
  const ok = async () => ({ ok: true as const, value: null });
  return {
    openFile: ok, readFile: vi.fn(), saveFile: vi.fn(), saveFileAs: ok, writeRecovery: ok, clearRecovery: ok,
    takeRecovery: ok, setDocumentState: ok, exportPdf: ok, onMenuCommand: () => () => {}, onOpenPath: () => () => {},
    onCloseRequest: () => () => {}, confirmClose: ok, cancelClose: ok, appVersion: async () => ({ ok: true, value: '0.1.0' }),
    ...overrides,
  } as DesktopApi;
}

describe('the desktop platform', () => {
  it('is the desktop kind and forwards calls to window.bowtie', async () => {
    const saveFile = vi.fn(async (path: string) => ({ ok: true as const, value: { path } }));
    const platform = createDesktopPlatform(fakeApi({ saveFile }));
    expect(platform.kind).toBe('desktop');
    const bytes = new Uint8Array([1]);
    expect(await platform.saveFile('/tmp/a.xlsx', bytes)).toEqual({ ok: true, value: { path: '/tmp/a.xlsx' } });
    expect(saveFile).toHaveBeenCalledWith('/tmp/a.xlsx', bytes);
  });

  it('a broken bridge gives an error value, never a rejected promise', async () => {
    const platform = createDesktopPlatform(fakeApi({ saveFile: async () => { throw new Error("No handler registered for 'file/save'"); } }));
    expect(await platform.saveFile('/tmp/a.xlsx', new Uint8Array())).toEqual({
      ok: false,
      error: expect.stringContaining('No handler registered'),
    });
  });
});
