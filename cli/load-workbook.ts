// Reading a workbook from disk for the CLI: the bytes are parsed in a worker
// thread with a memory cap and a deadline (issue #3), because ExcelJS can be
// driven into huge allocations or long loops by a crafted file. Whatever goes
// wrong comes back as `unreadable` with one clear sentence.
import { readFile, stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { LIMITS, type WorkbookRead } from '../shared/workbook/index';

export const WORKER_LIMITS = { timeoutMs: 15_000, maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 };

const workerUrl = new URL(`./workbook-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

/**
 * The worker's entry. Built code runs workbook-worker.js directly; from sources
 * (tsx, vitest) a tiny ES module registers tsx's loader in the worker first,
 * since loaders registered in this thread do not reach worker threads.
 */
export function tsWorkerEntry(workerUrl: URL): URL {
  if (!workerUrl.pathname.endsWith('.ts')) return workerUrl;
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(workerUrl.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

const unreadable = (error: string): WorkbookRead => ({ ok: false, kind: 'unreadable', error });

export function parseWorkbookInWorker(bytes: Uint8Array, limits = WORKER_LIMITS): Promise<WorkbookRead> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: WorkbookRead) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const worker = new Worker(tsWorkerEntry(workerUrl), {
      workerData: bytes,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb },
      stdout: true,
      stderr: true,
    });
    const timer = setTimeout(() => finish(unreadable(`reading the workbook took longer than ${limits.timeoutMs / 1000} s, so it was stopped: the file is far larger than a Bowtie model or built to be slow`)), limits.timeoutMs);
    worker.once('message', (r: WorkbookRead) => finish(r));
    worker.once('error', (e: Error & { code?: string }) =>
      finish(unreadable(e.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `reading the workbook needed more than ${limits.maxOldGenerationSizeMb} MB of memory, so it was stopped: the file is far larger than a Bowtie model or built to exhaust memory`
        : `the workbook could not be read (${e.message})`)));
    worker.once('exit', (code) => finish(unreadable(`the workbook reader stopped unexpectedly (exit code ${code})`)));
  });
}

export async function loadWorkbookFile(path: string): Promise<WorkbookRead> {
  let bytes: Uint8Array;
  try {
    // Never pull a huge file into this thread just to refuse it.
    const { size } = await stat(path);
    if (size > LIMITS.fileBytes) return unreadable(`the file is ${Math.round(size / 1048576)} MB; Bowtie reads workbooks up to ${LIMITS.fileBytes / 1048576} MB`);
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    return unreadable(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseWorkbookInWorker(bytes);
}
