// How a workbook read reaches a reader, chosen once at start-up: in the desktop
// app the host's hidden reader renderer (window.bowtieReader: a process main
// kills at 15 s or 768 MB, electron/workbook-reader.ts), in the browser a fresh
// Web Worker behind the same pre-scan, given up on after 20 s (no process can
// be killed there). One interface, readWorkbookBytes in workbook-client.ts.
import type { WorkbookReaderApi } from '@shared/desktop-api';
import type { ReadOutcome } from './core-calls';
import { parseReaderReply } from './reader-reply';

export type ReadTransport = (bytes: Uint8Array) => Promise<ReadOutcome>;

/** The desktop transport: the reader's answer is validated here before anyone uses it. */
export function hostReaderTransport(reader: WorkbookReaderApi): ReadTransport {
  return async (bytes) => {
    let answer: Awaited<ReturnType<WorkbookReaderApi['read']>>;
    try {
      answer = await reader.read(bytes);
    } catch (e) {
      return { ok: false, kind: 'unreadable', error: `the reader did not answer: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (!answer.ok) return { ok: false, kind: 'unreadable', error: answer.error };
    const reply = parseReaderReply(answer.value);
    return reply.ok ? reply.outcome : { ok: false, kind: 'unreadable', error: reply.error };
  };
}

/** The host's reader when the desktop preload exposed one, else null (browser: the Web Worker). */
export function hostReader(win: Window = window): WorkbookReaderApi | null {
  const reader = (win as Window & { bowtieReader?: WorkbookReaderApi }).bowtieReader;
  return reader && typeof reader.read === 'function' ? reader : null;
}
