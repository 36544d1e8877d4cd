// The Sensitivity sheet's choices travel with the file (browser mode): change the
// output and an axis value, save, reopen in a fresh page, and find the same table.
// Expected cells come from the core for the saved spec.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultInputs, defaultTwoWay, twoWayTable, type TwoWaySpec } from '@shared/index';
import { formatFigure } from '@shared/report/index';
import { readWorkbook } from '@shared/workbook/index';
import { expect, test } from './fixtures';
import { AnalysisPage } from './pages/analysis-page';
import { withoutFilePickers } from './pages/no-file-pickers';

test.beforeEach(async ({ page }) => {
  // The download and <input type=file> paths, as in files.spec.ts.
  await withoutFilePickers(page);
});

test('the chosen output and axis values are saved, and the reopened file shows the same table', async ({ page, context }) => {
  const a = new AnalysisPage(page);
  await a.open('sensitivity');
  await a.twoWayDone();
  await expect(page.getByTestId('dirty-flag')).toHaveCount(0);
  await a.key('sensitivity.figure').selectOption('ltvToCac');
  await a.twoWayDone();
  await a.setAxisValue('col', 2, '35');
  await a.twoWayDone();
  // Changing the table is a change to the document, as a what-if table's inputs are in Excel.
  await expect(page.getByTestId('dirty-flag')).toHaveCount(1);

  const m = defaultInputs();
  const d = defaultTwoWay(m);
  const spec: TwoWaySpec = { ...d, figure: 'ltvToCac', colValues: d.colValues.map((v, i) => (i === 2 ? 0.35 : v)) };
  const table = twoWayTable(m, spec);

  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+S');
  const path = join(mkdtempSync(join(tmpdir(), 'bowtie-e2e-')), 'workshop.xlsx');
  await (await download).saveAs(path);
  await expect(page.getByTestId('dirty-flag')).toHaveCount(0);
  const read = await readWorkbook(new Uint8Array(readFileSync(path)));
  expect(read.ok && read.extras.sensitivity).toEqual({ version: 1, ...spec });

  // A fresh page: nothing of the earlier session but the file.
  const fresh = await context.newPage();
  await withoutFilePickers(fresh);
  const b = new AnalysisPage(fresh);
  await b.open('sensitivity');
  await b.twoWayDone();
  await expect(b.key('sensitivity.figure')).toHaveValue(d.figure);
  const chooser = fresh.waitForEvent('filechooser');
  await fresh.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles(path);
  await expect(fresh.getByTestId('document-name')).toHaveText('workshop.xlsx');
  await b.twoWayDone();
  await expect(b.key('sensitivity.figure')).toHaveValue('ltvToCac');
  await expect(b.key('sensitivity.rowKey')).toHaveValue(spec.rowKey);
  await expect(b.key('sensitivity.colKey')).toHaveValue(spec.colKey);
  await expect(b.key('sensitivity.colValues.2')).toHaveValue('35.0%');
  for (let r = 0; r < spec.rowValues.length; r++) {
    for (let c = 0; c < spec.colValues.length; c++) {
      const expected = table.cells[r]![c]!.toNumber();
      await expect(b.cell(r, c)).toHaveAttribute('data-value', String(expected));
      await expect(b.cell(r, c)).toContainText(formatFigure(expected, 'ratio'));
    }
  }
  // The saved model (renewal 85%, attach 35%) is now on the axes.
  await expect(b.cell(spec.rowValues.indexOf(0.85), 2)).toHaveClass(/is-base-cell/);
  await expect(b.key('sensitivity.tornado')).toContainText('Tornado: LTV:CAC');
  await expect(fresh.getByTestId('dirty-flag')).toHaveCount(0);
  await fresh.screenshot({ path: 'test-results/screens/sensitivity-reopened.png' });

  // New starts again from the default table.
  await fresh.getByRole('button', { name: 'New ▾' }).click();
  await fresh.getByRole('menuitem', { name: /Example model/ }).click();
  await b.twoWayDone();
  await expect(b.key('sensitivity.figure')).toHaveValue(d.figure);
  await expect(b.key('sensitivity.colValues.2')).toHaveValue('30.0%');
});
