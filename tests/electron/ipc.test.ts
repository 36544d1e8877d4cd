import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../electron/channels';
import { dispatch, registerIpcHandlers, type Handlers, type InvokeEventLike } from '../../electron/ipc';
import { isAppUrl } from '../../electron/security';

function handlers(): Handlers {
  const ok = async () => ({ ok: true as const, value: null });
  return {
    openFile: vi.fn(ok),
    openActualsFile: vi.fn(ok),
    readFile: vi.fn(async (path: string) => ({ ok: true as const, value: { path, name: 'a.xlsx', bytes: new Uint8Array() } })),
    saveFile: vi.fn(async (path: string) => ({ ok: true as const, value: { path } })),
    saveFileAs: vi.fn(ok),
    exportPdf: vi.fn(ok),
    writeRecovery: vi.fn(ok),
    clearRecovery: vi.fn(ok),
    takeRecovery: vi.fn(ok),
    setDocumentState: vi.fn(ok),
    confirmClose: vi.fn(ok),
    cancelClose: vi.fn(ok),
    appVersion: vi.fn(async () => ({ ok: true as const, value: '0.1.0' })),
  };
}
const from = (url: string | null): InvokeEventLike => ({ senderFrame: url === null ? null : { url } });
const options = { isTrustedUrl: isAppUrl, log: () => undefined };

describe('IPC dispatch', () => {
  it('a call from our own page with good arguments reaches the handler', async () => {
    const h = handlers();
    const result = await dispatch('saveFile', h, options, from('app://bowtie/index.html'), ['/tmp/a.xlsx', new Uint8Array([1])]);
    expect(result).toEqual({ ok: true, value: { path: '/tmp/a.xlsx' } });
    expect(h.saveFile).toHaveBeenCalledWith('/tmp/a.xlsx', new Uint8Array([1]));
  });

  it.each([['https://evil.example/'], ['file:///tmp/x.html'], ['app://bowtie.evil/'], ['about:blank'], [null]])(
    'a call from %s is refused before its arguments are even looked at',
    async (url) => {
      const h = handlers();
      const result = await dispatch('readFile', h, options, from(url), ['/tmp/a.xlsx']);
      expect(result).toEqual({ ok: false, error: expect.stringMatching(/^Refused/) });
      expect(h.readFile).not.toHaveBeenCalled();
    },
  );

  it('bad arguments never reach the handler', async () => {
    const h = handlers();
    const result = await dispatch('saveFile', h, options, from('app://bowtie/'), ['/tmp/a.xlsx', 'not bytes']);
    expect(result.ok).toBe(false);
    expect(h.saveFile).not.toHaveBeenCalled();
  });

  it('a handler that throws gives the renderer an error value, not an exception', async () => {
    const h = handlers();
    h.appVersion = async () => { throw new Error('boom'); };
    const log = vi.fn();
    const result = await dispatch('appVersion', h, { ...options, log }, from('app://bowtie/'), []);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/went wrong/) });
    expect(log).toHaveBeenCalled();
  });

  it('registers each call on its own channel exactly once', () => {
    const channels: string[] = [];
    registerIpcHandlers({ handle: (channel) => void channels.push(channel) }, handlers(), options);
    expect(channels.sort()).toEqual(
      (['openFile', 'openActualsFile', 'readFile', 'saveFile', 'saveFileAs', 'exportPdf', 'writeRecovery', 'clearRecovery', 'takeRecovery', 'setDocumentState', 'confirmClose', 'cancelClose', 'appVersion'] as const)
        .map((m) => CHANNELS[m]).sort(),
    );
  });
});
