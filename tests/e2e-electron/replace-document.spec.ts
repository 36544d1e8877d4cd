// Nothing lost when the document is replaced (issue 9 §1): every way in — New,
// Open…, Open Recent, a workbook from the OS, a dropped workbook, a restored
// recovery copy — asks Save / Don't Save / Cancel when there are unsaved
// changes, and a file that cannot be read leaves the document and its
// recovery copy alone and says what went wrong. The built renderer runs behind
// the real main-process handlers (bridge-harness.ts) on a real temp folder.
import { expect, test, type Page } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultInputs, setInput } from '@shared/index';
import { writeWorkbook } from '@shared/workbook/index';
import { PathGrants } from '../../electron/file-service';
import { createHandlers } from '../../electron/ipc-handlers';
import { buildMenuTemplate } from '../../electron/menu';
import { WorkspaceView } from './bowtie-app';
import { bridgeLaunchOptions, bridgeMissing as missing, hostHandlers, installBridge, serveRenderer } from './bridge-harness';

test.use({ viewport: { width: 1440, height: 900 }, launchOptions: bridgeLaunchOptions });

const RATE = 'journey.renewal.rate';

test.describe('replacing the document', () => {
  test.skip(missing !== null, missing ?? '');

  let server: Awaited<ReturnType<typeof serveRenderer>>;
  let dir: string;
  let plan: string; // a workbook on disk with renewal at 70%
  let broken: string; // an .xlsx that is not a workbook
  let saveTarget: string; // where the Save As dialog answers
  let openTarget: string | null;
  let grants: PathGrants;
  let handlers: ReturnType<typeof createHandlers>;
  let ws: WorkspaceView;

  test.beforeAll(async () => {
    server = await serveRenderer();
  });
  test.afterAll(async () => {
    await server.close();
  });

  test.beforeEach(async ({ page }) => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bowtie-replace-'));
    plan = path.join(dir, 'Q3 plan.xlsx');
    broken = path.join(dir, 'Broken.xlsx');
    saveTarget = path.join(dir, 'Saved first.xlsx');
    openTarget = plan;
    await writeFile(plan, await writeWorkbook({ inputs: setInput(defaultInputs(), RATE, 0.7), appVersion: '0.0.0-test' }));
    await writeFile(broken, 'this is not a spreadsheet');
    grants = new PathGrants();
    handlers = hostHandlers(dir, grants, { chooseOpen: async () => openTarget, chooseSave: async () => saveTarget });
    await installBridge(page, server.origin, () => handlers);
    ws = new WorkspaceView(page);
  });
  test.afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const question = (page: Page) => page.getByRole('dialog', { name: /Do you want to save the changes you made to/ });

  async function openApp(page: Page): Promise<void> {
    await page.goto(`${server.origin}/index.html`);
    await expect(ws.figure('kpi.nrr.y2')).not.toHaveText('', { timeout: 30_000 });
  }

  /** Unsaved work: renewal typed as 91%. */
  async function editSomething(page: Page): Promise<void> {
    await ws.editInput(RATE, '91%');
    await expect(page.getByTestId('dirty-flag')).toBeVisible();
  }

  async function expectUnsavedWorkKept(page: Page): Promise<void> {
    await expect(page.getByTestId('document-name')).toHaveText('Untitled.xlsx');
    await expect(page.getByTestId('dirty-flag')).toBeVisible();
    await expect(ws.input(RATE)).toContainText('91');
  }

  async function expectPlanOpen(page: Page, name = 'Q3 plan.xlsx'): Promise<void> {
    await expect(page.getByTestId('document-name')).toHaveText(name);
    await expect(ws.input(RATE)).toContainText('70');
    await expect(page.getByTestId('dirty-flag')).toHaveCount(0);
  }

  /** The same path main.ts takes for the OS (open-file, second launch, argv): grant, then hand the path to the page. */
  const fromOs = (page: Page, file: string) => {
    grants.grant(file);
    return page.evaluate((f) => (window as any).__openPath(f), file);
  };

  /** File › Open Recent › <file>, from the real menu template. */
  const openRecent = async (page: Page, file: string) => {
    const template = buildMenuTemplate(
      { platform: 'linux', appName: 'Bowtie', recentFiles: [file], isPackaged: true },
      { send: () => undefined, openRecent: (f) => void fromOs(page, f), clearRecent: () => undefined, closeWindow: () => undefined, showAbout: () => undefined },
    );
    const fileMenu = template.find((m) => m.label === 'File')!.submenu as Electron.MenuItemConstructorOptions[];
    const recent = fileMenu.find((m) => m.label === 'Open Recent')!.submenu as Electron.MenuItemConstructorOptions[];
    (recent.find((m) => m.label === path.basename(file))!.click as () => void)();
  };

  /** A file dropped on the sheet, as the OS's drag and drop delivers it: bytes and a name, no path. */
  const drop = async (page: Page, file: string) => {
    const dataTransfer = await page.evaluateHandle(({ name, b64 }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name));
      return transfer;
    }, { name: path.basename(file), b64: (await readFile(file)).toString('base64') });
    await page.dispatchEvent('#sheet-panel', 'dragover', { dataTransfer });
    await page.dispatchEvent('#sheet-panel', 'drop', { dataTransfer });
  };

  const entryPoints: [string, (page: Page, file: string) => Promise<unknown>, string][] = [
    ['Open…', async (page, file) => { openTarget = file; await page.evaluate(() => (window as any).__menu('file/open')); }, 'Q3 plan.xlsx'],
    ['Open Recent', openRecent, 'Q3 plan.xlsx'],
    ['a workbook from the OS', fromOs, 'Q3 plan.xlsx'],
    ['a dropped workbook', drop, 'Q3 plan.xlsx'],
  ];

  for (const [what, open, name] of entryPoints) {
    test(`${what}: unsaved changes ask first; Cancel keeps them, Don’t Save opens the file`, async ({ page }) => {
      await openApp(page);
      await editSomething(page);
      await open(page, plan);
      await expect(question(page)).toBeVisible();
      await expect(question(page)).toContainText('Untitled.xlsx');
      await expect(question(page).getByRole('button', { name: 'Save', exact: true })).toBeFocused();
      await question(page).getByRole('button', { name: 'Cancel' }).click();
      await expect(question(page)).toBeHidden();
      await expectUnsavedWorkKept(page);

      await open(page, plan);
      await page.keyboard.press('Escape'); // Escape is Cancel too
      await expect(question(page)).toBeHidden();
      await expectUnsavedWorkKept(page);

      await open(page, plan);
      await question(page).getByRole('button', { name: 'Don’t Save' }).click();
      await expectPlanOpen(page, name);
    });

    test(`${what}: a file that cannot be read is reported; the document and its recovery copy stay`, async ({ page }) => {
      await openApp(page);
      await editSomething(page);
      expect((await handlers.writeRecovery({ path: null, bytes: new Uint8Array([80, 75, 1]) })).ok).toBe(true);
      await open(page, broken);
      const message = page.getByRole('dialog', { name: /could not be opened|Could not open/ });
      await expect(message).toBeVisible();
      await expect(message).toContainText('Broken.xlsx');
      await expect(message).toContainText('unchanged');
      await expect(question(page)).toHaveCount(0); // never asked about a file that cannot be opened
      await message.getByRole('button', { name: 'OK' }).click();
      await expectUnsavedWorkKept(page);
      const copy = await handlers.takeRecovery();
      expect(copy.ok && copy.value?.bytes).toEqual(new Uint8Array([80, 75, 1]));
    });
  }

  test('a workbook from the OS that has gone missing is reported, and nothing changes', async ({ page }) => {
    await openApp(page);
    await editSomething(page);
    await unlink(plan);
    await fromOs(page, plan);
    const message = page.getByRole('dialog', { name: 'Could not open the file' });
    await expect(message).toContainText('“Q3 plan.xlsx” no longer exists');
    await message.getByRole('button', { name: 'OK' }).click();
    await expectUnsavedWorkKept(page);
  });

  test('Save saves the unsaved work first (Save As for a new model), then opens the file', async ({ page }) => {
    await openApp(page);
    await editSomething(page);
    await openRecent(page, plan);
    await expect(question(page)).toBeVisible();
    mkdirSync('test-results/screens', { recursive: true });
    await page.screenshot({ path: 'test-results/screens/save-changes-dialog.png' });
    await question(page).getByRole('button', { name: 'Save', exact: true }).click();
    await expectPlanOpen(page);
    expect(existsSync(saveTarget)).toBe(true);
    expect((await readFile(saveTarget)).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  test('Save whose Save As is cancelled keeps the unsaved work and does not open the file', async ({ page }) => {
    await openApp(page);
    await editSomething(page);
    saveTarget = null as unknown as string; // the user cancels the Save As dialog
    await fromOs(page, plan);
    await question(page).getByRole('button', { name: 'Save', exact: true }).click();
    await expect(question(page)).toBeHidden();
    await expectUnsavedWorkKept(page);
  });

  test('New: unsaved changes ask first; Cancel keeps them, Don’t Save starts from the defaults', async ({ page }) => {
    await openApp(page);
    const defaultRate = await ws.input(RATE).innerText();
    await editSomething(page);
    await page.evaluate(() => (window as any).__menu('file/new'));
    await question(page).getByRole('button', { name: 'Cancel' }).click();
    await expectUnsavedWorkKept(page);
    await page.evaluate(() => (window as any).__menu('file/new'));
    await question(page).getByRole('button', { name: 'Don’t Save' }).click();
    await expect(ws.input(RATE)).toHaveText(defaultRate);
    await expect(page.getByTestId('dirty-flag')).toHaveCount(0);
  });

  test('restoring a recovery copy: restored unsaved, and a copy that cannot be read is reported and kept', async ({ page }) => {
    // A good copy: restored, with its changes still unsaved.
    await handlers.writeRecovery({ path: null, bytes: await writeWorkbook({ inputs: setInput(defaultInputs(), RATE, 0.7), appVersion: '0.0.0-test' }) });
    await openApp(page);
    await page.getByRole('dialog', { name: 'Restore unsaved work?' }).getByRole('button', { name: 'Restore' }).click();
    await expect(question(page)).toHaveCount(0); // the model on screen had no changes to lose
    await expect(ws.input(RATE)).toContainText('70');
    await expect(page.getByTestId('dirty-flag')).toBeVisible();

    // A damaged copy: the message says so, the default model stays, and the copy is still on disk.
    await handlers.writeRecovery({ path: null, bytes: new TextEncoder().encode('torn') });
    await openApp(page);
    const defaultRate = await ws.input(RATE).innerText();
    await page.getByRole('dialog', { name: 'Restore unsaved work?' }).getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByRole('dialog', { name: /could not be opened/ })).toBeVisible();
    await expect(ws.input(RATE)).toHaveText(defaultRate);
    const copy = await handlers.takeRecovery();
    expect(copy.ok && new TextDecoder().decode(copy.value!.bytes)).toBe('torn');
  });
});
