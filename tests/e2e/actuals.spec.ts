// The Actuals sheet (issue 14) through the real UI: a billing export imported
// in a worker with a progress bar of rows read, cancelled, refused for bad rows
// (by line and column, nothing imported), then the plan started from it (the
// base on Assumptions → Existing customers, one undo step), a calibration
// applied and undone, and plan against actual. Every expected figure is
// computed in the test by the core from the same CSV text, and compared with
// the number on screen within its rounding.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { calibrate, computeActuals, planVsActual, readActualsCsv, readActualsXlsx, seedBase, suggestionEffect, type ActualsRead, type LaneTarget } from '@shared/actuals/index';
import { computeExact, defaultInputs, type ModelInputs } from '@shared/index';
import { BRIDGE_GRID, COHORT_GRID, money } from '@shared/report/index';
import { readWorkbook, writeWorkbook } from '@shared/workbook/index';
import { expect, test } from './fixtures';
import { ActualsPage } from './pages/actuals-page';
import { expectShows } from './pages/shown-number';
import { billingCsv, billingRows } from './pages/billing-csv';
import { FakeHost } from './pages/fake-host';
import { withoutFilePickers } from './pages/no-file-pickers';

const booked = (r: ActualsRead) => { if (!r.ok) throw new Error('the test CSV must be readable'); return r; };
const screens = () => mkdirSync('test-results/screens', { recursive: true });

test('import a large CSV: the progress bar counts rows read, then the figures are the core’s', async ({ workspace: ws, page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const text = billingCsv({ customers: 6000, firstMonth: '2021-01', months: 60 });
  const read = booked(readActualsCsv(text));
  const expected = computeActuals(read.book);
  const a = new ActualsPage(page);
  await a.show();
  await a.recordProgress();
  await a.importFile('billing-2021-2025.csv', text);
  await expect(a.sheet).toHaveAttribute('data-state', 'live', { timeout: 120_000 });
  await expect(a.progress).toHaveCount(0);
  // The bar reported rows as they were read: some value between none and all of them.
  const seen = await a.rowsSeen();
  expect(seen.some((n) => n > 0 && n < read.quality.rows), `rows seen: ${seen.join(', ')}`).toBe(true);
  await expect(a.quality('rows')).toHaveText(read.quality.rows.toLocaleString('en-US'));
  await expect(a.quality('customers')).toHaveText(read.quality.customers.toLocaleString('en-US'));
  await expect(a.quality('months')).toHaveText(`60 (2021-01 to 2025-12)`);
  await expect(a.quality('refused')).toHaveText('0');
  await expect(page.getByTestId('actuals-source')).toHaveText('billing-2021-2025.csv');
  await expect(ws.dirtyFlag).toBeVisible();
  // The bridge's first columns, against the core (the grid draws the columns in view).
  for (const t of [0, 1, 2]) {
    const m = expected.months[t]!;
    await expectShows(a.figure(`actuals.${m}.closing`), expected.closing[t]!.toNumber());
    await expectShows(a.figure(`actuals.${m}.new`), expected.new[t]!.toNumber());
    await expectShows(a.figure(`actuals.${m}.churn`), -expected.churn[t]!.toNumber());
  }
  // Drawn in the chart worker: 60 months of bars and a line, shown as an SVG image.
  const bridgeChart = page.locator('[data-key="actuals.chart.bridge"]');
  await expect(bridgeChart).toHaveAttribute('data-state', 'drawn', { timeout: 30_000 });
  const bridgeSvg = await bridgeChart.locator('img').evaluate(async (img: HTMLImageElement) => (await fetch(img.src)).text());
  expect(bridgeSvg.match(/<path/g)?.length ?? 0).toBeGreaterThan(60);
  // The pointer reads out the month under it, from the same figures as the table.
  const box = (await bridgeChart.boundingBox())!;
  const t = 30;
  const band = (box.width - BRIDGE_GRID.left - BRIDGE_GRID.right) / expected.months.length;
  await page.mouse.move(box.x + BRIDGE_GRID.left + (t + 0.5) * band, box.y + box.height / 2);
  const tip = page.getByTestId('chart-tip');
  await expect(tip).toContainText(expected.months[t]!);
  await expect(tip).toContainText(`Closing ARR ${money(expected.closing[t]!.toNumber(), 'USD')}`);
  await expect(tip).toContainText(`New ${money(expected.new[t]!.toNumber(), 'USD')}`);
  await page.mouse.move(0, 0);
  await expect(tip).toHaveCount(0);
  // The heat map is painted on a canvas: its cells cover much of it.
  const heat = page.locator('[data-key="actuals.chart.cohorts"]');
  await expect.poll(() => heat.locator('canvas').evaluateAll((layers: HTMLCanvasElement[]) => Math.max(...layers.map((c) => {
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) painted++;
    return painted / (c.width * c.height);
  })))).toBeGreaterThan(0.2);
  // Its first cell: the oldest cohort in its first month, all of its starting ARR.
  await heat.scrollIntoViewIfNeeded();
  const hb = (await heat.boundingBox())!;
  await page.mouse.move(hb.x + COHORT_GRID.left + 2, hb.y + COHORT_GRID.top + 2);
  await expect(tip).toContainText(`Cohort ${expected.cohorts[0]!.start}`);
  await expect(tip).toContainText('Month 0: 100.0% of its starting ARR');
  screens();
  await heat.screenshot({ path: 'test-results/screens/actuals-heat-map-hover.png' });
  await page.mouse.move(0, 0);
  await page.locator('.sheet-panel').evaluate((el) => el.scrollTo(0, 0));
  screens();
  await a.screenshot('actuals-imported.png');
  await page.locator('.sheet-panel').evaluate((el) => el.scrollBy(0, 700));
  await a.screenshot('actuals-charts.png');
  await page.locator('.sheet-panel').evaluate((el) => el.scrollBy(0, 700));
  await a.screenshot('actuals-seed-calibrate.png');
});

