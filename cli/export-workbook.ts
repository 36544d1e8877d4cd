// `bowtie export`: the workbook the app would save, written next to its target
// first and renamed over it, so a failed export never leaves a torn file.
import { readFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { twoWaySpecFromExtras, type ModelInputs } from '@shared/index';
import { writeWorkbook } from '@shared/workbook/index';
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

/** `extras` of a workbook being re-exported: its scenarios and two-way table travel on (issue 6). */
export async function exportWorkbook(inputs: ModelInputs, target: string, extras?: unknown): Promise<{ ok: true } | { ok: false; error: string }> {
  let bytes: Uint8Array;
  try {
    // The same board images, comparison and scenarios the app's save writes (shared/report/workbook-extras.ts).
    // The saved two-way table, fitted to these inputs (null: it does not fit, and the default is written).
    const more = await buildWorkbookExtras(inputs, scenariosFromExtras(extras).set, rasterizePng, twoWaySpecFromExtras(extras, inputs).spec);
    bytes = await writeWorkbook({ inputs, appVersion: appVersion(), ...more });
  } catch (e) {
    return { ok: false, error: `the workbook could not be built (${(e as Error).message})` };
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    const fh = await open(temp, 'w');
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(temp, target);
    return { ok: true };
  } catch (e) {
    await rm(temp, { force: true });
    return { ok: false, error: `cannot write the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
}
