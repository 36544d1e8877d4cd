// Page object for the workspace: cells by canonical key, figures by figure key,
// sheets by tab. Specs talk to this, so a layout change touches one file.
import { mkdirSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { computeModel, type ModelInputs } from '@shared/index';
import { expectedText } from './expected-text';

export class WorkspacePage {
  constructor(readonly page: Page) {}

  async open(sheet = 'assumptions') {
    await this.page.goto(`/?sheet=${sheet}`);
    await expect(this.kpi('kpi.nrr.y2')).not.toHaveText('', { timeout: 30_000 });
    await expect(this.input('general.name')).toBeVisible();
  }

  /** An input cell (the AG Grid cell element carrying data-key). */
  input(key: string): Locator {
    return this.page.locator(`.ag-cell[data-key="${key}"]`);
  }

  kpi(key: string): Locator {
    return this.page.locator(`dd[data-key="${key}"]`);
  }

  problem(key: string): Locator {
    return this.page.locator(`[data-problem-for="${key}"]`);
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  /** Select a cell and type over it, then Enter, as a user does in a spreadsheet. */
  async type(key: string, text: string) {
    await this.input(key).click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** A modal dialog by its title. */
  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** A labelled group of rows on a sheet (New logos by year, Funnel stages…). */
  group(name: string): Locator {
    return this.page.getByRole('group', { name });
  }

  get documentName(): Locator {
    return this.page.getByTestId('document-name');
  }

  /** The "unsaved" mark beside the document's name. */
  get dirtyFlag(): Locator {
    return this.page.getByTestId('dirty-flag');
  }

  statusText(text: string): Locator {
    return this.page.getByText(text);
  }

  async screenshot(name: string) {
    mkdirSync('test-results/screens', { recursive: true });
    await this.page.screenshot({ path: `test-results/screens/${name}` });
  }

  /** The focused cell's key, or `button:<text>` for a focused button. */
  focusedName(): Promise<string | null> {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      if (el instanceof HTMLButtonElement) return `button:${el.textContent?.trim() ?? ''}`;
      return el?.closest('[data-key]')?.getAttribute('data-key') ?? null;
    });
  }

  /** Type in the cell's editor (F2), replacing its text: for characters a key press cannot start an edit with (€). */
  async typeInEditor(key: string, text: string) {
    await this.input(key).click();
    await this.page.keyboard.press('F2');
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.insertText(text);
    await this.page.keyboard.press('Enter');
  }

  focusedKey(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.closest('[data-key]')?.getAttribute('data-key') ?? null);
  }

  /** The headline figures, formatted as the strip formats them, for a model computed by the core. */
  static expectedFigures(inputs: ModelInputs) {
    const r = computeModel(inputs);
    return {
      'kpi.nrr.y2': expectedText.percent(r.annual[1]!.nrr),
      'kpi.grr.y2': expectedText.percent(r.annual[1]!.grr),
      'kpi.ltvToCac': expectedText.multiple(r.ltvToCac),
      'kpi.arr.y3': expectedText.moneyShort(r.annual[2]!.closing),
      'kpi.nrrBand': r.nrrBand ?? '—',
    };
  }

  async expectFigures(inputs: ModelInputs) {
    for (const [key, text] of Object.entries(WorkspacePage.expectedFigures(inputs))) await expect(this.kpi(key), key).toHaveText(text);
  }
}
