// The production build in Debian's Chromium, open on the example model (or, with
// PROFILE_MODEL=large, on the bench's large model): what the profiling scripts
// (profile-tab.ts, trace-tab.ts) measure. PROFILE_DIST reuses a build.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { computeModel, percent } from '@shared/index';
import { writeWorkbook } from '@shared/workbook/index';
import { largeModel } from '../../tests/support/models';

export interface BuiltApp { page: Page; browser: Browser; port: number; close(): Promise<void> }

/** `minify: false` keeps function names readable in a CPU profile. */
export async function openBuiltApp(opts: { minify?: boolean } = {}): Promise<BuiltApp> {
  const port = 4300 + Math.floor(Math.random() * 500);
  const outDir = process.env.PROFILE_DIST ?? `${tmpdir()}/bowtie-profile-${port}`;
  const build = ['vite', 'build', '--config', 'renderer/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error', ...(opts.minify === false ? ['--minify', 'false'] : [])];
  if (!process.env.PROFILE_DIST && spawnSync('npx', build, { stdio: 'ignore' }).status !== 0) throw new Error('build failed');
  const server = spawn('npx', ['vite', 'preview', '--config', 'renderer/vite.config.ts', '--outDir', outDir, '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
  const stopServer = () => { try { process.kill(-server.pid!); } catch { /* gone */ } };
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    try { if ((await fetch(url)).ok) break; } catch { /* starting */ }
    if (i > 240) { stopServer(); throw new Error('no server'); }
    await new Promise((r) => setTimeout(r, 250));
  }
  const browser = await chromium.launch({ executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const close = async () => { await browser.close(); stopServer(); };
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(() => { delete (window as unknown as Record<string, unknown>).showOpenFilePicker; });
    await page.goto(url);
    await page.locator('dd[data-key="kpi.nrr.y2"]').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
    if (process.env.PROFILE_MODEL === 'large') {
      const inputs = largeModel();
      const path = join(mkdtempSync(join(tmpdir(), 'bowtie-profile-model-')), 'large.xlsx');
      writeFileSync(path, await writeWorkbook({ inputs, appVersion: 'profile' }));
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Open…' }).click();
      await (await chooser).setFiles(path);
      await page.locator('dd[data-key="kpi.nrr.y2"]', { hasText: percent(computeModel(inputs).annual[1]!.nrr) }).waitFor({ timeout: 60_000 });
    }
    return { page, browser, port, close };
  } catch (e) {
    await close();
    throw e;
  }
}
