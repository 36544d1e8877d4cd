// Every IPC channel name in one registry, shared by main and preload, so a
// typo or a reused name fails at start-up rather than at the first call
// (the habit of Actual's `loot-core/src/server/app.ts`).
import type { DesktopApi } from '@shared/desktop-api';

export function defineChannels<const T extends Record<string, string>>(channels: T): Readonly<T> {
  const seen = new Map<string, string>();
  for (const [key, name] of Object.entries(channels)) {
    const other = seen.get(name);
    if (other !== undefined) throw new Error(`IPC channel "${name}" is registered twice (${other} and ${key})`);
    seen.set(name, key);
  }
  return Object.freeze({ ...channels });
}

type EventMethod = 'onMenuCommand' | 'onOpenPath' | 'onCloseRequest';
/** The DesktopApi methods that are request/response calls (ipcRenderer.invoke). */
export type InvokeMethod = Exclude<keyof DesktopApi, EventMethod>;

export const CHANNELS = defineChannels({
  openFile: 'file/open',
  openActualsFile: 'file/open-actuals',
  readFile: 'file/read',
  saveFile: 'file/save',
  saveFileAs: 'file/save-as',
  exportPdf: 'file/export-pdf',
  writeRecovery: 'recovery/write',
  clearRecovery: 'recovery/clear',
  takeRecovery: 'recovery/take',
  setDocumentState: 'window/document-state',
  confirmClose: 'window/confirm-close',
  cancelClose: 'window/cancel-close',
  appVersion: 'app/version',
  // main → renderer
  menuCommand: 'event/menu-command',
  openPath: 'event/open-path',
  closeRequest: 'event/close-request',
} satisfies Record<InvokeMethod, string> & Record<string, string>);

export type InvokeChannel = (typeof CHANNELS)[InvokeMethod];
