// `bowtie actuals FILE` (spec §9): the JSON, the exit codes, the problem lines,
// and agreement with an independent implementation of §9 on random files.
import fc from 'fast-check';
import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFiles } from '../support/cli';
import { ACTUALS_LIMITS, actualsFileFigures } from '../../cli/load-actuals';
import { figuresOf, MAX_CSV_BYTES, readActualsCsv } from '@shared/actuals/index';
import { ExcelJS } from '@shared/workbook/write-workbook';
import { randomBook, writeCsv } from '../support/actuals-files';
import { referenceActuals } from '../support/actuals-reference';
import { mutatedExport } from '../support/csv-mutations';

const files = tempFiles('bowtie-actuals-');

const run = runCli;
const file = files.file;

describe('bowtie actuals', () => {
  it('prints the months and every monthly figure of §9, and exits 0', async () => {
    const r = await run(['actuals', await file('customer,month,mrr\nA,2024-01,100\nB,2024-02,50\nA,2024-02,0\n')]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.months).toEqual(['2024-01', '2024-02']);
    expect(j).toMatchObject({ opening: [1200, 1200], new: [0, 600], reactivation: [0, 0], expansion: [0, 0], contraction: [0, 0], churn: [0, 1200], closing: [1200, 600], customers: [1, 1], nrr12: [null, null], grr12: [null, null], logoRetention12: [null, null] });
  });

  it('exits 1 with the first 20 problems as line/column lines and nothing on stdout', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `A,2024-01,${i % 2 ? '1' : 'bad'}`).join('\n');
    const r = await run(['actuals', await file(`customer,month,arr\n${rows}\n`)]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toHaveLength(13);
    expect(r.err[0]).toBe('line 2, column arr: "bad" is not a number written with digits and an optional decimal point (no thousands separators, currency signs or decimal commas)');
    const many = await run(['actuals', await file(`customer,month,arr\n${Array(30).fill('A,x,1').join('\n')}\n`)]);
    expect(many.err).toHaveLength(20);
    expect(many.err[19]).toMatch(/^line 21, column month: /);
  });

  it.each([
    ['a missing column', 'customer,period,mrr\nA,2024-01,1\n', /the header has no month column/],
    ['an empty file', '', /the file is empty/],
    ['no data rows', 'customer,month,mrr\n', /no data rows/],
  ])('exits 2 for %s', async (_name, content, message) => {
    const r = await run(['actuals', await file(content)]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.join('\n')).toMatch(message);
  });

  it('exits 2 for a missing file and for a zip that is not a workbook', async () => {
    expect((await run(['actuals', join(files.dir(), 'nope.csv')])).code).toBe(2);
    const zip = await run(['actuals', await file(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]), 'bin')]);
    expect(zip.code).toBe(2);
    expect(zip.err[0]).toMatch(/damaged or truncated|not an \.xlsx/);
  });

  it('reads every CSV, however small, in a worker under a deadline and a memory cap (issue 19)', async () => {
    const text = writeCsv(randomBook(7, { customers: 50, months: 24 }));
    const p = await file(text);
    expect(await actualsFileFigures(p)).toEqual(figuresOf(readActualsCsv(text)));
    // a deadline too short for any read stops even this small file: the small ones have one too
    const late = await actualsFileFigures(p, { ...ACTUALS_LIMITS, csv: { ...ACTUALS_LIMITS.csv, timeoutMs: 1 } });
    expect(late).toEqual({ ok: false, kind: 'unreadable', error: 'reading the file took longer than 0.001 s, so it was stopped' });
    // and a heap cap: 200,000 distinct customers do not fit in 24 MB
    const many = await file(`customer,month,mrr\n${Array.from({ length: 200_000 }, (_, i) => `customer number ${i} of a long list,2024-01,1`).join('\n')}\n`);
    const capped = await actualsFileFigures(many, { ...ACTUALS_LIMITS, csv: { ...ACTUALS_LIMITS.csv, maxOldGenerationSizeMb: 24 } });
    expect(capped).toEqual({ ok: false, kind: 'unreadable', error: 'reading the file needed more than 24 MB of memory, so it was stopped' });
  });

  it(`refuses a CSV over ${MAX_CSV_BYTES / 1048576} MB with exit 2 before reading a byte`, async () => {
    const p = join(files.dir(), 'huge.csv');
    await writeFile(p, 'customer,month,mrr\n');
    await truncate(p, MAX_CSV_BYTES + 1); // sparse: no disk used
    const r = await run(['actuals', p]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`${p}: the file is 200 MB; Bowtie reads CSV exports of up to 200 MB and 5,000,000 rows`]);
  });

  it('refuses Windows-1252 bytes with exit 2, naming the line and how to save as CSV UTF-8', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('customer,month,mrr\nAnna,2024-01,1\nJ'), 0xfc, ...new TextEncoder().encode('rgen,2024-01,3000\n')]);
    const r = await run(['actuals', await file(bytes)]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/: line 3 is not UTF-8 text \(byte 0xFC, "ü" in Windows-1252\); in Excel use Save As › "CSV UTF-8 \(Comma delimited\)"/);
  });

  it('reads the first sheet of an .xlsx in a worker', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Export');
    ws.addRow(['customer', 'month', 'arr']);
    ws.addRow(['A', '2024-01', 1000]);
    ws.addRow(['A', new Date(Date.UTC(2024, 1, 1)), 1100.5]);
    const r = await run(['actuals', await file(new Uint8Array(await wb.xlsx.writeBuffer()), 'xlsx')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ months: ['2024-01', '2024-02'], expansion: [0, 100.5], closing: [1000, 1100.5] });
  });
});

