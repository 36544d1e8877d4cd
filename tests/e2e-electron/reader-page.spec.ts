// The built reader page (reader.html), served as app:// serves it (same
// handler, same CSP header), in Chromium, as readers of reader-harness.ts
// driven by the real lifecycle module (electron/workbook-reader.ts): it reads
// over its port under the CSP, and a reader stuck inside a V8 builtin (what
// terminate() could not stop, tests/e2e/worker-terminate.spec.ts) is really
// gone at the deadline, and the next read works.
import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { READER_PORT_MESSAGE } from '../../shared/desktop-api';
import { defaultInputs } from '../../shared/index';
import { writeWorkbook } from '../../shared/workbook/index';
import { READER_CHANNELS } from '../../electron/reader-channels';
import { createWorkbookReaders, readerMessages } from '../../electron/workbook-reader';
import { hostileCases } from '../shared/workbook/hostile-files';
import { bridgeLaunchOptions, bridgeMissing as missing, serveRenderer } from './bridge-harness';
import { alive, busiest, closeReaders, fakeWorkspace, PageReader } from './reader-harness';

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
    // One read per reader: a second port (a page pretending to be main) gets nothing.
    const second = await page.evaluate((message) => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (e) => resolve(e.data);
      window.postMessage(message, window.location.origin, [channel.port2]);
      channel.port1.postMessage(new Uint8Array([1, 2, 3]));
      setTimeout(() => resolve('no answer'), 1_000);
    }), READER_PORT_MESSAGE);
    expect(second).toBe('no answer');
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
    const readers = createWorkbookReaders({
      createReader: () => { const r = new PageReader(browser, server.origin, stall); made.push(r); return r; },
      createChannel: () => ({ port1: 'workspace end', port2: 'reader end' }),
      processMetrics: () => [],
      url: 'app://bowtie/reader.html',
      log: (m) => console.log(`[reader] ${m}`),
      limits: { deadlineMs: 20_000 }, // shorter than 15 s to keep the test short; long enough for a real read on a loaded machine
    });

    readers.open(workspace, 1);
    await expect.poll(() => posted.length, { timeout: 30_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 300)); // into the builtin
    const stuck = await busiest(made[0]!.candidates);
    console.log(`[reader] stuck reader: pid ${stuck.pid}, ${stuck.ticks} CPU ticks in a second`);
    expect(stuck.ticks, 'the reader is busy inside its builtin').toBeGreaterThan(10);
    expect(sent).toEqual([]);
    await expect.poll(() => sent.length, { timeout: 25_000 }).toBe(1);
    expect(sent[0]).toEqual([READER_CHANNELS.stopped, { id: 1, error: readerMessages({ ...readerMessagesLimits(), deadlineMs: 20_000 }).time }]);
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

function readerMessagesLimits() {
  return { deadlineMs: 15_000, startMs: 30_000, memoryMb: 768, pollMs: 250, heapMb: 512 };
}
