// Issue 20: the workbook's Actuals sheet carries plan against actual as values
// where the plan and the actuals overlap (each month, then year-to-date and
// full-year totals), the core's exact figures; the sheet still reads back.
import { describe, expect, it } from 'vitest';
import { computeActuals, figuresOf, planVsActual, readActualsCsv, varianceTotals } from '@shared/actuals/index';
import { computeExact, defaultInputs } from '@shared/index';
import { readWorkbook, SHEETS, writeWorkbook, type ActualsSheet } from '@shared/workbook/index';
import { ExcelJS } from '@shared/workbook/write-workbook';
import { randomBook, writeCsv } from '../../support/actuals-files';

function sheetOf(csv: string): ActualsSheet {
  const r = figuresOf(readActualsCsv(csv));
  if (!r.ok) throw new Error(JSON.stringify(r));
  const { cohorts, ...monthly } = r.figures;
  return { source: { fileName: 'billing.csv', rows: r.quality.rows, sha256: 'ab'.repeat(32) }, ...monthly, cohorts: cohorts.map(({ start, customers, arr }) => ({ start, customers, arr })) };
}

describe('plan against actual on the Actuals sheet', () => {
  it('writes each overlapping month and the totals as the core computes them', async () => {
    const csv = writeCsv(randomBook(7, { customers: 40, months: 30 }));
    const actuals = sheetOf(csv);
    // A plan starting four months before the last actual month: four months overlap.
    const last = actuals.months[actuals.months.length - 1]!;
    const [y, m] = last.split('-').map(Number) as [number, number];
    const start = `${m > 3 ? y : y - 1}-${String(((m - 4 + 12) % 12) + 1).padStart(2, '0')}`;
    const inputs = { ...defaultInputs(), general: { ...defaultInputs().general, startMonth: start } };
    const read = readActualsCsv(csv);
    if (!read.ok) throw new Error('readable');
    const plan = computeExact(inputs);
    const months = planVsActual(plan, computeActuals(read.book));
    expect(months).toHaveLength(4);
    const totals = varianceTotals(plan, months)!;
    const bytes = await writeWorkbook({ inputs, appVersion: 'test', actuals });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(SHEETS.actuals)!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const at = rows.findIndex((r) => r[0] === 'Plan month');
    expect(at).toBeGreaterThan(0);
    months.forEach((v, i) => {
      expect(rows[at + 1 + i]![0]).toBe(v.month);
      expect(rows[at + 1 + i]![1]).toBe(v.figures.arr.plan.toNumber());
      expect(rows[at + 1 + i]![2]).toBe(v.figures.arr.actual.toNumber());
      expect(rows[at + 1 + i]![15]).toBe(v.figures.churn.difference.toNumber());
    });
    const t = rows.findIndex((r) => r[0] === `Year ${totals.year} totals`);
    const churn = rows.find((r, i) => i > t && r[0] === 'Churn')!;
    expect(churn.slice(1, 7)).toEqual([totals.ytd.churn.plan, totals.ytd.churn.actual, totals.ytd.churn.difference, totals.fullYear.churn.plan, totals.fullYear.churn.actual, totals.fullYear.churn.difference].map((x) => x.toNumber()));
    // The full year's outlook is the actual so far plus the plan for the months left.
    expect(totals.fullYear.new.actual.toNumber()).toBeCloseTo(totals.ytd.new.actual.toNumber() + plan.months.slice(4, 12).reduce((s, pm) => s + pm.newLogo.toNumber(), 0), 6);
    const r = await readWorkbook(bytes);
    expect(r.ok && r.actuals).toEqual(actuals);
  });

  it('says in one sentence when no month is in both', async () => {
    const actuals = sheetOf(writeCsv(randomBook(3, { customers: 10, months: 12 })));
    const bytes = await writeWorkbook({ inputs: defaultInputs(), appVersion: 'test', actuals });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.getWorksheet(SHEETS.actuals)!.eachRow((row) => { const v = row.getCell(1).value; if (typeof v === 'string') texts.push(v); });
    expect(texts.some((x) => /^No month is in both the plan \(\d{4}-\d{2} to \d{4}-\d{2}\) and the actuals/.test(x))).toBe(true);
  });
});
