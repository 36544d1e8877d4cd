// The hard stop for reading untrusted workbooks in the app (issue #9, item 5;
// docs/workbook.md "The app"). Each read gets a fresh hidden reader renderer:
// sandboxed, its own session partition and so its own process, loading only the
// reader bundle. Main creates a MessageChannel and hands one end to the
// workspace and one to the reader; the bytes and the answer go between the two
// renderers directly, so main never holds or deserialises anything the reader
// produced. Main keeps the clock and the process: 15 s after the hand-over, or
// as soon as the reader's working set passes 768 MB, it crashes the reader's
// process (a Web Worker's terminate() cannot stop V8 inside a builtin; a dead
// process is gone at once) and tells the workspace why. A reader that crashed
// or was killed is thrown away: the next read starts a new one.
//
// Electron is injected (createReader, createChannel, processMetrics), and so are
// the limits and the clock, so this module runs under vitest with fakes
// (tests/electron/workbook-reader.test.ts) and the Playwright specs fire the
// deadline themselves instead of waiting 15 s for it (tests/e2e-electron).
import { READER_CHANNELS } from './reader-channels';

export const READER_LIMITS = {
  /** from the hand-over of the ports to the answer */
  deadlineMs: 15_000,
  /** loading the reader bundle, before the deadline starts (ExcelJS is in it) */
  startMs: 30_000,
  /** the reader process's working set (heap, inflated entries, code) */
  memoryMb: 768,
  /** how often the working set is read (app.getAppMetrics) */
  pollMs: 250,
  /** V8's old generation in every renderer: app.commandLine js-flags, set in main.ts */
  heapMb: 512,
};
export type ReaderLimits = typeof READER_LIMITS;

/**
 * The deadline a test of the real app asks for (BOWTIE_READER_DEADLINE_MS in
 * main's environment, whole milliseconds, read at each read), so that it need
 * not wait 15 s. Only unpackaged, as BOWTIE_USER_DATA_DIR: a shipped app always
 * keeps READER_LIMITS.
 */
export function readerLimitsFromEnv(env: Record<string, string | undefined>, isPackaged: boolean): Partial<ReaderLimits> {
  const asked = env.BOWTIE_READER_DEADLINE_MS;
  if (isPackaged || asked === undefined || !/^[1-9]\d{0,6}$/.test(asked)) return {};
  return { deadlineMs: Number(asked) };
}

/** The timers the read's limits run on: the real ones unless a test brings its own. */
export interface ReaderClock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}
const realClock: ReaderClock = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

/**
 * The sentences the workspace shows under "FILE could not be opened" (whose
 * intro already says that the current model is unchanged).
 */
export const readerMessages = (limits: ReaderLimits = READER_LIMITS) => ({
  time: `Reading took longer than ${limits.deadlineMs / 1000} s and was stopped. The file may be damaged or built to stall a reader.`,
  memory: `Reading needed more than ${limits.memoryMb} MB of memory and was stopped. The file may be damaged or built to exhaust memory.`,
  heap: `Reading needed more memory than the reader may use (${limits.heapMb} MB) and was stopped. The file may be damaged or built to exhaust memory.`,
  crashed: (reason: string) => `The reader stopped unexpectedly (${reason}) while reading the file.`,
  notStarted: (why: string) => `The reader could not start (${why}). Try again, or restart Bowtie.`,
  superseded: 'Another file was opened before this one was read.',
});

/** The hidden reader: a window that is never shown, and its web contents. */
export interface ReaderHost {
  webContents: ReaderContents;
  destroy(): void;
  isDestroyed(): boolean;
}
export interface ReaderContents {
  loadURL(url: string): Promise<void>;
  postMessage(channel: string, message: unknown, transfer?: unknown[]): void;
  getOSProcessId(): number;
  forcefullyCrashRenderer(): void;
  on(event: 'did-finish-load', listener: () => void): unknown;
  on(event: 'did-fail-load', listener: (event: unknown, code: number, description: string) => void): unknown;
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
}
/** The workspace's web contents, as the reader needs it. */
export interface WorkspaceContents {
  postMessage(channel: string, message: unknown, transfer?: unknown[]): void;
  send(channel: string, ...args: unknown[]): void;
  getOSProcessId(): number;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
  removeListener(event: 'destroyed', listener: () => void): unknown;
}
export interface ProcessMetric {
  pid: number;
  /** kilobytes, as app.getAppMetrics() reports them */
  memory: { workingSetSize: number };
}

