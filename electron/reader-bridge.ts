// The workspace's side of a read in the hidden reader renderer, run in the
// workspace's preload and exposed as `window.bowtieReader` (WorkbookReaderApi).
// It asks main for a reader, gets one end of a MessageChannel, posts the bytes
// on it and resolves with the reader's one answer, or with main's sentence when
// main stopped the reader (deadline, memory cap, crash). The page never sees a
// MessagePort or an IPC event. The answer itself is checked by the page
// (renderer/src/workers/reader-reply.ts), which knows what a model is.
import type { Result, WorkbookReaderApi } from '@shared/desktop-api';
import { READER_CHANNELS } from './reader-channels';

/** Bytes a page may hand to a reader: as over IPC (ipc-schemas.ts); the pre-scan refuses past 50 MB. */
const MAX_BYTES = 200 * 1024 * 1024;
/** Main answers every read (its start limit is 30 s, its deadline 15 s); this is the backstop if it never does. */
const BACKSTOP_MS = 60_000;

export type PortLike = Pick<MessagePort, 'onmessage' | 'postMessage' | 'close'>;
export interface ReaderIpc {
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: { ports?: readonly PortLike[] }, value?: unknown) => void): unknown;
}

const idOf = (value: unknown): number | null => {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
};

export function createReaderBridge(ipc: ReaderIpc, backstopMs = BACKSTOP_MS): WorkbookReaderApi {
  let nextId = 0;
  const reads = new Map<number, { bytes: Uint8Array; port?: PortLike; timer: ReturnType<typeof setTimeout>; resolve(r: Result<unknown>): void }>();

  const finish = (id: number, result: Result<unknown>) => {
    const read = reads.get(id);
    if (!read) return;
    reads.delete(id);
    clearTimeout(read.timer);
    if (read.port) {
      read.port.onmessage = null;
      read.port.close();
    }
    if (result.ok) ipc.send(READER_CHANNELS.done, id);
    read.resolve(result);
  };

  ipc.on(READER_CHANNELS.port, (event, value) => {
    const id = idOf(value);
    const port = event.ports?.[0];
    const read = id === null ? undefined : reads.get(id);
    if (!port) return;
    if (id === null || !read || read.port) {
      port.close(); // not a read we asked for, or a second port for one
      return;
    }
    read.port = port;
    port.onmessage = (message: MessageEvent) => finish(id, { ok: true, value: message.data as unknown });
    const copy = read.bytes.slice();
    port.postMessage(copy, [copy.buffer]);
  });

  ipc.on(READER_CHANNELS.stopped, (_event, value) => {
    const id = idOf(value);
    const error = value && typeof value === 'object' ? (value as { error?: unknown }).error : undefined;
    if (id !== null) finish(id, { ok: false, error: typeof error === 'string' && error !== '' ? error.slice(0, 500) : 'the reader was stopped' });
  });

  return {
    read(bytes) {
      if (!(bytes instanceof Uint8Array)) return Promise.resolve({ ok: false, error: 'nothing to read' });
      if (bytes.byteLength > MAX_BYTES) return Promise.resolve({ ok: false, error: `the file is ${Math.round(bytes.byteLength / 1048576)} MB; Bowtie reads at most 200 MB` });
      const id = ++nextId;
      return new Promise((resolve) => {
        const timer = setTimeout(() => finish(id, { ok: false, error: `the reader did not answer within ${backstopMs / 1000} s` }), backstopMs);
        reads.set(id, { bytes, timer, resolve });
        ipc.send(READER_CHANNELS.open, id);
      });
    },
  };
}
