// The app's own figures on the production build (as Electron loads it), in
// Debian's Chromium. Each is printed as a row with its target and merged into
// bench-results.json:
// - cold start: from navigation to the first headline figure on screen;
// - edit-to-screen: type a new renewal rate, Enter, until NRR shows the core's
//   value; median and p90 of 20 edits, on the default and the large model
//   (120 months, 10 lanes), with the longest main-thread task meanwhile;
// - the Sensitivity tab filled (every row, tornado and drag) on the large model;
// - the Board Report tab on first open, until its charts are drawn;
// - ranges: 1,000 samples on the Ranges tab, with the longest main-thread task meanwhile;
// - a save (click to file) after an edit and from the filled Sensitivity tab,
//   and a recovery copy (timer to stored copy), each with the longest
//   main-thread task meanwhile;
// - a 3-million-row billing export imported on the Actuals sheet: wall time and
//   the longest main-thread task meanwhile (bench-actuals-ui.ts).
// BENCH_LATENCY_ONLY=save runs only the save and recovery rows.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { chromium, type Page } from '@playwright/test';
import { computeModel, defaultInputs, setInput, type ModelInputs } from '@shared/index';
import { writeWorkbook } from '@shared/workbook/index';
import { percent as formatPercent } from '@shared/index';
import { largeModel } from '../tests/support/models';
import { benchActualsImport } from './bench-actuals-ui';

const RUNS = 20;
const onlySaves = process.env.BENCH_LATENCY_ONLY === 'save';
const WARMUP = 5;
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LatencyRow { name: string; target: number; median: number; runs: number; p90?: number; note?: string }

if (!existsSync(chromiumPath)) {
  console.log(`app latency: Chromium not found at ${chromiumPath}`);
  process.exit(1);
}

