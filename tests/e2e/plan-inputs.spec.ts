// Issue 13 in the workspace, through the real grid: the Existing customers
// section (add, type, paste a block from Excel, undo), per-year values of a
// rampable input, a lane's lever and scenarios over a ramp and the base. Every
// expected figure is computed in the test by the core from a model written out
// here, and compared with the number on screen (read back from its text, within
// half a unit of what it shows), not with the app's own formatters.
import { computeModel, defaultInputs, impliedAdopterShare, LEVER_TABLE, type BaseCohort, type ModelInputs } from '@shared/index';
import { bookInYear1 } from '@shared/report/index';
import { expect, test } from './fixtures';
import { expectShows } from './pages/shown-number';

const withBase = (cohorts: BaseCohort[], m: ModelInputs = defaultInputs()): ModelInputs => ({ ...m, base: { cohorts } });
const cell = (page: import('@playwright/test').Page, key: string) => page.locator(`.ag-cell[data-key="${key}"]`);

test('Existing customers: add a cohort, type its row (a closing month for the age), paste a block from Excel, undo', async ({ workspace: ws, page, context }) => {
  test.setTimeout(180_000); // many steps on two shared cores
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await expect(page.locator('[data-key="base.empty"]')).toBeVisible();
  await expect(ws.kpi('kpi.nrr.y1')).toHaveCount(0); // no book, no year-1 NRR

  await page.locator('[data-key="base.add"]').click();
  await expect(cell(page, 'base.cohorts[0].name')).toHaveText('Cohort 1');
  await ws.type('base.cohorts[0].name', 'Enterprise');
  await ws.type('base.cohorts[0].customers', '60');
  await ws.type('base.cohorts[0].arr', '4.2m');
  await ws.type('base.cohorts[0].ageMonths', '2025-01'); // the month they closed; the model starts 2026-01
  await expect(cell(page, 'base.cohorts[0].ageMonths')).toHaveText('12');
  await expect(page.locator('.ag-cell[data-key="base.closed.0"]')).toHaveText('2025-01');

  const one = withBase([{ name: 'Enterprise', customers: 60, arr: 4_200_000, ageMonths: 12, adopterShare: null }]);
  // a blank adopter share shows the one the journey implies, in grey
  const share = cell(page, 'base.cohorts[0].adopterShare');
  await expect(share).toHaveClass(/cell-implied/);
  await expectShows(share, impliedAdopterShare(one, 12));
  const r1 = computeModel(one);
  await expectShows(ws.kpi('kpi.nrr.y1'), r1.annual[0]!.nrr!);
  await expectShows(ws.kpi('kpi.grr.y1'), r1.annual[0]!.grr!);
  await expectShows(ws.kpi('kpi.nrr.y2'), r1.annual[1]!.nrr!);

  // a month that is not before the first month is refused with a message at the cell
  await ws.type('base.cohorts[0].ageMonths', '2026-03');
  await expect(page.locator('[data-problem-for="base.cohorts[0].ageMonths"]')).toContainText('not before the first month of the model (2026-01)');
  await ws.type('base.cohorts[0].ageMonths', '12');
  await expect(page.locator('[data-problem-for="base.cohorts[0].ageMonths"]')).toHaveCount(0);

  // a block from Excel over the row and past it: the table grows, in one undo step
  await page.evaluate(() => navigator.clipboard.writeText('Enterprise\t60\t$4,200,000\t12\t\r\nMid-market\t40\t2.3m\t2024-07\t70%\r\nSMB\t150\t900k\t5\t0.5\r\n'));
  await cell(page, 'base.cohorts[0].name').click();
  await page.keyboard.press('Control+V');
  await expect(cell(page, 'base.cohorts[2].name')).toHaveText('SMB');
  await expect(cell(page, 'base.cohorts[1].ageMonths')).toHaveText('18');
  await expect(cell(page, 'base.cohorts[1].adopterShare')).not.toHaveClass(/cell-implied/);
  const three = withBase([
    { name: 'Enterprise', customers: 60, arr: 4_200_000, ageMonths: 12, adopterShare: null },
    { name: 'Mid-market', customers: 40, arr: 2_300_000, ageMonths: 18, adopterShare: 0.7 },
    { name: 'SMB', customers: 150, arr: 900_000, ageMonths: 5, adopterShare: 0.5 },
  ]);
  const r3 = computeModel(three);
  await expectShows(ws.kpi('kpi.nrr.y1'), r3.annual[0]!.nrr!);
  await expectShows(ws.kpi('kpi.grr.y1'), r3.annual[0]!.grr!);
  await expectShows(ws.kpi('kpi.arr.y1'), r3.annual[0]!.closing);
  await expectShows(cell(page, 'base.cohorts[2].adopterShare'), 0.5);
  await page.screenshot({ path: 'test-results/screens/assumptions-existing-customers.png' });

  // the bridge opens with the base
  await ws.tab('ARR Bridge').click();
  await expectShows(page.locator('.ag-cell[data-key="bridge.y1.opening"]'), 7_400_000);
  await expectShows(page.locator('.ag-cell[data-key="bridge.m0.opening"]'), r3.openingArr);
  await page.screenshot({ path: 'test-results/screens/bridge-with-base.png' });

  // the board report: today's book in year 1 and what new logos must add
  await ws.tab('Board Report').click();
  const book = bookInYear1(r3)!;
  for (const [key, v] of [['board.nrr.y1', book.nrr!], ['board.grr.y1', book.grr!], ['board.newLogoNeed.y1', book.newLogoNeed]] as const) {
    await expect(page.locator(`[data-key="${key}"]`)).toHaveAttribute('data-value', /./, { timeout: 20_000 });
    expect(Number(await page.locator(`[data-key="${key}"]`).getAttribute('data-value'))).toBeCloseTo(v, 6);
  }
  expect(book.newLogoNeed).toBeCloseTo(r3.annual[0]!.closing - r3.annual[0]!.decomposition!.end, 6);
  await expect(page.locator('[data-key="board.takeaways"]')).toContainText('Today’s book alone');
  await page.locator('[data-tile="book"]').screenshot({ path: 'test-results/screens/board-book-tile.png' });
  await page.screenshot({ path: 'test-results/screens/board-report-with-base.png' });

  // undo takes the pasted block back as one step
  await ws.tab('Assumptions').click();
  await page.keyboard.press('Control+Z');
  await expect(cell(page, 'base.cohorts[1].name')).toHaveCount(0);
  await expectShows(ws.kpi('kpi.nrr.y1'), r1.annual[0]!.nrr!);

  // remove the cohort: no book, no year-1 NRR
  await page.getByRole('button', { name: 'Remove cohort Enterprise' }).click();
  await expect(page.locator('[data-key="base.empty"]')).toBeVisible();
  await expect(ws.kpi('kpi.nrr.y1')).toHaveCount(0);
});

