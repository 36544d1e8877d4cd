// The workbook's Actuals sheet (issue #14): the imported figures as values with
// their source, read back unchanged when the file is reopened.
import { describe, expect, it } from 'vitest';
import { figuresOf, readActualsCsv } from '@shared/actuals/index';
import { defaultInputs } from '@shared/index';
import { readWorkbook, SHEETS, writeWorkbook, type ActualsSheet } from '@shared/workbook/index';
import { ExcelJS } from '@shared/workbook/write-workbook';
import { randomBook, writeCsv } from '../../support/actuals-files';
import { checkWorkbookBytes, LIMITS } from '@shared/workbook/check-bytes';
import { MAX_MONTHS } from '@shared/actuals/limits';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

function sheetOf(csv: string, fileName = 'billing.csv'): ActualsSheet {
  const r = figuresOf(readActualsCsv(csv));
  if (!r.ok) throw new Error(JSON.stringify(r));
  const { cohorts, ...monthly } = r.figures;
  return { source: { fileName, rows: r.quality.rows, sha256: 'ab'.repeat(32) }, ...monthly, cohorts: cohorts.map(({ start, customers, arr }) => ({ start, customers, arr })) };
}

async function open(bytes: Uint8Array) {
  const r = await readWorkbook(bytes);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r;
}

describe('the Actuals sheet', () => {
  const actuals = sheetOf(writeCsv(randomBook(31, { customers: 30, months: 26 })));

  it('round-trips every figure, the cohort table and the source when the file is reopened', async () => {
    expect(actuals.months.length).toBe(26);
    expect(actuals.nrr12.some((x) => x !== null)).toBe(true);
    const r = await open(await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test', actuals }));
    expect(r.actuals).toEqual(actuals);
    // and once more, through a save of what was read
    const again = await open(await writeWorkbook({ inputs: r.inputs, appVersion: 'test', actuals: r.actuals }));
    expect(again.actuals).toEqual(actuals);
  });

  it('holds values, sits before the metadata, and is absent from a file without actuals', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test', actuals })) as never);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(-2)).toEqual([SHEETS.actuals, SHEETS.meta]);
    const ws = wb.getWorksheet(SHEETS.actuals)!;
    expect(ws.getCell('B4').value).toBe('billing.csv');
    expect(ws.getCell('B6').value).toBe('ab'.repeat(32));
    expect(ws.getCell('A9').value).toBe(actuals.months[0]);
    expect(ws.getCell('H9').value).toBe(actuals.closing[0]);
    const plain = await open(await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' }));
    expect(plain.actuals).toBeUndefined();
  });

  it('a damaged Actuals sheet is left out with a note; the model still opens', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test', actuals })) as never);
    wb.getWorksheet(SHEETS.actuals)!.getCell('B9').value = 'lots';
    const r = await open(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r.actuals).toBeUndefined();
    expect(r.notes.join(' ')).toMatch(/the Actuals sheet could not be read \(opening of \d{4}-\d{2} is not a number\)/);
  });

  // Issue 19: the largest Actuals sheet an import can produce (every month of the longest file a new
  // cohort, each followed to the last month) is 720,600 cohort values plus the bridge; its print area
  // alone covers 1.4 million cells. Bowtie reopens what it wrote.
  const monthsOf = (n: number) => Array.from({ length: n }, (_, t) => `${1950 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`);
  function sheetAtLimit(cohorts: 'every month' | 'one'): ActualsSheet {
    const months = monthsOf(MAX_MONTHS);
    const money = (k: number) => months.map((_, t) => 1_000_000.25 + t * 10 + k);
    return {
      source: { fileName: 'limits.csv', rows: 720_600, sha256: 'cd'.repeat(32) },
      months, opening: money(0), new: money(1), reactivation: money(2), expansion: money(3), contraction: money(4), churn: money(5), closing: money(6),
      customers: months.map((_, t) => t + 1),
      nrr12: months.map((_, t) => (t < 12 ? null : 1.05)), grr12: months.map((_, t) => (t < 12 ? null : 0.93)), logoRetention12: months.map((_, t) => (t < 12 ? null : 0.9)),
      cohorts: (cohorts === 'one' ? months.slice(0, 1) : months).map((start, k) => ({ start, customers: k + 1, arr: Array.from({ length: MAX_MONTHS - k }, (_, i) => 12_000 + k + i) })),
    };
  }

  it.each(['every month', 'one'] as const)('reopens a file at the limits of an import: %s cohort over 1,200 months', async (cohorts) => {
    const sheet = sheetAtLimit(cohorts);
    const bytes = await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test', actuals: sheet });
    expect(checkWorkbookBytes(bytes)).toBeNull();
    const r = await open(bytes);
    expect(r.actuals).toEqual(sheet);
  }, 240_000);

  it('a print area is no cell-by-cell name, but other names still count against the limit', async () => {
    const files = unzipSync(await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test', actuals }));
    const withName = (name: string) => {
      const wb = strFromU8(files['xl/workbook.xml']!).replace('<definedNames>', `<definedNames><definedName name="${name}" localSheetId="0">Assumptions!$A$1:$Z$100000</definedName>`);
      return checkWorkbookBytes(zipSync({ ...files, 'xl/workbook.xml': strToU8(wb) }));
    };
    expect(withName('other')).toMatch(new RegExp(`defined names cover 2,6\\d\\d,\\d{3} cells; Bowtie reads at most ${LIMITS.definedNameCells.toLocaleString('en-US')}`));
    expect(withName('_xlnm.Print_Titles')).toBeNull();
  });
});
