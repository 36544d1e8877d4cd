// The built reader page (reader.html), served as app:// serves it (same
// handler, same CSP header), in Chromium, as readers of reader-harness.ts
// driven by the real lifecycle module (electron/workbook-reader.ts): it reads
// over its port under the CSP, and a reader stuck inside a V8 builtin (what a
// Web Worker's terminate() cannot stop, docs/workbook.md) is really gone at the
// deadline, and the next read works. The test holds the module's clock and
// fires the deadline once the reader is seen stuck: nothing waits 15 s.
import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { READER_PORT_MESSAGE } from '@shared/desktop-api';
import { defaultInputs } from '@shared/index';
import { writeWorkbook } from '@shared/workbook/index';
import { READER_CHANNELS } from '../../electron/reader-channels';
import { createWorkbookReaders, READER_LIMITS, readerMessages } from '../../electron/workbook-reader';
import { hostileCases } from '../shared/workbook/hostile-files';
import { bridgeLaunchOptions, bridgeMissing as missing, serveRenderer } from './bridge-harness';
import { alive, closeReaders, fakeWorkspace, manualClock, PageReader, stuckReader } from './reader-harness';

if (missing) console.log(`skipped: ${missing}`);
test.use({ launchOptions: bridgeLaunchOptions });

test.describe('the reader page in Chromium', () => {
  test.skip(missing !== null, missing ?? '');
  test.setTimeout(120_000);

  let server: Awaited<ReturnType<typeof serveRenderer>>;
  test.beforeAll(async () => { server = await serveRenderer(); });
  test.afterAll(async () => { await server.close(); });
  test.afterEach(async () => { await closeReaders(); });

  test('reads a workbook posted on its port under the CSP; a hostile one is refused by the pre-scan; a second port is ignored', async ({ browser }) => {
    const reader = new PageReader(browser, server.origin, false);
    const violations: string[] = [];
    const page = await reader.page;
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    await reader.webContents.loadURL('app://bowtie/reader.html');
    reader.webContents.postMessage(READER_CHANNELS.port, null, []);
    const t0 = Date.now();
    const answer = await reader.read(await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' }));
    console.log(`[reader] read a workbook in ${Date.now() - t0} ms`);
    expect(answer).toMatchObject({ ok: true, inputs: defaultInputs(), notes: [] });
    // One read per reader: a second port (a page pretending to be main) is not taken. This
    // listener comes after the page's, so when it runs the page has already seen the port:
    // a port it took would have its onmessage set, and one nobody listens on never answers.
    const second = await page.evaluate((message) => new Promise((resolve) => {
      const channel = new MessageChannel();
      window.addEventListener('message', (e) => { if (e.data === message) resolve(e.ports[0]?.onmessage === null ? 'not taken' : 'taken'); }, { once: true });
      window.postMessage(message, window.location.origin, [channel.port2]);
    }), READER_PORT_MESSAGE);
    expect(second).toBe('not taken');
    reader.destroy();

    const hostile = (await hostileCases()).find((c) => c.name === 'row number 4294967294 in single quotes')!;
    const next = new PageReader(browser, server.origin, false);
    await next.webContents.loadURL('app://bowtie/reader.html');
    next.webContents.postMessage(READER_CHANNELS.port, null, []);
    expect(await next.read(hostile.bytes)).toEqual({ ok: false, kind: 'unreadable', error: expect.stringMatching(/row numbered 4294967294/) });
    next.destroy();
    expect(violations).toEqual([]);
  });

  test('a reader stuck inside a V8 builtin is crashed at the deadline, its process is gone, and the next read gets a fresh reader that works', async ({ browser }) => {
    test.skip(!existsSync('/proc/self/stat'), 'needs Linux /proc to see the reader process');
    const { workspace, sent, posted } = fakeWorkspace();
    const made: PageReader[] = [];
    let stall = true;
    const clock = manualClock();
    const readers = createWorkbookReaders({
      createReader: () => { const r = new PageReader(browser, server.origin, stall); made.push(r); return r; },
      createChannel: () => ({ port1: 'workspace end', port2: 'reader end' }),
      processMetrics: () => [],
      url: 'app://bowtie/reader.html',
      log: (m) => console.log(`[reader] ${m}`),
      clock,
    });

    readers.open(workspace, 1);
    await expect.poll(() => posted.length, { timeout: 30_000 }).toBe(1);
    const stuck = await stuckReader(made[0]!.candidates);
    console.log(`[reader] stuck reader: pid ${stuck.pid}, ${stuck.ticks} CPU ticks`);
    expect(sent).toEqual([]);
    expect(clock.fire(READER_LIMITS.deadlineMs), 'one deadline pending').toBe(1);
    expect(sent).toEqual([[READER_CHANNELS.stopped, { id: 1, error: readerMessages().time }]]);
    // The process is really gone (a terminated worker's thread ran on for minutes).
    await expect.poll(() => alive(stuck.pid), { timeout: 5_000 }).toBe(false);

    stall = false;
    readers.open(workspace, 2);
    await expect.poll(() => posted.length, { timeout: 30_000 }).toBe(2);
    const fresh = made[1]!;
    expect(fresh).not.toBe(made[0]);
    expect(await fresh.read(await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' }))).toMatchObject({ ok: true });
    expect(readers.done(workspace, 2)).toBe(true);
    expect(sent).toHaveLength(1);
  });
});
