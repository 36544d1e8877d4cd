// Issue 23: what a finance lead tripped over in the first hour. Each test walks
// the real UI to one defect; every expected figure comes from the core.
import { computeModel, defaultInputs, type BaseCohort, type ModelInputs } from '@shared/index';
import { expectedText } from './pages/expected-text';
import { expect, test } from './fixtures';
import { WorkspacePage } from './pages/workspace-page';
import { AnalysisPage } from './pages/analysis-page';
import { FakeHost } from './pages/fake-host';

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

/** Texts inside `within` that are cut: wider than their box, or past their cell's / tile's edge. */
function cutTexts(page: import('@playwright/test').Page, selector: string, boxSelector: string) {
  return page.locator(selector).evaluateAll((els, box) => els.flatMap((e) => {
    const el = e as HTMLElement;
    const r = el.getBoundingClientRect();
    const b = el.closest(box)!.getBoundingClientRect();
    const cut = el.scrollWidth > el.clientWidth + 1 || r.right > b.right + 0.5 || r.left < b.left - 0.5 || r.bottom > b.bottom + 0.5 || r.right > window.innerWidth;
    return cut ? [`${el.textContent}`] : [];
  }), boxSelector);
}

test('the lanes table shows lane names, levers and anchors whole at 1440 px (defect 10)', async ({ workspace: ws, page }) => {
  const lanes = ws.group('Expansion lanes');
  await lanes.scrollIntoViewIfNeeded();
  await expect(lanes.locator('[col-id="name"] .cell-text')).toHaveText(defaultInputs().lanes.map((l) => l.name));
  for (const col of ['name', 'anchor']) expect(await cutTexts(page, `[role="group"][aria-label="Expansion lanes"] .ag-cell[col-id="${col}"] .cell-text`, '.ag-cell'), col).toEqual([]);
  await expect(lanes.locator('.cell-select-text')).toHaveText(['Upsell', 'Embedded integration', 'Professional services']);
  expect(await cutTexts(page, '[role="group"][aria-label="Expansion lanes"] .cell-select-text', '.ag-cell'), 'lever').toEqual([]);
  // the lever is still chosen from its list, by mouse or keyboard
  await page.locator('[data-key="lanes[0].lever"]').selectOption({ label: 'Cross-sell' });
  await expect(lanes.locator('.cell-select-text').first()).toHaveText('Cross-sell');
  await ws.screenshot('first-hour-lanes-1440.png');
});

