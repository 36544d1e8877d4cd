// The workbook's Sensitivity sheet shows the two-way table the user chose in
// Bowtie (extras.sensitivity), titled with it, its cells the core's figures for
// that table; without a saved choice it is the default table. Read back with
// ExcelJS, as a reader of the emailed file would see it.
import { describe, expect, it } from 'vitest';
import { defaultInputs, defaultTwoWay, setInput, tornado, twoWaySpecToJson, twoWayTable, type ModelInputs, type TwoWaySpec } from '@shared/index';
import { readWorkbook, SHEETS, writeWorkbook, type WorkbookExtras } from '@shared/workbook/index';
import { ExcelJS } from '@shared/workbook/write-workbook';

const workshop: TwoWaySpec = {
  figure: 'ltvToCac',
  rowKey: 'journey.onboarding.rate',
  rowValues: [0.8, 0.85, 0.9, 0.95],
  colKey: 'acquisition.cacPerCustomer',
  colValues: [64000, 72000, 80000, 88000, 96000],
};
const TABLE_HEADER_ROW = 5;

async function sheetOf(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return wb.getWorksheet(SHEETS.sensitivity)!;
}

/** The two-way block as a reader sees it: column values, row values, cells ("—" for none). */
function tableOf(ws: Awaited<ReturnType<typeof sheetOf>>, rows: number, cols: number) {
  const num = (r: number, c: number) => ws.getCell(r, c).value as number | string;
  return {
    colValues: Array.from({ length: cols }, (_, c) => num(TABLE_HEADER_ROW, 2 + c)),
    rowValues: Array.from({ length: rows }, (_, r) => num(TABLE_HEADER_ROW + 1 + r, 1)),
    cells: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => num(TABLE_HEADER_ROW + 1 + r, 2 + c))),
  };
}

const expectedCells = (m: ModelInputs, spec: TwoWaySpec) => twoWayTable(m, spec).cells.map((row) => row.map((x) => (x === null ? '—' : x.toNumber())));

describe('the workbook’s Sensitivity sheet', () => {
  const m = defaultInputs();

  it('shows the saved spec: title, axes in their inputs’ formats, and the core’s cells; the tornado is of the same output', async () => {
    const bytes = await writeWorkbook({ inputs: m, appVersion: 'test', savedAt: new Date('2026-03-04T05:06:00Z'), extras: { sensitivity: twoWaySpecToJson(workshop) } });
    const ws = await sheetOf(bytes);
    expect(ws.getCell(1, 1).value).toBe('Sensitivity: LTV:CAC by Onboarding completion × CAC per new logo');
    expect(ws.getCell(2, 1).text).toMatch(/^Computed by Bowtie at save time \(2026-03-04 05:06 UTC\)/);
    const t = tableOf(ws, workshop.rowValues.length, workshop.colValues.length);
    expect(t.colValues).toEqual(workshop.colValues);
    expect(t.rowValues).toEqual(workshop.rowValues);
    expect(t.cells).toEqual(expectedCells(m, workshop));
    // CAC is money, onboarding a rate: each axis in its own format, the ratio as a ratio.
    expect(ws.getCell(TABLE_HEADER_ROW, 2).numFmt).toBe('#,##0;(#,##0);0'); // negatives in parentheses, as in the app
    expect(ws.getCell(TABLE_HEADER_ROW + 1, 1).numFmt).toMatch(/%$/);
    expect(ws.getCell(TABLE_HEADER_ROW + 1, 2).numFmt).toBe('0.00"×";(0.00"×");0.00"×"');
    // The base case (onboarding 90%, CAC $80,000) is on the axes and shaded.
    expect(ws.getCell(TABLE_HEADER_ROW + 1 + 2, 2 + 2).font?.bold).toBe(true);

    let tornadoRow = 0;
    ws.eachRow((row, r) => { if (row.getCell(1).text.startsWith('Tornado: ')) tornadoRow = r; });
    expect(ws.getCell(tornadoRow, 1).text).toMatch(/^Tornado: LTV:CAC,/);
    const bars = tornado(m, 'ltvToCac').bars;
    expect(ws.getCell(tornadoRow + 2, 1).value).toBe(bars[0]!.label);
    expect(ws.getCell(tornadoRow + 2, 6).value).toBe(bars[0]!.swing.toNumber());

    // The metadata keeps the spec, so Bowtie reopens the sheet the same way.
    const read = await readWorkbook(bytes);
    expect(read.ok && read.extras.sensitivity).toEqual(twoWaySpecToJson(workshop));
  });

  it('without a saved spec: the default table, and no spec in the metadata', async () => {
    const bytes = await writeWorkbook({ inputs: m, appVersion: 'test', extras: { scenarios: { version: 1, activeId: null, scenarios: [] } } });
    const ws = await sheetOf(bytes);
    const d = defaultTwoWay(m);
    expect(ws.getCell(1, 1).value).toBe('Sensitivity: NRR, year 2 by Renewal rate of adopters × Additional use cases / modules: Attach rate');
    expect(tableOf(ws, d.rowValues.length, d.colValues.length).cells).toEqual(expectedCells(m, d));
    const read = await readWorkbook(bytes);
    expect(read.ok && 'sensitivity' in read.extras).toBe(false);
  });

  it('a saved spec that no longer fits (a lane removed, a later year): the parts that fit, the rest default, in sheet and metadata alike', async () => {
    const spec: TwoWaySpec = { ...workshop, figure: 'nrr.y3', colKey: 'lanes.services.acv', colValues: [10000, 20000] };
    const short: ModelInputs = { ...setInput(m, 'general.horizonMonths', 24), lanes: m.lanes.filter((l) => l.id !== 'services') };
    const bytes = await writeWorkbook({ inputs: short, appVersion: 'test', extras: { sensitivity: twoWaySpecToJson(spec) } });
    const d = defaultTwoWay(short);
    const fitted: TwoWaySpec = { figure: d.figure, rowKey: workshop.rowKey, rowValues: workshop.rowValues, colKey: d.colKey, colValues: d.colValues };
    const ws = await sheetOf(bytes);
    expect(tableOf(ws, fitted.rowValues.length, fitted.colValues.length).cells).toEqual(expectedCells(short, fitted));
    const read = await readWorkbook(bytes);
    expect(read.ok && read.extras.sensitivity).toEqual(twoWaySpecToJson(fitted));
  });

  it('garbage in the extras’ slot: the default table, and the file still saves', async () => {
    const bytes = await writeWorkbook({ inputs: m, appVersion: 'test', extras: { sensitivity: { figure: { $gt: 1 }, rowValues: 'x'.repeat(1000) } } as unknown as WorkbookExtras });
    const d = defaultTwoWay(m);
    const ws = await sheetOf(bytes);
    expect(tableOf(ws, d.rowValues.length, d.colValues.length).cells).toEqual(expectedCells(m, d));
  });
});
