// LibreOffice headless as an independent spreadsheet engine for the workbook tests.
// Each run gets a throwaway profile whose registrymodifications.xcu sets Calc's
// Formula/Load/OOXMLRecalcMode to 0 ("always"), so LibreOffice recalculates every
// formula on load instead of trusting the values Bowtie cached; `recalc: 'default'`
// leaves the profile at LibreOffice's own settings (7.4: "never recalculate").
// Without soffice the tests skip with a printed reason; with CI=true that is a failure.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';

const CANDIDATES = [process.env.SOFFICE, '/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'];

export function findSoffice(): string | null {
  for (const c of CANDIDATES) if (c && existsSync(c)) return c;
  return null;
}

/** The soffice path, or null after printing why the caller skips; throws under CI=true. */
export function sofficeOrSkip(what: string): string | null {
  const path = findSoffice();
  if (path) return path;
  const reason = `${what}: LibreOffice (soffice) is not installed; install libreoffice-calc-nogui to run it`;
  if (process.env.CI === 'true') throw new Error(`${reason} (CI=true: a missing tool is a failure)`);
  console.warn(`SKIP ${reason}`);
  return null;
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

/**
 * Convert files with LibreOffice (recalculating on load) to `format` ('xlsx',
 * 'pdf', 'ods', …) in one soffice run, since each start costs seconds. Returns
 * the converted bytes in the order given. `filter` is LibreOffice's filter spec
 * when the default one is not wanted. `sheets`: a CSV export of every sheet
 * (filter token 12 = -1) writes one file per sheet, `<stem>-<sheet>.csv`; the
 * result then has, for each input, one entry per named sheet in that order.
 */
export async function convertWithLibreOffice(soffice: string, inputs: { name: string; bytes: Uint8Array }[], format: string, opts: { filter?: string; timeoutMs?: number; sheets?: string[]; recalc?: 'always' | 'default' } = {}): Promise<Uint8Array[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bowtie-lo-'));
  try {
    const profile = join(dir, 'profile');
    await mkdir(join(profile, 'user'), { recursive: true });
    if (opts.recalc !== 'default') await writeFile(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    const inDir = join(dir, 'in'), outDir = join(dir, 'out');
    await mkdir(inDir);
    await mkdir(outDir);
    const files = inputs.map((x) => join(inDir, x.name));
    await Promise.all(inputs.map((x, i) => writeFile(files[i]!, x.bytes)));
    await run(soffice, [
      `-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--nologo', '--nodefault',
      '--convert-to', opts.filter ? `${format}:${opts.filter}` : format, '--outdir', outDir, ...files,
    ], opts.timeoutMs ?? 180_000);
    const produced = await readdir(outDir);
    if (opts.sheets) {
      const sheets = opts.sheets;
      return Promise.all(files.flatMap((f) => sheets.map(async (sheet) => {
        const want = `${basename(f, extname(f))}-${sheet}.${format}`;
        if (!produced.includes(want)) throw new Error(`LibreOffice produced no ${want}`);
        return new Uint8Array(await readFile(join(outDir, want)));
      })));
    }
    return Promise.all(files.map(async (f) => {
      const stem = basename(f, extname(f));
      const out = produced.find((p) => basename(p, extname(p)) === stem);
      if (!out) throw new Error(`LibreOffice produced no ${format} file for ${basename(f)}`);
      return new Uint8Array(await readFile(join(outDir, out)));
    }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Render PDF pages to PNG with pdftoppm (null when it is missing). */
export async function pdfToPngs(pdf: Uint8Array, outPrefix: string, dpi = 80): Promise<string[] | null> {
  if (!existsSync('/usr/bin/pdftoppm')) return null;
  const dir = await mkdtemp(join(tmpdir(), 'bowtie-pdf-'));
  const file = join(dir, 'in.pdf');
  await writeFile(file, pdf);
  await run('/usr/bin/pdftoppm', ['-png', '-r', String(dpi), file, outPrefix], 60_000);
  await rm(dir, { recursive: true, force: true });
  const folder = join(outPrefix, '..');
  const stem = basename(outPrefix);
  return (await readdir(folder)).filter((f) => f.startsWith(stem) && f.endsWith('.png')).sort().map((f) => join(folder, f));
}
