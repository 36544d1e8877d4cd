// Issue 23: what a finance lead tripped over in the first hour. Each test walks
// the real UI to one defect; every expected figure comes from the core.
import { computeModel, defaultInputs, type BaseCohort, type ModelInputs } from '../../shared/index';
import { expectedText } from './pages/expected-text';
import { expect, test } from './fixtures';
import type { WorkspacePage } from './pages/workspace-page';
import { AnalysisPage } from './pages/analysis-page';

test.slow();

const COHORT: BaseCohort = { name: 'Enterprise', customers: 60, arr: 4_200_000, ageMonths: 12, adopterShare: null };
const withBase = (m: ModelInputs = defaultInputs()): ModelInputs => ({ ...m, base: { cohorts: [COHORT] } });

/** Today's book through the Existing customers table, as a user types it. */
async function addBook(ws: WorkspacePage) {
  await ws.page.locator('[data-key="base.add"]').click();
  await ws.type('base.cohorts[0].name', COHORT.name);
  await ws.type('base.cohorts[0].customers', String(COHORT.customers));
  await ws.type('base.cohorts[0].arr', '4.2m');
  await ws.type('base.cohorts[0].ageMonths', String(COHORT.ageMonths));
  await expect(ws.kpi('kpi.nrr.y1')).toHaveText(expectedText.percent(computeModel(withBase()).annual[0]!.nrr));
}

test('one NRR point is labelled with the opening ARR it is 1% of: year 1 with a base (defect 3)', async ({ workspace: ws, page }) => {
  await addBook(ws);
  const r = computeModel(withBase());
  expect(r.valueOfNrrPointYear).toBe(1);
  const begin1 = r.annual[0]!.decomposition!.begin;
  await ws.tab('Board Report').click();
  const tile = page.locator('[data-tile="nrrPoint"]');
  await expect(tile.locator('[data-key="board.valueOfNrrPoint"]')).toHaveText(expectedText.moneyShort(r.valueOfNrrPoint));
  await expect(tile.locator('.tile-note')).toHaveText(`1% of year-1 opening ARR (today’s book): ${expectedText.moneyShort(begin1)}`);
  await ws.tab('Metrics').click();
  const row = page.locator('.ag-row', { has: page.getByText('Value of one NRR point', { exact: true }) });
  await expect(row).toContainText('year-1 opening ARR (today’s book) × 1%');
});

test('Override this input: focus goes to the value, an override equal to the base is not counted, the list has only inputs a scenario can change (defect 2)', async ({ workspace: ws, page }) => {
  await addBook(ws);
  const a = new AnalysisPage(page);
  await ws.tab('Scenarios').click();
  await a.createScenario('Conservative');
  const id = await a.scenarioId('Conservative');
  const count = a.scenarioRow('Conservative').locator('td').nth(1);

  // the picker starts on the renewal rate; the button hands the keyboard to the new override's value
  await a.key('scenarios.addOverride').click();
  await expect(a.key('scenarios.override.journey.renewal.rate')).toBeFocused();
  await page.keyboard.type('80%');
  await page.keyboard.press('Enter');
  await expect(a.key('scenarios.override.journey.renewal.rate')).toHaveValue('80.0%');
  await expect(count).toHaveText('1 input');
  const down = computeModel({ ...withBase(), journey: { ...withBase().journey, renewal: { ...withBase().journey.renewal, rate: 0.8 } } });
  await expect(a.compare('nrr.y2', id)).toHaveAttribute('data-value', String(down.annual[1]!.nrr));

  // an override added and left at the base's value changes nothing, so it is not counted
  await a.key('scenarios.addKey').selectOption({ label: 'Price increase at renewal' });
  await a.key('scenarios.addOverride').click();
  await expect(a.key('scenarios.override.journey.priceIncrease')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(count).toHaveText('1 input');

  // no currency, no names (funnel stages, lanes, cohorts), nothing that only relabels the calendar
  const offered = await a.key('scenarios.addKey').locator('option').allTextContents();
  expect(offered.length).toBeGreaterThan(20);
  for (const label of ['Currency (ISO code)', 'Funnel stage 1', 'First month', 'Model name', `${COHORT.name}: Cohort`]) expect(offered, label).not.toContain(label);
  expect(offered.filter((o) => / name$|: Lane$/i.test(o)), 'names offered').toEqual([]);
  expect(offered).toContain('Renewal rate of non-adopters');
  expect(offered).toContain('Existing customers (the whole book)');
});

test('Save As suggests the model’s name and offers only .xlsx (defect 8)', async ({ workspace: ws, page }) => {
  // The browser's save picker, recorded: what the dialog would suggest and offer.
  await page.addInitScript(() => {
    const w = window as unknown as { showSaveFilePicker: (o: unknown) => Promise<never>; __saveOptions: unknown[] };
    w.__saveOptions = [];
    w.showSaveFilePicker = async (o) => { w.__saveOptions.push(o); throw new DOMException('cancelled', 'AbortError'); };
  });
  await ws.open();
  await ws.type('general.name', 'Q3 plan: board');
  await page.getByRole('button', { name: 'Save as…' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __saveOptions: unknown[] }).__saveOptions.length)).toBe(1);
  const [options] = await page.evaluate(() => (window as unknown as { __saveOptions: { suggestedName: string; types: { accept: Record<string, string[]> }[] }[] }).__saveOptions);
  expect(options!.suggestedName).toBe('Q3 plan - board.xlsx');
  expect(options!.types.flatMap((t) => Object.values(t.accept).flat())).toEqual(['.xlsx']);
});

test('the status bar sums one unit only, and a pasted block stays selected (defect 9)', async ({ workspace: ws, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // 30% + 20% + $15,000 + $10,000, pasted from Excel into the lanes' attach rate and ACV
  await page.evaluate(() => navigator.clipboard.writeText('30%\t15000\n20%\t10000'));
  await ws.input('lanes.modules.attachRate').click();
  await page.keyboard.press('Control+V');
  await expect(ws.input('lanes.integration.acv')).toHaveText('$10,000');
  // as in Excel, the pasted block is what is selected afterwards
  await expect(page.locator('.range-selected')).toHaveCount(4);
  const summary = page.getByTestId('selection-summary');
  await expect(summary.locator('[data-stat="count"]')).toHaveText('4');
  await expect(summary).not.toContainText('25000.5');
  await expect(summary.locator('[data-stat="sum"]')).toHaveText('mixed units');
  await expect(summary.locator('[data-stat="average"]')).toHaveCount(0);

  // one unit: the sum is back, in that unit
  await ws.input('lanes.modules.acv').click();
  await ws.input('lanes.integration.acv').click({ modifiers: ['Shift'] });
  await expect(summary.locator('[data-stat="sum"]')).toHaveText('$25,000');

  // a block that adds rows (existing customers) stays selected whole, the added row too
  await page.locator('[data-key="base.add"]').click();
  await page.evaluate(() => navigator.clipboard.writeText('Enterprise\t60\t4200000\t12\nMid-market\t30\t900000\t6'));
  await ws.input('base.cohorts[0].name').click();
  await page.keyboard.press('Control+V');
  await expect(ws.input('base.cohorts[1].name')).toHaveText('Mid-market');
  await expect(page.locator('.range-selected')).toHaveCount(8);
  await expect(summary.locator('[data-stat="count"]')).toHaveText('8');
  await expect(summary.locator('[data-stat="sum"]')).toHaveText('mixed units');
});
