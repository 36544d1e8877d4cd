// The hidden workbook reader without Electron (reader-page.spec.ts,
// desktop-reader.spec.ts): a reader made of a Chromium page in a browser
// context of its own (its own renderer process, as the reader's own session
// partition is in Electron), shaped as electron/workbook-reader.ts's
// ReaderHost so the real lifecycle module drives it. Electron's calls are
// stood in for by Chromium's: forcefullyCrashRenderer by the DevTools
// Protocol's Page.crash, which also ends the renderer process; the preload's
// hand-over of the port by the same window.postMessage, in the page; the
// module's timers by a clock the test fires (manualClock), so no spec waits
// for a real deadline.
import { expect, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { READER_PORT_MESSAGE } from '@shared/desktop-api';
import type { ReaderClock, ReaderHost, WorkspaceContents } from '../../electron/workbook-reader';

const live = new Set<PageReader>();

/**
 * Closes every reader's context and waits for it: a context still closing when
 * a test ends makes Playwright's trace of it fail the next test.
 */
export async function closeReaders(): Promise<void> {
  for (const reader of live) if (!reader.isDestroyed()) reader.destroy();
  await Promise.all([...live].map((r) => r.closed));
  live.clear();
}

export const STALL = () => { const a: number[] = []; a[4294967293] = 1; a.forEach(() => undefined); };

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
/** CPU ticks (1/100 s) a reader stuck in a builtin has used before it is told apart from a spare renderer starting up. */
const STUCK_TICKS = 50;
/**
 * Of `pids`, the reader stuck in a builtin: the one that keeps a core busy.
 * Waits until the busiest of them has used STUCK_TICKS since the call (a spare
 * renderer, idle, never does), however slow the shared machine is.
 */
export async function stuckReader(pids: number[]): Promise<{ pid: number; ticks: number }> {
  const before = new Map(pids.map((p) => [p, ticks(p)]));
  const busiest = () => pids.map((pid) => ({ pid, ticks: ticks(pid) - before.get(pid)! })).sort((a, b) => b.ticks - a.ticks)[0] ?? { pid: -1, ticks: 0 };
  await expect.poll(() => busiest().ticks, { message: 'a reader busy inside its builtin', timeout: 30_000 }).toBeGreaterThanOrEqual(STUCK_TICKS);
  return busiest();
}

/**
 * The lifecycle module's clock, held by the test: no timer runs on its own;
 * fire(ms) runs the pending timeouts set for `ms` (the deadline, 15 000), as if
 * that long had passed. The memory poll never fires (the specs report no metrics).
 */
export function manualClock(): ReaderClock & { fire(ms: number): number } {
  const timeouts = new Map<number, { callback: () => void; ms: number }>();
  let next = 0;
  return {
    setTimeout: (callback, ms) => { timeouts.set(++next, { callback, ms }); return next; },
    clearTimeout: (handle) => { timeouts.delete(handle as number); },
    setInterval: () => ++next,
    clearInterval: () => undefined,
    fire(ms) {
      const due = [...timeouts].filter(([, t]) => t.ms === ms);
      for (const [handle, t] of due) { timeouts.delete(handle); t.callback(); }
      return due.length;
    },
  };
}
export const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));

/** A reader as the lifecycle module sees it, made of a Chromium page in its own context. */
export class PageReader implements ReaderHost {
  context: Promise<BrowserContext>;
  page: Promise<Page>;
  /** Renderer processes that appeared while this reader loaded: one of them is the reader. */
  candidates: number[] = [];
  destroyed = false;
  private cdp: Promise<CDPSession | null> = Promise.resolve(null);
  private crashed: Promise<unknown> = new Promise(() => undefined);
  private crashing: Promise<unknown> = Promise.resolve();
  private listeners = new Map<string, ((...args: any[]) => void)[]>();
  webContents: ReaderHost['webContents'];
  constructor(browser: Browser, origin: string, stall: boolean) {
    live.add(this);
    const before = rendererPids(browser);
    this.context = browser.newContext();
    this.page = this.context.then((c) => c.newPage());
    const emit = (event: string, ...args: unknown[]) => { for (const l of this.listeners.get(event) ?? []) l(...args); };
    this.webContents = {
      loadURL: async () => {
        const page = await this.page;
        this.crashed = new Promise((resolve) => page.once('crash', resolve));
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
          // the stall is a function's source sent into the page: only a Function can run it there
          // eslint-disable-next-line @typescript-eslint/no-implied-eval
          if (stallSource) setTimeout(new Function(`(${stallSource})()`) as () => void, 50);
        }, [READER_PORT_MESSAGE, stall ? STALL.toString() : ''] as const));
      },
      // A pid that is not the workspace's (the module checks that); the real one is found by busiest().
      getOSProcessId: () => 1_000_000 + this.candidates.length,
      forcefullyCrashRenderer: () => {
        // Page.crash never answers (its renderer is gone): the page's crash event says it happened.
        void this.cdp.then((cdp) => cdp?.send('Page.crash')).catch(() => undefined);
        this.crashing = this.crashed;
      },
      on: ((event: string, listener: (...args: any[]) => void) => {
        this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      }) as ReaderHost['webContents']['on'],
    };
  }
  destroy() {
    this.destroyed = true;
    this.closed = this.crashing.then(() => this.context).then((c) => c.close()).catch(() => undefined);
  }
  /** Settles once the context is closed (after destroy()). */
  closed: Promise<unknown> = new Promise(() => undefined);
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

export function fakeWorkspace() {
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

