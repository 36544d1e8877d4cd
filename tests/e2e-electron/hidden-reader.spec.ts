// The hidden workbook reader in the real app (issue #9, item 5): a workbook
// opened through File › Open… is read in a reader renderer of its own, and a
// reader that stalls inside a V8 builtin or hoards memory is killed by main,
// with the sentence the user sees, the document unchanged, the process gone,
// and the next open working. The stall and the hoarding are injected into the
// reader page from the main process (webContents.executeJavaScript), because a
// file that gets past the pre-scan and stalls ExcelJS would be a pre-scan bug
// to fix, not a fixture to keep. For the stalled read the test sets a short
// deadline in main's environment (BOWTIE_READER_DEADLINE_MS, read at each read
// and only unpackaged) and asserts what the user sees, not how long it took;
// the next read has the real 15 s again. The 15 s itself is
// tests/electron/workbook-reader.test.ts's, on fake timers.
// Needs the Electron binary (see smoke.spec.ts): without it, it prints
// "skipped: Electron binary not installed (...)" and skips; BOWTIE_REQUIRE_ELECTRON=1
// makes that a failure.
import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultInputs } from '@shared/index';
import { writeWorkbook } from '@shared/workbook/index';
import { BowtieApp } from './bowtie-app';
import { electronBinary } from './electron-binary';

const binary = electronBinary();
const required = process.env.BOWTIE_REQUIRE_ELECTRON === '1';
if ('missing' in binary && !required) console.log(`skipped: Electron binary not installed (${binary.missing})`);

/** Runs `source` in every reader page once it has loaded (this listener comes before main's, which hands over the port), and records each reader's pid. */
async function sabotageReaders(app: BowtieApp, source: string | null): Promise<void> {
  await app.app.evaluate(({ app: electronApp }, code) => {
    const g = globalThis as unknown as { readerPids: number[]; sabotage: string | null; hooked?: boolean };
    g.readerPids ??= [];
    g.sabotage = code;
    if (g.hooked) return;
    g.hooked = true;
    electronApp.on('web-contents-created', (_event, contents) => {
      contents.on('did-finish-load', () => {
        if (!contents.getURL().endsWith('/reader.html')) return;
        g.readerPids.push(contents.getOSProcessId());
        if (g.sabotage) void contents.executeJavaScript(g.sabotage).catch(() => undefined);
      });
    });
  }, source);
}
/** The deadline of the reads main starts from now on (null: the real 15 s); main reads it at each read. */
async function readerDeadline(app: BowtieApp, ms: number | null): Promise<void> {
  await app.app.evaluate((_electron, value) => {
    if (value === null) delete process.env.BOWTIE_READER_DEADLINE_MS;
    else process.env.BOWTIE_READER_DEADLINE_MS = value;
  }, ms === null ? null : String(ms));
}
const readerPids = (app: BowtieApp) => app.app.evaluate(() => (globalThis as unknown as { readerPids?: number[] }).readerPids ?? []);
const gone = (pid: number) => { try { process.kill(pid, 0); return false; } catch { return true; } };

const STALL = 'setTimeout(() => { const a = []; a[4294967293] = 1; a.forEach(() => {}); }, 0); 0';
const HOARD = 'setTimeout(() => { const keep = []; for (;;) keep.push(new Uint8Array(64 << 20).fill(1)); }, 0); 0';

test.describe('the hidden workbook reader in Electron', () => {
  test.skip('missing' in binary && !required, `Electron binary not installed${'missing' in binary ? ` (${binary.missing})` : ''}`);
  test.setTimeout(180_000);
  test.beforeAll(() => {
    if ('missing' in binary) throw new Error(`BOWTIE_REQUIRE_ELECTRON=1 but the Electron binary is not installed: ${binary.missing}`);
  });

  let dir: string;
  let workbook: string;
  let app: BowtieApp;
  test.beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bowtie-reader-'));
    expect(existsSync(fileURLToPath(new URL('../../dist-electron/reader-preload.cjs', import.meta.url))), 'run `npm run build` first').toBe(true);
    workbook = path.join(dir, 'Q3 plan.xlsx');
    const inputs = defaultInputs();
    await writeFile(workbook, await writeWorkbook({ inputs: { ...inputs, journey: { ...inputs.journey, renewal: { ...inputs.journey.renewal, rate: 0.7 } } }, appVersion: 'test' }));
    app = await BowtieApp.launch((binary as { path: string }).path, path.join(dir, 'userData'));
  });
  test.afterEach(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const open = async () => {
    await app.answerNextOpenDialog(workbook);
    await app.menu('File', 'Open…');
  };

  test('a workbook opens through a reader renderer of its own, which is gone afterwards', async () => {
    await sabotageReaders(app, null);
    const workspacePid = await app.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.getOSProcessId());
    await open();
    await expect(app.input('journey.renewal.rate')).toContainText('70');
    const [pid] = await readerPids(app);
    expect(pid).toBeGreaterThan(0);
    expect(pid).not.toBe(workspacePid);
    await expect.poll(() => gone(pid!)).toBe(true);
  });

  test('a reader stuck in a builtin is killed at the deadline: the user is told, the model is unchanged, the process is gone, the next open works', async () => {
    await readerDeadline(app, 2_000);
    await sabotageReaders(app, STALL);
    const before = await app.figure('kpi.nrr.y2').innerText();
    await open();
    const dialog = app.page.locator('dialog.message-dialog');
    await expect(dialog).toContainText('Q3 plan.xlsx could not be opened', { timeout: 30_000 });
    await expect(dialog).toContainText('Reading took longer than 2 s and was stopped');
    const [pid] = await readerPids(app);
    await expect.poll(() => gone(pid!), { timeout: 2_000 }).toBe(true);
    await app.page.keyboard.press('Escape');
    await expect(app.figure('kpi.nrr.y2')).toHaveText(before);

    await readerDeadline(app, null);
    await sabotageReaders(app, null);
    await open();
    await expect(app.input('journey.renewal.rate')).toContainText('70');
  });

  test('a reader past 768 MB is killed with a clear message', async () => {
    await sabotageReaders(app, HOARD);
    await open();
    const dialog = app.page.locator('dialog.message-dialog');
    await expect(dialog).toContainText(/Reading needed more (than 768 MB of memory|memory than the reader may use)/, { timeout: 30_000 });
    const [pid] = await readerPids(app);
    await expect.poll(() => gone(pid!), { timeout: 2_000 }).toBe(true);
  });
});