const port = await new Promise<number>((resolve, reject) => {
  const srv = createServer();
  srv.once('error', reject);
  srv.listen(0, '127.0.0.1', () => { const { port: p } = srv.address() as { port: number }; srv.close(() => resolve(p)); });
});
// Timed on the production build, as Electron loads it (dev-mode React is several times slower).
const outDir = mkdtempSync(join(tmpdir(), 'bowtie-bench-'));
const build = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'ignore' });
if (build.status !== 0) { console.log('app latency: the renderer did not build'); process.exit(1); }
const server = spawn('npx', ['vite', 'preview', '--config', 'renderer/vite.config.ts', '--outDir', outDir, '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
const stopServer = () => {
  try { process.kill(-server.pid!, 'SIGTERM'); } catch { /* already gone */ }
  rmSync(outDir, { recursive: true, force: true });
};
process.on('exit', stopServer);

const url = `http://127.0.0.1:${port}/`;
for (let i = 0; ; i++) {
  try { if ((await fetch(url)).ok) break; } catch { /* not up yet */ }
  if (i > 240) { console.log('app latency: the preview server did not start'); process.exit(1); }
  await new Promise((r) => setTimeout(r, 250));
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  if (q === 0.5) { const mid = s.length >> 1; return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2; }
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

/** Long tasks (over 50 ms: the browser's own definition) since the last reset. */
const watchLongTasks = (page: Page) => page.addInitScript(() => {
  const w = window as unknown as { __longest: number };
  w.__longest = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration); }).observe({ type: 'longtask', buffered: true });
});
const resetLongest = (page: Page) => page.evaluate(() => { (window as unknown as { __longest: number }).__longest = 0; });
const longest = async (page: Page) => { await page.waitForTimeout(100); return page.evaluate(() => (window as unknown as { __longest: number }).__longest); };

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: [...(isRoot ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function freshPage(opts: { clock?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  // Saves download (no native save picker to drive), as in the e2e tests.
  await page.addInitScript(() => { delete (window as unknown as Record<string, unknown>).showSaveFilePicker; delete (window as unknown as Record<string, unknown>).showOpenFilePicker; });
  await watchLongTasks(page);
  if (opts.clock) await page.clock.install();
  return page;
}

async function openModel(page: Page, inputs: ModelInputs, dir: string) {
  const path = join(dir, 'bench-model.xlsx');
  writeFileSync(path, await writeWorkbook({ inputs, appVersion: 'bench' }));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  // Unsaved edits: the app asks Save / Don’t Save / Cancel first; the bench discards them.
  const discard = page.getByRole('button', { name: 'Don’t Save' });
  if (await discard.waitFor({ timeout: 2000 }).then(() => true, () => false)) await discard.click();
  await (await chooser).setFiles(path);
  await page.locator('[data-testid="document-name"]', { hasText: 'bench-model.xlsx' }).waitFor();
  await page.locator('dd[data-key="kpi.nrr.y2"]', { hasText: formatPercent(computeModel(inputs).annual[1]!.nrr) }).waitFor({ timeout: 60_000 });
}

/** Edit-to-screen on the model shown: median, p90 and the longest task from Enter to the new figure. */
async function editToScreen(page: Page, base: ModelInputs, label: string): Promise<LatencyRow[]> {
  const samples: number[] = [];
  let worst = 0;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const rate = 0.8 + (i % 10) / 100 + (i % 2 ? 0.005 : 0); // a different value each time
    const expected = formatPercent(computeModel(setInput(base, 'journey.renewal.rate', rate)).annual[1]!.nrr);
    await page.locator('.ag-cell[data-key="journey.renewal.rate"]').click();
    await page.keyboard.type(`${(rate * 100).toFixed(1)}%`);
    await page.waitForTimeout(60); // let the click's and the editor's own work finish before timing
    await resetLongest(page);
    // Timed inside the page: from the Enter keydown to the frame that paints the new figure.
    await page.evaluate((want) => {
      const w = window as unknown as { __latency: Promise<number> };
      w.__latency = new Promise<number>((resolve) => {
        let t0 = 0;
        window.addEventListener('keydown', (e) => { if (e.key === 'Enter') t0 = performance.now(); }, { capture: true, once: true });
        const strip = document.querySelector('.kpi-strip')!;
        // (no named helper functions in here: tsx would wrap them in a __name the page lacks)
        const obs = new MutationObserver(() => {
          if (document.querySelector('dd[data-key="kpi.nrr.y2"]')?.textContent === want) {
            obs.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - t0));
          }
        });
        obs.observe(strip, { childList: true, subtree: true, characterData: true });
      });
    }, expected);
    await page.keyboard.press('Enter');
    const ms = await page.evaluate(() => (window as unknown as { __latency: Promise<number> }).__latency);
    if (i >= WARMUP) { samples.push(ms); worst = Math.max(worst, await longest(page)); }
  }
  return [
    { name: `${label} model: edit-to-screen (ms)`, target: 100, median: quantile(samples, 0.5), p90: quantile(samples, 0.9), runs: RUNS, note: `max ${Math.max(...samples).toFixed(0)}` },
    { name: `${label} model: longest main-thread task, edit to screen (ms)`, target: 50, median: worst, runs: RUNS, note: 'the longest of all runs' },
  ];
}

/** From a click on a tab to `ready` (a selector that appears when the sheet is filled). */
async function tabFilled(page: Page, tab: string, ready: string): Promise<number> {
  const t0 = Date.now();
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
  return Date.now() - t0;
}

