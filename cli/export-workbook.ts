// `bowtie export`: the workbook the app would save, with the input workbook's
// Actuals sheet (or the one of `--actuals FILE`), written through the app's own
// atomic writer (node/atomic-write.ts): a failed export never leaves a torn
// file, a symlink stays a link, the mode stays, a read-only file is refused, and
// the file being exported is never written over (issue 19).
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { twoWaySpecFromExtras, type ModelInputs } from '@shared/index';
import { writeWorkbook, type ActualsSheet, type WorkbookRanges } from '@shared/workbook/index';
import { isCode, writeFileAtomic } from '../node/atomic-write';
import { scenariosFromExtras } from '@shared/report/index';
import { buildWorkbookExtras } from '@shared/report/draw';
import { rasterizePng } from './rasterize-png';

function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Why the export did not write `target`, in words (the codes of node/atomic-write.ts and the file system). */
function writeError(e: unknown): string {
  const err = e as NodeJS.ErrnoException & { kind?: string };
  if (isCode(e, 'EREADONLY')) return 'the file is read-only, so Bowtie did not replace it; export to another name';
  if (isCode(e, 'EISDIR', 'ENOTFILE')) return `it is ${err.kind === 'folder' || !err.kind ? 'a folder' : `a ${err.kind}`}, not a file, so Bowtie did not write it`;
  if (isCode(e, 'ENOENT')) return `the folder ${err.path ? `${JSON.stringify(err.path.replace(/\/[^/]*$/, ''))} ` : ''}does not exist`;
  return `cannot write the file (${err.code ?? err.message})`;
}

/** Whether `target` is the very file `source` (the same inode, through any links). */
async function sameFile(source: string, target: string): Promise<boolean> {
  try {
    const [a, b] = await Promise.all([stat(source), stat(target)]);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false; // the target does not exist yet (or the source is gone): not the same file
  }
}

export interface ExportOptions {
  /** the Actuals sheet to write: the input workbook's, or one read from `--actuals` */
  actuals?: ActualsSheet;
  /** the file the model was read from: never overwritten by its own export */
  source?: string;
  /** the model file's ranges with their run: the Ranges sheet (spec §11) */
  ranges?: WorkbookRanges;
}

/** `extras` of a workbook being re-exported: its scenarios and two-way table travel on (issue 6). */
export async function exportWorkbook(inputs: ModelInputs, target: string, extras?: unknown, options: ExportOptions = {}): Promise<{ ok: true } | { ok: false; error: string }> {
  if (options.source && (await sameFile(options.source, target))) return { ok: false, error: 'this is the file being exported; write the export to another name' };
  let bytes: Uint8Array;
  try {
    // The same board images, comparison and scenarios the app's save writes (shared/report/workbook-extras.ts).
    // The saved two-way table, fitted to these inputs (null: it does not fit, and the default is written).
    const more = await buildWorkbookExtras(inputs, scenariosFromExtras(extras).set, rasterizePng, twoWaySpecFromExtras(extras, inputs).spec);
    bytes = await writeWorkbook({ inputs, appVersion: appVersion(), ...more, ...(options.actuals ? { actuals: options.actuals } : {}), ...(options.ranges ? { ranges: options.ranges } : {}) });
  } catch (e) {
    return { ok: false, error: `the workbook could not be built (${(e as Error).message})` };
  }
  try {
    await writeFileAtomic(target, bytes);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: writeError(e) };
  }
}
