// The workbook's Ranges sheet (issue 21): the ranges and the simulation settings
// are named input cells that read back on open, so an edit in Excel changes them;
// a bad edit is refused at its cell; the percentiles are values computed at save.
import { describe, expect, it } from 'vitest';
import { completeYears, computeModel, defaultInputs, runRanges, type SimulationSettings } from '@shared/index';
import { readWorkbook, writeWorkbook } from '@shared/workbook/index';
import { ExcelJS } from '@shared/workbook/write-workbook';
import type { RangeEntry } from '@shared/document/index';
import { rangeOfOutcomes } from '@shared/report/index';

const inputs = defaultInputs();
const lane = inputs.lanes[0]!.id;
const ranges: RangeEntry[] = [
  { key: 'journey.renewal.rate', low: 0.8, high: 0.9 },
  { key: `lanes.${lane}.attachRate`, low: 0.1, mode: 0.2, high: 0.35 },
];
const simulation: SimulationSettings = { samples: 200, seed: 7, targets: [{ output: 'nrrByYear[1]', value: 1.1 }] };
const last = completeYears(inputs.general.horizonMonths) - 1;
const planArr = computeModel(inputs).annual[last]!.closing;
const report = runRanges(inputs, ranges, { ...simulation, targets: [...simulation.targets, { output: `arrByYearEnd[${last}]`, value: planArr }] });
const save = () => writeWorkbook({ inputs, appVersion: 'test', ranges: { ranges, simulation, outcome: { report, planArr } }, savedAt: new Date('2026-12-08T01:00:00Z') });

async function edited(bytes: Uint8Array, edit: (ws: import('exceljs').Worksheet, wb: import('exceljs').Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  edit(wb.getWorksheet('Ranges')!, wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
const cellOf = (wb: import('exceljs').Workbook, name: string) => wb.definedNames.getRanges(name).ranges[0]!.split('!')[1]!.replace(/\$/g, '');

describe('the Ranges sheet', () => {
  it('reads back the ranges and settings it was saved with', async () => {
    const r = await readWorkbook(await save());
    expect(r.ok && r.ranges).toEqual({ ranges, simulation });
  });

  it('an edit in Excel of a named cell changes the range and the samples on reopen', async () => {
    const bytes = await edited(await save(), (ws, wb) => {
      ws.getCell(cellOf(wb, 'ranges_0_high')).value = 0.95;
      ws.getCell(cellOf(wb, 'ranges_0_mode')).value = 0.88; // a uniform range gains a most likely value
      ws.getCell(cellOf(wb, 'simulation_samples')).value = 500;
    });
    const r = await readWorkbook(bytes);
    expect(r.ok && r.ranges?.ranges[0]).toEqual({ key: 'journey.renewal.rate', low: 0.8, mode: 0.88, high: 0.95 });
    expect(r.ok && r.ranges?.simulation.samples).toBe(500);
  });

  it('a bad edit is refused at its cell, naming the problem', async () => {
    let at = '';
    const bytes = await edited(await save(), (ws, wb) => { at = cellOf(wb, 'ranges_1_low'); ws.getCell(at).value = 0.5; });
    const r = await readWorkbook(bytes);
    expect(r.ok).toBe(false);
    if (r.ok || r.kind !== 'invalid') return;
    expect(r.problems).toEqual([{ where: `Ranges!${at}`, path: 'ranges[1]', message: 'low 50.0% is above high 35.0%' }]);
  });

  it('holds the percentiles as values, saying they were computed at save', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await save()) as never);
    const ws = wb.getWorksheet('Ranges')!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'string') texts.push(c.value); }));
    expect(texts.some((t) => /^Computed by Bowtie at save \(2026-12-08 01:00 UTC\) from 200 samples, seed 7/.test(t))).toBe(true);
    let arrRow = 0;
    ws.eachRow((row, r) => { if (row.getCell(1).value === `ARR, end of year ${last + 1}`) arrRow = r; });
    const arr = report.figures[`arrByYearEnd[${last}]`]!;
    expect([2, 3, 4].map((c) => ws.getCell(arrRow, c).value)).toEqual([arr.p10, arr.p50, arr.p90]);
  });

  it("the Board Report sheet gains the board page's Range of outcomes", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await save()) as never);
    const ws = wb.getWorksheet('Board Report')!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push([row.getCell(1).value, row.getCell(2).value]));
    const at = rows.findIndex((r) => r[0] === 'Range of outcomes');
    expect(at).toBeGreaterThan(0);
    const block = rangeOfOutcomes(inputs, report, planArr, 2)!;
    expect(rows.slice(at + 1, at + 4)).toEqual([[block.arrLabel, block.arr], [block.nrrLabel, block.nrr], [block.plan, null]]);
    expect(block.arr).toMatch(/^\$[\d.]+M – \$[\d.]+M$/);
  });

  it('a document without ranges has no Ranges sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbook({ inputs, appVersion: 'test' })) as never);
    expect(wb.getWorksheet('Ranges')).toBeUndefined();
    const r = await readWorkbook(await writeWorkbook({ inputs, appVersion: 'test' }));
    expect(r.ok && r.ranges).toBeUndefined();
  });
});
