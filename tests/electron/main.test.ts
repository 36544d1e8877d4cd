// main.ts against a fake `electron`: the wiring between the modules, which the
// other tests cover one by one. The real binary cannot run here.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../electron/channels';
import { READER_CHANNELS } from '../../electron/reader-channels';

type Listener = (...args: any[]) => any;

const fake = vi.hoisted(() => {
  const state = {
    appListeners: new Map<string, Listener[]>(),
    readyResolve: null as null | (() => void),
    ready: false,
    lock: true,
    userData: '',
    quit: vi.fn(),
    privileged: vi.fn(),
    protocolHandle: vi.fn(),
    ipcHandlers: new Map<string, Listener>(),
    windows: [] as any[],
    menu: null as any,
    permissionRequest: null as null | Listener,
    messageBoxResponse: 2,
    setPath: vi.fn(),
    switches: [] as string[][],
    ipcListeners: new Map<string, Listener>(),
    partitions: new Map<string, any>(),
    nextPid: 100,
    /** settings.json reads and writes main started and that have not finished */
    settingsRunning: new Set<Promise<unknown>>(),
  };
  return state;
});

// The settings store as main makes it, with each of its calls counted until it
// settles: a test must not end with one still running (afterEach checks).
vi.mock('../../electron/settings', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/settings')>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    fake.settingsRunning.add(p);
    void p.finally(() => fake.settingsRunning.delete(p)).catch(() => undefined);
    return p;
  };
  return {
    ...real,
    createSettingsStore: (deps: Parameters<typeof real.createSettingsStore>[0]) => {
      const store = real.createSettingsStore(deps);
      return {
        ...store,
        load: () => track(store.load()),
        addRecentFile: (file: string) => track(store.addRecentFile(file)),
        clearRecentFiles: () => track(store.clearRecentFiles()),
        setRecentFiles: (files: string[]) => track(store.setRecentFiles(files)),
      };
    },
  };
});