const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));
function expectAgree(got: Record<string, unknown>, want: ReturnType<typeof referenceActuals>) {
  expect(got.months).toEqual(want.months);
  for (const key of ['opening', 'new', 'reactivation', 'expansion', 'contraction', 'churn', 'closing', 'customers', 'nrr12', 'grr12', 'logoRetention12'] as const) {
    const g = got[key] as (number | null)[];
    const w = want[key];
    expect(g.length, key).toBe(w.length);
    g.forEach((x, i) => { if (!close(x, w[i]!)) expect.fail(`${key}[${i}] (${want.months[i]}): ${x} vs reference ${w[i]}`); });
  }
  const cohorts = got.cohorts as { start: string; customers: number; arr: number[] }[];
  expect(cohorts.map((c) => [c.start, c.customers])).toEqual(want.cohorts.map((c) => [c.start, c.customers]));
  cohorts.forEach((c, k) => c.arr.forEach((x, a) => { if (!close(x, want.cohorts[k]!.arr[a]!)) expect.fail(`cohort ${c.start} age ${a}: ${x} vs ${want.cohorts[k]!.arr[a]}`); }));
}

const unseen = () => fc.tuple(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(',', ';'), fc.constantFrom('mrr', 'arr'), fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 60 }))
  .map(([seed, delimiter, column, crlf, bom, months]) => writeCsv(randomBook(seed, { months, customers: 1 + (seed % 60) }), { delimiter: delimiter, column: column, crlf, bom, quoteAll: seed % 3 === 0 }));

describe('agrees with an independent implementation of §9, every figure to 1e-9', () => {
  // fast-check draws new seeds each run, so these files are new to both implementations.
  it('through the command (a file on disk, the printed JSON) on random files', async () => {
    await fc.assert(fc.asyncProperty(unseen(), async (text) => {
      const r = await run(['actuals', await file(text)]);
      expect(r.code, r.err.join('\n')).toBe(0);
      expectAgree(JSON.parse(r.out), referenceActuals(text));
    }), { numRuns: 8 });
  });

  it('through the core the command runs, on many more', () => {
    fc.assert(fc.property(unseen(), fc.integer({ min: 1, max: 4096 }), (text, chunk) => {
      const r = figuresOf(readActualsCsv(text, chunk));
      if (!r.ok) expect.fail(JSON.stringify(r));
      expectAgree(r.figures as unknown as Record<string, unknown>, referenceActuals(text));
    }), { numRuns: 150 });
  });
});

describe('the command on mutated real exports (issue 19)', () => {
  it('ends in exit 0, 1 or 2 within its deadline and memory cap, with one line per problem', async () => {
    await fc.assert(fc.asyncProperty(mutatedExport(2_000_000), async ({ bytes }) => {
      const r = await run(['actuals', await file(bytes)]);
      expect([0, 1, 2]).toContain(r.code);
      expect(r.err.join('\n')).not.toMatch(/took longer than|needed more than .* of memory|stopped unexpectedly/);
      for (const line of r.err) expect(line.length, line).toBeLessThan(400); // the path, then the sentence
    }), { numRuns: 4 });
  }, 120_000);
});
