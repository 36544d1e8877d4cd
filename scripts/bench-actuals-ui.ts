// The Actuals sheet's import in the app (issue 14): a 3-million-row CSV
// (50,000 customers × 60 months, ~100 MB) dropped on the window of the
// production build, until the sheet shows its figures. Measures the longest
// main-thread task meanwhile (the page must stay responsive: the CSV is read,
// parsed and computed in the import worker) and the wall time. Used by
// bench-latency.ts, which owns the browser and the preview server.
import type { Page } from '@playwright/test';

export interface ActualsUiRow { name: string; target: number; median: number; runs: number; note?: string }

/** `page` is a fresh page at the app's URL that records long tasks in `window.__longest`. */
export async function benchActualsImport(page: Page, url: string, customers = 50_000, months = 60): Promise<ActualsUiRow[]> {
  await page.goto(`${url}?sheet=actuals`);
  await page.getByRole('button', { name: 'Import actuals…' }).waitFor({ timeout: 60_000 });
  // Built in the page (not sent over the wire) before the clock starts; that long task is not the import's.
  await page.evaluate(({ customers, months }) => {
    const parts: string[] = ['customer,month,mrr\n'];
    for (let c = 0; c < customers; c++) {
      let block = '';
      for (let t = 0; t < months; t++) block += `C${c},${2021 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')},${(100 + (c % 97) + (t % 13) * 0.5).toFixed(2)}\n`;
      parts.push(block);
    }
    (window as unknown as { __file: File }).__file = new File(parts, 'billing-3m.csv', { type: 'text/csv' });
  }, { customers, months });
  await page.waitForTimeout(500);
  await page.evaluate(() => { (window as unknown as { __longest: number }).__longest = 0; });
  const t0 = Date.now();
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add((window as unknown as { __file: File }).__file);
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.locator('.actuals-sheet[data-state="live"]').waitFor({ timeout: 15 * 60_000 });
  const wall = Date.now() - t0;
  await page.waitForTimeout(300); // the sheet's charts and tables draw
  const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  const rows = (customers * months).toLocaleString('en-US');
  return [
    { name: `Actuals: import a ${rows}-row CSV in the app, drop to figures (ms)`, target: 15_000, median: wall, runs: 1 },
    { name: 'Actuals: longest main-thread task during that import (ms)', target: 100, median: longest, runs: 1, note: 'includes drawing the sheet once the figures arrive' },
  ];
}
