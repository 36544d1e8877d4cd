// The readiness weights and thresholds edited on the Accounts sheet (issue 25
// item 6) are saved in the workbook and come back when it is reopened: through
// the real UI, Save, a reload, Open, and the same accounts imported again.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { defaultSignals } from '@shared/accounts/index';
import { readWorkbook } from '@shared/workbook/index';
import { expect, test } from './fixtures';
import { withoutFilePickers } from './pages/no-file-pickers';

const SHOTS = '/tmp/shots/signals-wb';
const CSV = ['account,arr,seatsActive,seatsLicensed,teams', 'Acme,50000,80,100,4', 'Birch,20000,30,100,1', 'Cobalt,90000,95,100,5'].join('\n');

async function importAccounts(page: Page) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Import accounts/ }).click();
  await (await chooser).setFiles({ name: 'crm.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.getByRole('form', { name: 'Map the columns of crm.csv' }).getByRole('button', { name: /^Import 3 accounts$/ }).click();
  await expect(page.getByTestId('accounts-source')).toContainText('crm.csv: 3 accounts');
}

test.beforeEach(async ({ page }) => { await withoutFilePickers(page); });

test('weights edited on the Accounts sheet survive a save and reopen', async ({ workspace: ws, page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await ws.tab('Accounts').click();
  await importAccounts(page);
  const panel = page.getByRole('region', { name: 'Signal weights' });
  await expect(panel).not.toContainText('Not yet kept');
  const breadth = panel.getByLabel('Breadth (teams)');
  await breadth.fill('60');
  await breadth.press('Enter');
  const ready = panel.getByLabel('Ready above (ERS)');
  await ready.fill('70');
  await ready.press('Enter');

  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+S');
  const path = join(mkdtempSync(join(tmpdir(), 'bowtie-e2e-')), 'saved.xlsx');
  await (await download).saveAs(path);
  const read = await readWorkbook(new Uint8Array(readFileSync(path)));
  const s = defaultSignals();
  expect(read.ok && read.inputs.signals).toEqual({ ...s, breadth: { ...s.breadth, weight: 60 }, readyAbove: 70 });

  await page.reload();
  await ws.open();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles(path);
  await expect(page.getByTestId('document-name')).toHaveText('saved.xlsx');
  await ws.tab('Accounts').click();
  await importAccounts(page);
  await expect(panel.getByLabel('Breadth (teams)')).toHaveValue('60');
  await expect(panel.getByLabel('Ready above (ERS)')).toHaveValue('70');
  mkdirSync(SHOTS, { recursive: true });
  for (const [w, h] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/weights-reopened-${w}x${h}.png` });
  }
});
