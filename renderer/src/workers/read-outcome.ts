// One read of untrusted .xlsx bytes, as both places that read run it: the Web
// Worker (browser build) and the hidden reader renderer (desktop build). The
// pre-scan runs inside readWorkbook (shared/workbook/check-bytes.ts) before
// ExcelJS sees a byte; whatever goes wrong comes back as a value, never a throw.
import { readWorkbook } from '@shared/workbook/index';
import type { ReadOutcome } from './core-calls';

const text = (x: unknown): string => (x instanceof Error ? x.message : typeof x === 'string' ? x : JSON.stringify(x));

export async function readOutcome(bytes: Uint8Array): Promise<ReadOutcome> {
  try {
    const r = await readWorkbook(bytes);
    if (r.ok) return { ok: true, inputs: r.inputs, extras: r.extras, notes: r.notes.map(text), ...(r.actuals ? { actuals: r.actuals } : {}), ...(r.ranges ? { ranges: r.ranges } : {}) };
    if (r.kind === 'invalid') return { ok: false, kind: 'invalid', problems: r.problems };
    return { ok: false, kind: 'unreadable', error: text(r.error) };
  } catch (e) {
    return { ok: false, kind: 'unreadable', error: text(e) };
  }
}
