// The only bridge between the sandboxed page and the host. It exposes one
// object that `satisfies DesktopApi` (Actual's preload, Grist's
// electronAPI.d.ts); it never hands the page an IpcRendererEvent or
// ipcRenderer itself, and each listener registration returns its cleanup.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { MENU_COMMANDS, type DesktopApi, type MenuCommand } from '@shared/desktop-api';
import { CHANNELS } from './channels';
import { createReaderBridge } from './reader-bridge';

type Listener<T> = (value: T) => void;

function subscribe<T>(channel: string, accept: (value: unknown) => value is T, listener: Listener<T>): () => void {
  const wrapped = (_event: IpcRendererEvent, value: unknown) => {
    if (accept(value)) listener(value);
  };
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const isMenuCommand = (v: unknown): v is MenuCommand => typeof v === 'string' && (MENU_COMMANDS as readonly string[]).includes(v);
const isPath = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isNothing = (v: unknown): v is undefined => v === undefined;

// Files the OS hands over at launch may arrive before the renderer has
// subscribed; keep them until the first listener comes.
const earlyPaths: string[] = [];
const pathListeners = new Set<Listener<string>>();
ipcRenderer.on(CHANNELS.openPath, (_event, value: unknown) => {
  if (!isPath(value)) return;
  if (pathListeners.size === 0) earlyPaths.push(value);
  else for (const listener of pathListeners) listener(value);
});

const api = {
  openFile: () => ipcRenderer.invoke(CHANNELS.openFile),
  openActualsFile: () => ipcRenderer.invoke(CHANNELS.openActualsFile),
  readFile: (path) => ipcRenderer.invoke(CHANNELS.readFile, path),
  saveFile: (path, bytes) => ipcRenderer.invoke(CHANNELS.saveFile, path, bytes),
  saveFileAs: (suggestedName, bytes) => ipcRenderer.invoke(CHANNELS.saveFileAs, suggestedName, bytes),
  writeRecovery: (copy) => ipcRenderer.invoke(CHANNELS.writeRecovery, { path: copy.path, bytes: copy.bytes }),
  clearRecovery: () => ipcRenderer.invoke(CHANNELS.clearRecovery),
  takeRecovery: () => ipcRenderer.invoke(CHANNELS.takeRecovery),
  setDocumentState: (state) => ipcRenderer.invoke(CHANNELS.setDocumentState, { name: state.name, dirty: state.dirty }),
  exportPdf: (suggestedName) => ipcRenderer.invoke(CHANNELS.exportPdf, suggestedName),
  onMenuCommand: (listener) => subscribe(CHANNELS.menuCommand, isMenuCommand, listener),
  onOpenPath: (listener) => {
    pathListeners.add(listener);
    for (const early of earlyPaths.splice(0)) listener(early);
    return () => {
      pathListeners.delete(listener);
    };
  },
  onCloseRequest: (listener) => subscribe(CHANNELS.closeRequest, isNothing, () => listener()),
  confirmClose: () => ipcRenderer.invoke(CHANNELS.confirmClose),
  cancelClose: () => ipcRenderer.invoke(CHANNELS.cancelClose),
  appVersion: () => ipcRenderer.invoke(CHANNELS.appVersion),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('bowtie', api);

// The hidden workbook reader (reader-bridge.ts): an object of its own, so
// window.bowtie stays exactly the DesktopApi.
contextBridge.exposeInMainWorld('bowtieReader', createReaderBridge(ipcRenderer));