test('by year: a renewal rate per model year, typed and pasted as a row, each one undo step', async ({ workspace: ws, page, context }) => {
  test.setTimeout(150_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Show Renewal rate of adopters by year' }).click();
  for (let i = 0; i < 3; i++) await expectShows(cell(page, `journey.renewal.rate[${i}]`), 0.85);

  // issue 23.4: year 3 follows the typed year 2 (it was not typed itself), as the hint says
  await ws.type('journey.renewal.rate[1]', '90');
  await expectShows(cell(page, 'journey.renewal.rate[2]'), 0.9);
  await expect(cell(page, 'journey.renewal.rate')).toHaveText(/^85(\.0)?% → 90(\.0)?%$/);
  const typed = computeModel({ ...defaultInputs(), journey: { ...defaultInputs().journey, renewal: { rate: [0.85, 0.9], nonAdopterRate: 0.5 } } });
  await expectShows(ws.kpi('kpi.nrr.y2'), typed.annual[1]!.nrr!);
  await expectShows(ws.kpi('kpi.arr.y3'), typed.annual[2]!.closing);

  await page.evaluate(() => navigator.clipboard.writeText('85%\t90%\t95%\r\n'));
  await cell(page, 'journey.renewal.rate[0]').click();
  await page.keyboard.press('Control+V');
  await expect(cell(page, 'journey.renewal.rate')).toHaveText(/85(\.0)?% → 90(\.0)?% → 95(\.0)?%/);
  const pasted = computeModel({ ...defaultInputs(), journey: { ...defaultInputs().journey, renewal: { rate: [0.85, 0.9, 0.95], nonAdopterRate: 0.5 } } });
  expect(pasted.annual[2]!.closing).not.toBeCloseTo(typed.annual[2]!.closing, 0);
  await expectShows(ws.kpi('kpi.arr.y3'), pasted.annual[2]!.closing);
  await page.screenshot({ path: 'test-results/screens/assumptions-by-year.png' });

  // a bad year is refused at its cell, named by year
  await ws.type('journey.renewal.rate[2]', '120%');
  await expect(page.locator('[data-problem-for="journey.renewal.rate[2]"]')).toContainText('must be between 0% and 100%, got 120%');
  await expectShows(ws.kpi('kpi.arr.y3'), pasted.annual[2]!.closing);

  await page.getByRole('button', { name: 'Undo' }).click(); // the rejected entry
  await page.getByRole('button', { name: 'Undo' }).click(); // the paste
  await expect(cell(page, 'journey.renewal.rate')).toHaveText(/^85(\.0)?% → 90(\.0)?%$/);
  await expectShows(ws.kpi('kpi.arr.y3'), typed.annual[2]!.closing);

  // typing one value in the row's own cell makes it the same every year again
  await ws.type('journey.renewal.rate', '85');
  await expect(cell(page, 'journey.renewal.rate')).toHaveText('85.0%');
  await expectShows(ws.kpi('kpi.arr.y3'), computeModel(defaultInputs()).annual[2]!.closing);
});

test('a lane lever suggests its typical margin and window; overrides stay; the table of levers is beside it', async ({ workspace: ws, page }) => {
  test.setTimeout(120_000);
  await expect(page.locator('[data-key="levers.table"]')).toContainText('Typical margins by expansion lever');
  await expect(page.locator('[data-key="levers.table"]')).not.toContainText(/seed/i);
  const modules = page.getByRole('combobox', { name: 'Lever of Additional use cases / modules' });
  await expect(modules).toHaveValue('upsell');
  await modules.selectOption('crossSell');
  await expectShows(cell(page, 'lanes.modules.grossMargin'), LEVER_TABLE.crossSell.grossMargin);
  // the window 4–6 was not upsell's suggestion (1–3): the user's own, kept
  await expect(cell(page, 'lanes.modules.windowStart')).toHaveText('4');
  await expect(cell(page, 'lanes.modules.windowEnd')).toHaveText('6');
  const m = defaultInputs();
  m.lanes[0] = { ...m.lanes[0]!, lever: 'crossSell', grossMargin: 0.45 };
  await expectShows(ws.kpi('kpi.ltvToCac'), computeModel(m).ltvToCac!);

  // a new lane has no lever: choosing one takes its margin and window (90–360 days: months 3–12)
  await page.getByRole('button', { name: '+ Add lane' }).click();
  await page.getByRole('combobox', { name: 'Lever of New lane 4' }).selectOption('services');
  await expectShows(cell(page, 'lanes.lane4.grossMargin'), 0.3);
  await expect(cell(page, 'lanes.lane4.windowStart')).toHaveText('3');
  await expect(cell(page, 'lanes.lane4.windowEnd')).toHaveText('12');
  await page.locator('section.section', { hasText: 'Expansion lanes' }).first().screenshot({ path: 'test-results/screens/assumptions-lanes-levers.png' });
  await page.getByRole('button', { name: 'Undo' }).click();
  await expectShows(cell(page, 'lanes.lane4.grossMargin'), 0.7); // the new lane's own 70%
});

test('scenarios: "Fix onboarding: 95% from year 2" and "without today’s book" through the UI', async ({ workspace: ws, page }) => {
  test.setTimeout(150_000);
  // a book on the Assumptions sheet
  await page.locator('[data-key="base.add"]').click();
  await ws.type('base.cohorts[0].customers', '100');
  await ws.type('base.cohorts[0].arr', '6.5m');
  const withBook = withBase([{ name: 'Cohort 1', customers: 100, arr: 6_500_000, ageMonths: 12, adopterShare: null }]);
  await expectShows(ws.kpi('kpi.nrr.y1'), computeModel(withBook).annual[0]!.nrr!);

  await ws.tab('Scenarios').click();
  await page.locator('[data-key="scenarios.newName"]').fill('Fix onboarding');
  await page.locator('[data-key="scenarios.create"]').click();
  await page.locator('[data-key="scenarios.addKey"]').selectOption('journey.onboarding.rate');
  await page.locator('[data-key="scenarios.addOverride"]').click();
  const box = page.locator('[data-key="scenarios.override.journey.onboarding.rate"]');
  await box.fill('90% → 95%');
  await box.press('Enter');
  await expect(box).toHaveValue('90% → 95%');
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  const fixed = structuredClone(withBook);
  fixed.journey.onboarding.rate = [0.9, 0.95];
  expect(computeModel(fixed).annual[2]!.closing).not.toBeCloseTo(computeModel(withBook).annual[2]!.closing, 0);
  await expectShows(ws.kpi('kpi.arr.y3'), computeModel(fixed).annual[2]!.closing);

  // the same scenario without today's book: no year-1 NRR, the figures of a plan from zero
  await page.locator('[data-key="scenarios.addKey"]').selectOption('base.cohorts');
  await page.locator('[data-key="scenarios.addOverride"]').click();
  await page.locator('[data-key="scenarios.override.base.cohorts"]').selectOption('none');
  await expect(ws.kpi('kpi.nrr.y1')).toHaveCount(0);
  const fromZero = { ...fixed, base: { cohorts: [] } };
  await expectShows(ws.kpi('kpi.arr.y3'), computeModel(fromZero).annual[2]!.closing);
  await expectShows(ws.kpi('kpi.nrr.y2'), computeModel(fromZero).annual[1]!.nrr!);
  await page.screenshot({ path: 'test-results/screens/scenarios-ramp-and-base.png' });
});
