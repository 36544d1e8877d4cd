// The hidden reader without Electron: the built reader page (reader.html),
// served as app:// serves it (same handler, same CSP header), in Chromium, each
// reader in a browser context of its own (its own renderer process, as the
// reader's own session partition is in Electron), driven by the real lifecycle
// module (electron/workbook-reader.ts). The Electron calls are stood in for by
// their Chromium equivalents: forcefullyCrashRenderer by the DevTools
// Protocol's Page.crash, which also ends the renderer process. Shows that the
// reader page reads over its port under the CSP, and that a reader stuck
// inside a V8 builtin (what terminate() could not stop, tests/e2e/worker-terminate.spec.ts)
// is really gone at the deadline, and the next read works.
import { expect, test, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { READER_PORT_MESSAGE } from '../../shared/desktop-api';
import { defaultInputs } from '../../shared/index';
import { writeWorkbook } from '../../shared/workbook/index';
import { READER_CHANNELS } from '../../electron/reader-channels';
import { createWorkbookReaders, readerMessages, type ReaderHost, type WorkspaceContents } from '../../electron/workbook-reader';
import { hostileCases } from '../shared/workbook/hostile-files';
import { bridgeLaunchOptions, bridgeMissing as missing, serveRenderer } from './bridge-harness';

if (missing) console.log(`skipped: ${missing}`);
test.use({ launchOptions: bridgeLaunchOptions });

const STALL = () => { const a: number[] = []; a[4294967293] = 1; a.forEach(() => undefined); };

async function rendererPids(browser: Browser): Promise<number[]> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await cdp.detach();
  return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}
/** CPU ticks a process has used (all its threads). */
const ticks = (pid: number) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch { return 0; }
};
/** Of `pids`, the one that used the most CPU over a second: a reader stuck in a builtin uses a whole core. */
async function busiest(pids: number[]): Promise<{ pid: number; ticks: number }> {
  const before = new Map(pids.map((p) => [p, ticks(p)]));
  await new Promise((r) => setTimeout(r, 1_000));
  return pids.map((pid) => ({ pid, ticks: ticks(pid) - before.get(pid)! })).sort((a, b) => b.ticks - a.ticks)[0] ?? { pid: -1, ticks: 0 };
}
const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));

/** A reader as the lifecycle module sees it, made of a Chromium page in its own context. */
class PageReader implements ReaderHost {
  context: Promise<BrowserContext>;
  page: Promise<Page>;
  /** Renderer processes that appeared while this reader loaded: one of them is the reader. */
  candidates: number[] = [];
  destroyed = false;
  private cdp: Promise<CDPSession | null> = Promise.resolve(null);
  private crashing: Promise<unknown> = Promise.resolve();
  private listeners = new Map<string, ((...args: any[]) => void)[]>();
  webContents: ReaderHost['webContents'];
  constructor(browser: Browser, origin: string, stall: boolean) {
    const before = rendererPids(browser);
    this.context = browser.newContext();
    this.page = this.context.then((c) => c.newPage());
    const emit = (event: string, ...args: unknown[]) => { for (const l of this.listeners.get(event) ?? []) l(...args); };
    this.webContents = {
      loadURL: async () => {
        const page = await this.page;
        page.on('crash', () => emit('render-process-gone', {}, { reason: 'crashed' }));
        this.cdp = page.context().newCDPSession(page);
        await page.goto(`${origin}/reader.html`);
        const known = new Set(await before);
        // Chromium may start spare renderers meanwhile: which one is the reader is told later by its CPU (busiest()).
        this.candidates = (await rendererPids(browser)).filter((p) => !known.has(p) && alive(p));
        emit('did-finish-load');
      },
      // What reader-preload.ts does with the port main hands it; the workspace end is kept on the page for the test.
      postMessage: () => {
        void this.page.then((page) => page.evaluate(([message, stallSource]) => {
          const channel = new MessageChannel();
          (window as any).__workspaceEnd = channel.port1;
          window.postMessage(message, window.location.origin, [channel.port2]);
          if (stallSource) setTimeout(new Function(`(${stallSource})()`) as () => void, 50);
        }, [READER_PORT_MESSAGE, stall ? STALL.toString() : ''] as const));
      },
      // A pid that is not the workspace's (the module checks that); the real one is found by busiest().
      getOSProcessId: () => 1_000_000 + this.candidates.length,
      forcefullyCrashRenderer: () => {
        // Page.crash does not answer (its renderer is gone); the context closes once it was sent.
        this.crashing = Promise.race([this.cdp.then((cdp) => cdp?.send('Page.crash')).catch(() => undefined), new Promise((r) => setTimeout(r, 2_000))]);
      },
      on: ((event: string, listener: (...args: any[]) => void) => {
        this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      }) as ReaderHost['webContents']['on'],
    };
  }
  destroy() {
    this.destroyed = true;
    void this.crashing.then(() => this.context).then((c) => c.close()).catch(() => undefined);
  }
  isDestroyed() { return this.destroyed; }
  /** The workspace's side: post bytes on the port, wait for the one answer. */
  async read(bytes: Uint8Array): Promise<unknown> {
    const page = await this.page;
    await expect.poll(() => page.evaluate(() => Boolean((window as any).__workspaceEnd))).toBe(true);
    return page.evaluate((data) => new Promise((resolve) => {
      const port = (window as any).__workspaceEnd as MessagePort;
      port.onmessage = (e) => resolve(e.data);
      port.postMessage(new Uint8Array(data));
    }), Array.from(bytes));
  }
}

