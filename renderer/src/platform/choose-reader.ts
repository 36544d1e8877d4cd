// Where workbook reads go, chosen once at start-up like the platform itself:
// the desktop host's hidden reader renderer when the preload exposed
// `window.bowtieReader`, else the Web Worker (workbook-client.ts's default).
import { hostReader, hostReaderTransport } from '../workers/read-transport';
import { setReadTransport } from '../workers/workbook-client';

export function chooseWorkbookReader(win: Window = window): 'host' | 'worker' {
  const reader = hostReader(win);
  if (!reader) return 'worker';
  setReadTransport(hostReaderTransport(reader));
  return 'host';
}
