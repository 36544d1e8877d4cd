// LibreOffice's own hard recalculation of an exported workbook, for the bench's
// side-by-side rows (issue 13): the document is loaded once, recalculated once to
// warm up, then `calculateAll()` is timed `runs` times over UNO from a Basic
// macro (no Python UNO bridge needed) in a throwaway profile.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = [process.env.SOFFICE, '/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'];
export const findSoffice = (): string | null => CANDIDATES.find((c): c is string => !!c && existsSync(c)) ?? null;

const MODULE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Bench(inPath As String, outPath As String, runs As Integer)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  Dim doc As Object
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), &quot;_blank&quot;, 0, args())
  doc.calculateAll()
  Dim out As String
  Dim i As Integer
  Dim t0 As Long
  For i = 1 To runs
    t0 = GetSystemTicks()
    doc.calculateAll()
    out = out &amp; (GetSystemTicks() - t0) &amp; Chr(10)
  Next i
  doc.close(True)
  Dim f As Integer
  f = FreeFile
  Open outPath For Output As #f
  Print #f, out
  Close #f
End Sub
</script:module>
`;

function run(cmd: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs }, (err) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')}: ${err.message}`, { cause: err }));
      else resolve();
    });
  });
}

/** Milliseconds of each timed `calculateAll()` of each workbook (GetSystemTicks: 1 ms resolution). */
export async function libreOfficeRecalcTimes(soffice: string, workbooks: { name: string; bytes: Uint8Array }[], runs = 15): Promise<Map<string, number[]>> {
  const dir = await mkdtemp(join(tmpdir(), 'bowtie-lo-bench-'));
  const profile = `file://${join(dir, 'profile')}`;
  try {
    await run(soffice, ['--headless', `-env:UserInstallation=${profile}`, '--terminate_after_init'], 120_000);
    await writeFile(join(dir, 'profile/user/basic/Standard/Module1.xba'), MODULE);
    const out = new Map<string, number[]>();
    for (const [i, wb] of workbooks.entries()) {
      // plain file names: the macro's arguments are a URL-ish string
      const file = join(dir, `book${i}.xlsx`), result = join(dir, `book${i}.txt`);
      await writeFile(file, wb.bytes);
      await run(soffice, ['--headless', `-env:UserInstallation=${profile}`, `macro:///Standard.Module1.Bench("${file}","${result}",${runs})`], 600_000);
      out.set(wb.name, (await readFile(result, 'utf8')).split('\n').map(Number).filter((x) => x > 0 || x === 0).slice(0, runs));
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
