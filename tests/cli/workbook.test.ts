// `bowtie calc FILE.xlsx` and `bowtie export FILE OUT.xlsx` (spec §7, issue #3):
// workbooks in and out, exit 1 with the cell for an invalid model, exit 2 with
// one line for a file that is not a readable workbook.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/bowtie';
import { defaultInputs, summarize } from '@shared/index';
import { readWorkbook, writeWorkbook } from '@shared/workbook/index';
import { hostileCases as buildHostileCases, type HostileCase } from '../shared/workbook/hostile-files';
import { parseWorkbookInChild, READER_LIMITS } from '../../cli/load-workbook';
import { existsSync } from 'node:fs';
import { editWorkbook, namedCell } from '../shared/workbook/xlsx-edit';
import { strFromU8, strToU8, unzipSync } from 'fflate';

let dir: string;
let built: Promise<HostileCase[]> | undefined;
const hostileCases = () => (built ??= buildHostileCases());
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'bowtie-cli-wb-')); });

async function run(args: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err };
}

describe('bowtie and workbooks', () => {
  it('export writes a workbook that calc reads back to the same figures', async () => {
    const json = join(dir, 'model.json');
    await writeFile(json, JSON.stringify({ journey: { renewal: { rate: 0.9 } }, general: { name: 'Acme' } }));
    const xlsx = join(dir, 'model.xlsx');
    const exported = await run(['export', json, xlsx]);
    expect(exported).toMatchObject({ code: 0, err: [] });
    const read = await readWorkbook(new Uint8Array(await readFile(xlsx)));
    expect(read.ok && read.inputs.general.name).toBe('Acme');
    const fromJson = await run(['calc', json]);
    const fromXlsx = await run(['calc', xlsx]);
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.out).toBe(fromJson.out);
    const m = defaultInputs();
    m.journey.renewal.rate = 0.9;
    m.general.name = 'Acme';
    expect(JSON.parse(fromXlsx.out)).toEqual(JSON.parse(JSON.stringify(summarize(m))));
  }, 60_000);

  it('an invalid workbook exits 1 with one line per problem, prefixed by its cell', async () => {
    const cases = await hostileCases();
    const text = cases.find((c) => c.name === 'text in a money cell')!;
    const p = join(dir, 'text.xlsx');
    await writeFile(p, text.bytes);
    const { address } = namedCell(unzipSync(text.bytes), 'acquisition_acv');
    expect(await run(['calc', p])).toEqual({ code: 1, out: '', err: [`Assumptions!${address} acquisition.acv: must be a number, got "lots"`] });
  }, 180_000);

  it('a control character in a name exits 1 with its path or cell: from a JSON model on export, from a workbook on calc (issue 22)', async () => {
    const json = join(dir, 'bel.json');
    await writeFile(json, JSON.stringify({ lanes: [{ id: 'modules', name: 'Modules\u0007' }] }));
    const target = join(dir, 'bel.xlsx');
    const exported = await run(['export', json, target]);
    expect(exported).toMatchObject({ code: 1, err: ['lanes.modules.name: must not contain control characters: character 8 is U+0007 (BEL)'] });
    expect(existsSync(target)).toBe(false);
    // Excel writes a vertical tab in the model's name as _x000B_
    const bytes = await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' });
    const { sheet, address } = namedCell(unzipSync(bytes), 'general_name');
    const vt = join(dir, 'vt.xlsx');
    await writeFile(vt, editWorkbook(bytes, (f) => { f['xl/sharedStrings.xml'] = strToU8(strFromU8(f['xl/sharedStrings.xml']!).replace('<t>Example SaaS</t>', '<t>Example_x000B_SaaS</t>')); }));
    const calc = await run(['calc', vt]);
    expect(calc).toMatchObject({ code: 1, err: [`${sheet}!${address} general.name: must not contain control characters: character 8 is U+000B (a vertical tab)`] });
  }, 60_000);

  it('each unreadable or hostile workbook exits 2 with one clear line', async () => {
    for (const c of (await hostileCases()).filter((x) => x.kind === 'unreadable')) {
      const p = join(dir, `${c.name.replace(/\W+/g, '-')}.xlsx`);
      await writeFile(p, c.bytes);
      const r = await run(['calc', p]);
      expect(r.code, c.name).toBe(2);
      expect(r.err, c.name).toHaveLength(1);
      expect(r.err[0], c.name).toMatch(new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      expect(r.err[0], c.name).toMatch(c.message);
    }
  }, 900_000); // every case starts its own reader process

  it('a file over the size limit is refused without being read', async () => {
    const p = join(dir, 'huge.xlsx');
    await writeFile(p, new Uint8Array([0x50, 0x4b, 3, 4]));
    await truncate(p, 100 * 1024 * 1024); // sparse: 100 MB on paper, nothing on disk
    const r = await run(['calc', p]);
    expect(r).toEqual({ code: 2, out: '', err: [`${p}: the file is 100 MB; Bowtie reads workbooks up to 50 MB`] });
  }, 60_000);

  it('the process exit code is 2 for a hostile file (real command line)', async () => {
    const rows = (await hostileCases()).find((c) => c.name === 'row number 10^9')!;
    const p = join(dir, 'rows.xlsx');
    await writeFile(p, rows.bytes);
    const r = await promisify(execFile)('npx', ['tsx', 'cli/bowtie.ts', 'calc', p]).then(() => ({ code: 0, stderr: '' }), (e: { code: number; stderr: string }) => e);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').filter((l) => !l.startsWith('npm warn'))).toEqual([`${p}: sheet "Assumptions" has a row numbered 1000000000; a sheet has at most 1,048,576 rows`]);
  }, 180_000);

  const gone = (pid: number | undefined) => { try { process.kill(pid!, 0); return false; } catch { return true; } };
  const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

  it('the reader is stopped at its deadline and at its memory cap, with one clear sentence, and no process is left', async () => {
    const bytes = await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' });
    const slow = await parseWorkbookInChild(bytes, { ...READER_LIMITS, timeoutMs: 1 });
    expect(slow).toMatchObject({ ok: false, kind: 'unreadable', error: expect.stringMatching(/^reading the workbook took longer than 0\.001 s, so it was stopped/) });
    expect(gone(slow.pid)).toBe(true);
    const greedy = await parseWorkbookInChild(bytes, { ...READER_LIMITS, maxOldGenerationSizeMb: 4 });
    expect(greedy).toMatchObject({ ok: false, kind: 'unreadable', error: expect.stringMatching(/^reading the workbook needed more than 4 MB of memory, so it was stopped/) });
    const read = await parseWorkbookInChild(bytes);
    expect(read).toMatchObject({ ok: true, inputs: defaultInputs() });
    expect(gone(read.pid)).toBe(true);
  }, 90_000);

  it('a reader stuck inside a V8 builtin is killed at the deadline (a worker thread could not be stopped)', async () => {
    const r = await parseWorkbookInChild(new Uint8Array(10), { ...READER_LIMITS, timeoutMs: 2000 }, fixture('stuck-in-builtin.mjs'));
    expect(r).toMatchObject({ ok: false, kind: 'unreadable', error: expect.stringMatching(/^reading the workbook took longer than 2 s, so it was stopped/) });
    expect(gone(r.pid)).toBe(true);
  }, 60_000);

  it.skipIf(!existsSync('/proc/self/statm'))('memory outside the V8 heap is capped too', async () => {
    const r = await parseWorkbookInChild(new Uint8Array(10), { ...READER_LIMITS, maxRssMb: 200 }, fixture('hoards-memory.mjs'));
    expect(r).toMatchObject({ ok: false, kind: 'unreadable', error: expect.stringMatching(/^reading the workbook needed more than 200 MB of memory, so it was stopped/) });
    expect(gone(r.pid)).toBe(true);
  }, 60_000);
});
