// The desktop build's workbook read, end to end without Electron: the built
// workspace under its CSP with the real main-process handlers (bridge-harness.ts),
// whose preload stand-in also exposes `window.bowtieReader`; behind it the real
// lifecycle module (electron/workbook-reader.ts) drives readers made of the
// built reader page in Chromium (reader-harness.ts). The page-to-page
// MessagePort is the one part stood in for (bytes and answer cross through
// Playwright). Shows that the desktop workspace reads through the host's reader
// (not its own Web Worker), checks the answer, and that a reader stuck in a
// builtin leaves the workspace working meanwhile and is stopped at the deadline
// with the sentence the user reads, the unsaved model and its recovery copy
// untouched, and the next open working. The test holds the lifecycle module's
// clock (manualClock) and fires the deadline once the reader is seen stuck.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PathGrants } from '../../electron/file-service';
import type { createHandlers } from '../../electron/ipc-handlers';
import { READER_CHANNELS } from '../../electron/reader-channels';
import { createWorkbookReaders, READER_LIMITS } from '../../electron/workbook-reader';
import { defaultInputs, setInput } from '@shared/index';
import { writeWorkbook } from '@shared/workbook/index';
import { WorkspaceView } from './bowtie-app';
import { bridgeLaunchOptions, bridgeMissing as missing, fromWire, hostHandlers, installBridge, serveRenderer, toWire } from './bridge-harness';
import { closeReaders, fakeWorkspace, manualClock, PageReader, stuckReader } from './reader-harness';

if (missing) console.log(`skipped: ${missing}`);
test.use({ viewport: { width: 1440, height: 900 }, launchOptions: bridgeLaunchOptions });

const RATE = 'journey.renewal.rate';

/**
 * `window.bowtieReader` for the page: each read asks the lifecycle module for a
 * reader, as the preload's reader-bridge.ts asks main, and ends with the
 * reader's answer or main's "stopped" sentence.
 */
async function installReader(page: Page, browser: Browser, origin: string, opts: { stall: () => boolean }) {
  const { workspace, sent, posted } = fakeWorkspace();
  const made: PageReader[] = [];
  // No limit fires unless the test fires it: a read on this shared machine is never timed.
  const clock = manualClock();
  const readers = createWorkbookReaders({
    createReader: () => { const r = new PageReader(browser, origin, opts.stall()); made.push(r); return r; },
    createChannel: () => ({ port1: 'workspace end', port2: 'reader end' }),
    processMetrics: () => [],
    url: 'app://bowtie/reader.html',
    log: (m) => console.log(`[reader] ${m}`),
    clock,
  });
  let nextId = 0;
  await page.exposeBinding('__bowtieReaderRead', async (_source, wire: unknown) => {
    const bytes = fromWire(wire) as Uint8Array;
    const id = ++nextId;
    const stopped = () => sent.find(([channel, value]) => channel === READER_CHANNELS.stopped && (value as { id: number }).id === id)?.[1] as { error: string } | undefined;
    readers.open(workspace, id);
    await expect.poll(() => posted.some(([, value]) => (value as { id: number }).id === id) || stopped() !== undefined, { timeout: 60_000 }).toBe(true);
    if (stopped()) return toWire({ ok: false, error: stopped()!.error });
    const reader = made.at(-1)!;
    const answer = await Promise.race([
      reader.read(bytes).then((value) => ({ ok: true, value }), () => null),
      expect.poll(() => stopped() !== undefined, { timeout: 120_000 }).toBe(true).then(() => null),
    ]);
    if (answer && !stopped()) {
      readers.done(workspace, id);
      return toWire(answer);
    }
    return toWire({ ok: false, error: stopped()?.error ?? 'the reader was stopped' });
  });
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, any>;
    const b64 = (u8: Uint8Array) => { let s = ''; for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000)); return btoa(s); };
    w.bowtieReader = Object.freeze({ read: async (bytes: Uint8Array) => w.__bowtieReaderRead({ __bytes: b64(bytes) }) });
  });
  return { made, sent, clock, posted };
}

