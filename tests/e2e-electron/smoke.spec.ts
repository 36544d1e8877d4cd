// The desktop smoke test: open the app, edit a cell, save, reopen, and the
// figure survives. It needs the real Electron binary. Since Electron 42 that is
// downloaded on first use, not at `npm install`, and not every machine can reach
// the download host: without it the test is skipped and says why (it never tries
// the download itself, see electron-binary.ts). BOWTIE_REQUIRE_ELECTRON=1 turns
// the skip into a failure, for a CI that does have the binary.
import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BowtieApp } from './bowtie-app';
import { electronBinary } from './electron-binary';

const binary = electronBinary();
const required = process.env.BOWTIE_REQUIRE_ELECTRON === '1';
if ('missing' in binary && !required) console.log(`skipped: Electron binary not installed (${binary.missing})`);

test.describe('desktop app', () => {
  test.skip('missing' in binary && !required, `Electron binary not installed${'missing' in binary ? ` (${binary.missing})` : ''}`);
  test.beforeAll(() => {
    if ('missing' in binary) throw new Error(`BOWTIE_REQUIRE_ELECTRON=1 but the Electron binary is not installed: ${binary.missing}`);
  });

  let dir: string;
  test.beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bowtie-e2e-'));
    expect(existsSync(fileURLToPath(new URL('../../dist-electron/main.cjs', import.meta.url))), 'run `npm run build` first').toBe(true);
  });
  test.afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('edit a cell, save, reopen: the figure survives', async () => {
    const executable = (binary as { path: string }).path;
    const workbook = path.join(dir, 'Smoke test.xlsx');

    const first = await BowtieApp.launch(executable, path.join(dir, 'userData'));
    const nrr = first.figure('kpi.nrr.y2');
    await expect(nrr).toBeVisible();
    const before = await nrr.innerText();

    await first.editInput('journey.renewal.rate', '70%');
    await expect(nrr).not.toHaveText(before);
    const edited = await nrr.innerText();
    await expect.poll(() => first.title()).toMatch(/●|Edited/);

    await first.answerNextSaveDialog(workbook);
    await first.menu('File', 'Save As…');
    await expect.poll(() => existsSync(workbook)).toBe(true);
    await expect.poll(() => first.title()).not.toMatch(/●|Edited/);
    await first.close();

    // Reopen as the OS would on a double-click: the path on the command line.
    const second = await BowtieApp.launch(executable, path.join(dir, 'userData'), [workbook]);
    await expect(second.figure('kpi.nrr.y2')).toHaveText(edited);
    await expect(second.input('journey.renewal.rate')).toContainText('70');
    await second.close();
  });
});
