// The Accounts and Pipeline sheets (issue 25) through the real UI: both
// imports with a custom mapping (a column chosen by hand, CRM stage names
// mapped), a refused file (nothing imported, line and column named), a weight
// edited and undone, the filters, the drill-down and the board's Expansion
// engine block. Every expected figure comes from the decimal core on the same
// text.
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { pipelineCoverage, readAccounts, readPipeline, scoreAccounts, defaultSignals, type SignalSettings } from '@shared/accounts/index';
import { computeExact, defaultInputs } from '@shared/index';
import { money, moneyExact, ratio } from '@shared/report/index';
import { expect, test } from './fixtures';

const SHOTS = '/tmp/shots/accounts-ui';
const model = defaultInputs();
const lane = model.lanes[0]!.id;
const CHAMPIONS = ['promoted', 'stable', 'left', 'newRole', ''];

/** A CS-platform export in its own words: "Revenue (USD)" and "Sites" are not names the step knows. */
function accountsCsv(n = 40, duplicate = false): string {
  const lines = ['Company,Revenue (USD),Active users,Seats,Usage this quarter,Usage last quarter,Sites,Champion status,Lanes owned'];
  for (let i = 0; i < n; i++) {
    const name = duplicate && i === 2 ? 'Acct 01' : `Acct ${String(i).padStart(2, '0')}`;
    lines.push([name, 10000 + i * 1250, 40 + (i * 7) % 60, 100, i % 10 === 2 ? 50 : 100 + (i * 13) % 50, 100 + (i % 3) * 20, 1 + (i % 5), i % 10 === 2 ? 'left' : CHAMPIONS[i % 5], i % 4 === 0 ? lane : ''].join(','));
  }
  return lines.join('\n');
}
/** The same file with the field names the core reads (what the mapping should produce). */
const asCore = (text: string) => text.replace(/^[^\n]*/, 'account,arr,seatsActive,seatsLicensed,usage,usagePrev,teams,champion,lanes');

function expected(text: string, signals: SignalSettings = defaultSignals()) {
  const read = readAccounts(asCore(text), model);
  if (!read.ok) throw new Error(JSON.stringify(read));
  return scoreAccounts(read.rows, model, signals).totals;
}