vi.mock('electron', () => {
  class FakeWebContents {
    sent: unknown[][] = [];
    listeners = new Map<string, Listener>();
    posted: unknown[][] = [];
    pid = fake.nextPid++;
    loadedUrl = '';
    async loadURL(url: string) { this.loadedUrl = url; }
    send(...args: unknown[]) { this.sent.push(args); }
    postMessage(...args: unknown[]) { this.posted.push(args); }
    on(event: string, l: Listener) { this.listeners.set(event, l); return this; }
    once(event: string, l: Listener) { return this.on(event, l); }
    removeListener() { return this; }
    isDestroyed() { return false; }
    getOSProcessId() { return this.pid; }
    forcefullyCrashRenderer = vi.fn();
    setWindowOpenHandler() {}
    printToPDF = vi.fn(async () => Buffer.from('%PDF'));
  }
  class BrowserWindow {
    static getFocusedWindow = () => fake.windows.at(-1) ?? null;
    static getAllWindows = () => fake.windows;
    webContents = new FakeWebContents();
    listeners = new Map<string, Listener[]>();
    destroyed = false;
    title = '';
    loadedUrl = '';
    constructor(readonly options: any) { fake.windows.push(this); }
    on(event: string, l: Listener) { this.listeners.set(event, [...(this.listeners.get(event) ?? []), l]); return this; }
    once(event: string, l: Listener) { return this.on(event, l); }
    emit(event: string, ...args: unknown[]) { for (const l of this.listeners.get(event) ?? []) l(...args); }
    async loadURL(url: string) { this.loadedUrl = url; }
    setTitle(t: string) { this.title = t; }
    setDocumentEdited() {}
    isDestroyed() { return this.destroyed; }
    destroy() { this.destroyed = true; }
    isMinimized() { return false; }
    restore() {}
    focus() {}
    show() {}
    close() {
      let prevented = false;
      this.emit('close', { preventDefault: () => { prevented = true; } });
      if (!prevented) { this.destroyed = true; this.emit('closed'); }
    }
  }
  const app = {
    isPackaged: false,
    name: 'Bowtie',
    getVersion: () => '0.1.0',
    getAppPath: () => '/app',
    getPath: (name: string) => (name === 'userData' ? fake.userData : '/home/ana/Documents'),
    setPath: fake.setPath,
    requestSingleInstanceLock: () => fake.lock,
    quit: fake.quit,
    isReady: () => fake.ready,
    whenReady: () => new Promise<void>((resolve) => { fake.readyResolve = () => { fake.ready = true; resolve(); }; }),
    on: (event: string, l: Listener) => fake.appListeners.set(event, [...(fake.appListeners.get(event) ?? []), l]),
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
    commandLine: { appendSwitch: (...args: string[]) => fake.switches.push(args) },
    getAppMetrics: () => [],
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (h: Listener) => { fake.permissionRequest = h; },
      setPermissionCheckHandler: () => {},
      setDevicePermissionHandler: () => {},
      webRequest: { onBeforeRequest: () => {} },
    },
    fromPartition: (name: string) => {
      if (!fake.partitions.has(name)) {
        fake.partitions.set(name, {
          permissionRequest: null as null | Listener,
          setPermissionRequestHandler(h: Listener) { this.permissionRequest = h; },
          setPermissionCheckHandler: () => {},
          setDevicePermissionHandler: () => {},
          webRequest: { onBeforeRequest: () => {} },
          protocol: { handle: vi.fn() },
        });
      }
      return fake.partitions.get(name);
    },
  };
  class MessageChannelMain {
    port1 = { name: 'port1' };
    port2 = { name: 'port2' };
  }
  return {
    app,
    BrowserWindow,
    session,
    MessageChannelMain,
    protocol: { registerSchemesAsPrivileged: fake.privileged, handle: fake.protocolHandle },
    ipcMain: {
      handle: (channel: string, l: Listener) => fake.ipcHandlers.set(channel, l),
      on: (channel: string, l: Listener) => fake.ipcListeners.set(channel, l),
    },
    Menu: {
      buildFromTemplate: (t: unknown) => t,
      setApplicationMenu: (m: unknown) => { fake.menu = m; },
    },
    dialog: {
      showMessageBox: vi.fn(async () => ({ response: fake.messageBoxResponse })),
      showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })),
      showSaveDialog: vi.fn(async () => ({ canceled: true })),
    },
  };
});

const emitApp = (event: string, ...args: unknown[]) => (fake.appListeners.get(event) ?? []).forEach((l) => l(...args));
/** Lets every callback already queued run (a macrotask turn); no clock involved. */
const flush = () => new Promise((resolve) => setImmediate(resolve));
/** Waits for the settings writes main started (a file used joins the recent list in the background). */
const settingsWritten = async () => {
  while (fake.settingsRunning.size > 0) await Promise.allSettled([...fake.settingsRunning]);
};
const fromApp = { senderFrame: { url: 'app://bowtie/index.html' } };

let dir: string;
let argv: string[];
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'bowtie-main-'));
  fake.userData = dir;
  fake.appListeners.clear();
  fake.ipcHandlers.clear();
  fake.ipcListeners.clear();
  fake.partitions.clear();
  fake.switches.length = 0;
  fake.windows.length = 0;
  fake.ready = false;
  fake.lock = true;
  fake.menu = null;
  fake.quit.mockClear();
  fake.privileged.mockClear();
  fake.protocolHandle.mockClear();
  argv = process.argv;
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.resetModules();
});
afterEach(async () => {
  process.argv = argv;
  vi.restoreAllMocks();
  // Nothing the test started may outlive it: a settings write landing after the
  // test would race the next one (and the folder's removal below).
  const running = fake.settingsRunning.size;
  await settingsWritten();
  await rm(dir, { recursive: true, force: true });
  expect(running, 'settings reads or writes still running when the test ended').toBe(0);
});

async function start(args: string[] = []) {
  process.argv = ['/x/electron', '.', ...args];
  await import('../../electron/main');
  fake.readyResolve!();
  // Wait for the window and its menu rather than a fixed delay: the machine is shared and slow.
  await vi.waitFor(() => { if (!fake.windows[0] || !fake.menu) throw new Error('window not ready'); });
  await flush();
  const win = fake.windows[0];
  return { win };
}

