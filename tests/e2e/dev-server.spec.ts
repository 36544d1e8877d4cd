// `npm run web` is the same app (issue 23.1): on Vite's dev server, which
// bundles the workers differently from the production build the other specs
// run on (playwright.config.ts, project `dev-server`). Open, edit, save through
// the browser platform (a download), and the workbook holds the board charts;
// import actuals, and their chart draws. Any console error fails the test:
// that is how the dev server's worker failures first showed.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { defaultInputs, setInput } from '@shared/index';
import { expect, test } from './fixtures';
import { ActualsPage } from './pages/actuals-page';
import { billingCsv } from './pages/billing-csv';
import { withoutFilePickers } from './pages/no-file-pickers';

test.beforeEach(async ({ page }) => {
  await withoutFilePickers(page);
});

test('on the dev server: edit, save with the board charts, and the Actuals chart draws', async ({ workspace: ws, page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.reload();
  await ws.open();

  await ws.type('journey.renewal.rate', '91%');
  await ws.expectFigures(setInput(defaultInputs(), 'journey.renewal.rate', 0.91));
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+S');
  const path = join(mkdtempSync(join(tmpdir(), 'bowtie-dev-')), 'dev.xlsx');
  await (await download).saveAs(path);
  await expect(ws.dirtyFlag).toHaveCount(0);
  await expect(page.locator('.status-bar')).toContainText('Saved Example SaaS.xlsx');
  await expect(page.locator('.status-bar')).not.toContainText('without');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The Board Report sheet carries its two pictures (bowtie, LTV curve) beside its
  // native charts: the extras were not dropped.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  expect(wb.getWorksheet('Board Report')!.getImages().length).toBe(2);

  const a = new ActualsPage(page);
  await a.show();
  await a.importFile('export.csv', billingCsv({ customers: 80, firstMonth: '2024-01', months: 18, seed: 5 }));
  await expect(a.sheet).toHaveAttribute('data-state', 'live');
  const bridge = page.locator('[data-key="actuals.chart.bridge"]');
  await expect(bridge).toHaveAttribute('data-state', 'drawn', { timeout: 30_000 });
  await expect(page.getByText('The chart could not be drawn')).toHaveCount(0);
  expect(errors).toEqual([]);
});
