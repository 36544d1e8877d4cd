// Issue 20 through the real UI: a billing export in its own shape (invoice line
// items under a vendor's headers) chosen on the Actuals sheet, mapped in the
// mapping step, imported, reconciled, drilled into by customer; saved, reopened
// and next month's file imported in one step by the saved mapping. Every figure
// expected is the core's conversion of the same text (convertExport).
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { actualsOf, computeActuals, convertExport, parseMapping, planVsActual, varianceTotals } from '@shared/actuals/index';
import { importMappingsFromExtras } from '@shared/document/index';
import { computeExact, defaultInputs, type ModelInputs } from '@shared/index';
import { readWorkbook } from '@shared/workbook/index';
import { expect, test } from './fixtures';
import { ActualsPage } from './pages/actuals-page';
import { withoutFilePickers } from './pages/no-file-pickers';
import { expectShows } from './pages/shown-number';

const SHOTS = '/tmp/shots/billing-ui';
mkdirSync(SHOTS, { recursive: true });

const HEADER = 'Customer Name,Service From,Service To,Line Total,Currency,Billing Period,Line Type,Invoice Status,Invoice Date';
/**
 * Monthly line items from 2024-01 to `last`: 30 customers at 100 + 10 × k a
 * month, Acme stopping after February 2025 (it churns in March), a tax line, a
 * one-time setup fee, a void invoice and a credit that takes one customer's
 * month below 0.
 */
function exportText(last: string): string {
  const rows: string[] = [HEADER];
  const month = (i: number) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  const lastIndex = (Number(last.slice(0, 4)) - 2024) * 12 + Number(last.slice(5, 7)) - 1;
  const customers = ['Acme', ...Array.from({ length: 29 }, (_, k) => `Cust ${String(k + 1).padStart(2, '0')}`)];
  customers.forEach((c, k) => {
    const until = c === 'Acme' ? 13 : lastIndex;
    for (let i = k % 3; i <= until; i++) rows.push(`${c},${month(i)}-01,${month(i + 1)}-01,${100 + 10 * k}.00,USD,month,subscription,paid,${month(i)}-01`);
  });
  rows.push(`Acme,2024-03-01,2024-04-01,20.00,USD,month,tax,paid,2024-03-01`);
  rows.push(`Cust 05,,,500.00,USD,,one_time,paid,2024-06-10`);
  rows.push(`Cust 06,2024-07-01,2024-08-01,160.00,USD,month,subscription,void,2024-07-01`);
  rows.push(`Cust 07,2024-08-01,2024-09-01,-400.00,USD,month,subscription,paid,2024-08-01`);
  return `${rows.join('\n')}\n`;
}

/** The mapping a user makes by hand in the step: these headers are not ones any preset suggests for kind. */
const BY_HAND = { customer: 'Customer Name', periodStart: 'Service From', periodEnd: 'Service To', amount: 'Line Total', currency: 'Currency', interval: 'Billing Period', kind: 'Line Type', invoiceStatus: 'Invoice Status', invoiceDate: 'Invoice Date' };
/** The file's own words for a line's kind, mapped in the step's value map. */
const KINDS = { subscription: 'recurring', one_time: 'oneTime' };

function converted(text: string, fields: Record<string, string>) {
  const m = parseMapping({ shape: 'lines', fields, options: { values: { kind: KINDS } } });
  if (!m.ok) throw new Error(m.problems.join('; '));
  const r = convertExport(text, m.mapping);
  if (!r.ok) throw new Error(JSON.stringify(r).slice(0, 400));
  return r.converted;
}

/** Choose the file, map every field and the line kinds by hand in the step, Import. */
async function mapByHand(page: Page, name: string, text: string) {
  await chooseFile(page, name, text);
  const step = page.getByRole('form', { name: new RegExp(name.replace(/\./g, '\\.')) });
  await expect(step).toBeVisible({ timeout: 30_000 });
  for (const [field, header] of Object.entries(BY_HAND)) await step.getByLabel(new RegExp(`^${labelOf(field)}( \\*)?$`)).selectOption(header);
  for (const [word, kind] of Object.entries(KINDS)) await step.getByRole('group', { name: 'The file’s line kinds' }).getByLabel(word, { exact: true }).selectOption(kind);
  await step.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('.actuals-sheet')).toHaveAttribute('data-state', 'live', { timeout: 60_000 });
}