test.describe('the desktop workspace reads through the host reader', () => {
  test.skip(missing !== null, missing ?? '');
  test.setTimeout(180_000);

  let server: Awaited<ReturnType<typeof serveRenderer>>;
  let dir: string;
  let plan: string;
  let handlers: ReturnType<typeof createHandlers>;
  test.beforeAll(async () => { server = await serveRenderer(); });
  test.afterAll(async () => { await server.close(); });
  test.afterEach(async () => { await closeReaders(); });
  test.beforeEach(async ({ page }) => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bowtie-desktop-reader-'));
    plan = path.join(dir, 'Q3 plan.xlsx');
    await writeFile(plan, await writeWorkbook({ inputs: setInput(defaultInputs(), RATE, 0.7), appVersion: '0.0.0-test' }));
    handlers = hostHandlers(dir, new PathGrants(), { chooseOpen: async () => plan, chooseSave: async () => null });
    await installBridge(page, server.origin, () => handlers);
  });
  test.afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  const openPlan = (page: Page) => page.evaluate(() => (window as any).__menu('file/open'));

  test('Open… reads the workbook in a reader of its own and opens it', async ({ page, browser }) => {
    const { made } = await installReader(page, browser, server.origin, { stall: () => false });
    const ws = new WorkspaceView(page);
    await page.goto(`${server.origin}/index.html`);
    await expect(ws.input(RATE)).toBeVisible({ timeout: 30_000 });
    await openPlan(page);
    await expect(ws.input(RATE)).toContainText('70', { timeout: 60_000 });
    expect(made).toHaveLength(1);
    expect(made[0]!.isDestroyed()).toBe(true);
  });

  test('a reader stuck in a builtin leaves the workspace working and is stopped at the deadline: the user reads why, the unsaved model and its recovery copy stay, the next open works', async ({ page, browser }) => {
    let stall = true;
    const { made, clock, posted } = await installReader(page, browser, server.origin, { stall: () => stall });
    const ws = new WorkspaceView(page);
    await page.goto(`${server.origin}/index.html`);
    await expect(ws.input(RATE)).toBeVisible({ timeout: 30_000 });
    await ws.editInput(RATE, '60%');
    await expect(ws.input(RATE)).toContainText('60');
    expect((await handlers.writeRecovery({ path: null, bytes: new Uint8Array([80, 75, 9]) })).ok).toBe(true);

    await openPlan(page);
    await expect.poll(() => posted.length, { timeout: 60_000 }).toBe(1);
    await stuckReader(made[0]!.candidates);
    // The reader is its own process: while it is stuck, the workspace still takes an edit and recomputes.
    const nrr = await ws.figure('kpi.nrr.y2').innerText();
    await ws.editInput(RATE, '65%');
    await expect(ws.input(RATE)).toContainText('65');
    await expect(ws.figure('kpi.nrr.y2')).not.toHaveText(nrr);
    expect(clock.fire(READER_LIMITS.deadlineMs), 'one deadline pending').toBe(1);
    const message = page.getByRole('dialog', { name: 'Q3 plan.xlsx could not be opened' });
    await expect(message).toBeVisible();
    await expect(message).toContainText('Reading took longer than 15 s and was stopped');
    await page.screenshot({ path: test.info().outputPath('reader-stopped.png') });
    await message.getByRole('button', { name: 'OK' }).click();
    await expect(ws.input(RATE)).toContainText('65');
    const copy = await handlers.takeRecovery();
    expect(copy.ok && copy.value?.bytes).toEqual(new Uint8Array([80, 75, 9]));

    stall = false;
    await openPlan(page);
    // Unsaved changes: the workspace asks first; Don't Save opens the file.
    await page.getByRole('button', { name: /Don.t Save/ }).click({ timeout: 90_000 });
    await expect(ws.input(RATE)).toContainText('70', { timeout: 30_000 });
    expect(made).toHaveLength(2);
  });
});
