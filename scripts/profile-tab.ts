// A CPU profile of one tab's first open on the production build (issue 23's speed
// rows: what stands in the way): self time by function and by file, and the
// long tasks. Usage: npx tsx scripts/profile-tab.ts "Board Report" '.board-sheet[data-state="ready"] .board-page svg'
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { chromium } from '@playwright/test';

const [tab = 'Board Report', ready = '.board-sheet[data-state="ready"] .board-page svg'] = process.argv.slice(2);
const port = 4300 + Math.floor(Math.random() * 500);
const outDir = `${tmpdir()}/bowtie-profile-${port}`;
if (spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error', '--sourcemap'], { stdio: 'ignore' }).status !== 0) throw new Error('build failed');
const server = spawn('npx', ['vite', 'preview', '--config', 'renderer/vite.config.ts', '--outDir', outDir, '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
const url = `http://127.0.0.1:${port}/`;
for (let i = 0; ; i++) { try { if ((await fetch(url)).ok) break; } catch { /* starting */ } if (i > 240) throw new Error('no server'); await new Promise((r) => setTimeout(r, 250)); }
const browser = await chromium.launch({ executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.locator('dd[data-key="kpi.nrr.y2"]').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
  await page.evaluate(() => { (window as unknown as { longTasks: number[] }).longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as unknown as { longTasks: number[] }).longTasks.push(Math.round(e.duration)); }).observe({ type: 'longtask' }); });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  await page.getByRole('tab', { name: tab }).click();
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
  const wall = Date.now() - t0;
  const { profile } = await cdp.send('Profiler.stop') as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>(), byFile = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!; const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const file = n.callFrame.url.split('/').pop() || '(native)';
    const k = `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber}`;
    self.set(k, (self.get(k) ?? 0) + dt); byFile.set(file, (byFile.get(file) ?? 0) + dt);
  });
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, t]) => `${t.toFixed(0).padStart(6)} ms  ${n}`).join('\n');
  console.log(`${tab}: ${wall} ms to "${ready}"; long tasks (ms): ${JSON.stringify(await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks))}`);
  console.log(`by file:\n${top(byFile, 8)}\nby function (self):\n${top(self, 14)}`);
} finally {
  await browser.close();
  try { process.kill(-server.pid!); } catch { /* gone */ }
}