async function importFile(page: Page, button: RegExp, name: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

async function shots(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const [w, h] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${SHOTS}/${name}-${w}x${h}.png` });
  }
}

test('accounts: a custom mapping, the totals, a weight edit and its undo, the filters and the drill-down', async ({ workspace: ws, page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await ws.tab('Accounts').click();
  const text = accountsCsv();

  // A file with a duplicate account is refused with its line and the file's own column; nothing is imported.
  await importFile(page, /^Import accounts…$/, 'bad.csv', accountsCsv(10, true));
  const step = page.getByRole('form', { name: 'Map the columns of bad.csv' });
  await expect(step).toBeVisible({ timeout: 30_000 });
  await step.getByLabel('ARR *').selectOption('Revenue (USD)');
  await step.getByRole('button', { name: /^Import 10 accounts$/ }).click();
  await expect(step.getByRole('alert', { name: 'Import problems' })).toContainText('line 4, column Company: "Acct 01" is already on line 3');
  await expect(page.getByTestId('accounts-source')).toHaveCount(0);
  await step.getByRole('button', { name: 'Cancel' }).click();

  await importFile(page, /^Import accounts…$/, 'gainsight.csv', text);
  const map = page.getByRole('form', { name: 'Map the columns of gainsight.csv' });
  // Suggested from the header names it knows; ARR and teams are not among them.
  await expect(map.getByLabel('Account *')).toHaveValue('Company');
  await expect(map.getByLabel('Active seats')).toHaveValue('Active users');
  await expect(map.getByLabel('ARR *')).toHaveValue('');
  // Confirm without ARR: the problem names the field, nothing is imported.
  await map.getByRole('button', { name: /^Import 40 accounts$/ }).click();
  await expect(map.getByRole('alert', { name: 'Mapping problems' })).toContainText('ARR: choose the column that holds it');
  await map.getByLabel('ARR *').selectOption('Revenue (USD)');
  await map.getByLabel('Teams using it').selectOption('Sites');
  await expect(map.getByRole('table', { name: 'Preview' }).locator('tbody tr').first()).toContainText('Acct 00');
  await map.getByRole('button', { name: /^Import 40 accounts$/ }).click();

  const t = expected(text);
  expect(t.atRiskAccounts, 'the file must have accounts at risk').toBeGreaterThan(0);
  await expect(page.getByTestId('accounts-source')).toContainText('gainsight.csv: 40 accounts');
  await expect(page.getByTestId('total-ready')).toHaveText(String(t.readyAccounts));
  await expect(page.getByTestId('total-at-risk')).toHaveText(String(t.atRiskAccounts));
  await expect(page.getByTestId('total-ready-whitespace')).toHaveText(moneyExact(t.readyWhitespace.toNumber()));
  await expect(page.getByRole('region', { name: 'The plan and the accounts' })).toContainText(`ready to expand hold ${money(t.readyWhitespace.toNumber())} of whitespace`);
  // the whitespace chart is drawn (in the chart worker, from the accounts' curve)
  await expect(page.getByRole('region', { name: 'Cumulative whitespace by ERS rank' }).locator('.drawn-chart[data-state="drawn"] svg')).toBeVisible();
  await shots(page, 'accounts');
  await page.setViewportSize({ width: 1440, height: 900 });

  // A weight edit re-scores every account; Ctrl+Z puts it back.
  const s = defaultSignals();
  const heavier = { ...s, breadth: { ...s.breadth, weight: 60 } };
  const t2 = expected(text, heavier);
  expect(t2.readyAccounts, 'the edit must change the ready count for this test to mean anything').not.toBe(t.readyAccounts);
  const weight = page.getByRole('region', { name: 'Signal weights' }).getByLabel('Breadth (teams)');
  await weight.fill('60');
  await weight.press('Enter');
  await expect(page.getByTestId('total-ready')).toHaveText(String(t2.readyAccounts));
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('total-ready')).toHaveText(String(t.readyAccounts));

  // Filters: ready only, then at risk only.
  const shown = page.getByTestId('accounts-shown');
  await page.getByLabel('Ready only').check();
  await expect(shown).toHaveText(`${t.readyAccounts} of 40 accounts`);
  await page.getByLabel('Ready only').uncheck();
  await page.getByLabel('At risk only').check();
  await expect(shown).toHaveText(`${t.atRiskAccounts} of 40 accounts`);
  await page.getByLabel('At risk only').uncheck();

  // The drill-down: the top account by ERS, each signal's value, score and weight.
  const read = readAccounts(asCore(text), model);
  if (!read.ok) throw new Error('unread');
  const top = scoreAccounts(read.rows, model).accounts.filter((a) => a.ers !== null).sort((a, b) => b.ers!.cmp(a.ers!) || (a.account < b.account ? -1 : 1))[0]!;
  await page.getByRole('region', { name: 'Accounts' }).locator('.ag-row[row-index="0"] .ag-cell').first().dblclick();
  const drill = page.getByRole('region', { name: new RegExp(`^Why ${top.account} scores ${top.ers!.toNumber().toFixed(1)}$`) });
  await expect(drill).toBeVisible();
  await expect(drill).toContainText(`from ${top.signals} of 7 signals`);
  await expect(drill.getByRole('row', { name: /Breadth \(teams\)/ })).toContainText(top.scores.breadth!.toNumber().toFixed(1));
  await shots(page, 'accounts-drill');

  // The board report's Expansion engine block.
  await page.setViewportSize({ width: 1440, height: 900 });
  await ws.tab('Board Report').click();
  const block = page.getByRole('region', { name: 'Expansion engine' });
  await expect(block).toContainText(`${t.readyAccounts} of 40`, { timeout: 30_000 });
  await block.scrollIntoViewIfNeeded();
  await shots(page, 'board-expansion');
});

test('pipeline: CRM stage names mapped, coverage per quarter against the plan', async ({ workspace: ws, page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await ws.tab('Pipeline').click();
  const start = model.general.startMonth;
  const month = (k: number) => { const y = Number(start.slice(0, 4)), m = Number(start.slice(5, 7)) - 1 + k; return `${y + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-15`; };
  const crm = ['Discovery', 'Proposal', 'Negotiation', 'Deal Won', 'Dead'];
  const rows = ['Account Name,Opportunity Amount,Deal Stage,Close Date,Product'];
  for (let i = 0; i < 30; i++) rows.push([`Acct ${i}`, 20000 + i * 1000, crm[i % 5], month(i % 6), i % 2 ? lane : ''].join(','));
  const text = rows.join('\n');
  await importFile(page, /^Import pipeline…$/, 'hubspot.csv', text);
  const map = page.getByRole('form', { name: 'Map the columns of hubspot.csv' });
  await expect(map).toBeVisible({ timeout: 30_000 });
  await expect(map.getByLabel('Stage *')).toHaveValue('Deal Stage');
  // "Deal Won" and "Dead" are the CRM's own words: the step names what is left to map.
  await map.getByRole('button', { name: /^Import 30 opportunities$/ }).click();
  await expect(map.getByRole('alert', { name: 'Mapping problems' })).toContainText('Stage: map "Dead", "Deal Won" onto a stage');
  const stages = map.getByRole('group', { name: /Stages/ });
  await stages.getByLabel('Deal Won').selectOption('Closed Won');
  await stages.getByLabel('Dead').selectOption('Closed Lost');
  await map.getByLabel('Lane').selectOption('Product');
  await map.getByRole('button', { name: /^Import 30 opportunities$/ }).click();

  const core = text.replace(/^[^\n]*/, 'account,amount,stage,close,lane');
  const read = readPipeline(core, model, { discovery: 'Signal Detected', proposal: 'Solution Presented', negotiation: 'Committed', 'deal won': 'Closed Won', dead: 'Closed Lost' });
  if (!read.ok) throw new Error(JSON.stringify(read));
  const q1 = pipelineCoverage(read.opportunities, model, computeExact(model)).periods[0]!;
  const table = page.getByRole('table', { name: 'Coverage by quarter' });
  const first = table.locator('tbody tr').first();
  await expect(first).toContainText(moneyExact(q1.plan.toNumber()));
  await expect(first).toContainText(moneyExact(q1.weighted.toNumber()));
  await expect(first).toContainText(q1.coverage === null ? 'plan met' : ratio(q1.coverage.toNumber()));
  await expect(page.getByRole('region', { name: 'Coverage by quarter against the band' }).locator('.drawn-chart[data-state="drawn"] svg')).toBeVisible();
  await expect(first).toContainText(q1.verdict);
  await shots(page, 'pipeline');
});
