// `bowtie export` keeps what it read (issue 19): the input workbook's Actuals
// sheet travels on, `--actuals FILE` writes one as the app's import would, and
// the file is written through the app's atomic writer: never over the file
// being exported, through a link to the file it points at, with its mode, and
// never over a read-only file.
import { createHash } from 'node:crypto';
import { chmod, lstat, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/bowtie';
import { loadWorkbookFile } from '../../cli/load-workbook';
import { actualsSheet, figuresOf, readActualsCsv } from '@shared/actuals/index';
import { tempDirEachTest } from '../support/temp-dir';
import { monthName } from '../support/actuals-files';

const tempDir = tempDirEachTest('bowtie-export-');

async function run(args: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err };
}

/** The export: 215 months with a new customer each month, every one billing to the end. */
const cohortEachMonth = (months: number) =>
  ['customer,month,mrr', ...Array.from({ length: months }, (_, k) => Array.from({ length: months - k }, (_, t) => `C${k},${monthName(24_000 + k + t)},${100 + k}.25`)).flat()].join('\n') + '\n';

async function model(dir: string): Promise<string> {
  const json = join(dir, 'model.json');
  await writeFile(json, JSON.stringify({ general: { name: 'Acme' } }));
  return json;
}

async function reopened(file: string) {
  const r = await loadWorkbookFile(file);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r;
}

describe('bowtie export and the Actuals sheet', () => {
  it('--actuals writes the sheet the app would, the workbook reopens with it, and a re-export keeps it', async () => {
    const dir = tempDir();
    const text = cohortEachMonth(215);
    const csv = join(dir, 'billing.csv');
    await writeFile(csv, text);
    const out = join(dir, 'with-actuals.xlsx');
    expect(await run(['export', await model(dir), out, '--actuals', csv])).toMatchObject({ code: 0, err: [] });
    const figures = figuresOf(readActualsCsv(text));
    if (!figures.ok) throw new Error('unreadable');
    const expected = actualsSheet(figures.figures, { fileName: 'billing.csv', rows: 23_220, sha256: createHash('sha256').update(text).digest('hex') });
    expect((await reopened(out)).actuals).toEqual(expected);
    // export in.xlsx out.xlsx once dropped the sheet without a word
    const again = join(dir, 'again.xlsx');
    expect(await run(['export', out, again])).toMatchObject({ code: 0, err: [] });
    expect((await reopened(again)).actuals).toEqual(expected);
  }, 240_000);

  it('--actuals with a file that cannot be read exits 1 or 2 with its lines, and writes nothing', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.csv');
    await writeFile(bad, 'customer,month,mrr\nA,2024-01,1.0000001\n');
    const out = join(dir, 'out.xlsx');
    expect(await run(['export', await model(dir), out, '--actuals', bad])).toEqual({ code: 1, out: '', err: [`${bad}: line 2, column mrr: "1.0000001" has more than 6 decimals; round it (to cents)`] });
    await writeFile(bad, '');
    expect(await run(['export', await model(dir), out, '--actuals', bad])).toEqual({ code: 2, out: '', err: [`${bad}: the file is empty`] });
    await expect(stat(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('bowtie export writes as the app saves', () => {
  it('never writes over the file being exported, also through a link', async () => {
    const dir = tempDir();
    const xlsx = join(dir, 'plan.xlsx');
    expect((await run(['export', await model(dir), xlsx])).code).toBe(0);
    const before = await readFile(xlsx);
    const link = join(dir, 'link.xlsx');
    await symlink(xlsx, link);
    for (const target of [xlsx, link]) {
      expect(await run(['export', xlsx, target])).toEqual({ code: 2, out: '', err: [`${target}: this is the file being exported; write the export to another name`] });
    }
    const json = await model(dir);
    expect((await run(['export', json, json])).code).toBe(2);
    expect(JSON.parse(await readFile(json, 'utf8'))).toEqual({ general: { name: 'Acme' } });
    expect(await readFile(xlsx)).toEqual(before);
  }, 120_000);

  it('keeps a link a link and a mode its mode, and refuses a read-only file', async () => {
    const dir = tempDir();
    const json = await model(dir);
    const real = join(dir, 'real.xlsx');
    await writeFile(real, 'old');
    await chmod(real, 0o640);
    const link = join(dir, 'link.xlsx');
    await symlink(real, link);
    expect((await run(['export', json, link])).code).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(real);
    expect((await reopened(real)).inputs.general.name).toBe('Acme');
    expect((await stat(real)).mode & 0o777).toBe(0o640);
    const locked = join(dir, 'locked.xlsx');
    await writeFile(locked, 'keep me');
    await chmod(locked, 0o444);
    expect(await run(['export', json, locked])).toEqual({ code: 2, out: '', err: [`${locked}: the file is read-only, so Bowtie did not replace it; export to another name`] });
    expect(await readFile(locked, 'utf8')).toBe('keep me');
    expect((await stat(locked)).mode & 0o777).toBe(0o444);
  }, 120_000);
});
