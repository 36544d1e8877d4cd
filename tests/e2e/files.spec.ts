// Browser-mode files (issue 4 §5): Save downloads the .xlsx written by the
// workbook module, Open reads it back through a file input, and the figures
// are the core's for the saved model. A file that is not a workbook leaves the
// document untouched and says why.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultInputs, setInput } from '@shared/index';
import { blankLane } from '@shared/document/index';
import { readWorkbook } from '@shared/workbook/index';
import { expect, test } from './fixtures';
import { withoutFilePickers } from './pages/no-file-pickers';

test.beforeEach(async ({ page }) => {
  // Headless Chromium cannot show the File System Access pickers: use the
  // download and <input type=file> paths every browser has.
  await withoutFilePickers(page);
});

test('save, reopen and find the same figures', async ({ workspace: ws, page }) => {
  await ws.page.reload();
  await ws.open();
  await ws.type('journey.renewal.rate', '91%');
  await page.getByRole('button', { name: '+ Add lane' }).click();
  await ws.type('lanes.lane4.name', 'Premium support');
  const saved = setInput(setInput({ ...defaultInputs(), lanes: [...defaultInputs().lanes, blankLane('lane4', 4)] }, 'journey.renewal.rate', 0.91), 'lanes.lane4.name', 'Premium support');
  await ws.expectFigures(saved);

  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+S');
  const file = await download;
  expect(file.suggestedFilename()).toBe('Example SaaS.xlsx'); // the model's name (issue 23.8)
  const path = join(mkdtempSync(join(tmpdir(), 'bowtie-e2e-')), 'saved.xlsx');
  await file.saveAs(path);
  await expect(page.getByTestId('dirty-flag')).toHaveCount(0);

  await page.reload();
  await ws.open();
  await ws.expectFigures(defaultInputs());
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles(path);
  await expect(page.getByTestId('document-name')).toHaveText('saved.xlsx');
  await ws.expectFigures(saved);
  await expect(ws.input('lanes.lane4.name')).toHaveText('Premium support');
  await expect(ws.input('journey.renewal.rate')).toHaveText('91.0%');
});

test('a save that cannot draw the board charts says what it left out, and keeps every input and scenario', async ({ workspace: ws, page }) => {
  // The analysis worker's script does not load: the pictures cannot be drawn.
  await page.route(/analysis-worker[^/]*\.(js|ts)/, (route) => route.abort());
  await page.reload();
  await ws.open();
  await ws.type('journey.renewal.rate', '91%');
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+S');
  const path = join(mkdtempSync(join(tmpdir(), 'bowtie-e2e-')), 'partial.xlsx');
  await (await download).saveAs(path);
  const dialog = ws.dialog('Saved Example SaaS.xlsx without the Board Report’s charts and the scenario comparison');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Every input, scenario and import is in the file');
  await expect(page.locator('.status-bar')).toContainText('Saved Example SaaS.xlsx without the Board Report’s charts');
  await ws.screenshot('save-left-out.png');
  await page.setViewportSize({ width: 1280, height: 720 });
  await ws.screenshot('save-left-out-1280.png');
  const saved = await readWorkbook(new Uint8Array(readFileSync(path)));
  expect(saved.ok && saved.inputs.journey.renewal.rate).toBe(0.91);
  expect(saved.ok && saved.extras.scenarios).toBeTruthy();
});

test('a file that is not a workbook is refused with a message and the model is untouched', async ({ workspace: ws, page }) => {
  await ws.type('journey.renewal.rate', '90');
  const edited = setInput(defaultInputs(), 'journey.renewal.rate', 0.9);
  const path = join(mkdtempSync(join(tmpdir(), 'bowtie-e2e-')), 'notes.xlsx');
  writeFileSync(path, 'this is not a spreadsheet');
  const chooser = page.waitForEvent('filechooser');
  // The file is read before anyone is asked about unsaved changes: a file that cannot be opened asks nothing.
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles(path);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('notes.xlsx could not be opened');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByTestId('document-name')).toHaveText('Untitled.xlsx');
  await expect(page.getByTestId('dirty-flag')).toBeVisible();
  await ws.expectFigures(edited);
});
