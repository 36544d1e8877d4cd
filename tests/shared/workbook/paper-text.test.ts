// What a reader of the printed workbook reads (issue 22): the Sensitivity sheet
// claims a shaded cell only when the saved model is on its grid, the Metrics
// notes wrap inside the printed width instead of running past the page's edge,
// and the Calendar's header rows are as tall as their wrapped labels.
import { describe, expect, it } from 'vitest';
import { defaultInputs, twoWaySpecToJson, type TwoWaySpec } from '@shared/index';
import { SHEETS, writeWorkbook } from '@shared/workbook/index';
import { ExcelJS } from '@shared/workbook/write-workbook';
import { COLORS } from '@shared/workbook/styles';
import { rampedModel } from '../../support/models';

async function book(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return wb;
}

const lastPrintedCol = (ws: { pageSetup: { printArea?: string } }) => {
  const area = ws.pageSetup.printArea ?? '';
  const col = /:\$?([A-Z]+)\$?\d+$/.exec(area)![1]!;
  return [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
};

describe('the workbook on paper says only what is true and shows all of it', () => {
  const spec = (rowValues: number[]): TwoWaySpec => ({ figure: 'ltvToCac', rowKey: 'journey.onboarding.rate', rowValues, colKey: 'acquisition.cacPerCustomer', colValues: [64000, 80000, 96000] });
  const sentence = async (s: TwoWaySpec) => {
    const ws = (await book(await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test', extras: { sensitivity: twoWaySpecToJson(s) } }))).getWorksheet(SHEETS.sensitivity)!;
    let text = '';
    ws.eachRow((row) => row.eachCell((c) => {
      if (typeof c.value === 'string' && /shaded/.test(c.value)) text = c.value;
    }));
    return { text };
  };

  it('Sensitivity: "the shaded cell is the saved model" only when the saved model is on the grid', async () => {
    const on = await sentence(spec([0.8, 0.9, 1]));
    expect(on.text).toMatch(/^The shaded cell is the saved model/);
    const off = await sentence(spec([0.8, 0.85, 0.95])); // the model's onboarding rate is 90%
    expect(off.text).toMatch(/^No cell is shaded: the saved model's values of Onboarding completion and CAC per new logo are not both on this grid/);
    expect(off.text).not.toMatch(/the shaded cell is/i);
  });

  it('Metrics: each "how it is computed" note wraps inside the printed columns, its row tall enough for its lines', async () => {
    const ws = (await book(await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test' }))).getWorksheet(SHEETS.metrics)!;
    const last = lastPrintedCol(ws);
    let notes = 0;
    ws.eachRow((row, r) => {
      const c = row.getCell(3);
      if (typeof c.value !== 'string' || c.font?.size !== 9) return;
      notes++;
      expect(c.alignment?.wrapText, `C${r}`).toBe(true);
      // merged across C:E, all inside the print area
      const master = ws.getCell(r, 5).master;
      expect(master.address, `E${r}`).toBe(`C${r}`);
      expect(last).toBeGreaterThanOrEqual(5);
      const chars = 22 + 16 + 16;
      if (c.value.length > chars * 1.1) expect(row.height ?? 15, `row ${r}`).toBeGreaterThan(20);
    });
    expect(notes).toBeGreaterThanOrEqual(9);
  });

  it('Calendar: every header row is as tall as its longest wrapped label', async () => {
    const ws = (await book(await writeWorkbook({ inputs: rampedModel(defaultInputs()), appVersion: 'test' }))).getWorksheet(SHEETS.calendar)!;
    let checked = 0;
    ws.eachRow((row) => {
      row.eachCell((c, col) => {
        if ((c.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb !== COLORS.headerFill || c.isMerged || typeof c.value !== 'string') return;
        const room = (ws.getColumn(col).width ?? 9) - 1;
        // the fewest lines its words can take
        let lines = 1, used = 0;
        for (const w of c.value.split(/\s+/)) { if (used && used + 1 + w.length > room) { lines++; used = w.length; } else used += (used ? 1 : 0) + w.length; }
        if (lines > 1) { checked++; expect(row.height ?? 15, `${c.address} "${c.value}" needs ${lines} lines`).toBeGreaterThanOrEqual(lines * 13); }
      });
    });
    expect(checked).toBeGreaterThan(5);
  });
});
