// .xlsx in and out. Writes go through the workbook worker: a fresh worker per
// call, terminated when done or when it overruns its time limit. Reads go
// through the transport chosen at start-up (read-transport.ts,
// platform/choose-reader.ts): the desktop host's killable reader renderer, or
// by default the same worker with its 20 s give-up.
import type { WorkbookDocument } from '@shared/workbook/index';
import type { ReadOutcome } from './core-calls';
import { CallFailed } from './core-client';
import type { ReadTransport } from './read-transport';
import { workbookClient } from './worker-clients';

const READ_TIMEOUT_MS = 20_000;
const WRITE_TIMEOUT_MS = 20_000;

const reason = (e: unknown, doing: string, limitMs: number): string =>
  e instanceof CallFailed && e.reason === 'timeout' ? `${doing} took longer than ${limitMs / 1000} s and was stopped` : e instanceof Error ? e.message : String(e);

/** The browser's transport: a Web Worker, given up on (not stopped: see docs/workbook.md) after 20 s. */
export const workerReadTransport: ReadTransport = async (bytes) => {
  try {
    return await workbookClient().call('read', bytes, { timeoutMs: READ_TIMEOUT_MS });
  } catch (e) {
    return { ok: false, kind: 'unreadable', error: reason(e, 'reading', READ_TIMEOUT_MS) || 'the reader failed' };
  }
};

let readTransport: ReadTransport = workerReadTransport;

/** Start-up only (platform/choose-reader.ts): where reads go from now on. */
export function setReadTransport(transport: ReadTransport): void {
  readTransport = transport;
}

export function readWorkbookBytes(bytes: Uint8Array): Promise<ReadOutcome> {
  return readTransport(bytes);
}

/** The document as writeWorkbook takes it (files/document-bytes.ts builds it). */
export async function writeWorkbookBytes(doc: WorkbookDocument): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; error: string }> {
  try {
    return { ok: true, bytes: await workbookClient().call('write', doc, { timeoutMs: WRITE_TIMEOUT_MS }) };
  } catch (e) {
    return { ok: false, error: reason(e, 'saving', WRITE_TIMEOUT_MS) || 'the writer failed' };
  }
}