test('every KPI tile is read whole at 1280×720, today’s book included (defect 6)', async ({ workspace: ws, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await addBook(ws);
  const strip = page.locator('.kpi-strip');
  const labels = await strip.locator('.kpi dt').allTextContents();
  expect(labels).toContain('Renewed, all customers');
  expect(labels).toContain('CAC payback');
  expect(await cutTexts(page, '.kpi-strip .kpi dt, .kpi-strip .kpi dd', '.kpi-strip')).toEqual([]);
  // nothing hidden past the strip's edge either (no scrolling without a cue)
  expect(await strip.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
  await expect(ws.kpi('kpi.cacPayback')).toHaveText(`${computeModel(withBase()).cacPaybackMonths!.toFixed(1)} months`);
  await ws.screenshot('first-hour-kpi-1280.png');
});

test('with today’s book the board tiles leave no gaps and the book’s labels stand apart from its sentence (defect 7)', async ({ workspace: ws, page }) => {
  await addBook(ws);
  const a = new AnalysisPage(page);
  await ws.tab('Board Report').click();
  await a.boardReady();
  const book = page.locator('[data-tile="book"]');
  const bb = (await book.boundingBox())!;
  expect(bb.width, 'the book tile is wider than tall').toBeGreaterThan(bb.height * 2);
  // each row of tiles runs from the left edge to the right edge: no holes
  const rows = await page.locator('.board-tiles').evaluate((grid) => {
    const g = grid.getBoundingClientRect();
    const byTop = new Map<number, number[]>();
    for (const t of grid.querySelectorAll('.board-tile')) {
      const r = t.getBoundingClientRect();
      const top = Math.round(r.top);
      byTop.set(top, [...(byTop.get(top) ?? []), r.width]);
    }
    const gap = Number.parseFloat(getComputedStyle(grid).columnGap);
    return [...byTop.values()].map((ws) => Math.round(ws.reduce((a, b) => a + b, 0) + gap * (ws.length - 1) - g.width));
  });
  expect(rows.every((d) => Math.abs(d) <= 2), `row widths minus the grid's: ${rows.join(', ')}`).toBe(true);
  // "New logos must add" is a figure's label; the sentence does not continue it
  const label = (await book.locator('.tile-label', { hasText: 'New logos must add' }).boundingBox())!;
  const note = (await book.locator('.tile-note').boundingBox())!;
  const apart = note.x >= label.x + label.width + 4 || note.y >= label.y + label.height + 3;
  expect(apart, `label ${JSON.stringify(label)}, sentence ${JSON.stringify(note)}`).toBe(true);
  await book.screenshot({ path: 'test-results/screens/first-hour-book-tile.png' });
});

/** What a blank model shows: no lanes, no existing customers, no new logos, every ARR zero. */
async function expectBlank(ws: WorkspacePage) {
  await expect(ws.input('acquisition.newCustomersByYear[0]')).toHaveText('0');
  await expect(ws.input('acquisition.newCustomersByYear[1]')).toHaveCount(0);
  await expect(ws.page.locator('[data-key^="lanes."][data-key$=".name"]')).toHaveCount(0);
  await expect(ws.page.locator('[data-key="base.empty"]')).toBeVisible();
  await expect(ws.kpi('kpi.arr.y1')).toHaveText(expectedText.moneyShort(0));
  await expect(ws.input('general.name')).toHaveText('New model');
}

test('New offers a blank model and the example, from the toolbar (first five minutes)', async ({ workspace: ws, page }) => {
  await page.getByRole('button', { name: 'New ▾' }).click();
  await expect(page.getByRole('menuitem')).toHaveText([/Blank model/, /Example model/]);
  await page.getByRole('menuitem', { name: /Blank model/ }).click();
  await expectBlank(ws);
  await ws.screenshot('first-hour-new-blank.png');
  // and back to the example, by keyboard: Enter opens, Down moves, Enter picks
  await page.getByRole('button', { name: 'New ▾' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: /Blank model/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await ws.expectFigures(defaultInputs());
  await expect(ws.input('lanes.modules.name')).toHaveText(defaultInputs().lanes[0]!.name);
});

test('the desktop menu’s New Blank Model and New from Example (first five minutes)', async ({ page }) => {
  const host = new FakeHost(page);
  await host.install();
  const ws = new WorkspacePage(page);
  await ws.open();
  await host.menu('file/new');
  await expectBlank(ws);
  await host.menu('file/newExample');
  await ws.expectFigures(defaultInputs());
});

test('the example explains its verdict where it is shown, and the renewal rate says it is the adopters’ (first five minutes)', async ({ workspace: ws, page }) => {
  const r = computeModel(defaultInputs());
  const p = (x: number) => expectedText.percent(x);
  expect(r.nrrBand).toBe('Structural problem');
  const why = `Structural problem (year-2 NRR ${p(r.annual[1]!.nrr!)}) because only ${p(r.journey.pathProbability.adopter)} of customers reach adoption ` +
    `(${p(r.journey.adoptedAndRenewed)} adopt and renew) and non-adopters renew at ${p(defaultInputs().journey.renewal.nonAdopterRate as number)}: ` +
    `${p(r.journey.fullJourneyRetention)} of all customers renew at the first renewal.`;
  // on the first screen, under the strip that says "Structural problem"
  await expect(ws.kpi('kpi.nrrBand')).toHaveText('Structural problem');
  await expect(page.getByTestId('band-reason')).toHaveText(why);
  expect(why).toContain('50.7%'); // seed 000's point: half the customers adopt and renew
  // beside the renewal rate: it is the adopters' rate, with the overall retention from the core
  const note = page.locator('.ag-row', { has: ws.input('journey.renewal.rate') }).locator('[col-id="note"]');
  await expect(note).toHaveText(`adopters only; all customers together: ${p(r.journey.fullJourneyRetention)} renew at the first renewal`);
  await expect(note).toContainText('70.9%');
  // its row grows to show the whole note
  expect(await cutTexts(page, '.ag-row:has([data-key="journey.renewal.rate"]) [col-id="note"] .cell-note', '.ag-row')).toEqual([]);
  await ws.screenshot('first-hour-verdict.png');
  // and on the board page, beside the verdict
  await ws.tab('Board Report').click();
  await expect(page.locator('[data-key="board.takeaways"]')).toContainText(why);
  await ws.tab('Assumptions').click();

  // the figures follow the model: a healthier journey lifts NRR out of the band and the sentence goes
  await ws.type('journey.adoption.rate', '99%');
  await ws.type('journey.renewal.nonAdopterRate', '90%');
  const healthy = computeModel({ ...defaultInputs(), journey: { ...defaultInputs().journey, adoption: { ...defaultInputs().journey.adoption, rate: 0.99 }, renewal: { ...defaultInputs().journey.renewal, nonAdopterRate: 0.9 } } });
  await expect(ws.kpi('kpi.nrr.y2')).toHaveText(p(healthy.annual[1]!.nrr!));
  if (healthy.annual[1]!.nrr! >= 1) await expect(page.getByTestId('band-reason')).toHaveCount(0);
  await expect(note).toContainText(p(healthy.journey.fullJourneyRetention));

});

/** The pages of the board page printed as Export PDF prints it (print CSS, A4 from @page). */
async function printedPageCount(page: import('@playwright/test').Page): Promise<number> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  return pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

test('Export PDF says how many A4 pages it prints, and in the browser how to save a PDF (defect 5)', async ({ workspace: ws, page }) => {
  const a = new AnalysisPage(page);
  await ws.tab('Board Report').click();
  await a.boardReady();
  await expect(a.key('board.printHint')).toHaveText('In the print dialog, choose “Save as PDF” as the destination.');
  await expect(a.key('board.pages')).toHaveText('One A4 page.');
  expect(await printedPageCount(page)).toBe(1);

  // two scenarios: the comparison does not fit under the figures and starts a second page
  await ws.tab('Scenarios').click();
  await a.createScenario('Conservative', { 'journey.renewal.rate': '80%' });
  await a.createScenario('Upside', { 'journey.renewal.rate': '90%' });
  await ws.tab('Board Report').click();
  await a.boardReady();
  await expect(page.locator('.board-comparison')).toBeVisible();
  const printed = await printedPageCount(page);
  await expect(a.key('board.pages')).toHaveText(printed === 1 ? 'One A4 page.' : new RegExp(`^${printed} A4 pages: `));
  expect(printed).toBe(2);
  await ws.screenshot('first-hour-board-pages.png');
});