function fakeWorkspace() {
  const sent: unknown[][] = [];
  const posted: unknown[][] = [];
  const workspace: WorkspaceContents = {
    postMessage: (...args) => { posted.push(args); },
    send: (...args) => { sent.push(args); },
    getOSProcessId: () => 1,
    isDestroyed: () => false,
    once: () => undefined,
    removeListener: () => undefined,
  };
  return { workspace, sent, posted };
}

test.describe('the reader page in Chromium', () => {
  test.skip(missing !== null, missing ?? '');
  test.setTimeout(120_000);

  let server: Awaited<ReturnType<typeof serveRenderer>>;
  test.beforeAll(async () => { server = await serveRenderer(); });
  test.afterAll(async () => { await server.close(); });

  test('reads a workbook posted on its port under the CSP; a hostile one is refused by the pre-scan; a second port is ignored', async ({ browser }) => {
    const reader = new PageReader(browser, server.origin, false);
    const violations: string[] = [];
    const page = await reader.page;
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    await reader.webContents.loadURL('app://bowtie/reader.html');
    reader.webContents.postMessage(READER_CHANNELS.port, null, []);
    const t0 = Date.now();
    const answer = await reader.read(await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' }));
    console.log(`[reader] read a workbook in ${Date.now() - t0} ms`);
    expect(answer).toMatchObject({ ok: true, inputs: defaultInputs(), notes: [] });
    // One read per reader: a second port (a page pretending to be main) gets nothing.
    const second = await page.evaluate((message) => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (e) => resolve(e.data);
      window.postMessage(message, window.location.origin, [channel.port2]);
      channel.port1.postMessage(new Uint8Array([1, 2, 3]));
      setTimeout(() => resolve('no answer'), 1_000);
    }), READER_PORT_MESSAGE);
    expect(second).toBe('no answer');
    reader.destroy();

    const hostile = (await hostileCases()).find((c) => c.name === 'row number 4294967294 in single quotes')!;
    const next = new PageReader(browser, server.origin, false);
    await next.webContents.loadURL('app://bowtie/reader.html');
    next.webContents.postMessage(READER_CHANNELS.port, null, []);
    expect(await next.read(hostile.bytes)).toEqual({ ok: false, kind: 'unreadable', error: expect.stringMatching(/row numbered 4294967294/) });
    next.destroy();
    expect(violations).toEqual([]);
  });

  test('a reader stuck inside a V8 builtin is crashed at the deadline, its process is gone, and the next read gets a fresh reader that works', async ({ browser }) => {
    test.skip(!existsSync('/proc/self/stat'), 'needs Linux /proc to see the reader process');
    const { workspace, sent, posted } = fakeWorkspace();
    const made: PageReader[] = [];
    let stall = true;
    const readers = createWorkbookReaders({
      createReader: () => { const r = new PageReader(browser, server.origin, stall); made.push(r); return r; },
      createChannel: () => ({ port1: 'workspace end', port2: 'reader end' }),
      processMetrics: () => [],
      url: 'app://bowtie/reader.html',
      log: (m) => console.log(`[reader] ${m}`),
      limits: { deadlineMs: 20_000 }, // shorter than 15 s to keep the test short; long enough for a real read on a loaded machine
    });

    readers.open(workspace, 1);
    await expect.poll(() => posted.length, { timeout: 30_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 300)); // into the builtin
    const stuck = await busiest(made[0]!.candidates);
    console.log(`[reader] stuck reader: pid ${stuck.pid}, ${stuck.ticks} CPU ticks in a second`);
    expect(stuck.ticks, 'the reader is busy inside its builtin').toBeGreaterThan(10);
    expect(sent).toEqual([]);
    await expect.poll(() => sent.length, { timeout: 25_000 }).toBe(1);
    expect(sent[0]).toEqual([READER_CHANNELS.stopped, { id: 1, error: readerMessages({ ...readerMessagesLimits(), deadlineMs: 20_000 }).time }]);
    // The process is really gone (a terminated worker's thread ran on for minutes).
    await expect.poll(() => alive(stuck.pid), { timeout: 5_000 }).toBe(false);

    stall = false;
    readers.open(workspace, 2);
    await expect.poll(() => posted.length, { timeout: 30_000 }).toBe(2);
    const fresh = made[1]!;
    expect(fresh).not.toBe(made[0]);
    expect(await fresh.read(await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' }))).toMatchObject({ ok: true });
    expect(readers.done(workspace, 2)).toBe(true);
    expect(sent).toHaveLength(1);
  });
});

function readerMessagesLimits() {
  return { deadlineMs: 15_000, startMs: 30_000, memoryMb: 768, pollMs: 250, heapMb: 512 };
}
