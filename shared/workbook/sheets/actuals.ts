// The Actuals sheet (issue #14): what the imported billing export showed, as
// values (not formulas): the source file's name, row count and SHA-256, the
// monthly bridge with trailing-12 retention, and the cohort table. Raw rows are
// not stored (3 million of them exceed a sheet's 1,048,576 rows). Read back on
// open from the same cells, so the sheet round-trips.
import type * as ExcelJS from 'exceljs';
import { SHEETS } from '../names';
import { COLORS, FMT, headerFill } from '../styles';
import type { ActualsSheet } from '../types';
import type { Dec, ModelResult } from '../../index';
import { actualsResultOf } from '../../actuals/json';
import { planVsActual, varianceTotals, VARIANCE_MEASURES, type VarianceMeasure } from '../../actuals/variance';
import { readSharedStrings, readSheetCells, type CellValue, type SheetCells } from '../scan/sheet-cells';
import { strFromU8 } from 'fflate';

const LABELS = { source: 'Source file', rows: 'Rows', sha: 'SHA-256', month: 'Month', cohort: 'Cohort start' } as const;
const MONEY = ['opening', 'new', 'reactivation', 'expansion', 'contraction', 'churn', 'closing'] as const;
const RATES = ['nrr12', 'grr12', 'logoRetention12'] as const;
const HEADERS = ['Month', 'Opening ARR', 'New', 'Reactivation', 'Expansion', 'Contraction', 'Churn', 'Closing ARR', 'Customers', 'NRR (trailing 12)', 'GRR (trailing 12)', 'Logo retention (trailing 12)'];

function header(ws: ExcelJS.Worksheet, row: number, labels: string[]): void {
  labels.forEach((l, i) => {
    const c = ws.getCell(row, i + 1);
    c.value = l;
    c.font = { bold: true, color: { argb: COLORS.headerFont } };
    c.fill = headerFill;
  });
}

const VARIANCE_TITLE = 'Plan against actual (values for the plan in this workbook; actual − plan)';
const MEASURE_LABELS: Record<VarianceMeasure, string> = { arr: 'Closing ARR', new: 'New (incl. reactivation)', expansion: 'Expansion', contraction: 'Contraction', churn: 'Churn' };

/**
 * Plan against actual for the months both have (issue 20), as values: each
 * month's plan, actual and difference per measure, then the year-to-date and
 * full-year totals. Below the cohort table, after a blank row, so the reader
 * (which stops at the first row that is not a month) never takes it for cohorts.
 */
function writeVariance(ws: ExcelJS.Worksheet, a: ActualsSheet, plan: ModelResult<Dec>, top: number): void {
  const months = planVsActual(plan, actualsResultOf(a));
  const title = ws.getCell(top, 1);
  title.value = VARIANCE_TITLE;
  title.font = { bold: true, color: { argb: COLORS.sectionFont } };
  if (months.length === 0) {
    ws.getCell(top + 1, 1).value = `No month is in both the plan (${plan.months[0]?.label ?? ''} to ${plan.months[plan.months.length - 1]?.label ?? ''}) and the actuals (${a.months[0]} to ${a.months[a.months.length - 1]}).`;
    return;
  }
  header(ws, top + 1, ['Plan month', ...VARIANCE_MEASURES.flatMap((m) => [`${MEASURE_LABELS[m]}: plan`, 'actual', 'actual − plan'])]);
  months.forEach((v, i) => {
    const r = top + 2 + i;
    ws.getCell(r, 1).value = v.month;
    VARIANCE_MEASURES.forEach((m, k) => ['plan', 'actual', 'difference'].forEach((p, j) => {
      const c = ws.getCell(r, 2 + k * 3 + j);
      c.value = v.figures[m][p as 'plan'].toNumber();
      c.numFmt = FMT.moneyCents;
    }));
  });
  const totals = varianceTotals(plan, months);
  if (!totals) return;
  const t0 = top + 3 + months.length;
  header(ws, t0, [`Year ${totals.year} totals`, 'Plan to date', 'Actual to date', 'Actual − plan', 'Plan, full year', 'Outlook (actual + plan for the rest)', 'Outlook − plan']);
  VARIANCE_MEASURES.forEach((m, i) => {
    const r = t0 + 1 + i;
    ws.getCell(r, 1).value = MEASURE_LABELS[m];
    [totals.ytd[m].plan, totals.ytd[m].actual, totals.ytd[m].difference, totals.fullYear[m].plan, totals.fullYear[m].actual, totals.fullYear[m].difference].forEach((x, j) => {
      const c = ws.getCell(r, 2 + j);
      c.value = x.toNumber();
      c.numFmt = FMT.moneyCents;
    });
  });
  ws.getCell(t0 + 1 + VARIANCE_MEASURES.length, 1).value = `Year to date: ${totals.ytdFirst} to ${totals.ytdLast}; the full year is ${totals.yearFirst} to ${totals.yearLast}. Churn and contraction below plan are good news.`;
}