const rows: LatencyRow[] = [];
// Each row on stderr as soon as it is measured (the run takes minutes).
const push = rows.push.bind(rows);
rows.push = (...r: LatencyRow[]) => { for (const x of r) console.error(`${x.name}: median ${x.median.toFixed(1)}${x.p90 === undefined ? '' : `, p90 ${x.p90.toFixed(1)}`}, target ${x.target}`); return push(...r); };
const dir = mkdtempSync(join(tmpdir(), 'bowtie-bench-files-'));
try {
  if (!onlySaves) {
    // Cold start: a fresh context (empty cache) each time.
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await freshPage();
      await page.goto(url);
      await page.locator('dd[data-key="kpi.nrr.y2"]').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
      starts.push(await page.evaluate(() => performance.now())); // since navigation start
      await page.context().close();
    }
    rows.push({ name: 'cold start to the first figure (ms)', target: 2000, median: quantile(starts, 0.5), runs: starts.length });

    // Board Report on first open (default model), then the Sensitivity table and edits on both models.
    const boardOpen: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await freshPage();
      await page.goto(url);
      await page.locator('dd[data-key="kpi.nrr.y2"]').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
      await page.waitForTimeout(300);
      boardOpen.push(await tabFilled(page, 'Board Report', '.board-sheet[data-state="ready"] .board-page svg'));
      await page.context().close();
    }
    rows.push({ name: 'Board Report tab, first open (ms)', target: 500, median: quantile(boardOpen, 0.5), runs: boardOpen.length });
  }

  const page = await freshPage({ clock: true });
  await page.goto(url);
  await page.locator('dd[data-key="kpi.nrr.y2"]').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
  if (!onlySaves) rows.push(...await editToScreen(page, defaultInputs(), 'default'));
  else await editToScreen(page, defaultInputs(), 'default'); // the same edited model to save

  // A save of the edited default model: from the click to the downloaded file.
  /** Save `runs` times: the click-to-file times and the longest main-thread task of each. */
  const timeSaves = async (runs: number) => {
    const took: number[] = [];
    const tasks: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.waitForTimeout(200);
      await resetLongest(page);
      const download = page.waitForEvent('download');
      const t0 = Date.now();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await (await download).path();
      took.push(Date.now() - t0);
      tasks.push(await longest(page));
    }
    return { took, tasks };
  };
  const saves = await timeSaves(5);
  rows.push({ name: 'default model: save, click to file (ms)', target: 1000, median: quantile(saves.took, 0.5), runs: saves.took.length, note: `max ${Math.max(...saves.took).toFixed(0)}` });
  rows.push({ name: 'longest main-thread task during a save (ms)', target: 50, median: quantile(saves.tasks, 0.5), runs: saves.tasks.length, note: `max ${Math.max(...saves.tasks).toFixed(0)}` });
  // With the Sensitivity table on screen and current, a save can reuse it instead of computing it again.
  await page.getByRole('tab', { name: 'Sensitivity', exact: true }).click();
  await page.locator('table.twoway[data-state="done"]').waitFor({ timeout: 60_000 });
  const fromSensitivity = await timeSaves(5);
  rows.push({ name: 'default model: save from the filled Sensitivity tab, click to file (ms)', target: 1000, median: quantile(fromSensitivity.took, 0.5), runs: fromSensitivity.took.length, note: `max ${Math.max(...fromSensitivity.took).toFixed(0)}` });
  await page.getByRole('tab', { name: 'Assumptions', exact: true }).click();

  // A recovery copy: dirty the document, let the 60 s timer fire, wait for the copy.
  try {
    const copies: number[] = [];
    const copyMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => localStorage.clear());
      await page.locator('.ag-cell[data-key="journey.renewal.rate"]').click();
      await page.keyboard.type(`${81 + i}%`);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
      await resetLongest(page);
      const t0 = Date.now();
      await page.clock.runFor(60_000);
      await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.includes('recovery')), null, { timeout: 30_000 });
      copyMs.push(Date.now() - t0);
      copies.push(await longest(page));
    }
    rows.push({ name: 'default model: recovery copy, timer to stored copy (ms)', target: 1000, median: quantile(copyMs, 0.5), runs: copyMs.length, note: `max ${Math.max(...copyMs).toFixed(0)}` });
    rows.push({ name: 'longest main-thread task during a recovery copy (ms)', target: 50, median: quantile(copies, 0.5), runs: copies.length, note: `max ${Math.max(...copies).toFixed(0)}` });
  } catch (e) {
    console.error(`longest main-thread task during a recovery copy: not measured (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }

  await page.context().close();
  if (!onlySaves) {
    // A fresh page for the large model: the page above runs on a fake clock (for the
    // recovery timer), under which the open's own timers would never fire.
    const large = largeModel();
    const largePage = await freshPage();
    await largePage.goto(url);
    await largePage.locator('dd[data-key="kpi.nrr.y2"]').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
    await openModel(largePage, large, dir);
    rows.push(...await editToScreen(largePage, large, 'large'));
    await largePage.context().close();

    // Ranges (issue 21): a range typed in the renewal cell, then 1,000 samples on the
    // Ranges sheet in the analysis worker; the longest main-thread task until the table is in.
    const rangesTasks: number[] = [];
    const rangesMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const rp = await freshPage();
      await rp.goto(url);
      await rp.locator('dd[data-key="kpi.nrr.y2"]').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
      await rp.locator('.ag-cell[data-key="journey.renewal.rate"]').click();
      await rp.keyboard.type('80%..90%');
      await rp.keyboard.press('Enter');
      await rp.locator('.ag-cell[data-key="journey.renewal.rate"][data-range]').waitFor();
      await rp.waitForTimeout(300);
      await resetLongest(rp);
      const t0 = Date.now();
      await rp.getByRole('tab', { name: 'Ranges', exact: true }).click();
      await rp.getByRole('status').filter({ hasText: '1,000 samples, seed 1' }).waitFor({ timeout: 60_000 });
      rangesMs.push(Date.now() - t0);
      rangesTasks.push(await longest(rp));
      await rp.context().close();
    }
    rows.push({ name: 'default model: Ranges tab, 1,000 samples on screen (ms)', target: 1000, median: quantile(rangesMs, 0.5), runs: rangesMs.length, note: `max ${Math.max(...rangesMs).toFixed(0)}` });
    rows.push({ name: 'longest main-thread task while ranges run (ms)', target: 50, median: quantile(rangesTasks, 0.5), runs: rangesTasks.length, note: `max ${Math.max(...rangesTasks).toFixed(0)}` });

    const sensitivity: number[] = [];
    const sensitivityTasks: number[] = [];
    for (let i = 0; i < 3; i++) {
      const p = await freshPage();
      await p.goto(url);
      await p.locator('dd[data-key="kpi.nrr.y2"]').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
      await openModel(p, large, dir);
      await p.waitForTimeout(300);
      sensitivity.push(await tabFilled(p, 'Sensitivity', 'table.twoway[data-state="done"]'));
      // An axis edit recomputes the whole table in the worker: the page must stay responsive.
      await p.waitForTimeout(300);
      await resetLongest(p);
      const axis = p.locator('[data-key="sensitivity.colValues.0"]');
      await axis.fill(`${11 + i}%`);
      await axis.press('Enter');
      await p.locator('table.twoway[data-state="computing"]').waitFor({ timeout: 10_000 }).catch(() => { /* already done */ });
      await p.locator('table.twoway[data-state="done"]').waitFor({ timeout: 60_000 });
      sensitivityTasks.push(await longest(p));
      await p.context().close();
    }
    rows.push({ name: 'large model: Sensitivity tab filled (ms)', target: 1000, median: quantile(sensitivity, 0.5), runs: sensitivity.length });
    rows.push({ name: 'large model: longest main-thread task while the Sensitivity table recomputes (ms)', target: 50, median: quantile(sensitivityTasks, 0.5), runs: sensitivityTasks.length, note: `max ${Math.max(...sensitivityTasks).toFixed(0)}` });

    // Issue 14: a 3-million-row billing export dropped on the Actuals sheet (once: it takes a while).
    try {
      const p = await freshPage();
      rows.push(...await benchActualsImport(p, url));
      await p.context().close();
    } catch (e) {
      console.error(`Actuals import in the app: not measured (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
    }
  }
} finally {
  await browser.close();
  stopServer();
  rmSync(dir, { recursive: true, force: true });
}

// For bench.ts: one JSON line on stdout with the rows.
console.log(JSON.stringify({ rows }));
const file = 'bench-results.json';
const current = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>) : {};
for (const r of rows) {
  current[r.name] = Number(r.median.toFixed(3));
  if (r.p90 !== undefined) current[r.name.replace('(ms)', 'p90 (ms)')] = Number(r.p90.toFixed(3));
}
writeFileSync(file, JSON.stringify(current, null, 2) + '\n');
