// Reads and writes workbook bytes for the renderer. Main never parses a
// workbook (that happens in the renderer's worker); it only checks that a path
// is one the user chose, and turns failures into messages.
import nodeFs from 'node:fs/promises';
import path from 'node:path';
import type { OpenedFile, Result, SavedFile } from '@shared/desktop-api';
import { isCode, realFs, writeFileAtomic, type AtomicFs, type WriteOutcome } from '../node/atomic-write';
import { describeFileError } from './file-errors';
import { MAX_FILE_BYTES, workbookPathProblem } from './ipc-schemas';

/** The workbook path rules (no devices, streams or relative paths), for a .csv as for an .xlsx. */
const actualsPathProblem = (file: string) => workbookPathProblem(file.replace(/\.csv$/i, '.xlsx'));

export interface ReadFs {
  stat(file: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(file: string): Promise<Uint8Array>;
}
const realReadFs: ReadFs = { stat: (f) => nodeFs.stat(f), readFile: (f) => nodeFs.readFile(f) };

/**
 * Paths the user handed us: dialogs, the OS (double-click, second launch, the
 * Dock) and the user's own recent list, re-checked at launch (recent-files.ts).
 * Nothing the page says can add to it, so a compromised renderer cannot read
 * or overwrite anything else. A path the schemas would refuse (a device path,
 * not a workbook) is not granted even when a dialog returns it.
 */
export class PathGrants {
  private readonly paths = new Set<string>();
  grant(file: string): boolean {
    if (workbookPathProblem(file) !== null) return false;
    this.paths.add(path.resolve(file));
    return true;
  }
  has(file: string): boolean {
    return this.paths.has(path.resolve(file));
  }
}

/** The save won; the `.bak` of the version before it could not be made, and why. */
function backupNotice(outcome: WriteOutcome): string {
  const bak = `“${path.basename(outcome.written)}.bak”`;
  const why = outcome.backupSkipped === 'nameTaken' ? `${bak} is the name of a folder or other item there`
    : outcome.backupSkipped === 'nameTooLong' ? `the name ${bak} would be too long for this system`
    : `the disk is nearly full (no room for ${bak})`;
  return `Saved, but no backup of the previous version was kept: ${why}.`;
}

export interface FileServiceDeps {
  grants: PathGrants;
  fs?: AtomicFs;
  readFs?: ReadFs;
  /** Called after every successful open or save (recent list, OS recent documents). */
  onUsed?: (file: string) => void;
}

export function createFileService(deps: FileServiceDeps) {
  const fs = deps.fs ?? realFs;
  const readFs = deps.readFs ?? realReadFs;
  const notGranted = (file: string): Result<never> => ({
    ok: false,
    error: `Bowtie can only open or save files you chose; “${path.basename(file)}” was not one of them.`,
  });

  async function read(file: string): Promise<Result<OpenedFile>> {
    if (!deps.grants.has(file)) return notGranted(file);
    try {
      const info = await readFs.stat(file);
      if (!info.isFile()) return { ok: false, error: `“${path.basename(file)}” is not a file.` };
      if (info.size > MAX_FILE_BYTES) {
        return { ok: false, error: `“${path.basename(file)}” is ${Math.round(info.size / 1e6)} MB, too large to be a Bowtie workbook.` };
      }
      const bytes = await readFs.readFile(file);
      deps.onUsed?.(file);
      return { ok: true, value: { path: file, name: path.basename(file), bytes: new Uint8Array(bytes) } };
    } catch (error) {
      return { ok: false, error: describeFileError(error, 'open', file) };
    }
  }

  /**
   * A billing export the user just chose in the open dialog (actuals, issue 14):
   * read once as bytes, never granted (nothing is saved to it, and the page
   * cannot ask for it again) and kept out of the recent list. Whole bytes, up
   * to the IPC limit: a 3-million-row export is about 100 MB.
   */
  async function readChosen(file: string): Promise<Result<OpenedFile>> {
    const name = path.basename(file);
    if (!/\.(csv|xlsx)$/i.test(file) || actualsPathProblem(file) !== null) {
      return { ok: false, error: `Bowtie cannot import “${name}”: choose a billing export whose name ends in .csv or .xlsx.` };
    }
    try {
      const info = await readFs.stat(file);
      if (!info.isFile()) return { ok: false, error: `“${name}” is not a file.` };
      if (info.size > MAX_FILE_BYTES) {
        return { ok: false, error: `“${name}” is ${Math.round(info.size / 1e6)} MB; Bowtie imports billing exports of up to ${MAX_FILE_BYTES / 1024 / 1024} MB.` };
      }
      const bytes = await readFs.readFile(file);
      return { ok: true, value: { path: file, name, bytes: new Uint8Array(bytes) } };
    } catch (error) {
      return { ok: false, error: describeFileError(error, 'open', file) };
    }
  }

  async function save(file: string, bytes: Uint8Array): Promise<Result<SavedFile>> {
    if (!deps.grants.has(file)) return notGranted(file);
    try {
      const outcome = await writeFileAtomic(file, bytes, { fs, keepBackup: true });
      deps.onUsed?.(file);
      return {
        ok: true,
        value: {
          path: file,
          ...(outcome.backup === 'skipped' ? { notice: backupNotice(outcome) } : {}),
        },
      };
    } catch (error) {
      return { ok: false, error: describeFileError(error, 'save', file), ...(isCode(error, 'EREADONLY') ? { offer: 'saveAs' as const } : {}) };
    }
  }

  return { read, readChosen, save };
}

export type FileService = ReturnType<typeof createFileService>;