export interface ReaderDeps {
  createReader(): ReaderHost;
  createChannel(): { port1: unknown; port2: unknown };
  processMetrics(): ProcessMetric[];
  /** app://bowtie/reader.html */
  url: string;
  log(message: string): void;
  /** over READER_LIMITS; a function is asked again at each read (main's reads the environment, readerLimitsFromEnv) */
  limits?: Partial<ReaderLimits> | (() => Partial<ReaderLimits>);
  clock?: ReaderClock;
}

interface Read {
  id: number;
  workspace: WorkspaceContents;
  reader: ReaderHost | null;
  /** 'stopping': main is killing it, so the crash that follows is ours, not news */
  phase: 'starting' | 'reading' | 'stopping' | 'ended';
  pid: number;
  /** this read's limits, and the sentences that name them */
  limits: ReaderLimits;
  say: ReturnType<typeof readerMessages>;
  timers: unknown[];
  poll?: unknown;
  /** the workspace went away mid-read: the reader goes with it */
  onWorkspaceGone: () => void;
}

export interface WorkbookReaders {
  /** The workspace asks for read `id`; a read already running is stopped first. */
  open(workspace: WorkspaceContents, id: number): void;
  /** The workspace has read `id`'s answer: the reader goes. Anything else is ignored. */
  done(workspace: WorkspaceContents, id: number): boolean;
  /** The window went or the app quits: no reader outlives it. */
  stopAll(): void;
  /** the reader process of the read in progress, for tests and logs */
  current(): { id: number; phase: Read['phase']; pid: number } | null;
}

export function createWorkbookReaders(deps: ReaderDeps): WorkbookReaders {
  const clock = deps.clock ?? realClock;
  const limitsNow = (): ReaderLimits => ({ ...READER_LIMITS, ...(typeof deps.limits === 'function' ? deps.limits() : deps.limits) });
  const superseded = readerMessages().superseded;
  let current: Read | null = null;

  /** The read ends: timers off, the reader destroyed, and the workspace told why if it did not get an answer. */
  function end(read: Read, message: string | null): void {
    if (read.phase === 'ended') return;
    read.phase = 'ended';
    for (const t of read.timers) clock.clearTimeout(t);
    if (read.poll !== undefined) clock.clearInterval(read.poll);
    read.workspace.removeListener('destroyed', read.onWorkspaceGone);
    if (current === read) current = null;
    if (read.reader && !read.reader.isDestroyed()) read.reader.destroy();
    if (message !== null && !read.workspace.isDestroyed()) read.workspace.send(READER_CHANNELS.stopped, { id: read.id, error: message });
  }

  /** The hard stop: the process dies at once, whatever V8 is doing in it. */
  function kill(read: Read, message: string, why: string): void {
    if (read.phase === 'ended' || read.phase === 'stopping') return;
    read.phase = 'stopping';
    deps.log(`stopping the workbook reader (pid ${read.pid}): ${why}`);
    const reader = read.reader;
    if (reader && !reader.isDestroyed()) {
      // Never crash a process the workspace lives in (handOver refuses to start then; this is the second lock).
      if (read.pid > 0 && read.pid !== read.workspace.getOSProcessId()) reader.webContents.forcefullyCrashRenderer();
    }
    end(read, message);
  }

  function handOver(read: Read): void {
    if (read !== current || read.phase !== 'starting' || !read.reader) return;
    const pid = read.reader.webContents.getOSProcessId();
    if (!(pid > 0) || (!read.workspace.isDestroyed() && pid === read.workspace.getOSProcessId())) {
      deps.log(`the workbook reader is not in a process of its own (pid ${pid}); not reading there`);
      end(read, read.say.notStarted('it shares a process with the workspace'));
      return;
    }
    if (read.workspace.isDestroyed()) {
      end(read, null);
      return;
    }
    read.pid = pid;
    read.phase = 'reading';
    for (const t of read.timers.splice(0)) clock.clearTimeout(t);
    const { port1, port2 } = deps.createChannel();
    read.reader.webContents.postMessage(READER_CHANNELS.port, null, [port2]);
    read.workspace.postMessage(READER_CHANNELS.port, { id: read.id }, [port1]);
    read.timers.push(clock.setTimeout(() => kill(read, read.say.time, `no answer ${read.limits.deadlineMs / 1000} s after the hand-over`), read.limits.deadlineMs));
    read.poll = clock.setInterval(() => {
      const metric = deps.processMetrics().find((m) => m.pid === read.pid);
      const mb = metric ? metric.memory.workingSetSize / 1024 : 0;
      if (mb > read.limits.memoryMb) kill(read, read.say.memory, `working set ${Math.round(mb)} MB, over ${read.limits.memoryMb} MB`);
    }, read.limits.pollMs);
  }

  function open(workspace: WorkspaceContents, id: number): void {
    if (current) end(current, superseded);
    const limits = limitsNow();
    const read: Read = { id, workspace, reader: null, phase: 'starting', pid: 0, limits, say: readerMessages(limits), timers: [], onWorkspaceGone: () => kill(read, superseded, 'the workspace went away') };
    current = read;
    workspace.once('destroyed', read.onWorkspaceGone);
    try {
      read.reader = deps.createReader();
    } catch (error) {
      deps.log(`the workbook reader could not be created: ${String(error)}`);
      end(read, read.say.notStarted('it could not be created'));
      return;
    }
    const contents = read.reader.webContents;
    contents.on('render-process-gone', (_event, details) => {
      if (read.phase === 'ended' || read.phase === 'stopping') return; // we killed it
      deps.log(`the workbook reader's process is gone: ${details.reason}`);
      end(read, details.reason === 'oom' ? read.say.heap : read.say.crashed(details.reason));
    });
    contents.on('did-fail-load', (_event, code, description) => {
      if (read.phase !== 'starting') return;
      end(read, read.say.notStarted(`${description || 'load failed'} ${code}`.trim()));
    });
    contents.on('did-finish-load', () => handOver(read));
    read.timers.push(clock.setTimeout(() => kill(read, read.say.notStarted(`it did not load within ${read.limits.startMs / 1000} s`), 'did not load'), read.limits.startMs));
    contents.loadURL(deps.url).catch(() => undefined); // a failure arrives as did-fail-load
  }

  return {
    open,
    done(workspace, id) {
      const read = current;
      if (!read || read.workspace !== workspace || read.id !== id || read.phase !== 'reading') return false;
      end(read, null);
      return true;
    },
    stopAll() {
      if (current) kill(current, superseded, 'the window closed');
    },
    current: () => (current ? { id: current.id, phase: current.phase, pid: current.pid } : null),
  };
}

