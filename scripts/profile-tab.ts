// A CPU profile of one tab's first open on the production build (issue 23's speed
// rows: what stands in the way): self time by function and by file, and the
// long tasks. Usage: npx tsx scripts/profile-tab.ts "Board Report" '.board-sheet[data-state="ready"] .board-page svg'
// PROFILE_MODEL=large opens the bench's large model first (tests/support/models.ts);
// PROFILE_THEN=axis profiles, once the Sensitivity tab is filled, an axis edit
// until the table has recomputed (the bench's "while the table recomputes" row);
// PROFILE_THEN=edit a renewal-rate edit from Enter to the new NRR on screen.
import { openBuiltApp } from './support/built-app';

const [tab = 'Board Report', ready = '.board-sheet[data-state="ready"] .board-page svg'] = process.argv.slice(2);
const app = await openBuiltApp({ minify: false } /* names in the profile */);
const { page } = app;
try {
  await page.waitForTimeout(300);
  await page.evaluate(() => { (window as unknown as { longTasks: number[] }).longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as unknown as { longTasks: number[] }).longTasks.push(Math.round(e.duration)); }).observe({ type: 'longtask' }); });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const axisEdit = process.env.PROFILE_THEN === 'axis';
  const cellEdit = process.env.PROFILE_THEN === 'edit';
  if (!axisEdit && !cellEdit) await cdp.send('Profiler.start');
  let t0 = Date.now();
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
  if (axisEdit) {
    await page.waitForTimeout(300);
    await page.evaluate(() => { (window as unknown as { longTasks: number[] }).longTasks = []; });
    await cdp.send('Profiler.start');
    t0 = Date.now();
    const axis = page.locator('[data-key="sensitivity.colValues.0"]');
    await axis.fill('11%');
    await axis.press('Enter');
    await page.locator('table.twoway[data-state="computing"]').waitFor({ timeout: 10_000 }).catch(() => undefined);
    await page.locator('table.twoway[data-state="done"]').waitFor({ timeout: 60_000 });
  }
  if (cellEdit) {
    const before = await page.locator('dd[data-key="kpi.nrr.y2"]').textContent();
    await page.locator('.ag-cell[data-key="journey.renewal.rate"]').click();
    await page.keyboard.type('81.5%');
    await page.waitForTimeout(100);
    await page.evaluate(() => { (window as unknown as { longTasks: number[] }).longTasks = []; });
    await cdp.send('Profiler.start');
    t0 = Date.now();
    await page.keyboard.press('Enter');
    await page.locator('dd[data-key="kpi.nrr.y2"]').filter({ hasNotText: before ?? '' }).waitFor({ timeout: 30_000 });
  }
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
  await app.close();
}
