// The renderer's side of the desktop contract (issues #4, #5), with a fake
// `window.bowtie` that records every call in `window.__calls`: the recovery offer
// at start, the save a close request asks for, menu Undo with and without a cell
// editor, and Export Board Report as PDF from another sheet. Expected figures
// come from the core.
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { computeModel, defaultInputs, setInput } from '../../shared/index';
import { writeWorkbook } from '../../shared/workbook/index';
import { formatFigure, formatInput } from '../../renderer/src/format/format';
import { expect, test } from './fixtures';
import { WorkspacePage } from './pages/workspace-page';

interface FakeOptions {
  /** base64 workbook bytes takeRecovery returns, with the path it came from */
  recovery: { path: string | null; savedAt: string; bytes: string } | null;
}

/** What preload.ts exposes, faked; runs before the page's scripts. */
function fakeBowtie(opts: FakeOptions) {
  const w = window as unknown as Record<string, any>;
  const calls: Record<string, unknown>[] = [];
  w.__calls = calls;
  // Tests change these to make the host answer differently.
  w.__host = { saveError: null as string | null, saveAsPath: '/home/me/Plan.xlsx' as string | null };
  const ok = (value: unknown) => Promise.resolve({ ok: true, value });
  const menu = new Set<(c: string) => void>();
  const closes = new Set<() => void>();
  w.__menu = (c: string) => menu.forEach((l) => l(c));
  w.__close = () => closes.forEach((l) => l());
  const fromB64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  /** The Board Report as it stands when the PDF is taken. */
  const boardState = () => {
    const page = document.querySelector('.board-sheet[data-state="ready"] .board-page');
    const charts = [...(page?.querySelectorAll('.echart') ?? [])];
    return {
      board: page !== null,
      charts: charts.length,
      drawn: charts.filter((c) => c.querySelector('svg path, svg text') !== null).length,
      arrY1: page?.querySelector('[data-key="board.arr.y1"]')?.getAttribute('data-value') ?? null,
    };
  };
  w.bowtie = Object.freeze({
    openFile: () => (calls.push({ m: 'openFile' }), ok(null)),
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

const NO_RECOVERY: FakeOptions = { recovery: null };

async function openWithHost(page: Page, opts: FakeOptions = NO_RECOVERY): Promise<WorkspacePage> {
  await page.addInitScript(fakeBowtie, opts);
  const ws = new WorkspacePage(page);
  await page.goto('/?sheet=assumptions');
  await expect(ws.kpi('kpi.nrr.y2')).not.toHaveText('', { timeout: 30_000 });
  return ws;
}

const calls = (page: Page) => page.evaluate(() => (window as any).__calls as { m: string; [k: string]: unknown }[]);
const methods = async (page: Page) => (await calls(page)).map((c) => c.m).filter((m) => m !== 'setDocumentState' && m !== 'takeRecovery');

test.describe('recovery offer at start', () => {
  const recovered = setInput(defaultInputs(), 'journey.renewal.rate', 0.7);
  let copy: FakeOptions;
  test.beforeAll(async () => {
    const bytes = await writeWorkbook({ inputs: recovered, appVersion: '0.0.0-test' });
    copy = { recovery: { path: '/home/me/Q3 plan.xlsx', savedAt: '2026-03-02T14:05:00Z', bytes: Buffer.from(bytes).toString('base64') } };
  });

  test('Restore opens the recovered figures, unsaved; saving it clears the copy', async ({ page }) => {
    const ws = await openWithHost(page, copy);
    const dialog = page.getByRole('dialog', { name: 'Restore unsaved work?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Q3 plan.xlsx');
    await expect(page.getByRole('button', { name: 'Restore' })).toBeFocused();
    mkdirSync('test-results/screens', { recursive: true });
    await page.screenshot({ path: 'test-results/screens/recovery-dialog.png' });

    await page.keyboard.press('Escape'); // no accidental choice
    await expect(dialog).toBeVisible();
    // focus stays inside the dialog (issue 11 §9: it used to escape), and Enter restores
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
    await page.getByRole('button', { name: 'Restore' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await ws.expectFigures(recovered);
    await expect(ws.input('journey.renewal.rate')).toHaveText(formatInput('rate', 0.7));
    await expect(page.getByTestId('document-name')).toHaveText('Q3 plan.xlsx');
    await expect(page.getByTestId('dirty-flag')).toBeVisible();
    expect(await methods(page)).not.toContain('clearRecovery'); // kept until it is saved

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByTestId('dirty-flag')).toBeHidden();
    const after = await calls(page);
    expect(after.find((c) => c.m === 'saveFile')).toMatchObject({ path: '/home/me/Q3 plan.xlsx' });
    expect(await methods(page)).toEqual(['saveFile', 'clearRecovery']);
  });

  test('Discard keeps the current model and deletes the copy', async ({ page }) => {
    const ws = await openWithHost(page, copy);
    const dialog = page.getByRole('dialog', { name: 'Restore unsaved work?' });
    await dialog.getByRole('button', { name: 'Discard' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => methods(page)).toEqual(['clearRecovery']);
    await ws.expectFigures(defaultInputs());
    await expect(page.getByTestId('dirty-flag')).toBeHidden();
  });

  test('no copy, no dialog; while dirty a copy is written every 60 s, and not once saved', async ({ page }) => {
    await page.clock.install();
    const ws = await openWithHost(page);
    await expect(page.getByRole('dialog', { name: 'Restore unsaved work?' })).toBeHidden();
    await page.clock.runFor(61_000);
    expect(await methods(page)).toEqual([]); // clean: nothing to recover
    await ws.type('journey.renewal.rate', '80');
    await page.clock.runFor(60_000);
    await expect.poll(() => methods(page)).toEqual(['writeRecovery']);
    expect((await calls(page)).find((c) => c.m === 'writeRecovery')).toMatchObject({ path: null });
    await page.evaluate(() => (window as any).__menu('file/save')); // untitled: Save As
    await expect.poll(() => methods(page)).toEqual(['writeRecovery', 'saveFileAs', 'clearRecovery']);
    await page.clock.runFor(60_000);
    expect(await methods(page)).toEqual(['writeRecovery', 'saveFileAs', 'clearRecovery']);
  });
});

test.describe('close request from the host (the user chose Save in its prompt)', () => {
  test('a dirty new model is saved with Save As, then the close is confirmed, with no second question', async ({ page }) => {
    const ws = await openWithHost(page);
    let asked = false;
    page.on('dialog', (d) => { asked = true; void d.dismiss(); });
    await ws.type('journey.renewal.rate', '92');
    await page.evaluate(() => (window as any).__close());
    await expect.poll(() => methods(page)).toEqual(['saveFileAs', 'clearRecovery', 'confirmClose']);
    expect(asked).toBe(false);
  });

  test('a failed save keeps the window open and the model dirty, and says why', async ({ page }) => {
    const ws = await openWithHost(page);
    await ws.type('journey.renewal.rate', '92');
    await page.evaluate(() => { (window as any).__host.saveError = 'Plan.xlsx could not be saved: the disk is full. Free some space and save again.'; });
    await page.evaluate(() => (window as any).__close());
    const dialog = page.getByRole('dialog', { name: 'Could not save' });
    await expect(dialog).toContainText('the disk is full');
    // the host hears that the close is off, so a quit waiting on it is abandoned
    await expect.poll(() => methods(page)).toEqual(['saveFileAs', 'cancelClose']);
    await expect(page.getByTestId('dirty-flag')).toBeVisible();
    await ws.expectFigures(setInput(defaultInputs(), 'journey.renewal.rate', 0.92));
  });

  test('cancelling the Save As dialog cancels the close', async ({ page }) => {
    const ws = await openWithHost(page);
    await ws.type('journey.renewal.rate', '92');
    await page.evaluate(() => { (window as any).__host.saveAsPath = null; });
    await page.evaluate(() => (window as any).__close());
    await expect(page.getByText('Not closed: the model was not saved')).toBeVisible();
    await expect.poll(() => methods(page)).toEqual(['saveFileAs', 'cancelClose']);
    await expect(page.getByTestId('dirty-flag')).toBeVisible();
  });
});

test('menu Undo undoes the text in a focused cell editor, and the document otherwise', async ({ page }) => {
  const ws = await openWithHost(page);
  await ws.type('journey.renewal.rate', '92');
  const edited = setInput(defaultInputs(), 'journey.renewal.rate', 0.92);
  await ws.expectFigures(edited);

  await ws.input('acquisition.acv').click();
  await page.keyboard.press('F2');
  const editor = ws.input('acquisition.acv').locator('input');
  await expect(editor).toBeFocused();
  const before = await editor.inputValue();
  await page.keyboard.type('123');
  await expect(editor).toHaveValue(`${before}123`);
  await page.evaluate(() => (window as any).__menu('edit/undo'));
  await expect(editor).toHaveValue(before); // the typing, not the renewal rate
  await ws.expectFigures(edited);
  await page.keyboard.press('Escape');

  await page.evaluate(() => (window as any).__menu('edit/undo'));
  await ws.expectFigures(defaultInputs());
  await page.evaluate(() => (window as any).__menu('edit/redo'));
  await ws.expectFigures(edited);
});

test('menu Export Board Report as PDF from the Assumptions sheet exports once the report has rendered', async ({ page }) => {
  await openWithHost(page);
  await page.evaluate(() => (window as any).__menu('file/exportPdf'));
  await expect.poll(() => methods(page), { timeout: 30_000 }).toContain('exportPdf');
  const pdf = (await calls(page)).filter((c) => c.m === 'exportPdf');
  expect(pdf).toHaveLength(1);
  const arrY1 = computeModel(defaultInputs()).annual[0]!.closing;
  expect(pdf[0]).toMatchObject({ name: 'Untitled board report', board: true, arrY1: String(arrY1) });
  expect(pdf[0]!.charts).toBeGreaterThanOrEqual(5);
  expect(pdf[0]!.drawn).toBe(pdf[0]!.charts);
});

test.describe('structure of the Assumptions sheet', () => {
  test('years of new logos: remove, add, edit; ARR follows the core and undo restores', async ({ page }) => {
    const ws = await openWithHost(page);
    const years = (list: number[]) => ({ ...defaultInputs(), acquisition: { ...defaultInputs().acquisition, newCustomersByYear: list } });
    expect(WorkspacePage.expectedFigures(years([100, 120]))['kpi.arr.y3']).not.toBe(WorkspacePage.expectedFigures(defaultInputs())['kpi.arr.y3']);

    await page.getByRole('button', { name: 'Remove year 3' }).click();
    await expect(ws.input('acquisition.newCustomersByYear[2]')).toHaveCount(0);
    await ws.expectFigures(years([100, 120]));

    await page.getByRole('button', { name: '+ Add year' }).click();
    await expect(ws.input('acquisition.newCustomersByYear[2]')).toHaveText(formatInput('count', 120));
    await ws.expectFigures(years([100, 120, 120]));
    await ws.type('acquisition.newCustomersByYear[2]', '150');
    await ws.expectFigures(years([100, 120, 150]));

    // A fourth year lies past the 36-month horizon: listed, marked, no figure moves.
    await page.getByRole('button', { name: '+ Add year' }).click();
    await expect(page.getByRole('group', { name: 'New logos by year' })).toContainText('beyond the 36-month horizon');
    await ws.expectFigures(years([100, 120, 150, 150]));
    await expect(page.getByRole('button', { name: 'Remove year 3' })).toHaveCount(0); // only the last year goes

    for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Z');
    await ws.expectFigures(defaultInputs());
    // AG Grid fades a removed row out; the year-3 row was removed and re-added just now.
    await expect(ws.input('acquisition.newCustomersByYear[2]')).toHaveCount(1);
    await expect(ws.input('acquisition.newCustomersByYear[2]')).toHaveText(formatInput('count', 140));
    await expect(ws.input('acquisition.newCustomersByYear[3]')).toHaveCount(0);
  });

  test('funnel stages: add, rename, remove; volumes follow the core and undo restores', async ({ page }) => {
    const ws = await openWithHost(page);
    const funnel = page.getByRole('group', { name: 'Funnel stages' });
    const volume = (m: ReturnType<typeof defaultInputs>, i: number) => formatFigure(computeModel(m).funnel[i]!.volume, 'count');

    await page.getByRole('button', { name: '+ Add stage' }).click();
    await expect(ws.input('acquisition.funnel[4].name')).toHaveText('New stage 5');
    await ws.type('acquisition.funnel[4].name', 'Proposal');
    await ws.type('acquisition.funnel[4].rate', '50');
    let m = defaultInputs();
    m = { ...m, acquisition: { ...m.acquisition, funnel: [...m.acquisition.funnel, { name: 'Proposal', rate: 0.5 }] } };
    await expect(funnel).toContainText(volume(m, 0));

    await page.getByRole('button', { name: 'Remove funnel stage MQL' }).click();
    await expect(ws.input('acquisition.funnel[0].name')).toHaveText('SAL');
    await expect(ws.input('acquisition.funnel[4].name')).toHaveCount(0);
    m = { ...m, acquisition: { ...m.acquisition, funnel: m.acquisition.funnel.slice(1) } };
    await expect(funnel).toContainText(volume(m, 0));

    mkdirSync('test-results/screens', { recursive: true });
    await page.screenshot({ path: 'test-results/screens/assumptions-structure.png' });

    for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Z');
    await expect(ws.input('acquisition.funnel[0].name')).toHaveText('MQL');
    await expect(ws.input('acquisition.funnel[4].name')).toHaveCount(0);
    await expect(funnel).toContainText(volume(defaultInputs(), 0));
    await expect(page.getByTestId('dirty-flag')).toBeHidden();
  });
});
