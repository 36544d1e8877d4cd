// The hard stop for untrusted workbooks in the app (issue #9, item 5), against
// fakes of Electron's window, web contents, MessageChannelMain and
// app.getAppMetrics: what the user would see when a reader answers, overruns,
// hoards memory or crashes, and that the next read still works.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { READER_CHANNELS } from '../../electron/reader-channels';
import fc from 'fast-check';
import { createWorkbookReaders, READER_LIMITS, readerLimitsFromEnv, readerMessages, readIdArgument, registerReaderChannels, type ProcessMetric, type ReaderClock, type WorkbookReaders } from '../../electron/workbook-reader';

type Listener = (...args: any[]) => void;

class FakeContents {
  listeners = new Map<string, Listener[]>();
  posted: unknown[][] = [];
  sent: unknown[][] = [];
  loaded: string[] = [];
  destroyed = false;
  forcefullyCrashRenderer = vi.fn(() => { this.emit('render-process-gone', {}, { reason: 'killed' }); });
  constructor(public pid: number) {}
  on(event: string, l: Listener) { this.listeners.set(event, [...(this.listeners.get(event) ?? []), l]); return this; }
  once(event: string, l: Listener) { return this.on(event, l); }
  removeListener(event: string, l: Listener) { this.listeners.set(event, (this.listeners.get(event) ?? []).filter((x) => x !== l)); return this; }
  emit(event: string, ...args: unknown[]) { for (const l of this.listeners.get(event) ?? []) l(...args); }
  async loadURL(url: string) { this.loaded.push(url); }
  postMessage(...args: unknown[]) { this.posted.push(args); }
  send(...args: unknown[]) { this.sent.push(args); }
  getOSProcessId() { return this.pid; }
  isDestroyed() { return this.destroyed; }
}

class FakeReader {
  destroyed = false;
  constructor(readonly webContents: FakeContents) {}
  destroy() { this.destroyed = true; this.webContents.destroyed = true; }
  isDestroyed() { return this.destroyed; }
}

let readers: WorkbookReaders;
let spawned: FakeReader[];
let metrics: ProcessMetric[];
let workspace: FakeContents;
let logged: string[];
let nextPid: number;
const say = readerMessages();

beforeEach(() => {
  vi.useFakeTimers();
  spawned = [];
  metrics = [];
  logged = [];
  nextPid = 200;
  workspace = new FakeContents(100);
  readers = createWorkbookReaders(fakeDeps());
});
function fakeDeps() {
  return {
    createReader: () => {
      const r = new FakeReader(new FakeContents(nextPid++));
      spawned.push(r);
      return r;
    },
    createChannel: () => ({ port1: { end: 'workspace' }, port2: { end: 'reader' } }),
    processMetrics: () => metrics,
    url: 'app://bowtie/reader.html',
    log: (m: string) => logged.push(m),
  };
}
afterEach(() => {
  vi.useRealTimers();
});

/** Start read `id` and let its reader load: the ports are handed over. */
function startRead(id: number): FakeReader {
  readers.open(workspace, id);
  const reader = spawned.at(-1)!;
  reader.webContents.emit('did-finish-load');
  return reader;
}
const stoppedMessages = () => workspace.sent.filter(([channel]) => channel === READER_CHANNELS.stopped).map(([, value]) => value);

