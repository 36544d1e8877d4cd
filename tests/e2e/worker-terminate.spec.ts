// Evidence for issue 9, item 5 (the app side): can a Web Worker's terminate()
// stop a worker that V8 is running inside one long builtin? The worker below is
// what ExcelJS did with <row r='4294967294'>: Array.prototype.forEach over a
// sparse array of 4 billion slots, one builtin call that runs for minutes.
// Whether the worker still runs after terminate() is read from the worker's own
// thread in /proc (found through the renderer's pid from the DevTools Protocol):
// CPU-time sums are meaningless on a shared, loaded machine, a thread's
// existence and its own ticks are not.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test, expect } from './fixtures';

const ORIGIN = 'http://worker-terminate.test';

const WORKER = `
  postMessage('started');
  const rows = [];
  rows[4294967293] = 1;
  let n = 0;
  rows.forEach(() => { n++; });
  postMessage('finished');
`;

/** Chromium's worker threads in the renderer processes, with the CPU ticks each has used (Linux /proc). */
function workerThreads(pids: number[]): Map<string, number> {
  const threads = new Map<string, number>();
  for (const pid of pids) {
    let tids: string[] = [];
    try { tids = readdirSync(`/proc/${pid}/task`); } catch { continue; }
    for (const tid of tids) {
      try {
        if (!/^DedicatedWorker/.test(readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8'))) continue;
        const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        threads.set(`${pid}/${tid}`, Number(fields[11]) + Number(fields[12]));
      } catch { /* the thread ended meanwhile */ }
    }
  }
  return threads;
}

test('terminate() does not stop a Web Worker stuck inside a long V8 builtin: its thread keeps running', async ({ page, browser }) => {
  test.skip(!existsSync('/proc/self/task'), 'needs Linux /proc to see the worker thread');
  test.setTimeout(120_000);
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = route.request().url();
    if (url.endsWith('/worker.js')) return route.fulfill({ contentType: 'text/javascript', body: WORKER });
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>worker</title>' });
  });
  await page.goto(`${ORIGIN}/`);
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  const renderers = processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  const before = workerThreads(renderers);

  // Start the worker and let it enter the builtin.
  await page.evaluate(() => new Promise<void>((resolve) => {
    const w = new Worker('/worker.js');
    (window as unknown as { stuck: Worker }).stuck = w;
    w.onmessage = (e) => { if (e.data === 'started') setTimeout(resolve, 300); };
  }));
  await expect.poll(() => [...workerThreads(renderers).keys()].filter((k) => !before.has(k)).length).toBe(1);
  const thread = [...workerThreads(renderers).keys()].find((k) => !before.has(k))!;

  // A worker in plain JavaScript (a while loop) stops at once; this one does not.
  await page.evaluate(() => (window as unknown as { stuck: Worker }).stuck.terminate());
  await page.waitForTimeout(3000);
  const atTerminatePlus3s = workerThreads(renderers).get(thread);
  await page.waitForTimeout(3000);
  const atTerminatePlus6s = workerThreads(renderers).get(thread);
  console.log(`worker thread ${thread}: CPU ticks 3 s after terminate() ${atTerminatePlus3s}, 6 s after ${atTerminatePlus6s}`);
  // The page itself stays responsive (the worker is another thread).
  expect(await page.evaluate(() => 6 * 7)).toBe(42);
  // The finding: 6 s after terminate() the thread still exists and is still using CPU.
  expect(atTerminatePlus6s).toBeDefined();
  expect(atTerminatePlus6s!).toBeGreaterThan(atTerminatePlus3s!);
  await page.close(); // closing the page does end the renderer, and with it the thread
});