/** A read id as the workspace sends it: a positive safe integer, alone. */
export function readIdArgument(args: unknown[]): number | null {
  if (args.length !== 1) return null;
  const [id] = args;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
}

export interface ReaderIpcMain {
  on(channel: string, listener: (event: ReaderIpcEvent, ...args: unknown[]) => void): unknown;
}
export interface ReaderIpcEvent {
  sender: WorkspaceContents;
  senderFrame?: { url: string } | null;
}

/**
 * `reader/open` and `reader/done`, from the workspace only: the sender must be
 * the workspace's web contents on an app:// frame (a reader renderer is app://
 * too, and a compromised one must not start readers), with one id argument.
 */
export function registerReaderChannels(
  ipcMain: ReaderIpcMain,
  readers: WorkbookReaders,
  trust: { isWorkspace(sender: WorkspaceContents): boolean; isTrustedUrl(url: string): boolean; log(message: string): void },
): void {
  const accept = (channel: string, event: ReaderIpcEvent, args: unknown[]): number | null => {
    const url = event.senderFrame?.url ?? '';
    if (!trust.isWorkspace(event.sender) || !trust.isTrustedUrl(url)) {
      trust.log(`refused ${channel} from ${JSON.stringify(url.slice(0, 200))}: not the workspace`);
      return null;
    }
    const id = readIdArgument(args);
    if (id === null) trust.log(`refused ${channel}: the argument must be one read id`);
    return id;
  };
  ipcMain.on(READER_CHANNELS.open, (event, ...args) => {
    const id = accept(READER_CHANNELS.open, event, args);
    if (id !== null) readers.open(event.sender, id);
  });
  ipcMain.on(READER_CHANNELS.done, (event, ...args) => {
    const id = accept(READER_CHANNELS.done, event, args);
    if (id !== null) readers.done(event.sender, id);
  });
}
