// Page object for the Actuals sheet (issue 14): importing a billing export
// through the real controls (the button's file chooser, a drop on the window,
// the desktop menu), its progress bar and Cancel, and the sheet's figures.
import { expect, type Locator, type Page } from '@playwright/test';

export class ActualsPage {
  constructor(readonly page: Page) {}

  async show() {
    await this.page.getByRole('tab', { name: 'Actuals', exact: true }).click();
    await expect(this.importButton).toBeVisible({ timeout: 30_000 });
  }

  get importButton(): Locator {
    return this.page.getByRole('button', { name: /^Import actuals( again)?…$/ });
  }

  get sheet(): Locator {
    return this.page.locator('.actuals-sheet');
  }

  get progress(): Locator {
    return this.page.getByTestId('actuals-progress');
  }

  get refused(): Locator {
    return this.page.getByTestId('actuals-refused');
  }

  quality(id: string): Locator {
    return this.page.getByTestId(`quality.${id}`);
  }

  /** A figure cell of the bridge or variance tables, by its figure key. */
  figure(key: string): Locator {
    return this.page.locator(`.ag-cell[data-key="${key}"]`);
  }

  /** Import actuals… in browser mode: the button opens a file chooser. */
  async importFile(name: string, text: string) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.importButton.click();
    await (await chooser).setFiles({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/octet-stream', buffer: Buffer.from(text) });
  }

  /**
   * Drop a CSV built in the page (so a large one need not cross the wire) on
   * the window: `customers` × `months` rows from 2020-01, every customer billing
   * 100.00 a month.
   */
  async dropGenerated(name: string, customers: number, months: number) {
    await this.page.evaluate(({ name, customers, months }) => {
      const parts: string[] = ['customer,month,mrr\n'];
      for (let c = 0; c < customers; c++) {
        let block = '';
        for (let t = 0; t < months; t++) block += `C${c},${2020 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')},100.00\n`;
        parts.push(block);
      }
      const dt = new DataTransfer();
      dt.items.add(new File(parts, name, { type: 'text/csv' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, { name, customers, months });
  }

  /** Drop a file with these bytes on the window. */
  async dropFile(name: string, bytes: Uint8Array) {
    await this.page.evaluate(({ name, b64 }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, { name, b64: Buffer.from(bytes).toString('base64') });
  }

  /** Every rows-read value the progress bar shows from now on, recorded in the page. */
  async recordProgress() {
    await this.page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __rowsSeen: number[] }).__rowsSeen = seen;
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="actuals-progress"]');
        const n = el ? Number(el.getAttribute('data-rows')) : NaN;
        if (Number.isFinite(n) && seen[seen.length - 1] !== n) seen.push(n);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rows'] });
    });
  }

  rowsSeen(): Promise<number[]> {
    return this.page.evaluate(() => (window as unknown as { __rowsSeen: number[] }).__rowsSeen);
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/screens/${name}`, fullPage: false });
  }
}
