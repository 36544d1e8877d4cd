// The Sensitivity sheet end to end (issue 6): every expected figure comes from the
// core inside the test, for the model the cell describes.
import { biggestDrag, computeFigure, defaultInputs, defaultTwoWay, setInput, type ModelInputs } from '@shared/index';
import { formatFigure, STAGE_LABELS } from '@shared/report/index';
import { expect, test } from './fixtures';
import { AnalysisPage } from './pages/analysis-page';

const figureAt = (m: ModelInputs, rowKey: string, r: number, colKey: string, c: number, figure: string) =>
  computeFigure(setInput(setInput(m, rowKey, r), colKey, c), figure)!.toNumber();

test('the default two-way table shows the core’s year-2 NRR in every cell, as a heat map', async ({ page }) => {
  const a = new AnalysisPage(page);
  await a.open('sensitivity');
  await a.twoWayDone();
  const m = defaultInputs();
  const spec = defaultTwoWay(m);
  for (let r = 0; r < spec.rowValues.length; r++) {
    for (let c = 0; c < spec.colValues.length; c++) {
      const expected = figureAt(m, spec.rowKey, spec.rowValues[r]!, spec.colKey, spec.colValues[c]!, spec.figure);
      await expect(a.cell(r, c)).toHaveAttribute('data-value', String(expected));
      await expect(a.cell(r, c)).toContainText(formatFigure(expected, 'percent'));
    }
  }
  // Better than the worst cell is coloured differently from it (a heat map, not a plain table).
  const bg = (r: number, c: number) => a.cell(r, c).evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await bg(0, 0)).not.toBe(await bg(5, 4));
});

test('changing an axis value recomputes that column to the core’s figure and marks the base case', async ({ page }) => {
  const a = new AnalysisPage(page);
  await a.open('sensitivity');
  await a.twoWayDone();
  const m = defaultInputs();
  const spec = defaultTwoWay(m);
  // The base's 35% attach is not on the default axis (10–50% step 10): put it there.
  await expect(page.locator('.twoway-offaxis')).toBeVisible();
  await a.setAxisValue('col', 2, '35');
  await expect(a.key('sensitivity.colValues.2')).toHaveValue('35.0%');
  await a.twoWayDone();
  for (let r = 0; r < spec.rowValues.length; r++) {
    const expected = figureAt(m, spec.rowKey, spec.rowValues[r]!, spec.colKey, 0.35, 'nrr.y2');
    await expect(a.cell(r, 2)).toHaveAttribute('data-value', String(expected));
  }
  // Row 85% × 35% is the base case: marked, and equal to the model's own NRR.
  const baseCell = a.cell(spec.rowValues.indexOf(0.85), 2);
  await expect(baseCell).toHaveClass(/is-base-cell/);
  await expect(baseCell).toHaveAttribute('data-value', String(computeFigure(m, 'nrr.y2')!.toNumber()));
  await expect(page.locator('.twoway-offaxis')).toHaveCount(0);

  // A row value typed as 0.8 means 80%.
  await a.setAxisValue('row', 0, '0.8');
  await a.twoWayDone();
  await expect(a.cell(0, 0)).toHaveAttribute('data-value', String(figureAt(m, spec.rowKey, 0.8, spec.colKey, 0.1, 'nrr.y2')));

  // A value outside the input's range is refused at the axis and changes nothing.
  await a.setAxisValue('row', 1, '140%');
  await expect(page.locator('.axis-problem')).toBeVisible();
  await expect(a.cell(1, 0)).toHaveAttribute('data-value', String(figureAt(m, spec.rowKey, 0.75, spec.colKey, 0.1, 'nrr.y2')));
});

test('another output and other inputs: LTV:CAC over onboarding × CAC, with the tornado and the biggest drag', async ({ page }) => {
  const a = new AnalysisPage(page);
  await a.open('sensitivity');
  await a.twoWayDone();
  await a.key('sensitivity.figure').selectOption('ltvToCac');
  await a.key('sensitivity.rowKey').selectOption('journey.onboarding.rate');
  await a.key('sensitivity.colKey').selectOption('acquisition.cacPerCustomer');
  await a.twoWayDone();
  const m = defaultInputs();
  // Defaults around the current value: ±10 points for a rate, ±20% for money.
  await expect(a.key('sensitivity.rowValues.0')).toHaveValue('80.0%');
  const expected = figureAt(m, 'journey.onboarding.rate', 0.8, 'acquisition.cacPerCustomer', 64000, 'ltvToCac');
  await expect(a.cell(0, 0)).toHaveAttribute('data-value', String(expected));
  await expect(a.cell(0, 0)).toContainText(formatFigure(expected, 'ratio'));
  await expect(a.cell(2, 2)).toHaveClass(/is-base-cell/);

  await expect(a.key('sensitivity.tornado').locator('svg')).toBeVisible();
  await expect(a.key('sensitivity.tornado')).toContainText('Tornado: LTV:CAC');
  const drag = biggestDrag(m);
  await expect(a.key('sensitivity.biggestDrag')).toHaveAttribute('data-value', drag.stage);
  await expect(a.key('sensitivity.biggestDrag')).toContainText(STAGE_LABELS[drag.stage]);
  const best = drag.byStage.find((s) => s.stage === drag.stage)!;
  await expect(a.key('sensitivity.drag.ltv')).toHaveText(formatFigure(best.ltvChange.toNumber(), 'money'));
  await page.screenshot({ path: 'test-results/screens/sensitivity.png' });
});

// How long the main thread is blocked while the table recomputes is a bench figure
// (npm run bench: "longest main-thread task while the Sensitivity table recomputes"),
// not a test timing: the machines are shared.
test('nine columns recompute after an axis edit, every cell the core’s figure', async ({ page }) => {
  const a = new AnalysisPage(page);
  await a.open('sensitivity');
  await a.twoWayDone();
  // Nine columns × six rows of year-2 NRR, and the tornado and drag after them.
  for (let i = 0; i < 4; i++) await a.key('sensitivity.add.col').click();
  await a.twoWayDone();
  await expect(a.key('sensitivity.colValues.8')).toHaveValue('90.0%');
  await a.setAxisValue('col', 0, '12%');
  await a.twoWayDone();
  const m = defaultInputs();
  await expect(a.cell(5, 0)).toHaveAttribute('data-value', String(figureAt(m, 'journey.renewal.rate', 0.95, 'lanes.modules.attachRate', 0.12, 'nrr.y2')));
  await expect(a.cell(5, 8)).toHaveAttribute('data-value', String(figureAt(m, 'journey.renewal.rate', 0.95, 'lanes.modules.attachRate', 0.9, 'nrr.y2')));
});