describe('the hidden workbook reader', () => {
  it('loads only the reader page, then hands one port to the reader and the other to the workspace', () => {
    const reader = startRead(1);
    expect(reader.webContents.loaded).toEqual(['app://bowtie/reader.html']);
    expect(reader.webContents.posted).toEqual([[READER_CHANNELS.port, null, [{ end: 'reader' }]]]);
    expect(workspace.posted).toEqual([[READER_CHANNELS.port, { id: 1 }, [{ end: 'workspace' }]]]);
  });

  it('a read that answers in time: the reader is thrown away, nothing is crashed, and no deadline fires later', () => {
    const reader = startRead(1);
    vi.advanceTimersByTime(5_000);
    expect(readers.done(workspace, 1)).toBe(true);
    expect(reader.destroyed).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(reader.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(stoppedMessages()).toEqual([]);
    expect(readers.current()).toBeNull();
  });

  it('a reader that never answers has its process crashed at 15 s, and the workspace is told so', () => {
    const reader = startRead(1);
    vi.advanceTimersByTime(14_999);
    expect(reader.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(stoppedMessages()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(reader.webContents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
    expect(reader.destroyed).toBe(true);
    expect(stoppedMessages()).toEqual([{ id: 1, error: say.time }]);
    expect(say.time).toBe('Reading took longer than 15 s and was stopped. The file may be damaged or built to stall a reader.');
    // The crash it caused is not reported a second time.
    expect(stoppedMessages()).toHaveLength(1);
  });

  it('the 15 s start when the ports are handed over, not while the reader bundle loads', () => {
    readers.open(workspace, 1);
    const reader = spawned[0]!;
    vi.advanceTimersByTime(10_000);
    reader.webContents.emit('did-finish-load');
    vi.advanceTimersByTime(14_000);
    expect(reader.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(reader.webContents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
  });

  it('a reader that never loads is stopped after 30 s with its own message', () => {
    readers.open(workspace, 1);
    vi.advanceTimersByTime(30_000);
    expect(spawned[0]!.destroyed).toBe(true);
    expect(stoppedMessages()).toEqual([{ id: 1, error: expect.stringMatching(/^The reader could not start \(it did not load within 30 s\)/) }]);
  });

  it('a reader past 768 MB of working set is killed at the next 250 ms poll; the workspace using more is not the reader', () => {
    const reader = startRead(1);
    metrics = [{ pid: 100, memory: { workingSetSize: 2_000_000 } }, { pid: reader.webContents.pid, memory: { workingSetSize: 700 * 1024 } }];
    vi.advanceTimersByTime(1_000);
    expect(reader.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    metrics = [{ pid: reader.webContents.pid, memory: { workingSetSize: 769 * 1024 } }];
    vi.advanceTimersByTime(250);
    expect(reader.webContents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
    expect(stoppedMessages()).toEqual([{ id: 1, error: say.memory }]);
    expect(say.memory).toMatch(/^Reading needed more than 768 MB of memory and was stopped\./);
  });

  it('a reader whose process dies on its own (V8 out of its 512 MB heap, or a crash) is reported as such', () => {
    const first = startRead(1);
    first.webContents.emit('render-process-gone', {}, { reason: 'oom' });
    const second = startRead(2);
    second.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(stoppedMessages()).toEqual([
      { id: 1, error: expect.stringMatching(/^Reading needed more memory than the reader may use \(512 MB\)/) },
      { id: 2, error: expect.stringMatching(/^The reader stopped unexpectedly \(crashed\)/) },
    ]);
    expect(first.destroyed && second.destroyed).toBe(true);
  });

  it('after a reader was killed or crashed, the next read gets a fresh reader and works', () => {
    const killed = startRead(1);
    vi.advanceTimersByTime(15_000);
    const crashed = startRead(2);
    crashed.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    const fresh = startRead(3);
    expect(new Set([killed, crashed, fresh]).size).toBe(3);
    expect(workspace.posted.at(-1)).toEqual([READER_CHANNELS.port, { id: 3 }, [{ end: 'workspace' }]]);
    expect(readers.done(workspace, 3)).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(fresh.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(stoppedMessages().map((m) => (m as { id: number }).id)).toEqual([1, 2]);
  });

  it('a reader that landed in the workspace\'s own process is never used, and never crashed', () => {
    nextPid = 100; // the workspace's pid
    const reader = startRead(1);
    expect(reader.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(workspace.posted).toEqual([]);
    expect(reader.destroyed).toBe(true);
    expect(stoppedMessages()).toEqual([{ id: 1, error: expect.stringMatching(/^The reader could not start \(it shares a process with the workspace\)/) }]);
  });

  it('a second read stops the first; "done" for a read that is not the current one, or from another sender, changes nothing', () => {
    const first = startRead(1);
    const second = startRead(2);
    expect(first.destroyed).toBe(true);
    expect(stoppedMessages()).toEqual([{ id: 1, error: say.superseded }]);
    expect(readers.done(workspace, 1)).toBe(false);
    expect(readers.done(new FakeContents(300), 2)).toBe(false);
    expect(second.destroyed).toBe(false);
    vi.advanceTimersByTime(15_000);
    expect(second.webContents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
  });

  it('the workspace going away takes its reader with it', () => {
    const reader = startRead(1);
    workspace.destroyed = true;
    workspace.emit('destroyed');
    expect(reader.webContents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
    expect(reader.destroyed).toBe(true);
    expect(workspace.sent).toEqual([]);
  });
});

describe('the limits and the clock a test brings', () => {
  it('BOWTIE_READER_DEADLINE_MS shortens the deadline of an unpackaged app only, and only to whole milliseconds', () => {
    expect(readerLimitsFromEnv({ BOWTIE_READER_DEADLINE_MS: '3000' }, false)).toEqual({ deadlineMs: 3000 });
    expect(readerLimitsFromEnv({ BOWTIE_READER_DEADLINE_MS: '3000' }, true)).toEqual({});
    for (const bad of ['', '0', '-5', '1.5', '3e3', ' 3000', '99999999', 'soon']) expect(readerLimitsFromEnv({ BOWTIE_READER_DEADLINE_MS: bad }, false), bad).toEqual({});
    expect(readerLimitsFromEnv({}, false)).toEqual({});
  });

  it('a shorter deadline stops the read when it passes and says so in its own number of seconds', () => {
    readers = createWorkbookReaders({ ...fakeDeps(), limits: { deadlineMs: 2_000 } });
    const reader = startRead(1);
    vi.advanceTimersByTime(1_999);
    expect(stoppedMessages()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(reader.webContents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
    expect(stoppedMessages()).toEqual([{ id: 1, error: 'Reading took longer than 2 s and was stopped. The file may be damaged or built to stall a reader.' }]);
  });

  it('limits given as a function are asked again at each read: a read keeps the ones it started with', () => {
    let deadlineMs = 2_000;
    readers = createWorkbookReaders({ ...fakeDeps(), limits: () => ({ deadlineMs }) });
    startRead(1);
    deadlineMs = 60_000;
    vi.advanceTimersByTime(2_000);
    expect(stoppedMessages()).toEqual([{ id: 1, error: readerMessages({ ...READER_LIMITS, deadlineMs: 2_000 }).time }]);
    const next = startRead(2);
    vi.advanceTimersByTime(59_999);
    expect(next.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(stoppedMessages()).toHaveLength(2);
  });

  it('an injected clock runs every limit: nothing is set on the real timers, and firing its deadline stops the read', () => {
    const pending = new Map<number, { callback: () => void; ms: number }>();
    let next = 0;
    const clock: ReaderClock = {
      setTimeout: (callback, ms) => { pending.set(++next, { callback, ms }); return next; },
      clearTimeout: (handle) => { pending.delete(handle as number); },
      setInterval: (callback, ms) => { pending.set(++next, { callback, ms }); return next; },
      clearInterval: (handle) => { pending.delete(handle as number); },
    };
    readers = createWorkbookReaders({ ...fakeDeps(), clock });
    const reader = startRead(1);
    expect(vi.getTimerCount()).toBe(0);
    expect([...pending.values()].map((t) => t.ms).sort((a, b) => a - b)).toEqual([250, 15_000]); // the memory poll and the deadline; the start limit is cleared
    [...pending.values()].find((t) => t.ms === 15_000)!.callback();
    expect(reader.webContents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
    expect(stoppedMessages()).toEqual([{ id: 1, error: say.time }]);
    expect(pending.size).toBe(0);
  });
});

describe('what the workspace may send', () => {
  it('a read id is one positive safe integer', () => {
    expect(readIdArgument([7])).toBe(7);
    for (const bad of [[], [0], [-1], [1.5], ['1'], [2 ** 53], [1, 2], [null], [{ id: 1 }]]) expect(readIdArgument(bad)).toBeNull();
  });
});

describe('a hostile page on the reader channels', () => {
  it('whatever it sends, from wherever, in any order: nothing throws, at most one reader lives, only the workspace starts one, and none outlives stopAll', () => {
    const listeners = new Map<string, Listener>();
    registerReaderChannels({ on: (channel, l) => listeners.set(channel, l) }, readers, {
      isWorkspace: (sender) => sender === workspace,
      isTrustedUrl: (url) => url.startsWith('app://bowtie/'),
      log: () => undefined,
    });
    const stranger = new FakeContents(999);
    const arg = fc.oneof(fc.integer({ min: -3, max: 5 }), fc.double(), fc.string(), fc.constant(null), fc.constant(2 ** 53), fc.object());
    const message = fc.record({
      channel: fc.constantFrom(READER_CHANNELS.open, READER_CHANNELS.done),
      fromWorkspace: fc.boolean(),
      url: fc.constantFrom('app://bowtie/index.html', 'app://bowtie/reader.html', 'https://evil.example/', ''),
      args: fc.array(arg, { maxLength: 3 }),
      load: fc.boolean(),
      wait: fc.constantFrom(0, 250, 15_000),
    });
    fc.assert(fc.property(fc.array(message, { maxLength: 25 }), (messages) => {
      const before = spawned.length;
      for (const m of messages) {
        listeners.get(m.channel)!({ sender: m.fromWorkspace ? workspace : stranger, senderFrame: { url: m.url } }, ...m.args);
        if (m.load) spawned.at(-1)?.webContents.emit('did-finish-load');
        vi.advanceTimersByTime(m.wait);
        expect(spawned.filter((r) => !r.destroyed).length).toBeLessThanOrEqual(1);
      }
      const legit = messages.filter((m) => m.channel === READER_CHANNELS.open && m.fromWorkspace && m.url.startsWith('app://bowtie/') && readIdArgument(m.args) !== null).length;
      expect(spawned.length - before).toBe(legit);
      expect(stranger.sent).toEqual([]);
      readers.stopAll();
      expect(spawned.every((r) => r.destroyed)).toBe(true);
    }));
  });
});
