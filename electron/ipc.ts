// Registers the main-process side of DesktopApi. Each call: the sender frame
// must be our own page, the arguments must parse, and whatever happens the
// renderer gets a Result back, never a thrown error.
import type { DesktopApi, Result } from '@shared/desktop-api';
import { CHANNELS, type InvokeMethod } from './channels';
import { SCHEMAS } from './ipc-schemas';

/** The slice of Electron's IpcMainInvokeEvent we read. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

/** Main-side implementations: already-parsed arguments in, a Result out. */
export type Handlers = {
  [K in InvokeMethod]: (...args: Parameters<DesktopApi[K]>) => ReturnType<DesktopApi[K]>;
};

export interface IpcOptions {
  isTrustedUrl: (url: string) => boolean;
  log: (message: string, error?: unknown) => void;
}

export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: Handlers, options: IpcOptions): void {
  const registered = new Set<string>();
  for (const method of Object.keys(handlers) as InvokeMethod[]) {
    const channel = CHANNELS[method];
    if (registered.has(channel)) throw new Error(`IPC channel "${channel}" has two handlers`);
    registered.add(channel);
    ipcMain.handle(channel, (event, ...raw) => dispatch(method, handlers, options, event, raw));
  }
}

export async function dispatch(
  method: InvokeMethod,
  handlers: Handlers,
  options: IpcOptions,
  event: InvokeEventLike,
  raw: unknown[],
): Promise<Result<unknown>> {
  const channel = CHANNELS[method];
  // senderFrame is null once the frame navigated away or was destroyed.
  const url = event.senderFrame?.url ?? '';
  if (!options.isTrustedUrl(url)) {
    options.log(`refused ${channel} from untrusted frame ${JSON.stringify(url)}`);
    return { ok: false, error: 'Refused: the request did not come from Bowtie’s own window.' };
  }
  const parsed = SCHEMAS[method](raw, channel);
  if (!parsed.ok) {
    options.log(`bad arguments for ${channel}: ${parsed.error}`);
    return parsed;
  }
  try {
    const handler = handlers[method] as (...args: unknown[]) => Promise<Result<unknown>>;
    return await handler(...(parsed.value as unknown[]));
  } catch (error) {
    options.log(`${channel} failed`, error);
    return { ok: false, error: 'Something went wrong in Bowtie’s desktop host; the document is unchanged.' };
  }
}
