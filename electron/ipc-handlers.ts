// The main-process side of each DesktopApi call, with the native pieces
// (dialogs, printToPDF, the window) injected so the tests can drive it.
import type { Result } from '@shared/desktop-api';
import { writeFileAtomic } from '../node/atomic-write';
import { describeFileError } from './file-errors';
import type { FileService, PathGrants } from './file-service';
import type { Handlers } from './ipc';
import type { RecoveryStore } from './recovery';
import type { DocumentController } from './window';

export interface NativeDialogs {
  /** Resolves with the chosen path, or null when cancelled. */
  chooseOpen(): Promise<string | null>;
  /** The open dialog with the billing-export filters (.csv, .xlsx). */
  chooseActuals(): Promise<string | null>;
  chooseSave(defaultName: string, kind: 'xlsx' | 'pdf'): Promise<string | null>;
}

export interface HandlerDeps {
  dialogs: NativeDialogs;
  files: FileService;
  grants: PathGrants;
  recovery: RecoveryStore;
  document: () => DocumentController | null;
  printToPdf: () => Promise<Uint8Array>;
  version: string;
  log: (message: string, error?: unknown) => void;
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** `Q3 plan` → `Q3 plan.xlsx`; a name that already ends in the extension is kept. */
export function withExtension(name: string, ext: '.xlsx' | '.pdf'): string {
  const stem = name.replace(/\.(xlsx|pdf)$/i, '');
  return `${stem}${ext}`;
}

/** A dialog answer Bowtie will not use (not an .xlsx, a device path): say so rather than "not chosen". */
function unusable(file: string, verb: 'open' | 'save'): Result<never> {
  const name = file.split(/[\\/]/).pop() ?? file;
  return { ok: false, error: `Bowtie cannot ${verb} “${name}”: choose an Excel workbook whose name ends in .xlsx.` };
}

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    async openFile() {
      const chosen = await deps.dialogs.chooseOpen();
      if (chosen === null) return ok(null);
      // A billing export opened is imported into the model (the page decides by its name), not
      // opened as the document: read like Import Actuals…, never granted for saving.
      if (/\.csv$/i.test(chosen)) return deps.files.readChosen(chosen);
      if (!deps.grants.grant(chosen)) return unusable(chosen, 'open');
      return deps.files.read(chosen);
    },
    async openActualsFile() {
      const chosen = await deps.dialogs.chooseActuals();
      if (chosen === null) return ok(null);
      return deps.files.readChosen(chosen);
    },
    readFile: (file) => deps.files.read(file),
    saveFile: (file, bytes) => deps.files.save(file, bytes),
    async saveFileAs(suggestedName, bytes) {
      const chosen = await deps.dialogs.chooseSave(withExtension(suggestedName, '.xlsx'), 'xlsx');
      if (chosen === null) return ok(null);
      if (!deps.grants.grant(chosen)) return unusable(chosen, 'save');
      return deps.files.save(chosen, bytes);
    },
    async exportPdf(suggestedName) {
      const chosen = await deps.dialogs.chooseSave(withExtension(suggestedName, '.pdf'), 'pdf');
      if (chosen === null) return ok(null);
      let pdf: Uint8Array;
      try {
        pdf = await deps.printToPdf();
      } catch (error) {
        // The user gets the sentence; the cause (renderer gone, print failure) is for the log.
        deps.log('printToPDF failed', error);
        return { ok: false, error: 'The Board Report could not be turned into a PDF. Try again.' };
      }
      try {
        await writeFileAtomic(chosen, pdf);
        return ok({ path: chosen });
      } catch (error) {
        return { ok: false, error: describeFileError(error, 'export', chosen) };
      }
    },
    async writeRecovery(copy) {
      // The copy's name and folder are the store's own; the page only says which
      // document it stands for, and that must be one the user gave us.
      if (copy.path !== null && !deps.grants.has(copy.path)) {
        return { ok: false, error: 'The recovery copy was not written: it names a file Bowtie was never given.' };
      }
      return deps.recovery.write(copy);
    },
    clearRecovery: () => deps.recovery.clear(),
    async takeRecovery() {
      const taken = await deps.recovery.take();
      // The path was checked against the grants when the copy was written
      // (above), so the renderer may save the recovered work back there.
      if (taken.ok && taken.value?.path) deps.grants.grant(taken.value.path);
      return taken;
    },
    async setDocumentState(state) {
      deps.document()?.setState(state);
      return ok(null);
    },
    async confirmClose() {
      const doc = deps.document();
      if (!doc || !doc.confirmClose()) return { ok: false, error: 'There is no close waiting for a save.' };
      return ok(null);
    },
    async cancelClose() {
      const doc = deps.document();
      if (!doc || !doc.cancelClose()) return { ok: false, error: 'There is no close waiting for a save.' };
      return ok(null);
    },
    appVersion: async () => ok(deps.version),
  };
}
