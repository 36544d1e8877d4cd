// Segments end to end (issue 24, spec §2.3): adding and renaming segments,
// overriding a cell and returning it to the model's value, a segment table
// pasted from Excel, the company/segment switch, a scenario on one segment's
// input and the By segment view. Expected figures come from the core on the
// model the same edits make in shared/document.
import { computeModel, defaultInputs, setInput, type ModelInputs } from '@shared/index';
import { reduce, type Action, type Snapshot } from '@shared/document/index';
import { defaultSimulation, emptyScenarios } from '@shared/index';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AnalysisPage } from './pages/analysis-page';
import { expectedText } from './pages/expected-text';
import { settledScreenshot } from './pages/settled-screenshot';

/** Seed 002's shape: three segments, names down and inputs across as a finance lead keeps them. */
const TABLE = [
  ['Segment', 'Share of new logos', 'New-logo ACV', 'Renewal rate of adopters', 'Contract term (months)'],
  ['SMB', '0.6', '12000', '0.8', '12'],
  ['Mid-market', '0.3', '40000', '0.88', '12'],
  ['Enterprise', '0.1', '150000', '0.9', '24'],
];
const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n');

/** The model the pasted table makes, by the document's own reducer. */
function pasted(inputs: ModelInputs = defaultInputs()): ModelInputs {
  const start: Snapshot = { inputs, invalid: {}, scenarios: emptyScenarios(), ranges: [], simulation: defaultSimulation() };
  return reduce(start, { type: 'pasteSegmentTable', block: TABLE } satisfies Action).inputs;
}

async function pasteTable(page: Page, rows: string[][]) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), tsv(rows));
  await page.locator('[data-key="segments.paste"]').click();
  await page.keyboard.press('Control+V');
}

test('add segments, rename one, override a cell (blue), Delete returns it to the model (grey); each step named for Undo', async ({ workspace: ws, page }) => {
  const add = ws.button('+ Add segment');
  await add.click();
  await add.click();
  await add.click();
  await expect(ws.input('segments.segment_3.name')).toHaveText('Segment 3');
  await expect(page.getByRole('button', { name: 'Undo: add segment “Segment 3”' })).toBeVisible();
  // the first takes every new logo, the others none: the sum is 100% each year
  await expect(ws.input('segments.segment_1.logoShare[0]')).toHaveText('100.0%');
  await expect(ws.input('segments.segment_2.logoShare[0]')).toHaveText('0.0%');
  await expect(page.locator('[data-key="segments.logoShareSum[0]"]')).toHaveText('100.0%');

  await ws.typeInEditor('segments.segment_3.name', 'Enterprise');
  await expect(ws.input('segments.segment_3.name')).toHaveText('Enterprise');
  await expect(page.getByRole('columnheader', { name: 'Enterprise' })).toBeVisible();

  const cell = ws.input('segments.segment_3.journey.renewal.rate');
  const model = expectedText.rateInput(defaultInputs().journey.renewal.rate as number);
  await expect(cell).toHaveAttribute('data-segment', 'inherited');
  await expect(cell).toHaveText(model);
  await ws.type('segments.segment_3.journey.renewal.rate', '95%');
  await expect(cell).toHaveAttribute('data-segment', 'override');
  await expect(cell).toHaveText('95.0%');
  await expect(page.getByRole('button', { name: `Undo: Enterprise: renewal rate of adopters ${(defaultInputs().journey.renewal.rate as number) * 100}% → 95%` })).toBeVisible();
  // the model's value moves; the overridden cell stays, the inheriting ones follow
  // (typed on the Renewal table; the Segment inputs table shows the same cell in its Model column)
  await ws.group('Renewal inputs').locator('.ag-cell[data-key="journey.renewal.rate"]').click();
  await page.keyboard.type('70%');
  await page.keyboard.press('Enter');
  await expect(ws.group('Segment inputs').locator('.ag-cell[data-key="journey.renewal.rate"]')).toHaveText('70.0%');
  await expect(cell).toHaveText('95.0%');
  await expect(ws.input('segments.segment_1.journey.renewal.rate')).toHaveText('70.0%');

  await cell.click();
  await page.keyboard.press('Delete');
  await expect(cell).toHaveAttribute('data-segment', 'inherited');
  await expect(cell).toHaveText('70.0%');
  await expect(page.getByRole('button', { name: "Undo: Enterprise: renewal rate of adopters back to the model's (70%)" })).toBeVisible();

  // a share that breaks the sum is shown at the sum, naming the year
  await ws.type('segments.segment_2.logoShare[1]', '30%');
  await expect(page.locator('[data-key="segments.logoShareSum[1]"]')).toHaveText('130.0%');
  await expect(ws.problem('segments.logoShare[1]')).toContainText('Year 2');
  await ws.type('segments.segment_1.logoShare[1]', '70%');
  await expect(ws.problem('segments.logoShare[1]')).toHaveCount(0);

  await ws.button('+ Add segment').click();
  await expect(page.getByRole('button', { name: 'Remove segment Segment 4' })).toBeVisible();
  await page.getByRole('button', { name: 'Move segment Segment 4 up' }).click();
  await page.getByRole('button', { name: 'Remove segment Segment 4' }).click();
  await expect(ws.input('segments.segment_4.name')).toHaveCount(0);
});

