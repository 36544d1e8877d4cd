// Browser mode (`npm run web`): open through the File System Access API where the
// browser has it and an <input type=file> otherwise; save writes through the
// file's handle when we have one, else downloads the .xlsx. Recovery copies live
// in localStorage. There is no native menu: the workspace's shortcuts and
// toolbar send the same commands.
import type { MenuCommand, OpenedFile, Platform, RecoveryCopy, Result } from './platform';

const RECOVERY_KEY = 'bowtie.recovery';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface FileHandle {
  name: string;
  getFile(): Promise<File>;
  createWritable(): Promise<{ write(data: BufferSource | Blob): Promise<void>; close(): Promise<void> }>;
}
interface FsAccessWindow {
  showOpenFilePicker?: (options: unknown) => Promise<FileHandle[]>;
  showSaveFilePicker?: (options: unknown) => Promise<FileHandle>;
}

// Open… takes a billing export too (imported as actuals: files/file-actions.ts).
const pickerTypes = [{ description: 'Workbook or billing export', accept: { [XLSX_MIME]: ['.xlsx'], 'text/csv': ['.csv'] } }];
// Save writes a workbook only: a .csv offered there would get workbook bytes under a CSV name.
const saveTypes = [{ description: 'Excel workbook', accept: { [XLSX_MIME]: ['.xlsx'] } }];
const ok = <T,>(value: T): Result<T> => ({ ok: true, value });
const fail = (error: unknown): Result<never> => ({ ok: false, error: error instanceof Error ? error.message : String(error) });
const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
const fromBase64 = (b64: string): Uint8Array => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

/** The <input type=file> fallback; resolves null when the user cancels. */
function pickWithInput(accept = '.xlsx,' + XLSX_MIME, testId = 'open-file-input'): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.setAttribute('data-testid', testId);
    input.addEventListener('change', () => { resolve(input.files?.[0] ?? null); input.remove(); });
    input.addEventListener('cancel', () => { resolve(null); input.remove(); });
    document.body.append(input);
    input.click();
  });
}

function download(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_MIME }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function createBrowserPlatform(win: Window & FsAccessWindow = window): Platform {
  /** Handles of files opened or saved this session, by the name we report as their path. */
  const handles = new Map<string, FileHandle>();
  const menuListeners = new Set<(c: MenuCommand) => void>();

  const write = async (handle: FileHandle, bytes: Uint8Array) => {
    const w = await handle.createWritable();
    await w.write(bytes as BufferSource);
    await w.close();
  };

  const platform: Platform = {
    kind: 'browser',
    async openFile() {
      try {
        if (win.showOpenFilePicker) {
          const [handle] = await win.showOpenFilePicker({ types: pickerTypes, multiple: false });
          if (!handle) return ok(null);
          const file = await handle.getFile();
          handles.set(file.name, handle);
          return ok<OpenedFile>({ path: file.name, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
        }
        const file = await pickWithInput('.xlsx,.csv,text/csv,' + XLSX_MIME);
        if (!file) return ok(null);
        return ok<OpenedFile>({ path: file.name, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      } catch (e) {
        return isAbort(e) ? ok(null) : fail(e);
      }
    },
    async openActualsFile() {
      // Always the <input>: its File goes to the import worker as is (actuals/import-actuals.ts streams it).
      const file = await pickWithInput('.csv,.xlsx,text/csv,' + XLSX_MIME, 'actuals-file-input');
      return ok(file ? { path: file.name, name: file.name, bytes: new Uint8Array(0), file } : null);
    },
    async readFile(path) {
      const handle = handles.get(path);
      if (!handle) return fail(`${path} is not open in this browser tab`);
      try {
        const file = await handle.getFile();
        return ok({ path, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      } catch (e) { return fail(e); }
    },
    async saveFile(path, bytes) {
      try {
        const handle = handles.get(path);
        if (handle) await write(handle, bytes);
        else download(path, bytes);
        return ok({ path });
      } catch (e) { return fail(e); }
    },
    async saveFileAs(suggestedName, bytes) {
      try {
        if (win.showSaveFilePicker) {
          const handle = await win.showSaveFilePicker({ suggestedName, types: saveTypes, excludeAcceptAllOption: true });
          await write(handle, bytes);
          handles.set(handle.name, handle);
          return ok({ path: handle.name });
        }
        download(suggestedName, bytes);
        return ok({ path: suggestedName });
      } catch (e) {
        return isAbort(e) ? ok(null) : fail(e);
      }
    },
    async writeRecovery(copy) {
      try {
        win.localStorage.setItem(RECOVERY_KEY, JSON.stringify({ path: copy.path, savedAt: new Date().toISOString(), bytes: toBase64(copy.bytes) }));
        return ok(null);
      } catch (e) { return fail(e); }
    },
    async clearRecovery() {
      win.localStorage.removeItem(RECOVERY_KEY);
      return ok(null);
    },
    async takeRecovery() {
      try {
        const raw = win.localStorage.getItem(RECOVERY_KEY);
        if (!raw) return ok(null);
        win.localStorage.removeItem(RECOVERY_KEY);
        const parsed = JSON.parse(raw) as { path: string | null; savedAt: string; bytes: string };
        return ok<RecoveryCopy>({ path: parsed.path, savedAt: parsed.savedAt, bytes: fromBase64(parsed.bytes) });
      } catch (e) { return fail(e); }
    },
    async setDocumentState({ name, dirty }) {
      win.document.title = `${dirty ? '• ' : ''}${name} — Bowtie`;
      return ok(null);
    },
    async exportPdf() {
      win.print();
      return ok(null);
    },
    onMenuCommand(listener) {
      menuListeners.add(listener);
      return () => { menuListeners.delete(listener); };
    },
    onOpenPath() { return () => {}; },
    onCloseRequest(listener) {
      // The browser asks on its own when the page unloads with unsaved changes.
      void listener;
      return () => {};
    },
    async confirmClose() { return ok(null); },
    async cancelClose() { return ok(null); },
    async appVersion() { return ok(import.meta.env.VITE_APP_VERSION ?? '0.1.0'); },
  };
  return platform;
}