async function chooseFile(page: Page, name: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Import actuals( again)?…$/ }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

test('a line-item export mapped by hand, reconciled, and a customer drilled into', async ({ workspace: ws, page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const text = exportText('2025-06');
  const a = new ActualsPage(page);
  await a.show();
  await chooseFile(page, 'invoice-lines-2025-06.csv', text);
  const step = page.getByRole('form', { name: /invoice-lines-2025-06\.csv/ });
  await expect(step).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}/mapping-step-1440.png` });
  // Map the fields the headers did not suggest, by hand.
  for (const [field, header] of Object.entries(BY_HAND)) await step.getByLabel(new RegExp(`^${labelOf(field)}( \\*)?$`)).selectOption(header);
  // The line kinds the file writes its own way, onto §9.1's.
  for (const [word, kind] of Object.entries(KINDS)) await step.getByRole('group', { name: 'The file’s line kinds' }).getByLabel(word, { exact: true }).selectOption(kind);
  const expected = converted(text, BY_HAND);
  // The preview: three customers' monthly MRR as the import will give them.
  const acme = expected.rows.filter((r) => r.customer === 'Acme');
  await expect(step.getByTestId('preview.Acme')).toContainText(acme[0]!.mrr.toFixed(2));
  await step.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(a.sheet).toHaveAttribute('data-state', 'live', { timeout: 60_000 });

  // Reconciliation: every line used or left out by reason, each warning.
  const { report } = expected;
  const n = (x: number) => x.toLocaleString('en-US');
  await expect(page.getByTestId('reconcile.lines')).toHaveText(n(text.trim().split('\n').length - 1));
  await expect(page.getByTestId('reconcile.used')).toHaveText(n(report.linesUsed));
  await expect(page.getByTestId('reconcile.tax')).toHaveText(n(report.leftOut.tax));
  await expect(page.getByTestId('reconcile.oneTime')).toHaveText(n(report.leftOut.oneTime));
  await expect(page.getByTestId('reconcile.void')).toHaveText(n(report.leftOut.void));
  expect(report.leftOut.tax + report.leftOut.oneTime + report.leftOut.void).toBe(3);
  // Cust 07's credit of 400.00 against its 170.00 a month: that month is read as 0, and said.
  expect(report.warnings).toContain('Cust 07 in 2024-08: MRR -230.00 is below 0 and is read as 0');
  await expect(page.getByTestId('reconcile-warnings')).toContainText('Cust 07 in 2024-08: MRR -230.00 is below 0 and is read as 0');

  // The drill-down: why does Acme churn in March 2025?
  await page.getByLabel('Find a customer').fill('acm');
  await page.getByRole('listitem').filter({ hasText: /^Acme$/ }).click();
  const drill = page.getByTestId('customer-drill');
  await expect(drill).toHaveAttribute('data-customer', 'Acme');
  const march = drill.locator('tr[data-month="2025-03"]');
  await expect(march).toContainText('Churn');
  await expect(march).toContainText('no line is in force at the month end');
  await expect(march).toContainText(/MRR falls from 100\.00 to 0/);
  for (const r of acme.slice(0, 3)) await expect(drill.locator(`tr[data-month="${monthOf(r.month)}"] td.num`)).toHaveText(r.mrr.toFixed(2));
  await expect(drill.getByRole('table', { name: 'Lines of Acme' })).toContainText('left out: tax line');
  await drill.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/drill-down-1440.png` });
  await page.setViewportSize({ width: 1280, height: 720 });
  await drill.locator('tr[data-month="2025-03"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/drill-down-1280.png` });
  await page.getByTestId('reconciliation').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/reconciliation-1280.png` });
  void ws;
});

test('the mapping is saved in the workbook: next month’s export imports in one step', async ({ workspace: ws, page }) => {
  test.setTimeout(150_000);
  await withoutFilePickers(page);
  await page.reload();
  await ws.open();
  await page.setViewportSize({ width: 1280, height: 720 });
  await new ActualsPage(page).show();
  await mapByHand(page, 'invoice-lines-2025-06.csv', exportText('2025-06'));
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+S');
  const path = join(mkdtempSync(join(tmpdir(), 'bowtie-e2e-')), 'plan.xlsx');
  await (await download).saveAs(path);
  // The workbook keeps the mapping (its extras), as MAPPING.json's object.
  const saved = await readWorkbook(new Uint8Array(readFileSync(path)));
  expect(saved.ok && importMappingsFromExtras(saved.extras).mappings[0]).toMatchObject({ shape: 'lines', fields: BY_HAND, options: { values: { kind: KINDS } } });

  await page.reload();
  await ws.open();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles(path);
  await expect(page.getByTestId('document-name')).toHaveText('plan.xlsx');
  await new ActualsPage(page).show();
  // July's export: the same headers, one month more. No mapping step.
  const july = exportText('2025-07');
  await chooseFile(page, 'invoice-lines-2025-07.csv', july);
  await expect(page.locator('.actuals-sheet')).toHaveAttribute('data-state', 'live', { timeout: 60_000 });
  await expect(page.getByRole('form', { name: /Map the columns/ })).toHaveCount(0);
  await expect(page.getByTestId('reconciliation')).toContainText('by the mapping saved in this workbook');
  await expect(page.getByTestId('quality.months')).toHaveText('19 (2024-01 to 2025-07)');
  await expect(page.getByTestId('reconcile.used')).toHaveText(converted(july, BY_HAND).report.linesUsed.toLocaleString('en-US'));
  await page.getByTestId('reconciliation').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/saved-mapping-1280.png` });
  // Change the mapping… opens the step again on the same file, the saved mapping filled in.
  await page.getByRole('button', { name: 'Change the mapping…' }).click();
  const step = page.getByRole('form', { name: /invoice-lines-2025-07\.csv/ });
  await expect(step.getByLabel(/^Customer \*$/)).toHaveValue('Customer Name');
  await step.getByRole('button', { name: 'Cancel' }).click();
  await expect(step).toHaveCount(0);
});

