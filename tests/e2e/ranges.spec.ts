// Ranges in the app (issue 21, spec §11): a range typed in a cell is marked and
// undone like any edit; the Ranges view fills with progress from the analysis
// worker, can be cancelled, and shows the figures the core gives for the same
// ranges and seed; the board page gains its "Range of outcomes" block.
// Expected figures come from the core's own run (runRanges), written as the
// screen writes them (expected-text.ts).
import { completeYears, computeModel, defaultInputs, runRanges } from '@shared/index';
import { expect, test } from './fixtures';
import { expectedText } from './pages/expected-text';
import { AnalysisPage } from './pages/analysis-page';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';

const inputs = defaultInputs();
const years = completeYears(inputs.general.horizonMonths);
const arrKey = `arrByYearEnd[${years - 1}]`;
const planArr = computeModel(inputs).annual[years - 1]!.closing;
const range = { key: 'journey.renewal.rate', low: 0.8, high: 0.9 };
// added in the Ranges view's editor (±20% around $65,000), then its high typed as 90k
const acv = { key: 'acquisition.acv', low: 52_000, mode: 65_000, high: 90_000 };
const expected = runRanges(inputs, [range, acv], { samples: 1000, seed: 1, targets: [{ output: arrKey, value: planArr }] });

test('a range typed in a cell, the Ranges view filling with progress, a cancelled run, and the board block', async ({ workspace, page }) => {
  const cell = workspace.input('journey.renewal.rate');
  // bad input stays at the cell with the core's message, and changes nothing
  await workspace.typeInEditor('journey.renewal.rate', '90%..80%');
  await expect(cell).toHaveAttribute('aria-invalid', 'true');
  await expect(workspace.problem('journey.renewal.rate')).toHaveText('low 90.0% is above high 80.0%');
  await workspace.typeInEditor('journey.renewal.rate', '80%..90%');
  await expect(cell).toHaveAttribute('data-range', '80%..90%');
  await expect(cell).toHaveClass(/cell-ranged/);
  await expect(cell).toHaveText('85.0%'); // the base case keeps its value
  await expect(workspace.kpi('kpi.nrr.y2')).toHaveText(WorkspaceFigures.nrr);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cell).not.toHaveAttribute('data-range', /./);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(cell).toHaveAttribute('data-range', '80%..90%');

  await workspace.tab('Ranges').click();
  const table = page.getByRole('table', { name: 'Ranged inputs' });
  await expect(table).toContainText('renewal rate of adopters');
  // the range editor: add one to New-logo ACV, then type its high; a high below its low is refused there
  await page.getByLabel('Add a range to an input').selectOption('acquisition.acv');
  const high = table.locator('tr[data-range-key="acquisition.acv"]').getByLabel(/: high$/);
  await expect(high).toHaveValue('$78,000');
  await high.fill('40k');
  await high.press('Enter');
  await expect(table.getByRole('alert')).toHaveText(/low \$52,000(\.00)? is above high \$40,000/);
  await high.fill('90k');
  await high.press('Enter');
  await expect(table.getByRole('alert')).toHaveCount(0);
  await expect(high).toHaveValue('$90,000');
  // A long run: progress while it samples, then Cancel stops it where it is.
  await page.getByLabel('Samples', { exact: true }).fill('10000');
  await page.getByLabel('Samples', { exact: true }).press('Enter');
  await expect(page.getByRole('status')).toContainText(/Sampling: [\d,]+ of 10,000/);
  await expect(page.getByLabel('Samples computed')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(/Cancelled at [\d,]+ of 10,000 samples/);

  // Back to 1,000: the run finishes and its figures are the core's.
  await page.getByLabel('Samples', { exact: true }).fill('1000');
  await page.getByLabel('Samples', { exact: true }).press('Enter');
  await expect(page.getByRole('status')).toContainText('1,000 samples, seed 1', { timeout: 30_000 });
  const arrRow = page.locator(`tr[data-figure="${arrKey}"] td`);
  const arr = expected.figures[arrKey]!;
  await expect(arrRow.nth(2)).toHaveText(expectedText.moneyShort(arr.p10));
  await expect(arrRow.nth(3)).toHaveText(expectedText.moneyShort(arr.p50));
  await expect(arrRow.nth(4)).toHaveText(expectedText.moneyShort(arr.p90));
  await expect(arrRow.nth(1)).toHaveText(expectedText.moneyShort(planArr));
  const nrr = expected.figures['nrrByYear[1]']!;
  await expect(page.locator('tr[data-figure="nrrByYear[1]"] td').nth(3)).toHaveText(expectedText.percent(nrr.p50));
  const plan = expected.targets[0]!;
  await expect(page.locator('tr[data-target="plan"] td').nth(1)).toHaveText(`${Math.round(plan.share * 100)}%`);
  await expect(page.locator('[data-key="ranges-fan"] svg')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Drivers of the spread' })).toContainText('renewal rate of adopters');
  for (const [w, h] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.locator('[data-key="ranges-fan"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shots/ranges/ranges-fan-${w}.png` });
  }
  await page.getByRole('region', { name: 'Percentiles' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/shots/ranges/ranges-top-1440.png' });

  // The board page: P10–P90 of ARR and NRR and the chance of the plan.
  await workspace.tab('Board Report').click();
  const block = page.getByRole('region', { name: 'Range of outcomes' });
  await expect(block.locator('[data-key="board.ranges.arr"]')).toHaveText(`${expectedText.moneyShort(arr.p10)} – ${expectedText.moneyShort(arr.p90)}`);
  await expect(block.locator('[data-key="board.ranges.nrr"]')).toHaveText(`${expectedText.percent(nrr.p10)} – ${expectedText.percent(nrr.p90)}`);
  await expect(block.locator('[data-key="board.ranges.plan"]')).toContainText(`or more: ${Math.round(plan.share * 100)}%`);
  for (const [w, h] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await block.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shots/ranges/board-ranges-${w}.png` });
  }
});

const WorkspaceFigures = { nrr: expectedText.percent(computeModel(inputs).annual[1]!.nrr) };

test('the cell range editor: right-click an input, Add a range…, and edit it on the Ranges sheet', async ({ workspace, page }) => {
  const cell = workspace.input('acquisition.acv');
  await cell.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Add a range…' }).click();
  const row = page.getByRole('table', { name: 'Ranged inputs' }).locator('tr[data-range-key="acquisition.acv"]');
  await expect(row.getByLabel(/: low$/)).toHaveValue('$52,000');
  await expect(row.getByLabel(/: most likely$/)).toHaveValue('$65,000');
  await row.getByLabel(/: most likely$/).fill('');
  await row.getByLabel(/: most likely$/).press('Enter'); // blank: uniform
  await expect(page.getByRole('status')).toContainText('1,000 samples, seed 1', { timeout: 30_000 });
  for (const [w, h] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `/tmp/shots/ranges/ranges-editor-${w}.png` });
  }
  await workspace.tab('Assumptions').click();
  await expect(cell).toHaveAttribute('data-range', '52000..78000');
  await cell.click({ button: 'right' });
  await expect(page.getByRole('menuitem', { name: 'Edit range…' })).toBeVisible();
});

test('ranges and samples are saved in the workbook and read back on open', async ({ page }) => {
  const a = new AnalysisPage(page);
  await a.useBrowserFiles();
  await a.open('board-report');
  await a.tab('Assumptions');
  await a.input('journey.renewal.rate').click();
  await page.keyboard.press('F2');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText('80%..85%..90%');
  await page.keyboard.press('Enter');
  await expect(a.input('journey.renewal.rate')).toHaveAttribute('data-range', '80%..85%..90%');
  const file = await a.saveAs();
  const wb = strFromU8(unzipSync(new Uint8Array(readFileSync(file)), { filter: (f) => f.name === 'xl/workbook.xml' })['xl/workbook.xml']!);
  expect(wb).toContain('name="Ranges"');
  expect(wb).toContain('name="ranges_0_mode"');

  await a.open('board-report'); // a fresh app: no ranges
  await a.tab('Assumptions');
  await expect(a.input('journey.renewal.rate')).not.toHaveAttribute('data-range', /./);
  await a.openFile(file);
  await expect(a.input('journey.renewal.rate')).toHaveAttribute('data-range', '80%..85%..90%');
  await expect(page.getByTestId('dirty-flag')).toHaveCount(0);
});
