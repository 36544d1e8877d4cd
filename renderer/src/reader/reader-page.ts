// The hidden reader renderer's page (desktop only; electron/workbook-reader.ts).
// It holds nothing but this: it waits for the one MessagePort its preload
// passes on, reads the one workbook that arrives on it (pre-scan, then ExcelJS:
// the same read as the Web Worker's) and posts the outcome back. Main kills
// this whole process at the deadline or the memory cap, and throws it away
// after the read either way.
import { READER_PORT_MESSAGE } from '@shared/desktop-api';
import { readOutcome } from '../workers/read-outcome';
import type { ReadOutcome } from '../workers/core-calls';

let taken = false;

window.addEventListener('message', (event) => {
  if (taken || event.source !== window || event.origin !== window.location.origin || event.data !== READER_PORT_MESSAGE) return;
  const [port] = event.ports;
  if (!port) return;
  taken = true;
  port.onmessage = async (message) => {
    port.onmessage = null; // one read per reader
    const outcome: ReadOutcome = message.data instanceof Uint8Array
      ? await readOutcome(message.data)
      : { ok: false, kind: 'unreadable', error: 'the reader was handed no workbook bytes' };
    port.postMessage(outcome);
  };
});
