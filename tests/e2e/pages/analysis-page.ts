// Page object for the Sensitivity, Scenarios and Board Report sheets (issue 6):
// figures by data-key, the two-way table's cells and axes, scenario actions.
import { expect, type Locator, type Page } from '@playwright/test';

export class AnalysisPage {
  constructor(readonly page: Page) {}

  async open(sheet: 'sensitivity' | 'scenarios' | 'board-report') {
    await this.page.goto(`/?sheet=${sheet}`);
    await expect(this.page.locator(`main[data-sheet="${sheet}"]`)).toBeVisible();
  }

  async tab(name: 'Sensitivity' | 'Scenarios' | 'Board Report' | 'Assumptions') {
    await this.page.getByRole('tab', { name, exact: true }).click();
  }

  /** A headline figure in the strip above every sheet. */
  kpi(key: string): Locator {
    return this.page.locator(`dd[data-key="${key}"]`);
  }

  /** An input cell on the Assumptions sheet. */
  input(key: string): Locator {
    return this.page.locator(`.ag-cell[data-key="${key}"]`);
  }

  /** Browser mode without the File System Access API: save downloads, open uses a file input. Before the page loads. */
  useBrowserFiles() {
    return this.page.addInitScript(() => {
      delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
      delete (window as unknown as Record<string, unknown>).showOpenFilePicker;
    });
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }

  /** Save As in browser mode (a download); resolves to the saved file's path. */
  async saveAs(): Promise<string> {
    const saving = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: /save as/i }).click();
    return (await saving).path();
  }

  /** Open a workbook through the toolbar's Open… and the browser's file chooser. */
  async openFile(path: string) {
    const choosing = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: /open/i }).click();
    await (await choosing).setFiles(path);
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/screens/${name}` });
  }

  key(key: string): Locator {
    return this.page.locator(`[data-key="${key}"]`);
  }

  // ---- sensitivity
  cell(row: number, col: number): Locator {
    return this.key(`sensitivity.twoWay.${row}.${col}`);
  }

  async twoWayDone() {
    await expect(this.page.locator('table.twoway')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  }

  async setAxisValue(axis: 'row' | 'col', index: number, text: string) {
    const input = this.key(`sensitivity.${axis}Values.${index}`);
    await input.fill(text);
    await input.press('Enter');
  }

  // ---- scenarios
  async createScenario(name: string, overrides: Record<string, string> = {}) {
    await this.key('scenarios.newName').fill(name);
    await this.key('scenarios.create').click();
    await expect(this.page.getByRole('heading', { name: `Overrides: ${name}` })).toBeVisible();
    for (const [key, text] of Object.entries(overrides)) {
      await this.key('scenarios.addKey').selectOption(key);
      await this.key('scenarios.addOverride').click();
      const input = this.key(`scenarios.override.${key}`);
      // A choice is a list of words; anything else is typed.
      if (await input.evaluate((e) => e.tagName === 'SELECT')) { await input.selectOption({ label: text }); continue; }
      await input.fill(text);
      await input.press('Enter');
    }
  }

  /** The scenario list's rows: the base, then each scenario. */
  scenarioRows(): Locator {
    return this.page.locator('.scenario-list tbody tr');
  }

  scenarioRow(name: string): Locator {
    return this.page.locator('.scenario-list tbody tr').filter({ hasText: name });
  }

  async scenarioId(name: string): Promise<string> {
    const key = await this.scenarioRow(name).getAttribute('data-key');
    return key!.replace('scenarios.row.', '');
  }

  compare(rowKey: string, column: string): Locator {
    return this.key(`scenarios.compare.${rowKey}.${column}`);
  }

  // ---- board report
  async boardReady() {
    await expect(this.page.locator('.board-sheet')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    await expect(this.page.locator('.board-page svg').first()).toBeVisible();
  }
}
