// The Actuals sheet's import in the app (issue 14): a 3-million-row CSV
// (50,000 customers × 60 months, ~100 MB) written to a temp file and picked
// with Import actuals… on the production build, until the sheet shows its
// figures. Measures the wall time and the longest main-thread task meanwhile
// (the page must stay responsive: the file is streamed, parsed and computed in
// the import worker, the two charts are drawn in the chart worker, and the
// sheet draws a part per task). The app is opened as a user opens it, on
// Assumptions, and the Actuals tab chosen from there. Used by bench-latency.ts,
// which owns the browser and the preview server.
import { createWriteStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

export interface ActualsUiRow { name: string; target: number; median: number; runs: number; note?: string }

async function writeCsv(path: string, customers: number, months: number): Promise<void> {
  const out = createWriteStream(path);
  const write = (s: string) => new Promise<void>((resolve) => { if (out.write(s)) resolve(); else out.once('drain', () => resolve()); });
  await write('customer,month,mrr\n');
  for (let c = 0; c < customers; c++) {
    let block = '';
    for (let t = 0; t < months; t++) block += `C${c},${2021 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')},${(100 + (c % 97) + (t % 13) * 0.5).toFixed(2)}\n`;
    await write(block);
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

/**
 * Resident memory of Chromium's renderer processes, in MiB (the page and its
 * workers live there): an upper bound, as shared pages count once per process.
 * Linux only (/proc); null elsewhere.
 */
function rendererRssMiB(): number | null {
  if (!existsSync('/proc/self/status')) return null;
  let kb = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch { /* the process ended meanwhile */ }
  }
  return kb / 1024;
}

/** `page` is a fresh page (downloads and pickers as in the e2e tests) that records long tasks in `window.__longest`. */
export async function benchActualsImport(page: Page, url: string, customers = 50_000, months = 60): Promise<ActualsUiRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bowtie-bench-actuals-'));
  try {
    const file = join(dir, 'billing-3m.csv');
    await writeCsv(file, customers, months);
    await page.goto(url);
    await page.getByRole('tab', { name: 'Actuals' }).click({ timeout: 60_000 });
    const button = page.getByRole('button', { name: 'Import actuals…' });
    await button.waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000); // start-up settles
    await page.evaluate(() => { (window as unknown as { __longest: number }).__longest = 0; });
    const chooser = page.waitForEvent('filechooser');
    await button.click();
    const t0 = Date.now();
    let wall = 0;
    let peak = rendererRssMiB();
    const sampler = setInterval(() => { const m = rendererRssMiB(); if (m !== null && peak !== null) peak = Math.max(peak, m); }, 100);
    try {
      await (await chooser).setFiles(file); // by path: Chromium reads it from disk, as a picked file
      await page.locator('.actuals-sheet[data-state="live"]').waitFor({ timeout: 15 * 60_000 });
      wall = Date.now() - t0;
      await page.waitForTimeout(2500); // the sheet's parts draw, one per task, and the charts arrive
    } finally {
      clearInterval(sampler);
    }
    const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
    const rows = (customers * months).toLocaleString('en-US');
    return [
      { name: `Actuals: import a ${rows}-row CSV in the app, pick to figures (ms)`, target: 15_000, median: wall, runs: 1 },
      { name: 'Actuals: longest main-thread task during that import (ms)', target: 100, median: longest, runs: 1, note: 'includes drawing the sheet once the figures arrive; opened from the start screen' },
      ...(peak === null ? [] : [{ name: 'Actuals: peak memory of the page and its workers during that import (MiB)', target: 1024, median: Math.round(peak), runs: 1, note: 'RSS of Chromium\'s renderer processes' }]),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