test('a segment table pasted from Excel lands in one step, names down or the transpose, and undoes whole', async ({ workspace: ws, page }) => {
  await pasteTable(page, TABLE);
  const m = pasted();
  const ent = m.segments!.find((s) => s.name === 'Enterprise')!;
  await expect(ws.input(`segments.${ent.id}.acquisition.acv`)).toHaveText('$150,000');
  await expect(ws.input(`segments.${ent.id}.acquisition.acv`)).toHaveAttribute('data-segment', 'override');
  await expect(ws.input(`segments.${ent.id}.journey.renewal.rate`)).toHaveText('90.0%');
  await expect(ws.input(`segments.${ent.id}.acquisition.cacPerCustomer`)).toHaveAttribute('data-segment', 'inherited');
  await expect(ws.input(`segments.${ent.id}.logoShare[0]`)).toHaveText('10.0%');
  await expect(page.getByRole('button', { name: 'Undo: paste of a segment table (3 rows, 3 new segments)' })).toBeVisible();
  await page.getByRole('button', { name: /^Undo: paste of a segment table/ }).click();
  await expect(ws.input(`segments.${ent.id}.name`)).toHaveCount(0);

  const transposed = TABLE[0]!.map((_, c) => TABLE.map((r) => r[c]!));
  await pasteTable(page, transposed);
  await expect(ws.input(`segments.${ent.id}.acquisition.acv`)).toHaveText('$150,000');
});

test('the company/segment switch: the bridge, cohorts and metrics show one segment, and By segment shows them side by side', async ({ workspace: ws, page }) => {
  await pasteTable(page, TABLE);
  const m = pasted();
  const r = computeModel(m);
  const ent = m.segments!.find((s) => s.name === 'Enterprise')!;
  const smb = m.segments!.find((s) => s.name === 'SMB')!;
  const e = r.segments![ent.id]!;
  // the segments differ, so a switch that did nothing would show the company's figure and fail
  expect(e.annual[1]!.nrr).not.toBe(r.annual[1]!.nrr);

  await ws.tab('Metrics').click();
  await expect(page.locator('[data-key="metric.nrr.y2"]')).toHaveText(expectedText.percent(r.annual[1]!.nrr));
  const figuresOf = page.getByRole('combobox', { name: 'Figures of' });
  await figuresOf.selectOption({ label: 'Enterprise' });
  await expect(page.locator('[data-key="metric.nrr.y2"]')).toHaveText(expectedText.percent(e.annual[1]!.nrr));
  await expect(page.locator('[data-key="metric.grr.y2"]')).toHaveText(expectedText.percent(e.annual[1]!.grr));
  // the headline strip stays the company's
  await expect(ws.kpi('kpi.nrr.y2')).toHaveText(expectedText.percent(r.annual[1]!.nrr));
  await ws.tab('ARR Bridge').click();
  const whole = (x: number) => `$${Math.round(x).toLocaleString('en-US')}`;
  await expect(page.locator('[data-key="bridge.y3.closing"]')).toHaveText(whole(e.annual[2]!.closing));
  await ws.tab('Cohorts').click();
  await expect(page.locator('[data-key="ltv.ltvToCac"]')).toHaveText(expectedText.multiple(e.ltvToCac));
  await figuresOf.selectOption({ label: 'Company' });
  await expect(page.locator('[data-key="ltv.ltvToCac"]')).toHaveText(expectedText.multiple(r.ltvToCac));

  await ws.tab('By segment').click();
  for (const [id, fig] of [[smb.id, r.segments![smb.id]!], [ent.id, e], ['company', r]] as const) {
    await expect(page.locator(`[data-key="bySegment.nrr.${id}"]`)).toHaveText(expectedText.percent(fig.annual[1]!.nrr));
    await expect(page.locator(`[data-key="bySegment.grr.${id}"]`)).toHaveText(expectedText.percent(fig.annual[1]!.grr));
    await expect(page.locator(`[data-key="bySegment.ltvToCac.${id}"]`)).toHaveText(expectedText.multiple(fig.ltvToCac));
    await expect(page.locator(`[data-key="bySegment.logoRetention.${id}"]`)).toHaveText(expectedText.percent(fig.journey.fullJourneyRetention));
    await expect(page.locator(`[data-key="bySegment.nrr.${id}.y3"]`)).toHaveText(expectedText.percent(fig.annual[2]!.nrr));
  }
  await expect(page.locator(`[data-key="bySegment.mix.${ent.id}.y3"]`)).toHaveText(expectedText.percent(e.arrShareByYearEnd[2]));
});

