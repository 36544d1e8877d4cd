// The desktop app without Electron: the built renderer served exactly as the
// app:// protocol serves it (same handler, same CSP header), in Chromium, with
// a stand-in for the preload that forwards each call to the real main-process
// dispatch (sender check, schemas, handlers, atomic writes to a temp folder).
// It proves the CSP does not break the app (scripts, workers, styles) and that
// renderer → desktop-platform → IPC → disk round-trips a workbook.
// Needs `npm run build:renderer` and Debian's Chromium (bridge-harness.ts).
import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PathGrants } from '../../electron/file-service';
import { createHandlers } from '../../electron/ipc-handlers';
import { WorkspaceView } from './bowtie-app';
import { bridgeLaunchOptions, bridgeMissing as missing, hostHandlers, installBridge, serveRenderer } from './bridge-harness';

if (missing) console.log(`skipped: ${missing}`);

test.use({ viewport: { width: 1440, height: 900 }, launchOptions: bridgeLaunchOptions });

test.describe('desktop bridge in Chromium', () => {
  test.skip(missing !== null, missing ?? '');

  let server: Awaited<ReturnType<typeof serveRenderer>>;
  let origin: string;
  let dir: string;
  let saveTarget: string;
  let pdfTarget: string;
  let handlers: ReturnType<typeof createHandlers>;
  let actualsFile: string;

  test.beforeAll(async () => {
    server = await serveRenderer();
    origin = server.origin;
  });
  test.afterAll(async () => {
    await server.close();
  });

  test.beforeEach(async ({ page }) => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bowtie-bridge-'));
    saveTarget = path.join(dir, 'Bridge test.xlsx');
    actualsFile = path.join(dir, 'billing.csv');
    pdfTarget = path.join(dir, 'Bridge test board report.pdf');
    const grants = new PathGrants();
    handlers = hostHandlers(dir, grants, { chooseOpen: async () => null, chooseSave: async (_name, kind) => (kind === 'pdf' ? pdfTarget : saveTarget), chooseActuals: async () => actualsFile },
      // Chromium's own printToPDF, as webContents.printToPDF is in Electron.
      async () => new Uint8Array(await page.pdf({ printBackground: true, preferCSSPageSize: true })));
    await installBridge(page, origin, () => handlers);
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

  test('File › Import Actuals… reads the chosen CSV through the host and imports it in the worker, under the CSP', async ({ page }) => {
    await writeFile(actualsFile, 'customer,month,mrr\r\nAcme,2024-01,100\r\nAcme,2024-02,120\r\nBeta,2024-02,50\r\n');
    await page.goto(`${origin}/index.html`);
    await expect(page.locator('dd[data-key="kpi.nrr.y2"]')).not.toHaveText('', { timeout: 30_000 });
    await page.evaluate(() => (window as any).__menu('file/importActuals'));
    await expect(page.locator('.actuals-sheet')).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
    await expect(page.getByTestId('actuals-source')).toHaveText('billing.csv');
    await expect(page.getByTestId('quality.rows')).toHaveText('3');
    // crypto.subtle ran (a secure context): the SHA-256 of the file's bytes.
    const sha = createHash('sha256').update(await readFile(actualsFile)).digest('hex');
    await expect(page.locator('.actuals-sha')).toHaveAttribute('title', `SHA-256 ${sha}`);
    expect(await page.evaluate(() => (window as any).__cspViolations)).toEqual([]);
  });
});
