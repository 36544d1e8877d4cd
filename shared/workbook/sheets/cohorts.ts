// Cohorts: each acquisition year's cumulative revenue through each model year
// (seed 000's cohort LTV question). A year's customers close in months
// 12(ya−1)…12ya−1; through year y they bring Σ newLogos(c) × cumulative ARR at
// age 12y−1−c ÷ 12, one SUMPRODUCT over the Journey's cumulative ARR.
import type * as ExcelJS from 'exceljs';
import type { ModelInputs } from '../../model/inputs';
import { completeYears } from '../../index';
import { a1, newCustomersOfYear, SHEETS } from '../names';
import { putFormula, putValue } from '../cells';
import { FMT, headers, note, title } from '../styles';
import type { Figures } from '../figures';
import type { JourneyLayout } from './journey';
import type { BridgeLayout } from './bridge';
import type { CalendarLayout } from './calendar';

export function writeCohorts(wb: ExcelJS.Workbook, m: ModelInputs, fig: Figures, jl: JourneyLayout | null, bl: BridgeLayout, cal: CalendarLayout | null = null): void {
  const ws = wb.getWorksheet(SHEETS.cohorts)!;
  const H = m.general.horizonMonths;
  const Y = completeYears(H);
  title(ws, 'Cohorts: cumulative revenue by acquisition year', `If you close these customers this year, what does their cumulative revenue look like (${m.general.currency})?`);
  const head = 4;
  headers(ws, head, 1, ['Acquisition year', 'New logos', ...Array.from({ length: Y }, (_, i) => `Through year ${i + 1}`)]);
  ws.getRow(head).height = 32;
  fig.result.cohorts.forEach((cohort, k) => {
    const ya = k + 1;
    const row = head + ya;
    putValue(ws, row, 1, ya, FMT.integer);
    if (ya <= m.acquisition.newCustomersByYear.length) putFormula(ws, row, 2, newCustomersOfYear(ya, m.acquisition.newCustomersByYear.length), cohort.customers, FMT.general);
    else putValue(ws, row, 2, 0, FMT.general);
    for (let y = ya; y <= Y; y++) {
      const age = 12 * (y - ya);
      const formula = cal ? cal.cohortRevenue(ya, y) : `SUMPRODUCT(${jl!.range(jl!.col.cumArr, age, age + 11)},${bl.nrevRange(H - 12 * ya, H - 12 * ya + 11)})/12`;
      putFormula(ws, row, 2 + y, formula, cohort.cumulativeRevenue[y - 1] ?? null, FMT.money);
    }
  });
  // The heat map: a colour scale on the live cells, so it follows an edit (white at the smallest, teal at the largest).
  if (Y > 0) {
    ws.addConditionalFormatting({
      ref: `${a1(3, head + 1)}:${a1(2 + Y, head + Y)}`,
      rules: [{ type: 'colorScale', priority: 1, cfvo: [{ type: 'min' }, { type: 'max' }], color: [{ argb: 'FFFFFFFF' }, { argb: 'FF5FB3A8' }] }],
    });
  }
  note(ws, head + Y + 2, 1, 'Shaded from white (least) to teal (most), recalculated with the figures. Blank before a cohort closes. Per-customer LTV over the LTV window is on the Metrics sheet.');
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 12;
  for (let c = 3; c <= 2 + Y; c++) ws.getColumn(c).width = 16;
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: head }];
}
