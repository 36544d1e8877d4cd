// Reading a workbook from disk for the CLI (issues #3, #9): the bytes are parsed
// in a child process with a V8 heap limit, killed (SIGKILL) at a deadline or when
// its resident memory passes a cap (768 MB: with the CLI itself the command
// stays under 1 GiB), because ExcelJS can be driven into huge allocations or
// long loops by a crafted file, and a worker thread cannot be
// stopped while V8 runs inside a builtin (its terminate() waits for the builtin
// to return: minutes for a loop over a 4-billion-element array). Whatever goes
// wrong comes back as `unreadable` with one clear sentence.
import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { LIMITS, type WorkbookRead } from '@shared/workbook/index';

export const READER_LIMITS = {
  /** the user sees a refusal within this plus process teardown */
  timeoutMs: 15_000,
  /** V8's old generation in the child */
  maxOldGenerationSizeMb: 512,
  /** resident memory of the whole child (heap, inflated entries, code), checked every 100 ms where /proc exists */
  maxRssMb: 768,
};
export type ReaderLimits = typeof READER_LIMITS;

const STARTUP_MS = 60_000;
const source = import.meta.url.endsWith('.ts');
const childUrl = new URL(`./workbook-child.${source ? 'ts' : 'js'}`, import.meta.url);

/** Node's flags for the child: the heap cap, and tsx's loader when running from sources (tsx, vitest). */
function childArgs(limits: ReaderLimits, entry: URL): string[] {
  const args = [`--max-old-space-size=${limits.maxOldGenerationSizeMb}`];
  const file = fileURLToPath(entry);
  if (file.endsWith('.ts')) args.push('--import', import.meta.resolve('tsx'));
  return [...args, file];
}

/**
 * A worker's entry. Built code runs the .js worker directly; from sources
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

/** Resident set size of a process in MB, or null where /proc does not tell. */
async function rssMb(pid: number): Promise<number | null> {
  try {
    const statm = await readFile(`/proc/${pid}/statm`, 'utf8');
    return (Number(statm.split(' ')[1]) * 4096) / 1048576;
  } catch {
    return null;
  }
}

const live = new Set<ReturnType<typeof spawn>>();
// If this process ends first (Ctrl-C, an exception), no reader outlives it.
process.once('exit', () => { for (const c of live) c.kill('SIGKILL'); });

/** `entry` is for tests: a child script that misbehaves on purpose. */
export function parseWorkbookInChild(bytes: Uint8Array, limits: ReaderLimits = READER_LIMITS, entry: URL = childUrl): Promise<WorkbookRead & { pid?: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, childArgs(limits, entry), { stdio: ['pipe', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
    live.add(child);
    let settled = false;
    let stderr = '';
    let reason: string | null = null;
    const stop = (why: string) => { reason ??= why; child.kill('SIGKILL'); };
    const slow = `reading the workbook took longer than ${limits.timeoutMs / 1000} s, so it was stopped: the file is far larger than a Bowtie model or built to be slow`;
    // The deadline covers the read, not Node starting and compiling the reader (seconds on a
    // busy machine); starting has its own, generous one, since no file byte is involved yet.
    let timer = setTimeout(() => stop(`the workbook reader did not start within ${STARTUP_MS / 1000} s`), STARTUP_MS);
    const memory = (mb: number) => `reading the workbook needed more than ${mb} MB of memory, so it was stopped: the file is far larger than a Bowtie model or built to exhaust memory`;
    const poll = setInterval(() => {
      void rssMb(child.pid!).then((mb) => { if (mb !== null && mb > limits.maxRssMb) stop(memory(limits.maxRssMb)); });
    }, 100);
    let result: WorkbookRead | null = null;
    child.on('message', (r: WorkbookRead | { ready: true }) => {
      if (!('ready' in r)) { result = r; return; }
      clearTimeout(timer);
      timer = setTimeout(() => stop(slow), limits.timeoutMs);
      child.stdin!.end(bytes);
    });
    child.stderr!.on('data', (c: Buffer) => { if (stderr.length < 4096) stderr += c.toString(); });
    child.stdin!.on('error', () => {}); // a child killed before it read everything
    // Settle only once the process is gone: nothing is left behind when the caller continues.
    child.on('close', (code, signal) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(poll);
      live.delete(child);
      const pid = child.pid;
      if (reason) return resolve({ ...unreadable(reason), pid });
      if (result) return resolve({ ...result, pid });
      if (/heap limit|out of memory/i.test(stderr)) return resolve({ ...unreadable(memory(limits.maxOldGenerationSizeMb)), pid });
      const last = stderr.trim().split('\n').filter(Boolean).pop();
      resolve({ ...unreadable(`the workbook reader stopped unexpectedly (${signal ?? `exit code ${code}`}${last ? `: ${last.slice(0, 200)}` : ''})`), pid });
    });
  });
}

export async function loadWorkbookFile(path: string): Promise<WorkbookRead> {
  let bytes: Uint8Array;
  try {
    // Never pull a huge file into this process just to refuse it.
    const { size } = await stat(path);
    if (size > LIMITS.fileBytes) return unreadable(`the file is ${Math.round(size / 1048576)} MB; Bowtie reads workbooks up to ${LIMITS.fileBytes / 1048576} MB`);
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    return unreadable(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const { pid: _pid, ...read } = await parseWorkbookInChild(bytes);
  return read;
}
