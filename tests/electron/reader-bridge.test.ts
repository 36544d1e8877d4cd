// The workspace's side of a read in the hidden reader (reader-bridge.ts, in the
// preload), with a fake ipcRenderer and a real MessageChannel standing in for
// the reader: the bytes go over the port, the one answer comes back, main's
// "stopped" sentence ends a read, and ports nobody asked for are closed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createReaderBridge, type PortLike, type ReaderIpc } from '../../electron/reader-bridge';
import { READER_CHANNELS } from '../../electron/reader-channels';

type Handler = (event: { ports?: readonly PortLike[] }, value?: unknown) => void;
let handlers: Map<string, Handler>;
let sent: unknown[][];
let ipc: ReaderIpc;
let channels: MessageChannel[];

beforeEach(() => {
  handlers = new Map();
  sent = [];
  channels = [];
  ipc = { send: (...args) => { sent.push(args); }, on: (channel, l) => handlers.set(channel, l) };
});
afterEach(() => {
  for (const c of channels) { c.port1.close(); c.port2.close(); }
});

/** What main does when the reader has loaded: one end to the workspace, the other is the reader's. */
function handOver(id: unknown): MessagePort {
  const channel = new MessageChannel();
  channels.push(channel);
  handlers.get(READER_CHANNELS.port)!({ ports: [channel.port1] }, { id });
  return channel.port2;
}
const readerAnswers = (port: MessagePort, answer: (bytes: unknown) => unknown) => {
  port.onmessage = (e) => port.postMessage(answer(e.data));
};

describe('window.bowtieReader', () => {
  it('asks main for a reader, posts the bytes on the port it gets, resolves with the answer and tells main it is done', async () => {
    const bridge = createReaderBridge(ipc);
    const reading = bridge.read(new Uint8Array([80, 75, 3, 4]));
    expect(sent).toEqual([[READER_CHANNELS.open, 1]]);
    const reader = handOver(1);
    readerAnswers(reader, (bytes) => ({ got: Array.from(bytes as Uint8Array) }));
    expect(await reading).toEqual({ ok: true, value: { got: [80, 75, 3, 4] } });
    expect(sent).toEqual([[READER_CHANNELS.open, 1], [READER_CHANNELS.done, 1]]);
  });

  it('main stopping the reader ends the read with main\'s sentence', async () => {
    const bridge = createReaderBridge(ipc);
    const reading = bridge.read(new Uint8Array([1]));
    handOver(1);
    handlers.get(READER_CHANNELS.stopped)!({}, { id: 1, error: 'Reading took longer than 15 s and was stopped.' });
    expect(await reading).toEqual({ ok: false, error: 'Reading took longer than 15 s and was stopped.' });
    expect(sent.some(([channel]) => channel === READER_CHANNELS.done)).toBe(false);
  });

  it('a port for a read nobody asked for, or a second port for one, is closed and never gets the bytes', async () => {
    const bridge = createReaderBridge(ipc);
    const reading = bridge.read(new Uint8Array([1, 2, 3]));
    const seen: unknown[] = [];
    const closed: Promise<unknown>[] = [];
    /** A port main should not have handed over: what arrives on it, and its close (the bridge's end closed). */
    const stray = (id: unknown) => {
      const port = handOver(id);
      port.onmessage = (e) => seen.push(e.data);
      closed.push(new Promise((resolve) => port.addEventListener('close', resolve)));
    };
    for (const id of [2, 'x', null]) stray(id);
    const real = handOver(1);
    stray(1);
    readerAnswers(real, () => 'answer');
    expect(await reading).toEqual({ ok: true, value: 'answer' });
    // Every stray port is closed, and a message posted before a close arrives before it: nothing came.
    await Promise.all(closed);
    expect(seen).toEqual([]);
  });

  it('a stopped message without a usable sentence still ends the read, in a sentence of ours', async () => {
    const bridge = createReaderBridge(ipc);
    const reading = bridge.read(new Uint8Array([1]));
    handlers.get(READER_CHANNELS.stopped)!({}, { id: 1, error: { html: '<b>' } });
    expect(await reading).toEqual({ ok: false, error: 'the reader was stopped' });
  });

  it('refuses what is not bytes, and gives up if main never answers', async () => {
    vi.useFakeTimers();
    try {
      const bridge = createReaderBridge(ipc, 1_000);
      expect(await bridge.read('PK' as never)).toEqual({ ok: false, error: 'nothing to read' });
      const reading = bridge.read(new Uint8Array([1]));
      vi.advanceTimersByTime(1_000);
      expect(await reading).toEqual({ ok: false, error: 'the reader did not answer within 1 s' });
    } finally {
      vi.useRealTimers();
    }
  });
});
