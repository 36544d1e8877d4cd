// A Chrome trace of one tab's first open on the production build: main-thread
// time by event (script, style, layout, paint, parse) and each worker thread's
// busy time, plus the long tasks. Usage as profile-tab.ts (PROFILE_MODEL=large too;
// PROFILE_THEN=axis or =edit: an axis edit on Sensitivity, or a renewal-rate edit
// on Assumptions, after the tab opened; PROFILE_LONG=1: what each long task held).
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBuiltApp } from './support/built-app';

const [tab = 'Board Report', ready = '.board-sheet[data-state="ready"] .board-page svg'] = process.argv.slice(2);
const app = await openBuiltApp();
const { page, browser, port } = app;
try {
  await page.waitForTimeout(Number(process.env.PROFILE_WAIT ?? 300));
  const traceFile = join(tmpdir(), `bowtie-trace-${port}.json`);
  await browser.startTracing(page, { path: traceFile, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
  const t0 = Date.now();
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
  const wall = Date.now() - t0;
  if (process.env.PROFILE_THEN === 'edit') {
    // An edit on the Assumptions sheet, Enter to the new NRR on screen (the bench's edit-to-screen)
    const before = await page.locator('dd[data-key="kpi.nrr.y2"]').textContent();
    await page.locator('.ag-cell[data-key="journey.renewal.rate"]').click();
    await page.keyboard.type('81.5%');
    await page.keyboard.press('Enter');
    await page.locator('dd[data-key="kpi.nrr.y2"]').filter({ hasNotText: before ?? '' }).waitFor({ timeout: 30_000 });
  }
  if (process.env.PROFILE_THEN === 'axis') {
    // An axis edit: the table recomputes in the worker
    const axis = page.locator('[data-key="sensitivity.colValues.0"]');
    await axis.fill('11%');
    await axis.press('Enter');
    await page.locator('table.twoway[data-state="computing"]').waitFor({ timeout: 10_000 }).catch(() => undefined);
    await page.locator('table.twoway[data-state="done"]').waitFor({ timeout: 60_000 });
  }
  await page.waitForTimeout(200);
  await browser.stopTracing();
  type Ev = { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: { name?: string; data?: { url?: string; functionName?: string } } };
  const events = (JSON.parse(readFileSync(traceFile, 'utf8')) as { traceEvents: Ev[] }).traceEvents;
  const threads = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const start = Math.min(...events.filter((e) => e.ph === 'X').map((e) => e.ts));
  const byThread = new Map<string, Ev[]>();
  for (const e of events) if (e.ph === 'X' && e.dur) { const k = `${e.pid}:${e.tid}`; byThread.set(k, [...(byThread.get(k) ?? []), e]); }
  console.log(`${tab}: ${wall} ms to "${ready}"`);
  for (const [k, evs] of byThread) {
    const name = threads.get(k) ?? k;
    if (!/CrRendererMain|Worker/.test(name)) continue;
    const tasks = evs.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
    const busy = tasks.reduce((s, e) => s + e.dur!, 0) / 1000;
    const long = tasks.filter((e) => e.dur! > 50_000).map((e) => `${((e.ts - start) / 1000).toFixed(0)}+${(e.dur! / 1000).toFixed(0)}`);
    // Self-ish totals by event name (top level under tasks: nested events counted in their own name too)
    const byName = new Map<string, number>();
    for (const e of evs) if (!/RunTask/.test(e.name)) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur! / 1000);
    const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, t]) => `${n} ${t.toFixed(0)}`).join(', ');
    console.log(`${name}: busy ${busy.toFixed(0)} ms; tasks over 50 ms (start+dur): ${long.join(' ') || 'none'}\n   ${top}`);
    if (process.env.PROFILE_LONG && /CrRendererMain/.test(name)) {
      for (const t of tasks.filter((e) => e.dur! > 40_000)) {
        const inner = evs.filter((e) => e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur! && e !== t && !/RunTask/.test(e.name));
        const m = new Map<string, number>();
        for (const e of inner) { const label = e.name === 'FunctionCall' || e.name === 'EvaluateScript' ? `${e.name}(${e.args?.data?.functionName ?? ''} ${(e.args?.data?.url ?? '').split('/').pop()})` : e.name; m.set(label, (m.get(label) ?? 0) + e.dur! / 1000); }
        console.log(`   task at ${((t.ts - start) / 1000).toFixed(0)} ms, ${(t.dur! / 1000).toFixed(0)} ms: ${[...m].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, v]) => `${n} ${v.toFixed(0)}`).join(', ')}`);
      }
    }
  }
} finally {
  await app.close();
}
