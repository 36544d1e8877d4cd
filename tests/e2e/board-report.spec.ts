// The Board Report end to end (issue 6): tiles show the core's figures under
// board.* keys, the charts render, and the page prints as exactly one A4 page.
import { mkdirSync } from 'node:fs';
import { computeModel, defaultInputs, setInput } from '@shared/index';
import { boardFigures, buildBoardReport } from '@shared/report/index';
import { expect, test } from './fixtures';
import { AnalysisPage } from './pages/analysis-page';
import { blockPages, boardBlocks, hasPdftotext, pdfLayout, wordsOutsideMargins } from './pages/pdf-pages';

test('the tiles show the core’s figures for the base case', async ({ page }) => {
  const a = new AnalysisPage(page);
  await a.open('board-report');
  await a.boardReady();
  const m = defaultInputs();
  const r = computeModel(m);
  // The figures the spec lists, each against the core directly.
  await expect(a.key('board.arr.y1')).toHaveAttribute('data-value', String(r.annual[0]!.closing));
  await expect(a.key('board.arr.y3')).toHaveAttribute('data-value', String(r.annual[2]!.closing));
  await expect(a.key('board.nrr.y2')).toHaveAttribute('data-value', String(r.annual[1]!.nrr));
  await expect(a.key('board.grr.y2')).toHaveAttribute('data-value', String(r.annual[1]!.grr));
  await expect(a.key('board.nrrBand')).toHaveText(r.nrrBand!);
  await expect(a.key('board.expansionShare.y2')).toHaveAttribute('data-value', String(r.annual[1]!.expansionShare));
  await expect(a.key('board.retention.fullJourney')).toHaveAttribute('data-value', String(r.journey.fullJourneyRetention));
  await expect(a.key('board.retention.renewalDecision')).toHaveAttribute('data-value', String(r.journey.renewalDecisionRetention));
  await expect(a.key('board.ltv.discountedGrossMargin')).toHaveAttribute('data-value', String(r.ltv.discountedGrossMargin));
  await expect(a.key('board.ltvToCac')).toHaveAttribute('data-value', String(r.ltvToCac));
  await expect(a.key('board.cacPaybackMonths')).toHaveAttribute('data-value', String(r.cacPaybackMonths));
  await expect(a.key('board.valueOfNrrPoint')).toHaveAttribute('data-value', String(r.valueOfNrrPoint));
  // Every figure of the report, as printed.
  for (const f of boardFigures(buildBoardReport(m, r))) await expect(a.key(f.key), f.key).toHaveText(f.text);
  for (const id of ['bowtie', 'waterfall', 'nrrDecomposition', 'ltvCurve']) await expect(a.key(`board.chart.${id}`).locator('svg')).toBeVisible();
});

test('a lane under the 15% floor is flagged, and the active scenario’s figures and comparison are on the page', async ({ page }) => {
  const a = new AnalysisPage(page);
  await a.open('scenarios');
  await a.createScenario('Thin services', { 'lanes.services.grossMargin': '12%', 'journey.renewal.rate': '90%' });
  const id = await a.scenarioId('Thin services');
  await a.key(`scenarios.switch.${id}`).click();
  await a.tab('Board Report');
  await a.boardReady();
  const m = setInput(setInput(defaultInputs(), 'lanes.services.grossMargin', 0.12), 'journey.renewal.rate', 0.9);
  const r = computeModel(m);
  await expect(a.key('board.scenario')).toHaveText('Thin services');
  await expect(a.key('board.nrr.y2')).toHaveAttribute('data-value', String(r.annual[1]!.nrr));
  await expect(a.key('board.lanes.services.floor')).toContainText('under 15.0% floor');
  await expect(a.key('board.lanes.modules.floor')).toHaveText('');
  await expect(page.locator('.board-comparison')).toContainText('Thin services');
  await expect(a.key(`scenarios.compare.nrr.y2.${id}`)).toHaveAttribute('data-value', String(r.annual[1]!.nrr));
});

test('screenshot and PDF: A4 pages through the print CSS, nothing cut off', async ({ page }) => {
  mkdirSync('test-results/screens', { recursive: true });
  const a = new AnalysisPage(page);
  await a.open('scenarios');
  await a.createScenario('Upside', { 'journey.renewal.rate': '92%', 'lanes.modules.attachRate': '45%' });
  await a.createScenario('Downside', { 'journey.renewal.rate': '80%', 'lanes.modules.attachRate': '20%' });
  await a.tab('Board Report');
  await a.boardReady();
  await page.screenshot({ path: 'test-results/screens/board-report.png' });
  await page.emulateMedia({ media: 'print' });
  // Nothing is clipped: the page grows with its content. The figures and charts
  // fill one A4 page; the scenario comparison, kept whole, may start a second
  // (tests/e2e/board-pack.spec.ts checks a model without scenarios is one page).
  const fit = await page.locator('.board-page').evaluate((el) => ({ content: el.scrollHeight, page: el.clientHeight }));
  expect(fit.content, 'board page content height vs the page').toBeLessThanOrEqual(fit.page + 1);
  const pdf = await page.pdf({ path: 'test-results/screens/board-report.pdf', preferCSSPageSize: true, printBackground: true });
  const text = pdf.toString('latin1');
  expect(text.match(/\/Type\s*\/Page[^s]/g)?.length, 'pages in the PDF').toBeLessThanOrEqual(2);
  expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 59[45]\.\d+ 841\.\d+/); // A4 portrait in points
  // The board page (figures and charts) is all on page 1; the comparison, whole, on page 1 or 2;
  // every page keeps its margins.
  test.skip(!hasPdftotext(), 'pdftotext (poppler-utils) is not installed');
  const layout = pdfLayout('test-results/screens/board-report.pdf');
  expect(wordsOutsideMargins(layout, { y: 7, x: 10 })).toEqual([]);
  const blocks = await boardBlocks(page);
  const { split, unchecked, pageOf } = blockPages(layout, blocks);
  expect(split).toEqual([]);
  expect(unchecked).toEqual([]);
  const comparison = blocks.find((b) => b.name.startsWith('Scenarios compared'))!;
  expect(comparison).toBeDefined();
  for (const b of blocks) if (b !== comparison) expect(pageOf.get(b.name), b.name).toBe(0);
});
