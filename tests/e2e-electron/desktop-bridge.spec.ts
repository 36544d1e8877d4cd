// The desktop app without Electron: the built renderer served exactly as the
// app:// protocol serves it (same handler, same CSP header), in Chromium, with
// a stand-in for the preload that forwards each call to the real main-process
// dispatch (sender check, schemas, handlers, atomic writes to a temp folder).
// It proves the CSP does not break the app (scripts, workers, styles) and that
// renderer → desktop-platform → IPC → disk round-trips a workbook.
// Needs `npm run build:renderer` and Debian's Chromium.
import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile as readBytes } from 'node:fs/promises';
import { createAppProtocolHandler } from '../../electron/app-protocol';
import type { InvokeMethod } from '../../electron/channels';
import { createFileService, PathGrants } from '../../electron/file-service';
import { dispatch } from '../../electron/ipc';
import { createHandlers } from '../../electron/ipc-handlers';
import { createRecoveryStore } from '../../electron/recovery';
import { WorkspaceView } from './bowtie-app';

const rendererRoot = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = !existsSync(chromium)
  ? `Chromium not found at ${chromium}`
  : !existsSync(path.join(rendererRoot, 'index.html'))
    ? 'dist/renderer not built (npm run build:renderer)'
    : null;
if (missing) console.log(`skipped: ${missing}`);

// Bytes cannot cross a Playwright binding as they are; both sides tag them.
type Wire = unknown;
const toWire = (v: unknown): Wire =>
  v instanceof Uint8Array ? { __bytes: Buffer.from(v).toString('base64') }
  : Array.isArray(v) ? v.map(toWire)
  : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toWire(x)]))
  : v;
const fromWire = (v: Wire): unknown =>
  v && typeof v === 'object' && '__bytes' in v ? new Uint8Array(Buffer.from(String((v as { __bytes: string }).__bytes), 'base64'))
  : Array.isArray(v) ? v.map(fromWire)
  : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromWire(x)]))
  : v;

/** What preload.ts exposes, rebuilt on top of the binding; runs before the page's scripts. */
function fakePreload() {
  const w = window as unknown as Record<string, any>;
  const b64 = (u8: Uint8Array) => {
    let s = '';
    for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
    return btoa(s);
  };
  const enc = (v: any): any => v instanceof Uint8Array ? { __bytes: b64(v) }
    : Array.isArray(v) ? v.map(enc) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, enc(x)])) : v;
  const dec = (v: any): any => v && typeof v === 'object' && '__bytes' in v ? Uint8Array.from(atob(v.__bytes), (c) => c.charCodeAt(0))
    : Array.isArray(v) ? v.map(dec) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, dec(x)])) : v;
  const invoke = (method: string) => async (...args: unknown[]) => dec(await w.__bowtieInvoke(method, enc(args)));
  const set = <T,>() => new Set<(v: T) => void>();
  const menu = set<string>();
  const paths = set<string>();
  const early: string[] = [];
  const closes = set<void>();
  w.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  w.__menu = (c: string) => menu.forEach((l) => l(c));
  w.__openPath = (p: string) => (paths.size ? paths.forEach((l) => l(p)) : early.push(p));
  w.bowtie = Object.freeze({
    ...Object.fromEntries(['openFile', 'readFile', 'saveFile', 'saveFileAs', 'writeRecovery', 'clearRecovery', 'takeRecovery',
      'setDocumentState', 'exportPdf', 'confirmClose', 'cancelClose', 'appVersion'].map((m) => [m, invoke(m)])),
    onMenuCommand: (l: (c: string) => void) => (menu.add(l), () => menu.delete(l)),
    onOpenPath: (l: (p: string) => void) => {
      paths.add(l);
      early.splice(0).forEach((p) => l(p));
      return () => paths.delete(l);
    },
    onCloseRequest: (l: () => void) => (closes.add(l), () => closes.delete(l)),
  });
}

test.use({
  viewport: { width: 1440, height: 900 },
  launchOptions: {
    executablePath: chromium,
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--no-first-run'],
  },
});