test('a scenario on one segment’s input: "Enterprise renewal 95%"; a plain input every segment overrides is said to change nothing', async ({ workspace: ws, page }) => {
  await pasteTable(page, TABLE);
  const m = pasted();
  const key = 'segments.enterprise.journey.renewal.rate';
  // every segment of the table overrides its three inputs (ACV, renewal, term): the model's value reaches none of them
  const nothing = "every segment overrides it: the model's value changes nothing";
  await expect(ws.group('Segment inputs').getByText(nothing)).toHaveCount(TABLE[0]!.length - 2);
  await expect(ws.group('Segment inputs').locator('.ag-row', { hasText: 'Renewal rate of adopters' })).toContainText(nothing);
  await expect(ws.group('Segment inputs').locator('.ag-row', { hasText: 'CAC per new logo' })).not.toContainText(nothing);

  await ws.tab('Scenarios').click();
  const a = new AnalysisPage(page);
  await a.key('scenarios.newName').fill('Enterprise renewal 95%');
  await a.key('scenarios.create').click();
  await expect(page.getByRole('heading', { name: 'Overrides: Enterprise renewal 95%' })).toBeVisible();
  const picker = a.key('scenarios.addKey');
  await expect(picker.locator('option[value="journey.renewal.rate"]')).toContainText('changes nothing');
  await picker.selectOption({ label: 'Enterprise: Renewal rate of adopters' });
  await a.key('scenarios.addOverride').click();
  await a.key(`scenarios.override.${key}`).fill('95%');
  await a.key(`scenarios.override.${key}`).press('Enter');
  const id = await a.scenarioId('Enterprise renewal 95%');
  const base = computeModel(m);
  const up = computeModel(setInput(m, key, 0.95));
  // Enterprise renews after 24 months: its renewal moves year-3 ARR and the lifetime figures
  expect(up.annual[2]!.closing).not.toBe(base.annual[2]!.closing);
  expect(up.ltvToCac).not.toBe(base.ltvToCac);
  await expect(a.compare('arr.y3', id)).toHaveAttribute('data-value', String(up.annual[2]!.closing));
  await expect(a.compare('ltvToCac', 'base')).toHaveAttribute('data-value', String(base.ltvToCac));
  await expect(a.compare('ltvToCac', id)).toHaveAttribute('data-value', String(up.ltvToCac));
  await expect(a.compare('ltvToCac', id)).toHaveText(expectedText.multiple(up.ltvToCac));

  // the plain renewal rate in a scenario: said to change nothing, and the figures agree
  await picker.selectOption('journey.renewal.rate');
  await a.key('scenarios.addOverride').click();
  await a.key('scenarios.override.journey.renewal.rate').fill('50%');
  await a.key('scenarios.override.journey.renewal.rate').press('Enter');
  await expect(a.key('scenarios.nothing.journey.renewal.rate')).toContainText('changes nothing');
  const both = computeModel(setInput(setInput(m, key, 0.95), 'journey.renewal.rate', 0.5));
  expect(both.annual[2]!.closing).toBe(up.annual[2]!.closing);
  await expect(a.compare('arr.y3', id)).toHaveAttribute('data-value', String(up.annual[2]!.closing));
  await expect(a.compare('nrr.y2', id)).toHaveAttribute('data-value', String(up.annual[1]!.nrr));
});

test('screenshots: Assumptions with three segments, and the By segment view', async ({ workspace: ws, page }) => {
  await pasteTable(page, TABLE);
  for (const [w, h] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.getByRole('heading', { name: 'Segments' }).scrollIntoViewIfNeeded();
    await settledScreenshot(page, `/tmp/shots/seg-ui/assumptions-segments-${w}x${h}.png`);
    await ws.tab('By segment').click();
    await expect(page.getByRole('heading', { name: 'Segments side by side' })).toBeVisible();
    // thirteen tabs and the segment switch fit the window: the tab strip scrolls, the page does not widen
    await expect(page.getByLabel('Figures of')).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
    await settledScreenshot(page, `/tmp/shots/seg-ui/by-segment-${w}x${h}.png`);
    await ws.tab('Assumptions').click();
  }
});