describe('main process wiring', () => {
  it('a second launch quits at once and touches nothing', async () => {
    fake.lock = false;
    await import('../../electron/main');
    expect(fake.quit).toHaveBeenCalled();
    expect(fake.appListeners.has('second-instance')).toBe(false);
  });

  it('registers app:// as a privileged scheme before ready, then serves it and opens the hardened window on it', async () => {
    process.argv = ['/x/electron', '.'];
    await import('../../electron/main');
    expect(fake.privileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(fake.windows).toHaveLength(0);
    fake.readyResolve!();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    expect(fake.protocolHandle).toHaveBeenCalledWith('app', expect.any(Function));
    const win = fake.windows[0];
    expect(win.loadedUrl).toBe('app://bowtie/index.html');
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: path.join('/app', 'dist-electron', 'preload.cjs') });
  });

  it('every DesktopApi call has a handler, and calls from elsewhere are refused', async () => {
    await start();
    const invokeChannels = Object.entries(CHANNELS).filter(([k]) => !['menuCommand', 'openPath', 'closeRequest'].includes(k)).map(([, c]) => c);
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(invokeChannels.sort());
    const version = fake.ipcHandlers.get(CHANNELS.appVersion)!;
    expect(await version(fromApp)).toEqual({ ok: true, value: '0.1.0' });
    expect((await version({ senderFrame: { url: 'https://evil.example/' } })).ok).toBe(false);
  });

  it('caps every renderer\'s V8 heap at 512 MB before ready', async () => {
    process.argv = ['/x/electron', '.'];
    await import('../../electron/main');
    expect(fake.switches).toContainEqual(['js-flags', '--max-old-space-size=512']);
  });

  it('a workbook read from the window starts a hidden, sandboxed reader in its own hardened partition; the reader gets one port, the window the other', async () => {
    const { win } = await start();
    const reader = fake.partitions.get('bowtie-reader');
    expect(reader.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const granted = vi.fn();
    reader.permissionRequest({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);

    fake.ipcListeners.get(READER_CHANNELS.open)!({ sender: win.webContents, senderFrame: { url: 'app://bowtie/index.html' } }, 1);
    expect(fake.windows).toHaveLength(2);
    const hidden = fake.windows[1];
    expect(hidden.options).toMatchObject({ show: false, webPreferences: { partition: 'bowtie-reader', sandbox: true, contextIsolation: true, nodeIntegration: false, preload: path.join('/app', 'dist-electron', 'reader-preload.cjs') } });
    expect(hidden.webContents.loadedUrl).toBe('app://bowtie/reader.html');
    hidden.webContents.listeners.get('did-finish-load')!();
    expect(hidden.webContents.posted).toEqual([[READER_CHANNELS.port, null, [{ name: 'port2' }]]]);
    expect(win.webContents.posted).toEqual([[READER_CHANNELS.port, { id: 1 }, [{ name: 'port1' }]]]);
    fake.ipcListeners.get(READER_CHANNELS.done)!({ sender: win.webContents, senderFrame: { url: 'app://bowtie/index.html' } }, 1);
    expect(hidden.destroyed).toBe(true);
  });

  it('only the window may start a reader: the reader itself, another page or a bad id start nothing', async () => {
    const { win } = await start();
    const open = fake.ipcListeners.get(READER_CHANNELS.open)!;
    open({ sender: win.webContents, senderFrame: { url: 'https://evil.example/' } }, 1);
    open({ sender: { other: true }, senderFrame: { url: 'app://bowtie/reader.html' } }, 1);
    open({ sender: win.webContents, senderFrame: { url: 'app://bowtie/index.html' } }, '1');
    open({ sender: win.webContents, senderFrame: { url: 'app://bowtie/index.html' } }, 1, 2);
    expect(fake.windows).toHaveLength(1);
  });

  it('denies permission requests on the default session', async () => {
    await start();
    const granted = vi.fn();
    fake.permissionRequest!({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
  });

  it('a file on the command line reaches the page after it loads, and may then be read', async () => {
    const file = path.join(dir, 'Q3.xlsx');
    await writeFile(file, 'PK');
    const { win } = await start([file]);
    expect(win.webContents.sent).toEqual([]);
    win.webContents.listeners.get('did-finish-load')!();
    expect(win.webContents.sent).toContainEqual([CHANNELS.openPath, file]);
    const read = await fake.ipcHandlers.get(CHANNELS.readFile)!(fromApp, file);
    expect(read.ok).toBe(true);
    // A file read joins the recent list: written in the background, awaited here.
    await settingsWritten();
    expect(JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8')).recentFiles).toEqual([file]);
  });

  it('the recent list is checked again at launch: only entries that are still workbooks are granted, and the list is cleaned', async () => {
    const userData = path.join(dir, 'userData');
    fake.userData = userData;
    const plan = path.join(dir, 'Q3.xlsx');
    await writeFile(plan, 'PK');
    await mkdir(path.join(userData, 'recovery'), { recursive: true });
    const planted = path.join(userData, 'recovery', 'recovery-1.xlsx'); // in the app's own folder: never a document
    await writeFile(planted, 'PK');
    const missing = path.join(dir, 'gone.xlsx');
    const settings = path.join(userData, 'settings.json');
    await writeFile(settings, JSON.stringify({ recentFiles: [plan, planted, missing, '\\\\.\\pipe\\x.xlsx'] }));
    await start();
    expect((await fake.ipcHandlers.get(CHANNELS.readFile)!(fromApp, plan)).ok).toBe(true);
    expect((await fake.ipcHandlers.get(CHANNELS.readFile)!(fromApp, planted)).ok).toBe(false);
    await settingsWritten();
    expect(JSON.parse(await readFile(settings, 'utf8')).recentFiles).toEqual([plan]);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('dropped from the recent list'));
  });

  it('a second launch with a workbook hands it to the running window', async () => {
    const { win } = await start();
    win.webContents.listeners.get('did-finish-load')!();
    emitApp('second-instance', {}, ['/x/bowtie', 'Q4.xlsx'], dir);
    expect(win.webContents.sent).toContainEqual([CHANNELS.openPath, path.join(dir, 'Q4.xlsx')]);
    expect(fake.windows).toHaveLength(1);
  });

  it('menu items reach the page as MenuCommands', async () => {
    const { win } = await start();
    win.webContents.listeners.get('did-finish-load')!();
    const file = fake.menu.find((m: any) => m.label === 'File');
    file.submenu.find((i: any) => i.label === 'Save').click();
    await vi.waitFor(() => expect(win.webContents.sent).toContainEqual([CHANNELS.menuCommand, 'file/save']));
  });

  it('the title follows the document, and quitting with unsaved changes asks first; Cancel keeps it open', async () => {
    const { win } = await start();
    await fake.ipcHandlers.get(CHANNELS.setDocumentState)!(fromApp, { name: 'Q3.xlsx', dirty: true });
    expect(win.title).toMatch(/Q3\.xlsx/);
    fake.messageBoxResponse = 2;
    emitApp('before-quit');
    win.close();
    await flush();
    expect(win.destroyed).toBe(false);
    const { dialog } = await import('electron');
    expect(dialog.showMessageBox).toHaveBeenCalled();
  });

  it('Don’t Save closes the window and removes the recovery copy', async () => {
    const { win } = await start();
    await fake.ipcHandlers.get(CHANNELS.writeRecovery)!(fromApp, { path: null, bytes: new Uint8Array([1, 2]) });
    await fake.ipcHandlers.get(CHANNELS.setDocumentState)!(fromApp, { name: 'Q3.xlsx', dirty: true });
    fake.messageBoxResponse = 1;
    win.close();
    await vi.waitFor(() => expect(win.destroyed).toBe(true));
    expect(await fake.ipcHandlers.get(CHANNELS.takeRecovery)!(fromApp)).toEqual({ ok: true, value: null });
  });
});
