// Page object for the desktop app: launching with its own data folder,
// driving the native menu from the main process, stubbing native dialogs.
// A UI change should only ever touch this file (Actual's e2e page-models).
import { _electron, type ElectronApplication, type Locator, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The workspace inside the window: cells and figures by their data-key (issue 4 §6). */
export class WorkspaceView {
  constructor(readonly page: Page) {}

  input(key: string): Locator {
    return this.page.locator(`.ag-cell[data-key="${key}"]`);
  }

  figure(key: string): Locator {
    return this.page.locator(`dd[data-key="${key}"]`);
  }

  /** Select a cell and type over it, then Enter, as a user does in a spreadsheet. */
  async editInput(key: string, text: string): Promise<void> {
    await this.input(key).click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }
}

export class BowtieApp extends WorkspaceView {
  private constructor(readonly app: ElectronApplication, page: Page) {
    super(page);
  }

  /** Starts `electron .` with a private userData folder; `files` arrive as if double-clicked. */
  static async launch(executablePath: string, userDataDir: string, files: string[] = []): Promise<BowtieApp> {
    const app = await _electron.launch({
      executablePath,
      args: [root, ...files],
      cwd: root,
      env: { ...process.env, BOWTIE_USER_DATA_DIR: userDataDir, ELECTRON_ENABLE_LOGGING: '1' },
    });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    return new BowtieApp(app, page);
  }

  /** The next native Save dialog answers with `file` instead of showing. */
  async answerNextSaveDialog(file: string): Promise<void> {
    await this.app.evaluate(({ dialog }, target) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: target }));
    }, file);
  }

  /** The next native Open dialog answers with `file` instead of showing. */
  async answerNextOpenDialog(file: string): Promise<void> {
    await this.app.evaluate(({ dialog }, target) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [target] }));
    }, file);
  }

  /** Clicks a native menu item, e.g. menu('File', 'Save As…'), as the user would. */
  async menu(top: string, item: string): Promise<void> {
    await this.app.evaluate(({ Menu }, [topLabel, itemLabel]) => {
      const topItem = Menu.getApplicationMenu()?.items.find((i) => i.label === topLabel);
      const target = topItem?.submenu?.items.find((i) => i.label === itemLabel);
      if (!target) throw new Error(`no menu item ${topLabel} › ${itemLabel}`);
      target.click();
    }, [top, item] as const);
  }

  title(): Promise<string> {
    return this.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '');
  }

  close(): Promise<void> {
    return this.app.close();
  }
}
