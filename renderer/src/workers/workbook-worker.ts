// Reads and writes .xlsx off the main thread. The client starts one of these per
// call and terminates it if it overruns: a hostile or huge file must not hang the
// workspace.
import { readWorkbook, writeWorkbook } from '../../../shared/workbook/index';
import type { WorkbookCalls } from './core-calls';
import { serveCalls } from './core-client';

const text = (x: unknown): string => (x instanceof Error ? x.message : typeof x === 'string' ? x : JSON.stringify(x));

serveCalls<WorkbookCalls>({
  async read(bytes) {
    try {
      const r = await readWorkbook(bytes);
      if (r.ok) return { ok: true, inputs: r.inputs, extras: r.extras, notes: r.notes.map(text) };
      if (r.kind === 'invalid') return { ok: false, kind: 'invalid', problems: r.problems };
      return { ok: false, kind: 'unreadable', error: text(r.error) };
    } catch (e) {
      return { ok: false, kind: 'unreadable', error: text(e) };
    }
  },
  write({ inputs, appVersion, more }) {
    return writeWorkbook({ ...more, inputs, appVersion });
  },
});