test('plan against actual with totals, coloured by meaning, on the sheet and the board; nothing to compare right after Start the plan', async ({ workspace: ws, page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  // A plan from 2025-01: six months of it overlap the export (to 2025-06).
  await ws.type('general.startMonth', '2025-01');
  const inputs: ModelInputs = { ...defaultInputs(), general: { ...defaultInputs().general, startMonth: '2025-01' } };
  const a = new ActualsPage(page);
  await a.show();
  const text = exportText('2025-06');
  await mapByHand(page, 'invoice-lines-2025-06.csv', text);
  const read = actualsOf(converted(text, BY_HAND));
  if (!read.ok) throw new Error('the export converts');
  const plan = computeExact(inputs);
  const months = planVsActual(plan, computeActuals(read.book));
  expect(months.map((m) => m.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
  const totals = varianceTotals(plan, months)!;
  const totalsTable = page.getByTestId('variance-totals');
  await totalsTable.scrollIntoViewIfNeeded();
  for (const m of ['arr', 'new', 'churn'] as const) {
    for (const part of ['plan', 'actual', 'difference'] as const) {
      await expectShows(totalsTable.getByTestId(`ytd.${m}.${part}`), totals.ytd[m][part].toNumber());
      await expectShows(totalsTable.getByTestId(`fullYear.${m}.${part}`), totals.fullYear[m][part].toNumber());
    }
  }
  // Churn below plan is good news (green), above plan bad; ARR the other way round.
  const tone = (measure: 'churn' | 'arr', d: number) => (Math.abs(d) < 0.005 ? 'even' : (d > 0) === (measure === 'arr') ? 'good' : 'bad');
  await expect(totalsTable.getByTestId('ytd.churn.difference')).toHaveAttribute('data-tone', tone('churn', totals.ytd.churn.difference.toNumber()));
  await expect(totalsTable.getByTestId('ytd.arr.difference')).toHaveAttribute('data-tone', tone('arr', totals.ytd.arr.difference.toNumber()));
  // Each figure whole: no cell's text is wider than its cell.
  const cut = await totalsTable.locator('td').evaluateAll((tds) => tds.filter((td) => td.scrollWidth > td.clientWidth + 1).map((td) => td.textContent));
  expect(cut).toEqual([]);
  const chart = page.locator('[data-key="actuals.chart.planActual"]');
  await expect(chart).toHaveAttribute('data-state', 'drawn', { timeout: 30_000 });
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/plan-vs-actual-1440.png` });
  await page.setViewportSize({ width: 1280, height: 720 });
  await totalsTable.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/plan-vs-actual-1280.png` });

  // The Board Report shows the same totals while the plan and the actuals overlap.
  await ws.tab('Board Report').click();
  const board = page.getByTestId('board-variance');
  await expect(board).toBeVisible({ timeout: 30_000 });
  await expect(board.locator('tr[data-measure="churn"] td').nth(3)).toHaveAttribute('data-tone', tone('churn', totals.ytd.churn.difference.toNumber()));
  await board.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/board-variance-1280.png` });

  // Start the plan from these actuals: month 0 is 2025-07, after the last actual month.
  await ws.tab('Actuals').click();
  await page.locator('[data-key="actuals.seed"]').click();
  await expect(page.getByTestId('variance-none')).toHaveText('The plan starts in 2025-07, after the last actual month (2025-06), so there is nothing to compare yet: import a later export once 2025-07 has been billed.');
  await ws.tab('Board Report').click();
  await expect(page.locator('.board-page')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('board-variance')).toHaveCount(0);
});

test('bad input: three currencies and one rate refused naming the currency; a file of no known shape says so; nothing imported', async ({ workspace: ws, page }) => {
  test.setTimeout(90_000);
  await new ActualsPage(page).show();
  const text = ['customer,period_start,period_end,amount,currency,interval', 'A,2024-01-01,2024-02-01,100,USD,month', 'B,2024-01-01,2024-02-01,100,EUR,month', 'C,2024-01-01,2024-02-01,100,GBP,month'].join('\n');
  await chooseFile(page, 'three-currencies.csv', text);
  const step = page.getByRole('form', { name: /three-currencies\.csv/ });
  await expect(step).toBeVisible({ timeout: 30_000 });
  await step.getByLabel('Rate of EUR in USD').fill('1.10');
  await step.getByLabel('Rate of EUR in USD').blur();
  await step.getByRole('button', { name: 'Import', exact: true }).click();
  const problems = step.getByRole('alert', { name: 'Mapping problems' });
  await expect(problems).toHaveText('GBP: give its rate into USD (1 GBP = ? USD); the file has lines in GBP');
  await expect(page.locator('.actuals-sheet')).toHaveAttribute('data-state', 'empty');
  await step.getByRole('button', { name: 'Cancel' }).click();

  await chooseFile(page, 'notes.csv', 'name,value\nx,1\n');
  const none = page.getByRole('form', { name: /notes\.csv/ });
  await expect(page.getByTestId('mapping-missing')).toHaveText('No shape fits these headers by their names (name, value): choose the shape and each field’s column below.');
  await none.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(none.getByRole('alert', { name: 'Mapping problems' })).toContainText('Customer: choose the column that holds it (it is required)');
  await expect(page.locator('.actuals-sheet')).toHaveAttribute('data-state', 'empty');
  void ws;
});

const LABELS: Record<string, string> = { customer: 'Customer', periodStart: 'Period start', periodEnd: 'Period end', amount: 'Amount', currency: 'Currency', interval: 'Interval', kind: 'Line kind', invoiceStatus: 'Invoice status', invoiceDate: 'Invoice date' };
const labelOf = (field: string) => LABELS[field]!;
const monthOf = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
