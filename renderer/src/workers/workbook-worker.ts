// Reads and writes .xlsx off the main thread; the client terminates this worker
// if it overruns (a hostile or huge file must not hang the workspace).
import type { WorkbookApi, WorkbookRequest, WorkbookResponse } from './workbook-protocol';

// Looked up by glob so the workspace builds before the workbook module exists.
const modules = import.meta.glob<WorkbookApi>('../../../shared/workbook/index.ts');

async function api(): Promise<WorkbookApi> {
  const load = Object.values(modules)[0];
  if (!load) throw new Error('Reading and writing workbooks is not part of this build yet.');
  return load();
}

const text = (x: unknown): string => (x instanceof Error ? x.message : typeof x === 'string' ? x : JSON.stringify(x));

async function handle(req: WorkbookRequest): Promise<WorkbookResponse> {
  if (req.op === 'write') {
    try {
      const wb = await api();
      return { op: 'write', ok: true, bytes: await wb.writeWorkbook({ ...req.more, inputs: req.inputs, appVersion: req.appVersion }) };
    } catch (e) {
      return { op: 'write', ok: false, error: text(e) };
    }
  }
  try {
    const wb = await api();
    const r = await wb.readWorkbook(req.bytes);
    if (r.ok) return { op: 'read', outcome: { ok: true, inputs: r.inputs, extras: r.extras, notes: r.notes.map(text) } };
    if (r.kind === 'invalid') return { op: 'read', outcome: { ok: false, kind: 'invalid', problems: r.problems } };
    return { op: 'read', outcome: { ok: false, kind: 'unreadable', error: text(r.error) } };
  } catch (e) {
    return { op: 'read', outcome: { ok: false, kind: 'unreadable', error: text(e) } };
  }
}

self.onmessage = async (e: MessageEvent<WorkbookRequest>) => {
  (self as unknown as Worker).postMessage(await handle(e.data));
};