export function writeActuals(wb: ExcelJS.Workbook, a: ActualsSheet, savedAt: Date, plan?: ModelResult<Dec>): void {
  const ws = wb.getWorksheet(SHEETS.actuals) ?? wb.addWorksheet(SHEETS.actuals);
  ws.getCell(1, 1).value = 'Actuals from the billing export';
  ws.getCell(1, 1).font = { bold: true, size: 14, color: { argb: COLORS.sectionFont } };
  // what was billed does not depend on the plan's inputs: no "inputs changed" check here
  ws.getCell(2, 1).value = `Values as imported from the billing export, not formulas; the raw rows are not stored. Computed by Bowtie from the export and saved ${savedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC; they do not change with the inputs.`;
  ws.getCell(2, 1).font = { italic: true, color: { argb: COLORS.subtleFont } };
  ws.getCell(4, 1).value = LABELS.source; ws.getCell(4, 2).value = a.source.fileName;
  ws.getCell(5, 1).value = LABELS.rows; ws.getCell(5, 2).value = a.source.rows;
  ws.getCell(6, 1).value = LABELS.sha; ws.getCell(6, 2).value = a.source.sha256;
  const top = 8;
  header(ws, top, HEADERS);
  a.months.forEach((m, t) => {
    const r = top + 1 + t;
    ws.getCell(r, 1).value = m;
    MONEY.forEach((k, i) => { const c = ws.getCell(r, 2 + i); c.value = a[k][t]!; c.numFmt = FMT.moneyCents; });
    ws.getCell(r, 9).value = a.customers[t]!;
    RATES.forEach((k, i) => { const v = a[k][t]; const c = ws.getCell(r, 10 + i); c.value = v ?? null; c.numFmt = FMT.percent; });
  });
  const ct = top + a.months.length + 3;
  ws.getCell(ct - 1, 1).value = 'ARR of each cohort (customers by their first month with ARR) by months since its start';
  ws.getCell(ct - 1, 1).font = { bold: true, color: { argb: COLORS.sectionFont } };
  const ages = Math.max(0, ...a.cohorts.map((c) => c.arr.length));
  header(ws, ct, [LABELS.cohort, 'Customers', ...Array.from({ length: ages }, (_, i) => `Month ${i}`)]);
  a.cohorts.forEach((c, k) => {
    const r = ct + 1 + k;
    ws.getCell(r, 1).value = c.start;
    ws.getCell(r, 2).value = c.customers;
    c.arr.forEach((v, i) => { const cell = ws.getCell(r, 3 + i); cell.value = v; cell.numFmt = FMT.money; });
  });
  if (plan) writeVariance(ws, a, plan, ct + a.cohorts.length + 3);
  ws.getColumn(1).width = 14;
  for (let i = 2; i <= 16; i++) ws.getColumn(i).width = 14;
  ws.views = [{ state: 'frozen', ySplit: top, xSplit: 1 }];
}

const num = (v: CellValue): number | null => (typeof v === 'number' ? v : null);
const text = (v: CellValue): string => (v === null ? '' : String(v));

/** The sheet's part as the pre-scan kept it (check-bytes.ts), read without ExcelJS; a string says why it cannot be read. */
export function readActualsXml(xml: string, sharedStrings: Uint8Array | undefined): ActualsSheet | string {
  let cells: SheetCells;
  try {
    cells = readSheetCells(xml, sharedStrings ? readSharedStrings(strFromU8(sharedStrings)) : [], `sheet "${SHEETS.actuals}"`);
  } catch (e) {
    return (e as Error).message;
  }
  return readActuals(cells);
}

/** The sheet back as data; a string says why it cannot be read (the model still opens). */
export function readActuals(ws: SheetCells): ActualsSheet | string {
  const find = (label: string, from = 1) => { for (let r = from; r <= ws.rowCount; r++) if (text(ws.value(r, 1)) === label) return r; return -1; };
  const src = find(LABELS.source), rowsAt = find(LABELS.rows), shaAt = find(LABELS.sha), top = find(LABELS.month);
  if (src < 0 || rowsAt < 0 || shaAt < 0 || top < 0) return 'it has no source file, row count, SHA-256 or Month column';
  const rows = num(ws.value(rowsAt, 2));
  if (rows === null) return `its row count is not a number`;
  const a: ActualsSheet = {
    source: { fileName: text(ws.value(src, 2)), rows, sha256: text(ws.value(shaAt, 2)) },
    months: [], opening: [], new: [], reactivation: [], expansion: [], contraction: [], churn: [], closing: [], customers: [],
    nrr12: [], grr12: [], logoRetention12: [], cohorts: [],
  };
  for (let r = top + 1; /^\d{4}-\d{2}$/.test(text(ws.value(r, 1))); r++) {
    a.months.push(text(ws.value(r, 1)));
    for (const [i, k] of MONEY.entries()) {
      const v = num(ws.value(r, 2 + i));
      if (v === null) return `${k} of ${a.months.at(-1)} is not a number`;
      a[k].push(v);
    }
    a.customers.push(num(ws.value(r, 9)) ?? 0);
    RATES.forEach((k, i) => a[k].push(num(ws.value(r, 10 + i))));
  }
  if (!a.months.length) return 'it lists no months';
  const ct = find(LABELS.cohort, top);
  if (ct > 0) {
    for (let r = ct + 1; /^\d{4}-\d{2}$/.test(text(ws.value(r, 1))); r++) {
      const start = text(ws.value(r, 1));
      const arr: number[] = [];
      // A cohort has one value per month from its start to the last month.
      const ages = a.months.length - Math.max(0, a.months.indexOf(start));
      for (let i = 0; i < ages; i++) arr.push(num(ws.value(r, 3 + i)) ?? 0);
      a.cohorts.push({ start, customers: num(ws.value(r, 2)) ?? 0, arr });
    }
  }
  return a;
}