test('Cancel stops the import: nothing imported, the document unchanged', async ({ workspace: ws, page }) => {
  test.setTimeout(180_000);
  const a = new ActualsPage(page);
  await a.show();
  await a.dropGenerated('huge.csv', 40_000, 60); // 2.4 million rows, streamed from the dropped File
  await expect.poll(async () => Number(await a.progress.getAttribute('data-rows')), { timeout: 60_000 }).toBeGreaterThan(0);
  await a.screenshot('actuals-progress.png');
  await a.progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(a.sheet.getByText('Import of huge.csv cancelled; nothing was imported')).toBeVisible();
  await expect(a.progress).toHaveCount(0);
  await expect(a.sheet).toHaveAttribute('data-state', 'empty');
  await expect(ws.dirtyFlag).toHaveCount(0);
});

test('a file with bad rows: each problem by line and column, nothing imported', async ({ workspace: ws, page }) => {
  const a = new ActualsPage(page);
  await a.show();
  const text = 'customer,month,mrr\nAcme,2024-01,100\nAcme,2024-13,100\nBeta,2024-01,"1,200"\n,2024-02,50\nBeta,2024-02,\n';
  const read = readActualsCsv(text);
  if (read.ok || read.kind !== 'invalid') throw new Error('the test CSV must have bad rows');
  await a.importFile('bad.csv', text);
  await expect(a.refused).toContainText('Nothing was imported from bad.csv');
  for (const p of read.problems) await expect(a.refused).toContainText(`line ${p.line}, column ${p.column}: ${p.message}`);
  expect(read.problems.map((p) => p.line)).toEqual([3, 4, 5, 6]);
  await expect(a.sheet).toHaveAttribute('data-state', 'empty');
  await expect(ws.dirtyFlag).toHaveCount(0);
  await a.screenshot('actuals-refused.png');
});

async function importFromMenu(page: Page, host: FakeHost, name: string, text: string) {
  await host.chooseActuals({ name, text });
  await host.menu('file/importActuals');
  await expect(page.locator('.actuals-sheet')).toHaveAttribute('data-state', 'live', { timeout: 60_000 });
}

