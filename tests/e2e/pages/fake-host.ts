// The desktop host as the renderer sees it, faked: a `window.bowtie` installed
// before the page's scripts that records every call, answers as the test says,
// and lets the test play the host's side (a menu command, a close request).
// Specs talk to this object; only it knows the page's hooks.
import type { Page } from '@playwright/test';

export interface FakeHostOptions {
  /** base64 workbook bytes takeRecovery returns, with the path it came from */
  recovery: { path: string | null; savedAt: string; bytes: string } | null;
}

export interface HostCall { m: string; [k: string]: unknown }

/** What the page's window carries besides the fake API. */
interface HostHooks {
  __calls: HostCall[];
  __host: { saveError: string | null; saveAsPath: string | null; actuals: { name: string; text: string } | null };
  __menu(command: string): void;
  __close(): void;
}

/** What preload.ts exposes, faked; runs in the page before its scripts. */
function fakeBowtie(opts: FakeHostOptions) {
  const w = window as unknown as HostHooks & { bowtie: unknown };
  const calls: HostCall[] = [];
  w.__calls = calls;
  // Tests change these to make the host answer differently.
  w.__host = { saveError: null, saveAsPath: '/home/me/Plan.xlsx', actuals: null };
  const ok = (value: unknown) => Promise.resolve({ ok: true, value });
  const menu = new Set<(c: string) => void>();
  const closes = new Set<() => void>();
  w.__menu = (c: string) => menu.forEach((l) => l(c));
  w.__close = () => closes.forEach((l) => l());
  const fromB64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  /** The Board Report as it stands when the PDF is taken. */
  const boardState = () => {
    const page = document.querySelector('.board-sheet[data-state="ready"] .board-page');
    const charts = [...(page?.querySelectorAll('[data-key^="board.chart."]') ?? [])];
    return {
      board: page !== null,
      charts: charts.length,
      drawn: charts.filter((c) => c.querySelector('svg path, svg text') !== null).length,
      arrY1: page?.querySelector('[data-key="board.arr.y1"]')?.getAttribute('data-value') ?? null,
    };
  };
  w.bowtie = Object.freeze({
    openFile: () => (calls.push({ m: 'openFile' }), ok(null)),
    openActualsFile: () => {
      calls.push({ m: 'openActualsFile' });
      const a = w.__host.actuals;
      return ok(a ? { path: `/home/me/${a.name}`, name: a.name, bytes: new TextEncoder().encode(a.text) } : null);
    },
    readFile: (path: string) => (calls.push({ m: 'readFile', path }), Promise.resolve({ ok: false, error: 'no such file' })),
    saveFile: (path: string, bytes: Uint8Array) => {
      calls.push({ m: 'saveFile', path, size: bytes.length });
      return w.__host.saveError ? Promise.resolve({ ok: false, error: w.__host.saveError }) : ok({ path });
    },
    saveFileAs: (name: string, bytes: Uint8Array) => {
      calls.push({ m: 'saveFileAs', name, size: bytes.length });
      if (w.__host.saveError) return Promise.resolve({ ok: false, error: w.__host.saveError });
      return ok(w.__host.saveAsPath === null ? null : { path: w.__host.saveAsPath });
    },
    writeRecovery: (copy: { path: string | null; bytes: Uint8Array }) => (calls.push({ m: 'writeRecovery', path: copy.path, size: copy.bytes.length }), ok(null)),
    clearRecovery: () => (calls.push({ m: 'clearRecovery' }), ok(null)),
    takeRecovery: () => {
      calls.push({ m: 'takeRecovery' });
      const r = opts.recovery;
      return ok(r ? { path: r.path, savedAt: r.savedAt, bytes: fromB64(r.bytes) } : null);
    },
    setDocumentState: (state: { name: string; dirty: boolean }) => (calls.push({ m: 'setDocumentState', ...state }), ok(null)),
    exportPdf: (name: string) => (calls.push({ m: 'exportPdf', name, ...boardState() }), ok({ path: `/home/me/${name}.pdf` })),
    onMenuCommand: (l: (c: string) => void) => (menu.add(l), () => menu.delete(l)),
    onOpenPath: () => () => {},
    onCloseRequest: (l: () => void) => (closes.add(l), () => closes.delete(l)),
    confirmClose: () => (calls.push({ m: 'confirmClose' }), ok(null)),
    cancelClose: () => (calls.push({ m: 'cancelClose' }), ok(null)),
    appVersion: () => ok('0.0.0-test'),
  });
}

export const NO_RECOVERY: FakeHostOptions = { recovery: null };

export class FakeHost {
  constructor(readonly page: Page) {}

  /** Before the page loads. */
  install(opts: FakeHostOptions = NO_RECOVERY) {
    return this.page.addInitScript(fakeBowtie, opts);
  }

  /** Every call the renderer made, in order. */
  calls(): Promise<HostCall[]> {
    return this.page.evaluate(() => (window as unknown as HostHooks).__calls);
  }

  /** The calls' names, leaving out the document state and the start-up recovery question. */
  async methods(): Promise<string[]> {
    return (await this.calls()).map((c) => c.m).filter((m) => m !== 'setDocumentState' && m !== 'takeRecovery');
  }

  /** The native menu sends a command (file/save, edit/undo, file/exportPdf…). */
  menu(command: string) {
    return this.page.evaluate((c) => (window as unknown as HostHooks).__menu(c), command);
  }

  /** The user closed the window and chose Save in the host's prompt. */
  requestClose() {
    return this.page.evaluate(() => (window as unknown as HostHooks).__close());
  }

  /** Saves fail with this message from now on. */
  failSaves(message: string) {
    return this.page.evaluate((m) => { (window as unknown as HostHooks).__host.saveError = m; }, message);
  }

  /** The Import Actuals… dialog hands over this file from now on (null: the user cancels). */
  chooseActuals(file: { name: string; text: string } | null) {
    return this.page.evaluate((f) => { (window as unknown as HostHooks).__host.actuals = f; }, file);
  }

  /** The user cancels the Save As dialog from now on. */
  cancelSaveAs() {
    return this.page.evaluate(() => { (window as unknown as HostHooks).__host.saveAsPath = null; });
  }
}
