// A read-only workbook is never silently overwritten (issue 9 §2): Save is
// refused with a message that names the file and offers Save As…, which saves
// elsewhere; the read-only file keeps what it had. The built renderer runs
// behind the real main-process handlers on a real temp folder (bridge-harness.ts).
import { expect, test } from '@playwright/test';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultInputs } from '@shared/index';
import { writeWorkbook } from '@shared/workbook/index';
import { PathGrants } from '../../electron/file-service';
import { WorkspaceView } from './bowtie-app';
import { bridgeLaunchOptions, bridgeMissing as missing, hostHandlers, installBridge, serveRenderer } from './bridge-harness';

test.use({ viewport: { width: 1440, height: 900 }, launchOptions: bridgeLaunchOptions });

test.describe('a read-only workbook', () => {
  test.skip(missing !== null, missing ?? '');

  let server: Awaited<ReturnType<typeof serveRenderer>>;
  let dir: string;
  test.beforeAll(async () => {
    server = await serveRenderer();
  });
  test.afterAll(async () => {
    await server.close();
  });
  test.afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('Save is refused with a message offering Save As…, which saves a copy elsewhere', async ({ page }) => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bowtie-readonly-'));
    const signedOff = path.join(dir, 'Signed off.xlsx');
    const copy = path.join(dir, 'Working copy.xlsx');
    const original = await writeWorkbook({ inputs: defaultInputs(), appVersion: '0.0.0-test' });
    await writeFile(signedOff, original);
    await chmod(signedOff, 0o444);
    const grants = new PathGrants();
    const handlers = hostHandlers(dir, grants, { chooseOpen: async () => null, chooseSave: async () => copy });
    await installBridge(page, server.origin, () => handlers);
    const ws = new WorkspaceView(page);
    await page.goto(`${server.origin}/index.html`);
    await expect(ws.figure('kpi.nrr.y2')).not.toHaveText('', { timeout: 30_000 });

    grants.grant(signedOff); // as the OS hands over a double-clicked file
    await page.evaluate((f) => (window as any).__openPath(f), signedOff);
    await expect(page.getByTestId('document-name')).toHaveText('Signed off.xlsx');
    await ws.editInput('journey.renewal.rate', '91%');
    await page.evaluate(() => (window as any).__menu('file/save'));

    const message = page.getByRole('dialog', { name: 'Could not save' });
    await expect(message).toContainText('“Signed off.xlsx” is read-only, so Bowtie did not change it');
    await page.screenshot({ path: 'test-results/screens/save-refused-read-only.png' });
    expect(Buffer.compare(await readFile(signedOff), Buffer.from(original))).toBe(0);
    await expect(page.getByTestId('dirty-flag')).toBeVisible();

    await message.getByRole('button', { name: 'Save As…' }).click();
    await expect(page.getByTestId('document-name')).toHaveText('Working copy.xlsx');
    await expect(page.getByTestId('dirty-flag')).toHaveCount(0);
    expect((await readFile(copy)).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(Buffer.compare(await readFile(signedOff), Buffer.from(original))).toBe(0);
  });
});
