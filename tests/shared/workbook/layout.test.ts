// What a reader of the saved workbook relies on without Bowtie: inputs look like
// inputs and refuse out-of-range entries in Excel, sheets print one page wide,
// sensitivity says it is a snapshot.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { defaultInputs, inputSpecs } from '@shared/index';
import { SHEETS, writeWorkbook } from '@shared/workbook/index';
import { ExcelJS } from '@shared/workbook/write-workbook';
import { sheetPath } from './xlsx-edit';

describe('workbook layout', async () => {
  const m = defaultInputs();
  const bytes = await writeWorkbook({ inputs: m, appVersion: 'test', savedAt: new Date('2026-03-04T05:06:00Z') });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const files = unzipSync(bytes);

  it('every input is on Assumptions in the input style, with data validation matching its range', () => {
    const ws = wb.getWorksheet(SHEETS.assumptions)!;
    const rows = new Map<string, number>();
    ws.eachRow((row, r) => { const k = row.getCell(5).value; if (typeof k === 'string') rows.set(k, r); });
    for (const spec of inputSpecs(m)) {
      const r = rows.get(spec.key);
      expect(r, spec.key).toBeDefined();
      const cell = ws.getCell(r!, 2);
      expect(cell.font?.color?.argb, spec.key).toBe('FF0000FF');
      expect((cell.fill as { fgColor?: { argb?: string } }).fgColor?.argb, spec.key).toBeDefined();
      const dv = cell.dataValidation;
      expect(dv, spec.key).toBeDefined();
      if (spec.kind === 'rate') expect([dv.type, dv.operator, ...(dv.formulae ?? []).map(Number)], spec.key).toEqual(['decimal', 'between', spec.min, spec.max]);
      if (spec.kind === 'enum') expect(dv.type, spec.key).toBe('list');
    }
  });

  it('the tabs open on the Board Report, and the metadata sheet is hidden', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEETS.board, SHEETS.assumptions, SHEETS.metrics, SHEETS.bridge, SHEETS.cohorts, SHEETS.journey, SHEETS.sensitivity, SHEETS.meta]);
    expect(wb.getWorksheet(SHEETS.meta)!.state).toBe('hidden');
  });

  it('the Board Report and Assumptions print one page wide, with frozen headings', () => {
    for (const sheet of [SHEETS.board, SHEETS.assumptions]) {
      const xml = strFromU8(files[sheetPath(files, sheet)]!);
      expect(xml, sheet).toMatch(/<pageSetUpPr[^>]*fitToPage="1"/);
      expect(xml, sheet).toMatch(/<pageSetup[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
      expect(xml, sheet).toMatch(/<pane[^>]*state="frozen"/);
    }
  });

  it('Sensitivity says its values were computed by Bowtie at save time', () => {
    expect(wb.getWorksheet(SHEETS.sensitivity)!.getCell(2, 1).text).toMatch(/^Computed by Bowtie at save time \(2026-03-04 05:06 UTC\)/);
  });
});