test.describe('desktop menu', () => {
  test.beforeEach(async ({ page }) => { await new FakeHost(page).install(); });

  test('Import Actuals… from the menu, start the plan from it, undo in one step', async ({ workspace: ws, page }) => {
    test.setTimeout(120_000);
    const host = new FakeHost(page);
    const text = billingCsv({ customers: 300, firstMonth: '2024-01', months: 24, seed: 11 });
    const seed = seedBase(booked(readActualsCsv(text)).book);
    await importFromMenu(page, host, 'stripe-export.csv', text);
    expect((await host.methods())).toContain('openActualsFile');
    const a = new ActualsPage(page);
    await expect(page.getByTestId('seed-summary')).toContainText(`Writes ${seed.cohorts.length} cohorts`);
    await page.locator('[data-key="actuals.seed"]').click();
    await expect(page.getByTestId('seed-summary')).toContainText(`Written: ${seed.cohorts.length} cohorts`);
    await a.screenshot('actuals-seeded.png');

    await ws.tab('Assumptions').click();
    await expect(ws.input('general.startMonth')).toHaveText(seed.startMonth);
    for (const [i, c] of seed.cohorts.entries()) {
      if (i > 3) break; // the first rows are enough to show the right ones were written
      await expect(ws.input(`base.cohorts[${i}].name`)).toHaveText(c.name);
      await expectShows(ws.input(`base.cohorts[${i}].customers`), c.customers);
      await expectShows(ws.input(`base.cohorts[${i}].arr`), c.arr);
      await expectShows(ws.input(`base.cohorts[${i}].ageMonths`), c.ageMonths);
    }
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator('[data-key="base.empty"]')).toBeVisible();
    await expect(ws.input('general.startMonth')).toHaveText(defaultInputs().general.startMonth);
    await expect(ws.input('base.cohorts[0].name')).toHaveCount(0);
  });

  test('a calibration applied and undone; plan against actual where the months overlap', async ({ workspace: ws, page }) => {
    test.setTimeout(120_000);
    const host = new FakeHost(page);
    // The default plan starts 2026-01; this export runs to 2026-06, so six months overlap.
    const text = `customer,month,mrr\n${billingRows({ customers: 400, firstMonth: '2023-07', months: 36, seed: 5 }).join('\n')}\n`;
    const read = booked(readActualsCsv(text));
    const inputs: ModelInputs = defaultInputs();
    const cal = calibrate(read.book, inputs);
    const contraction = cal.suggestions.find((s) => s.path === 'journey.contractionRate')!;
    expect(contraction).toBeDefined();
    await importFromMenu(page, host, 'billing.csv', text);
    const row = page.locator('tr[data-suggestion="journey.contractionRate"]');
    await expectShows(page.getByTestId('suggested.journey.contractionRate'), contraction.value as number);
    await expect(row).toContainText(contraction.because);
    await expect(page.getByTestId('calibration-limits')).toContainText('cannot tell adopters from customers who failed onboarding');

    // Plan against actual: the core's planVsActual on the same text and the default plan.
    const variance = planVsActual(computeExact(inputs), computeActuals(read.book));
    expect(variance.map((v) => v.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    const a = new ActualsPage(page);
    for (const v of variance.slice(0, 4)) {
      for (const measure of ['arr', 'new', 'churn'] as const) {
        for (const part of ['plan', 'actual', 'difference'] as const) {
          await expectShows(a.figure(`variance.${v.month}.${measure}.${part}`), v.figures[measure][part].toNumber());
        }
      }
    }
    await page.locator('[data-key="variance.2026-01.arr.plan"]').scrollIntoViewIfNeeded();
    await a.screenshot('actuals-variance.png');

    await row.getByRole('button', { name: 'Apply: Contraction at renewal' }).click();
    await expect(row.getByRole('button', { name: 'Applied: Contraction at renewal' })).toBeDisabled();
    await expectShows(page.getByTestId('plan.journey.contractionRate'), contraction.value as number);
    await ws.tab('Assumptions').click();
    await expectShows(ws.input('journey.contractionRate'), contraction.value as number);
    await page.keyboard.press('Control+Z');
    await expectShows(ws.input('journey.contractionRate'), inputs.journey.contractionRate as number);

    // Renewals fall on the contract's anniversaries: a 6-month term asks the worker's book again.
    await ws.type('acquisition.contractMonths', '6');
    const six = calibrate(read.book, { ...inputs, acquisition: { ...inputs.acquisition, contractMonths: 6 } });
    const renewal = six.suggestions.find((s) => s.path === 'journey.renewal.rate')!;
    await ws.tab('Actuals').click();
    await expect(page.locator('tr[data-suggestion="journey.renewal.rate"]')).toContainText(renewal.because);
    await expectShows(page.getByTestId('suggested.journey.renewal.rate'), renewal.value as number);
  });
});

test.describe('calibration: the lane between renewals', () => {
  test.beforeEach(async ({ page }) => { await new FakeHost(page).install(); });

  test('goes into the planned lane the user picks, or beside them, with its effect on NRR shown before Apply', async ({ workspace: ws, page }) => {
    test.setTimeout(120_000);
    const host = new FakeHost(page);
    // Annual customers starting through 2024; every third raises its MRR by 50 in its fifth month.
    const rows: string[] = [];
    for (let c = 0; c < 36; c++) {
      const start = 1 + (c % 12);
      for (let t = start; t < 30; t++) rows.push(`C${c},${2024 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')},${c % 3 === 0 && t - start >= 4 ? 150 : 100}`);
    }
    const text = `customer,month,mrr\n${rows.join('\n')}\n`;
    const inputs = defaultInputs();
    const lane = calibrate(booked(readActualsCsv(text)).book, inputs).suggestions.find((s) => s.path === 'lanes.actualsExpansion')!;
    expect(lane).toBeDefined();
    await importFromMenu(page, host, 'expanding.csv', text);
    const row = page.locator('tr[data-suggestion="lanes.actualsExpansion"]');
    const target = row.getByLabel('Where the lane goes');
    await expect(target).toHaveValue('replace:modules'); // never a silent fourth lane
    const effect = (t: LaneTarget) => suggestionEffect(inputs, lane, t);
    const pct = (x: number | null) => `${((x ?? 0) * 100).toFixed(1)}%`;
    const into = effect({ replace: 'modules' });
    await expect(row.getByTestId('lane-effect')).toHaveText(`Year-${into.year} NRR: ${pct(into.before)} now, ${pct(into.after)} with it.`);
    await target.selectOption('new');
    const beside = effect('new');
    await expect(row.getByTestId('lane-effect')).toHaveText(`Year-${beside.year} NRR: ${pct(beside.before)} now, ${pct(beside.after)} with it (added to the planned lanes' expansion).`);
    // Plan against actual: every "actual − plan" figure whole (here in the millions, in parentheses).
    const diff = page.locator('[data-key="variance.2026-06.arr.difference"]');
    await diff.scrollIntoViewIfNeeded();
    await expect(diff).toContainText(')');
    const cut = await page.locator('[data-key^="variance."]').evaluateAll((cells) => cells.filter((c) => {
      const box = c.closest('.ag-cell') ?? c; // AG Grid's cell clips what does not fit
      const text = c.getBoundingClientRect(), room = box.getBoundingClientRect();
      return c.scrollWidth > c.clientWidth + 1 || text.right > room.right + 0.5 || [...c.querySelectorAll('*')].some((x) => x.scrollWidth > x.clientWidth + 1);
    }).map((c) => c.getAttribute('data-key')));
    expect(cut).toEqual([]);
    await new ActualsPage(page).screenshot('actuals-variance-whole.png');
    await target.selectOption('replace:services');
    await row.scrollIntoViewIfNeeded();
    await new ActualsPage(page).screenshot('actuals-lane-choice.png');
    await row.getByRole('button', { name: 'Apply: Expansion between renewals, as a lane' }).click();
    await expect(row.getByRole('button', { name: 'Applied: Expansion between renewals, as a lane' })).toBeDisabled();
    await ws.tab('Assumptions').click();
    await expectShows(ws.input('lanes.services.acv'), (lane.value as { acv: number }).acv);
    await expect(ws.input('lanes.actualsExpansion.acv')).toHaveCount(0);
    await page.keyboard.press('Control+Z');
    await expectShows(ws.input('lanes.services.acv'), 30000);
  });
});

test.describe('the document', () => {
  test.beforeEach(async ({ page }) => {
    await withoutFilePickers(page);
  });

  test('Save writes the Actuals sheet (source, rows, SHA-256); reopening shows it, and asks for a re-import to calibrate', async ({ workspace: ws, page }) => {
    test.setTimeout(120_000);
    await page.reload();
    await ws.open();
    const text = billingCsv({ customers: 120, firstMonth: '2024-01', months: 18, seed: 3 });
    const read = booked(readActualsCsv(text));
    const expected = computeActuals(read.book);
    const a = new ActualsPage(page);
    await a.show();
    await a.importFile('export.csv', text);
    await expect(a.sheet).toHaveAttribute('data-state', 'live');

    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+S');
    const file = await download;
    const path = join(mkdtempSync(join(tmpdir(), 'bowtie-e2e-')), 'with-actuals.xlsx');
    await file.saveAs(path);
    await expect(ws.dirtyFlag).toHaveCount(0);
    // The workbook itself: the Actuals sheet names the file, its rows and its SHA-256.
    const saved = await readWorkbook(new Uint8Array(readFileSync(path)));
    if (!saved.ok || !saved.actuals) throw new Error('the saved workbook must have its Actuals sheet');
    expect(saved.actuals.source).toEqual({ fileName: 'export.csv', rows: read.quality.rows, sha256: createHash('sha256').update(text).digest('hex') });
    expect(saved.actuals.closing).toEqual(expected.closing.map((x) => x.toNumber()));

    await page.reload();
    await ws.open();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…' }).click();
    await (await chooser).setFiles(path);
    await expect(ws.documentName).toHaveText('with-actuals.xlsx');
    await a.show();
    await expect(a.sheet).toHaveAttribute('data-state', 'saved');
    await expect(page.getByTestId('actuals-source')).toHaveText('export.csv');
    await expect(a.quality('rows')).toHaveText(read.quality.rows.toLocaleString('en-US'));
    await expect(page.getByTestId('actuals-reimport')).toContainText('Import export.csv again');
    await expect(a.sheet.getByText('import it again to see what the billing history suggests')).toBeVisible();
    for (const t of [0, 5]) await expectShows(a.figure(`actuals.${expected.months[t]}.closing`), expected.closing[t]!.toNumber());
    await expect(ws.dirtyFlag).toHaveCount(0);
    await a.screenshot('actuals-reopened.png');
  });
});

test('an .xlsx export dropped on the Actuals sheet is imported (its first sheet); dropped elsewhere, a workbook opens as a model', async ({ workspace: ws, page }) => {
  test.setTimeout(120_000);
  const rows = billingRows({ customers: 40, firstMonth: '2024-01', months: 14, seed: 21 });
  const wb = new ExcelJS.Workbook();
  const first = wb.addWorksheet('Export');
  first.addRow(['customer', 'month', 'mrr']);
  for (const r of rows) { const [c, m, v] = r.split(','); first.addRow([c, m, Number(v)]); }
  wb.addWorksheet('Notes').addRow(['not read']);
  const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
  const read = booked(await readActualsXlsx(xlsx));
  const expected = computeActuals(read.book);

  const a = new ActualsPage(page);
  await a.show();
  await a.dropFile('export.xlsx', xlsx);
  await expect(a.sheet).toHaveAttribute('data-state', 'live', { timeout: 60_000 });
  await expect(a.quality('rows')).toHaveText(String(read.quality.rows));
  await expectShows(a.figure(`actuals.${expected.months[1]}.closing`), expected.closing[1]!.toNumber());
  await expect(ws.documentName).toHaveText('Untitled.xlsx');

  // On another sheet an .xlsx is a model to open (after Save / Don't Save / Cancel: the actuals made the document dirty).
  const model = await writeWorkbook({ inputs: { ...defaultInputs(), general: { ...defaultInputs().general, name: 'Dropped plan' } }, appVersion: 'test' });
  await ws.tab('Assumptions').click();
  await a.dropFile('dropped-plan.xlsx', model);
  await page.getByRole('dialog').getByRole('button', { name: /Don.t Save/ }).click();
  await expect(ws.documentName).toHaveText('dropped-plan.xlsx');
  await expect(ws.input('general.name')).toHaveText('Dropped plan');
});

test('Open… on a billing export (.csv) imports it as actuals and keeps the model open', async ({ workspace: ws, page }) => {
  test.setTimeout(120_000);
  const text = billingCsv({ customers: 60, firstMonth: '2024-01', months: 15 });
  const read = booked(readActualsCsv(text));
  const expected = computeActuals(read.book);
  // Headless Chromium cannot show the File System Access pickers: the <input type=file> path.
  await page.addInitScript(() => { delete (window as unknown as Record<string, unknown>).showOpenFilePicker; });
  await page.reload();
  await ws.open();
  const before = await ws.documentName.textContent();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles({ name: 'billing.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  const a = new ActualsPage(page);
  await expect(a.sheet).toHaveAttribute('data-state', 'live', { timeout: 60_000 });
  await expect(page.getByTestId('actuals-source')).toHaveText('billing.csv');
  await expectShows(a.figure(`actuals.${expected.months[2]}.closing`), expected.closing[2]!.toNumber());
  // imported into the model that was open, not opened in its place
  await expect(ws.documentName).toHaveText(before!);
});
