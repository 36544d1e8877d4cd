// The workbook's Actuals sheet (issue #14): the imported figures as values with
// their source, read back unchanged when the file is reopened.
import { describe, expect, it } from 'vitest';
import { figuresOf, readActualsCsv } from '@shared/actuals/index';
import { defaultInputs } from '@shared/index';
import { readWorkbook, SHEETS, writeWorkbook, type ActualsSheet } from '@shared/workbook/index';
import { ExcelJS } from '@shared/workbook/write-workbook';
import { randomBook, writeCsv } from '../../support/actuals-files';

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
});
