// The renderer's side of the desktop contract (issues #4, #5), with a fake
// `window.bowtie` (pages/fake-host.ts) that records every call: the recovery offer
// at start, the save a close request asks for, menu Undo with and without a cell
// editor, and Export Board Report as PDF from another sheet. Expected figures
// come from the core.
import type { Page } from '@playwright/test';
import { computeModel, defaultInputs, setInput } from '@shared/index';
import { writeWorkbook } from '@shared/workbook/index';
import { expect, test } from './fixtures';
import { expectedText } from './pages/expected-text';
import { FakeHost, NO_RECOVERY, type FakeHostOptions } from './pages/fake-host';
import { WorkspacePage } from './pages/workspace-page';

async function openWithHost(page: Page, opts: FakeHostOptions = NO_RECOVERY): Promise<{ ws: WorkspacePage; host: FakeHost }> {
  const host = new FakeHost(page);
  await host.install(opts);
  const ws = new WorkspacePage(page);
  await ws.open();
  return { ws, host };
}

test.describe('recovery offer at start', () => {
  const recovered = setInput(defaultInputs(), 'journey.renewal.rate', 0.7);
  let copy: FakeHostOptions;
  test.beforeAll(async () => {
    const bytes = await writeWorkbook({ inputs: recovered, appVersion: '0.0.0-test' });
    copy = { recovery: { path: '/home/me/Q3 plan.xlsx', savedAt: '2026-03-02T14:05:00Z', bytes: Buffer.from(bytes).toString('base64') } };
  });

  test('Restore opens the recovered figures, unsaved; saving it clears the copy', async ({ page }) => {
    const { ws, host } = await openWithHost(page, copy);
    const dialog = ws.dialog('Restore unsaved work?');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Q3 plan.xlsx');
    await expect(ws.button('Restore')).toBeFocused();
    await ws.screenshot('recovery-dialog.png');

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
    await expect(ws.input('journey.renewal.rate')).toHaveText(expectedText.rateInput(0.7));
    await expect(ws.documentName).toHaveText('Q3 plan.xlsx');
    await expect(ws.dirtyFlag).toBeVisible();
    expect(await host.methods()).not.toContain('clearRecovery'); // kept until it is saved

    await ws.button('Save').click();
    await expect(ws.dirtyFlag).toBeHidden();
    const after = await host.calls();
    expect(after.find((c) => c.m === 'saveFile')).toMatchObject({ path: '/home/me/Q3 plan.xlsx' });
    expect(await host.methods()).toEqual(['saveFile', 'clearRecovery']);
  });

  test('Discard keeps the current model and deletes the copy', async ({ page }) => {
    const { ws, host } = await openWithHost(page, copy);
    const dialog = ws.dialog('Restore unsaved work?');
    await dialog.getByRole('button', { name: 'Discard' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => host.methods()).toEqual(['clearRecovery']);
    await ws.expectFigures(defaultInputs());
    await expect(ws.dirtyFlag).toBeHidden();
  });

  test('no copy, no dialog; while dirty a copy is written every 60 s, and not once saved', async ({ page }) => {
    await page.clock.install();
    const { ws, host } = await openWithHost(page);
    await expect(ws.dialog('Restore unsaved work?')).toBeHidden();
    await page.clock.runFor(61_000);
    expect(await host.methods()).toEqual([]); // clean: nothing to recover
    await ws.type('journey.renewal.rate', '80');
    await page.clock.runFor(60_000);
    await expect.poll(() => host.methods()).toEqual(['writeRecovery']);
    expect((await host.calls()).find((c) => c.m === 'writeRecovery')).toMatchObject({ path: null });
    await host.menu('file/save'); // untitled: Save As
    await expect.poll(() => host.methods()).toEqual(['writeRecovery', 'saveFileAs', 'clearRecovery']);
    await page.clock.runFor(60_000);
    expect(await host.methods()).toEqual(['writeRecovery', 'saveFileAs', 'clearRecovery']);
  });
});

test.describe('close request from the host (the user chose Save in its prompt)', () => {
  test('a dirty new model is saved with Save As, then the close is confirmed, with no second question', async ({ page }) => {
    const { ws, host } = await openWithHost(page);
    let asked = false;
    page.on('dialog', (d) => { asked = true; void d.dismiss(); });
    await ws.type('journey.renewal.rate', '92');
    await host.requestClose();
    await expect.poll(() => host.methods()).toEqual(['saveFileAs', 'clearRecovery', 'confirmClose']);
    expect(asked).toBe(false);
  });

  test('a failed save keeps the window open and the model dirty, and says why', async ({ page }) => {
    const { ws, host } = await openWithHost(page);
    await ws.type('journey.renewal.rate', '92');
    await host.failSaves('Plan.xlsx could not be saved: the disk is full. Free some space and save again.');
    await host.requestClose();
    const dialog = ws.dialog('Could not save');
    await expect(dialog).toContainText('the disk is full');
    // the host hears that the close is off, so a quit waiting on it is abandoned
    await expect.poll(() => host.methods()).toEqual(['saveFileAs', 'cancelClose']);
    await expect(ws.dirtyFlag).toBeVisible();
    await ws.expectFigures(setInput(defaultInputs(), 'journey.renewal.rate', 0.92));
  });

  test('cancelling the Save As dialog cancels the close', async ({ page }) => {
    const { ws, host } = await openWithHost(page);
    await ws.type('journey.renewal.rate', '92');
    await host.cancelSaveAs();
    await host.requestClose();
    await expect(ws.statusText('Not closed: the model was not saved')).toBeVisible();
    await expect.poll(() => host.methods()).toEqual(['saveFileAs', 'cancelClose']);
    await expect(ws.dirtyFlag).toBeVisible();
  });
});

test('menu Undo undoes the text in a focused cell editor, and the document otherwise', async ({ page }) => {
  const { ws, host } = await openWithHost(page);
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
  await host.menu('edit/undo');
  await expect(editor).toHaveValue(before); // the typing, not the renewal rate
  await ws.expectFigures(edited);
  await page.keyboard.press('Escape');

  await host.menu('edit/undo');
  await ws.expectFigures(defaultInputs());
  await host.menu('edit/redo');
  await ws.expectFigures(edited);
});

test('menu Export Board Report as PDF from the Assumptions sheet exports once the report has rendered', async ({ page }) => {
  const { host } = await openWithHost(page);
  await host.menu('file/exportPdf');
  await expect.poll(() => host.methods(), { timeout: 30_000 }).toContain('exportPdf');
  const pdf = (await host.calls()).filter((c) => c.m === 'exportPdf');
  expect(pdf).toHaveLength(1);
  const arrY1 = computeModel(defaultInputs()).annual[0]!.closing;
  expect(pdf[0]).toMatchObject({ name: 'Example SaaS board report', board: true, arrY1: String(arrY1) });
  // the board page draws four charts: bowtie, bridge, NRR decomposition and LTV curve (the lane mix is its table)
  expect(pdf[0]!.charts).toBeGreaterThanOrEqual(4);
  expect(pdf[0]!.drawn).toBe(pdf[0]!.charts);
});

test.describe('structure of the Assumptions sheet', () => {
  test('years of new logos: remove, add, edit; ARR follows the core and undo restores', async ({ page }) => {
    const { ws } = await openWithHost(page);
    const years = (list: number[]) => ({ ...defaultInputs(), acquisition: { ...defaultInputs().acquisition, newCustomersByYear: list } });
    expect(WorkspacePage.expectedFigures(years([100, 120]))['kpi.arr.y3']).not.toBe(WorkspacePage.expectedFigures(defaultInputs())['kpi.arr.y3']);

    await ws.button('Remove year 3').click();
    await expect(ws.input('acquisition.newCustomersByYear[2]')).toHaveCount(0);
    await ws.expectFigures(years([100, 120]));

    await ws.button('+ Add year').click();
    await expect(ws.input('acquisition.newCustomersByYear[2]')).toHaveText(expectedText.countInput(120));
    await ws.expectFigures(years([100, 120, 120]));
    await ws.type('acquisition.newCustomersByYear[2]', '150');
    await ws.expectFigures(years([100, 120, 150]));

    // A fourth year lies past the 36-month horizon: listed, marked, no figure moves.
    await ws.button('+ Add year').click();
    await expect(ws.group('New logos by year')).toContainText('beyond the 36-month horizon');
    await ws.expectFigures(years([100, 120, 150, 150]));
    await expect(ws.button('Remove year 3')).toHaveCount(0); // only the last year goes

    for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Z');
    await ws.expectFigures(defaultInputs());
    // AG Grid fades a removed row out; the year-3 row was removed and re-added just now.
    await expect(ws.input('acquisition.newCustomersByYear[2]')).toHaveCount(1);
    await expect(ws.input('acquisition.newCustomersByYear[2]')).toHaveText(expectedText.countInput(140));
    await expect(ws.input('acquisition.newCustomersByYear[3]')).toHaveCount(0);
  });

  test('funnel stages: add, rename, remove; volumes follow the core and undo restores', async ({ page }) => {
    const { ws } = await openWithHost(page);
    const funnel = ws.group('Funnel stages');
    const volume = (m: ReturnType<typeof defaultInputs>, i: number) => expectedText.count(computeModel(m).funnel[i]!.volume);

    await ws.button('+ Add stage').click();
    await expect(ws.input('acquisition.funnel[4].name')).toHaveText('New stage 5');
    await ws.type('acquisition.funnel[4].name', 'Proposal');
    await ws.type('acquisition.funnel[4].rate', '50');
    let m = defaultInputs();
    m = { ...m, acquisition: { ...m.acquisition, funnel: [...m.acquisition.funnel, { name: 'Proposal', rate: 0.5 }] } };
    await expect(funnel).toContainText(volume(m, 0));

    await ws.button('Remove funnel stage MQL').click();
    await expect(ws.input('acquisition.funnel[0].name')).toHaveText('SAL');
    await expect(ws.input('acquisition.funnel[4].name')).toHaveCount(0);
    m = { ...m, acquisition: { ...m.acquisition, funnel: m.acquisition.funnel.slice(1) } };
    await expect(funnel).toContainText(volume(m, 0));

    await ws.screenshot('assumptions-structure.png');

    for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Z');
    await expect(ws.input('acquisition.funnel[0].name')).toHaveText('MQL');
    await expect(ws.input('acquisition.funnel[4].name')).toHaveCount(0);
    await expect(funnel).toContainText(volume(defaultInputs(), 0));
    await expect(ws.dirtyFlag).toBeHidden();
  });
});
