// The preload runs against a fake `electron`: what it exposes, on which
// channels it calls, and that the page never sees an IpcRendererEvent.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '@shared/desktop-api';
import { CHANNELS } from '../../electron/channels';

const fake = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, value?: unknown) => void>>();
  return {
    exposed: new Map<string, unknown>(),
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null })),
    listeners,
    emit(channel: string, value?: unknown) {
      for (const l of listeners.get(channel) ?? []) l({ sender: 'the IpcRendererEvent' }, value);
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api) },
  ipcRenderer: {
    invoke: fake.invoke,
    on: (channel: string, l: (event: unknown, value?: unknown) => void) => {
      if (!fake.listeners.has(channel)) fake.listeners.set(channel, new Set());
      fake.listeners.get(channel)!.add(l);
    },
    removeListener: (channel: string, l: (event: unknown, value?: unknown) => void) => fake.listeners.get(channel)?.delete(l),
  },
}));

let api: DesktopApi;
beforeEach(async () => {
  vi.resetModules();
  fake.exposed.clear();
  fake.listeners.clear();
  fake.invoke.mockClear();
  await import('../../electron/preload');
  api = fake.exposed.get('bowtie') as DesktopApi;
});

describe('the preload bridge', () => {
  it('exposes window.bowtie, with the DesktopApi methods and nothing else, and window.bowtieReader with read alone', () => {
    expect([...fake.exposed.keys()]).toEqual(['bowtie', 'bowtieReader']);
    expect(Object.keys(fake.exposed.get('bowtieReader') as object)).toEqual(['read']);
    expect(Object.keys(api).sort()).toEqual([
      'appVersion', 'cancelClose', 'clearRecovery', 'confirmClose', 'exportPdf', 'onCloseRequest', 'onMenuCommand', 'onOpenPath',
      'openActualsFile', 'openFile', 'readFile', 'saveFile', 'saveFileAs', 'setDocumentState', 'takeRecovery', 'writeRecovery',
    ]);
  });

  it('calls go out on their registered channels with only the expected fields', async () => {
    const bytes = new Uint8Array([1, 2]);
    await api.saveFile('/tmp/a.xlsx', bytes);
    expect(fake.invoke).toHaveBeenLastCalledWith(CHANNELS.saveFile, '/tmp/a.xlsx', bytes);
    await api.setDocumentState({ name: 'Q3.xlsx', dirty: true, extra: 'ignored' } as never);
    expect(fake.invoke).toHaveBeenLastCalledWith(CHANNELS.setDocumentState, { name: 'Q3.xlsx', dirty: true });
  });

  it('menu listeners get the command only, never the IPC event, and can unsubscribe', () => {
    const seen: unknown[][] = [];
    const off = api.onMenuCommand((...args: unknown[]) => seen.push(args));
    fake.emit(CHANNELS.menuCommand, 'file/save');
    fake.emit(CHANNELS.menuCommand, 'rm -rf /'); // not a MenuCommand: dropped
    off();
    fake.emit(CHANNELS.menuCommand, 'file/open');
    expect(seen).toEqual([['file/save']]);
  });

  it('files the OS hands over before the renderer subscribes are kept for it', () => {
    fake.emit(CHANNELS.openPath, '/Users/ana/Q3.xlsx');
    const seen: string[] = [];
    api.onOpenPath((p) => seen.push(p));
    fake.emit(CHANNELS.openPath, '/Users/ana/Q4.xlsx');
    expect(seen).toEqual(['/Users/ana/Q3.xlsx', '/Users/ana/Q4.xlsx']);
  });

  it('close requests reach the listener with no arguments', () => {
    const listener = vi.fn();
    api.onCloseRequest(listener);
    fake.emit(CHANNELS.closeRequest);
    expect(listener).toHaveBeenCalledWith();
  });
});