test.describe('desktop bridge in Chromium', () => {
  test.skip(missing !== null, missing ?? '');

  let server: Server;
  let origin: string;
  let dir: string;
  let saveTarget: string;
  let pdfTarget: string;
  let handlers: ReturnType<typeof createHandlers>;

  test.beforeAll(async () => {
    const serve = createAppProtocolHandler({ root: rendererRoot, readFile: (f) => readBytes(f) });
    server = createServer(async (req, res) => {
      const response = await serve(new Request(`app://bowtie${req.url ?? '/'}`, { method: req.method ?? 'GET' }));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  test.beforeEach(async ({ page }) => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bowtie-bridge-'));
    saveTarget = path.join(dir, 'Bridge test.xlsx');
    pdfTarget = path.join(dir, 'Bridge test board report.pdf');
    const grants = new PathGrants();
    handlers = createHandlers({
      dialogs: { chooseOpen: async () => null, chooseSave: async (_name, kind) => (kind === 'pdf' ? pdfTarget : saveTarget) },
      files: createFileService({ grants }),
      grants,
      recovery: createRecoveryStore({ folder: path.join(dir, 'userData', 'recovery') }),
      document: () => null,
      // Chromium's own printToPDF, as webContents.printToPDF is in Electron.
      printToPdf: async () => new Uint8Array(await page.pdf({ printBackground: true, preferCSSPageSize: true })),
      version: '0.0.0-test',
      log: () => undefined,
    });
    await page.exposeBinding('__bowtieInvoke', async (source, method: InvokeMethod, args: Wire) => {
      const result = await dispatch(method, handlers, { isTrustedUrl: (u) => u.startsWith(`${origin}/`), log: () => undefined },
        { senderFrame: { url: source.frame.url() } }, fromWire(args) as unknown[]);
      return toWire(result);
    });
    await page.addInitScript(fakePreload);
  });
  test.afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('under the CSP the app runs, saves through the host atomically, and reopens what it saved', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    const ws = new WorkspaceView(page);

    await page.goto(`${origin}/index.html`);
    const nrr = ws.figure('kpi.nrr.y2');
    await expect(nrr).not.toHaveText('', { timeout: 30_000 });
    const before = await nrr.innerText();

    await ws.editInput('journey.renewal.rate', '70%');
    await expect(nrr).not.toHaveText(before);
    const edited = await nrr.innerText();

    await page.evaluate(() => (window as any).__menu('file/saveAs'));
    await expect.poll(() => existsSync(saveTarget), { timeout: 20_000 }).toBe(true);
    expect((await readFile(saveTarget)).subarray(0, 2).toString('latin1')).toBe('PK');

    // A second save keeps the first as .bak.
    await ws.editInput('journey.renewal.rate', '75%');
    await expect(nrr).not.toHaveText(edited);
    await page.evaluate(() => (window as any).__menu('file/save'));
    await expect.poll(() => existsSync(`${saveTarget}.bak`), { timeout: 20_000 }).toBe(true);
    const saved = await nrr.innerText();

    // Reopen as the OS would hand the file over, in a fresh page.
    await page.goto(`${origin}/index.html`);
    await expect(nrr).not.toHaveText('', { timeout: 30_000 });
    await page.evaluate((file) => (window as any).__openPath(file), saveTarget);
    await expect(nrr).toHaveText(saved, { timeout: 20_000 });

    expect(await page.evaluate(() => (window as any).__cspViolations)).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  });

  test('Export Board Report as PDF writes a PDF through the host', async ({ page }) => {
    const ws = new WorkspaceView(page);
    await page.goto(`${origin}/index.html`);
    await expect(ws.figure('kpi.nrr.y2')).not.toHaveText('', { timeout: 30_000 });
    // The renderer registers its file/exportPdf listener when the Board Report
    // sheet's module first loads, i.e. when its tab is first opened.
    await page.getByRole('tab', { name: 'Board Report', exact: true }).click();
    await expect(page.locator('.board-sheet[data-state="ready"]')).toBeVisible({ timeout: 30_000 });
    await page.evaluate(() => (window as any).__menu('file/exportPdf'));
    await expect.poll(() => existsSync(pdfTarget), { timeout: 30_000 }).toBe(true);
    const pdf = await readFile(pdfTarget);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    expect(await page.evaluate(() => (window as any).__cspViolations)).toEqual([]);
  });

  // Issue #5: the menu item used to do nothing until the Board Report tab had
  // been opened once; its listener is now registered at start-up.
  test('Export Board Report as PDF works from any sheet, before the Board Report tab was opened', async ({ page }) => {
    const ws = new WorkspaceView(page);
    await page.goto(`${origin}/index.html`);
    await expect(ws.figure('kpi.nrr.y2')).not.toHaveText('', { timeout: 30_000 });
    await page.evaluate(() => (window as any).__menu('file/exportPdf'));
    await expect.poll(() => existsSync(pdfTarget), { timeout: 30_000 }).toBe(true);
    const pdf = await readFile(pdfTarget);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    // Still on the sheet the user was on; nothing of the off-screen report is left behind.
    await expect(page.locator('#sheet-panel')).toHaveAttribute('data-sheet', 'assumptions');
    await expect(page.locator('#board-print-root')).toHaveCount(0);
    expect(await page.evaluate(() => (window as any).__cspViolations)).toEqual([]);
  });
});
