// One short-lived worker per read or write, terminated when done or when it
// overruns its time limit.
import type { ModelInputs } from '../../../shared/index';
import type { ReadOutcome, WorkbookRequest, WorkbookResponse } from './workbook-protocol';

const READ_TIMEOUT_MS = 20_000;
const WRITE_TIMEOUT_MS = 20_000;

function run(req: WorkbookRequest, timeoutMs: number): Promise<WorkbookResponse | { timeout: true }> {
  const worker = new Worker(new URL('./workbook-worker.ts', import.meta.url), { type: 'module', name: 'bowtie-workbook' });
  return new Promise((resolve) => {
    const timer = setTimeout(() => { worker.terminate(); resolve({ timeout: true }); }, timeoutMs);
    worker.onmessage = (e: MessageEvent<WorkbookResponse>) => { clearTimeout(timer); worker.terminate(); resolve(e.data); };
    worker.onerror = (e) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(req.op === 'read'
        ? { op: 'read', outcome: { ok: false, kind: 'unreadable', error: e.message || 'the reader failed' } }
        : { op: 'write', ok: false, error: e.message || 'the writer failed' });
    };
    worker.postMessage(req);
  });
}

export async function readWorkbookBytes(bytes: Uint8Array): Promise<ReadOutcome> {
  const r = await run({ op: 'read', bytes }, READ_TIMEOUT_MS);
  if ('timeout' in r) return { ok: false, kind: 'unreadable', error: `reading took longer than ${READ_TIMEOUT_MS / 1000} s and was stopped` };
  return r.op === 'read' ? r.outcome : { ok: false, kind: 'unreadable', error: 'unexpected reply' };
}

/** `more`: extras, board images… as writeWorkbook takes them (see files/save-extras.ts). */
export async function writeWorkbookBytes(inputs: ModelInputs, appVersion: string, more: Record<string, unknown> = {}): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: string }> {
  const r = await run({ op: 'write', inputs, appVersion, more }, WRITE_TIMEOUT_MS);
  if ('timeout' in r) return { ok: false, error: `saving took longer than ${WRITE_TIMEOUT_MS / 1000} s and was stopped` };
  if (r.op !== 'write') return { ok: false, error: 'unexpected reply' };
  return r.ok ? { ok: true, bytes: r.bytes } : { ok: false, error: r.error };
}
