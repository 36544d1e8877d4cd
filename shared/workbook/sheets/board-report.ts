// Board Report (seeds 003/004): the headline figures as formulas pointing at the
// other sheets, laid out for print (one page wide), plus the charts and the
// scenario comparison the app supplies. Headline figures use the app's number
// formats (shared/report/format.ts): $25.0M, (2.3%), 2.10×.
import type * as ExcelJS from 'exceljs';
import type { ModelInputs } from '../../model/inputs';
import { completeYears } from '../../index';
import { a1, colLetter, onSheet, SHEETS } from '../names';
import { numberOf, putFormula, putValue, type Cached } from '../cells';
import { bandFill, COLORS, headers, note, section } from '../styles';
import { excelNumberFormat, type FigureFormat } from '../../report/format';
import { FIGURE_LABELS } from '../../report/labels';
import type { RangeOfOutcomes } from '../../report/range-outcomes';
import type { Figures } from '../figures';
import type { BoardImage, ScenarioComparison } from '../types';
import type { InputNames } from './assumptions';
import type { BridgeLayout } from './bridge';
import type { MetricsLayout } from './metrics';
import { STAGE_LABELS } from './sensitivity';
import { wrappedLines } from './assumptions';
import { writeBoardSegments } from './board-segments';
import { writeBoardCharts } from './board-charts';
import { putInputsChangedWarning } from './saved-inputs';
import type { WorkbookCharts } from '../charts/index';


/**
 * The first column's width (characters), and every other's, at least: the charts are
 * sized to their sum, the printed width (board-charts.ts). Eleven columns (ten years, or a long scenario
 * comparison) get 13-character figure columns, so the sheet fitted to one landscape
 * page wide still prints its 11 pt text at 9 pt (print.ts).
 */
const LABEL_COL = 46;
const FIGURE_COL = 14;
const NARROW_FIGURE_COL = 13;
/** Excel's pixel width of a column `w` characters wide (Calibri 11). */
const colPx = (w: number) => Math.trunc(w * 7 + 5);

export interface BoardExtras {
  appVersion: string;
  savedAt: Date;
  /** pictures for what no native chart can draw */
  images: readonly BoardImage[];
  charts: WorkbookCharts;
  comparison: ScenarioComparison | undefined;
  /** the board's "Range of outcomes" (issue 21) when the document has ranges and they were run at save */
  ranges?: RangeOfOutcomes | null;
}

export function writeBoardReport(ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook, m: ModelInputs, fig: Figures, names: InputNames, bl: BridgeLayout, ml: MetricsLayout, extras: BoardExtras): { printCols: number; printRows: number } {
  const r = fig.result;
  const cur = m.general.currency;
  /** The app's format for this value (money's unit and decimals follow the value). */
  const F = (f: FigureFormat, v: Cached, delta = false) => excelNumberFormat(f, numberOf(v), cur, delta);
  const Y = completeYears(m.general.horizonMonths);
  const width = Math.max(Y + 1, 6, 1 + (extras.comparison?.columns.length ?? 0));
  const figureCol = width >= 11 ? NARROW_FIGURE_COL : FIGURE_COL;
  /** A label longer than column A wraps there (a 60-character lane name), its row as tall as its lines: column A never widens past the page. */
  const wrappedRows = new Set<number>();
  const wrapLabel = (cell: ExcelJS.Cell, text: string, indent = 0) => {
    // a column of 46 digit widths holds about 55 characters of proportional text (Calibri, or Carlito in LibreOffice)
    const lines = wrappedLines(text, Math.floor((LABEL_COL - indent * 2) * 1.2));
    if (lines < 2) return;
    cell.alignment = { ...cell.alignment, wrapText: true };
    wrappedRows.add(Number(cell.row));
    ws.getRow(Number(cell.row)).height = Math.max(ws.getRow(Number(cell.row)).height ?? 15, lines * 14 + 2);
  };
  const nameRef = names.name('general.name');
  const t = putFormula(ws, 1, 1, `${nameRef}&": board report"`, `${m.general.name}: board report`);
  t.font = { bold: true, size: 18, color: { argb: COLORS.sectionFont } };
  ws.getRow(1).height = 28;
  const sub = ws.getCell(2, 1);
  sub.value = `Figures in ${m.general.currency}, recalculated from the Assumptions sheet. Saved by Bowtie ${extras.appVersion} on ${extras.savedAt.toISOString().slice(0, 10)}.`;
  sub.font = { italic: true, color: { argb: COLORS.subtleFont } };
  // blank while the inputs are those saved; the native charts and the tables above are live either way
  putInputsChangedWarning(ws, 3, 1, 'Inputs changed since Bowtie saved: the scenario comparison, the biggest drag and the pictures are as saved; reopen in Bowtie to refresh');

  let row = 4;
  section(ws, row++, 1, 'ARR by model year');
  headers(ws, row++, 1, ['', ...Array.from({ length: Y }, (_, i) => `Year ${i + 1}`)]);
  /** the row of each by-year figure, for the charts */
  const yearRows = new Map<string, number>();
  const byYear = (label: string, cell: (y: number) => { formula: string; value: Cached } | null, fmt: FigureFormat, bold = false) => {
    yearRows.set(label, row);
    const l = ws.getCell(row, 1);
    l.value = label;
    if (bold) l.font = { bold: true };
    for (let y = 1; y <= Y; y++) {
      const c = cell(y);
      const out = c ? putFormula(ws, row, 1 + y, c.formula, c.value, F(fmt, c.value)) : putValue(ws, row, 1 + y, null, F(fmt, null));
      out.alignment = { horizontal: 'right' };
      if (bold) out.font = { bold: true };
    }
    row++;
  };
  const yearCell = (col: number, pick: (y: number) => Cached) => (y: number) => ({ formula: bl.ref(col, bl.yearRow(y)), value: pick(y) });
  const a = (y: number) => r.annual[y - 1]!;
  byYear('ARR at year end', yearCell(bl.col.year.closing, (y) => a(y).closing), 'money', true);
  byYear('New-logo ARR', yearCell(bl.col.year.newLogo, (y) => a(y).newLogo), 'money');
  byYear('Expansion (lanes, seats, price)', yearCell(bl.col.year.expansion, (y) => a(y).expansion), 'money');
  byYear('Contraction', yearCell(bl.col.year.contraction, (y) => a(y).contraction), 'money');
  byYear('Churn', yearCell(bl.col.year.churn, (y) => a(y).churn), 'money');
  byYear('Revenue', yearCell(bl.col.year.revenue, (y) => a(y).revenue), 'money');
  byYear('Customers at year end', yearCell(bl.col.year.customers, (y) => a(y).customersEnd), 'count');
  byYear('Expansion share of new ARR', yearCell(bl.col.year.share, (y) => a(y).expansionShare), 'percent');
  // Year 1 has an NRR on today's book (an installed base with ARR).
  const firstNrrYear = r.openingArr.isZero() ? 2 : 1;
  byYear('NRR', (y) => (y >= firstNrrYear ? { formula: ml.year(y, 'nrr'), value: a(y).nrr } : null), 'percent', true);
  byYear('GRR', (y) => (y >= firstNrrYear ? { formula: ml.year(y, 'grr'), value: a(y).grr } : null), 'percent');

  const list = (label: string, formula: string | null, value: Cached, fmt: FigureFormat, bold = false) => {
    const l = ws.getCell(row, 1);
    l.value = label;
    l.alignment = { indent: 1 };
    wrapLabel(l, label, 1);
    const c = formula ? putFormula(ws, row, 2, formula, value, F(fmt, value)) : putValue(ws, row, 2, value, F(fmt, value));
    // Words (a band, a stage) read left to right into the empty columns beside them.
    c.alignment = { horizontal: typeof value === 'string' && value !== '—' ? 'left' : 'right' };
    if (bold) { l.font = { bold: true }; c.font = { bold: true }; }
    row++;
  };
  row++;
  if (Y >= 2) {
    const d = r.annual[1]!.decomposition;
    section(ws, row++, 1, 'Year-2 net revenue retention, decomposed');
    list('Opening ARR of existing customers', ml.year(2, 'begin'), d ? d.begin : r.months[11]!.closing, 'money');
    list('− Churn', ml.year(2, 'churn'), d ? d.churn : null, 'percent');
    list('− Contraction', ml.year(2, 'contraction'), d ? d.contraction : null, 'percent');
    m.lanes.forEach((lane, i) => list(`+ ${lane.name}`, ml.year(2, `lane${i}`), d ? d.lanes[i]! : null, 'percent'));
    list('+ Seat expansion', ml.year(2, 'seat'), d ? d.seat : null, 'percent');
    list('+ Price increase', ml.year(2, 'price'), d ? d.price : null, 'percent');
    list('= NRR', ml.year(2, 'nrr'), r.annual[1]!.nrr, 'percent', true);
    list('GRR', ml.year(2, 'grr'), r.annual[1]!.grr, 'percent');
    list('NRR band', ml.ref('nrrBand'), r.nrrBand, 'text', true);
    row++;
  }

  section(ws, row++, 1, 'Retention and unit economics');
  list(`Logo retention at the first renewal: ${FIGURE_LABELS.renewalRateOfAdopters.toLowerCase()}`, ml.ref('retention.decision'), r.journey.renewalDecisionRetention, 'percent');
  list(`Logo retention at the first renewal: ${FIGURE_LABELS.renewedAllCustomers.toLowerCase()}`, ml.ref('retention.fullJourney'), r.journey.fullJourneyRetention, 'percent');
  list('LTV per customer: revenue', ml.ref('ltv.revenue'), r.ltv.revenue, 'money');
  list('LTV per customer: gross margin', ml.ref('ltv.grossMargin'), r.ltv.grossMargin, 'money');
  list('LTV per customer: discounted gross margin', ml.ref('ltv.discountedGrossMargin'), r.ltv.discountedGrossMargin, 'money', true);
  list('LTV:CAC', ml.ref('ltvToCac'), r.ltvToCac, 'ratio', true);
  list('CAC payback', ml.ref('cacPaybackMonths'), r.cacPaybackMonths, 'months');
  list('Value of one NRR point', ml.ref('valueOfNrrPoint'), r.valueOfNrrPoint, 'money');
  list('Doubling time of the existing base', ml.ref('doublingTimeYears'), r.doublingTimeYears, 'years');
  const drag = fig.sensitivity.drag.stage;
  list('Biggest drag on LTV (computed by Bowtie at save time)', null, STAGE_LABELS[drag], 'text', true);
  row++;
  row = writeBoardSegments(ws, row, m, r);

  let laneRows: [number, number] | null = null;
  if (m.lanes.length) {
    section(ws, row++, 1, `Expansion lanes at the end of year ${Y}`);
    headers(ws, row++, 1, ['Lane', 'ARR', 'Share of ARR', 'Gross margin', 'Margin floor']);
    laneRows = [row, row + m.lanes.length - 1];
    r.lanes.forEach((lane, i) => {
      const src = ml.ref(`lane${i}`);
      const [sheet, cell] = [SHEETS.metrics, src.split('!')[1]!.replace(/\$/g, '')];
      const srcRow = Number(/\d+/.exec(cell)![0]);
      const ref = (c: number) => onSheet(sheet, a1(c, srcRow, true));
      wrapLabel(putFormula(ws, row, 1, ref(1), lane.name), lane.name);
      putFormula(ws, row, 2, ref(2), lane.arrEnd, F('money', lane.arrEnd));
      putFormula(ws, row, 3, ref(3), lane.share, F('percent', lane.share));
      putFormula(ws, row, 4, ref(4), lane.grossMargin, F('percent', lane.grossMargin));
      const flag = putFormula(ws, row, 5, ref(5), lane.belowMarginFloor ? 'Below the 15% floor' : 'OK');
      flag.alignment = { horizontal: 'left', indent: 1 }; // clear of the right-aligned margin beside it
      if (lane.belowMarginFloor) flag.font = { color: { argb: COLORS.flagFont }, bold: true };
      row++;
    });
    row++;
  }

  const outcomes = extras.ranges;
  if (outcomes) {
    section(ws, row++, 1, 'Range of outcomes');
    for (const [label, value] of [[outcomes.arrLabel, outcomes.arr], [outcomes.nrrLabel, outcomes.nrr]] as const) {
      ws.getCell(row, 1).value = label;
      ws.getCell(row, 1).alignment = { indent: 1 };
      const c = putValue(ws, row, 2, value);
      c.alignment = { horizontal: 'left' };
      c.font = { bold: true };
      row++;
    }
    ws.getCell(row, 1).value = outcomes.plan;
    ws.getCell(row++, 1).alignment = { indent: 1 };
    note(ws, row++, 1, `${outcomes.basis}: values computed by Bowtie at save time (the Ranges sheet has the table); every other figure is the base case.`);
    row++;
  }

  const cmp = extras.comparison;
  if (cmp && cmp.columns.length) {
    section(ws, row++, 1, 'Scenario comparison');
    // One header cell per column: Figure | Base | each scenario | each scenario vs Base.
    headers(ws, row, 1, ['Figure', ...cmp.columns]);
    ws.getRow(row++).height = 30; // room for two lines: 'Downside vs Base'
    cmp.rows.forEach((line, i) => {
      ws.getCell(row, 1).value = line.label;
      line.values.forEach((v, c) => {
        const delta = cmp.deltaColumns?.[c] === true;
        // A number format cannot scale by 100 without a % sign, so points are stored as 4.2.
        const points = delta && (line.format === 'percent' || line.format === 'points');
        const shown = points && typeof v === 'number' ? v * 100 : v;
        const cell = putValue(ws, row, 2 + c, shown, F(line.format, typeof shown === 'number' ? shown : null, delta));
        // band names wrap within their column rather than shrink or spill, the row as tall as their lines
        cell.alignment = { horizontal: 'right', wrapText: typeof v === 'string', vertical: 'top' };
        if (typeof v === 'string') ws.getRow(row).height = Math.max(ws.getRow(row).height ?? 15, wrappedLines(v, figureCol - 3) * 14 + 2);
      });
      ws.getCell(row, 1).alignment = { vertical: 'top' };
      if (i % 2 === 1) for (let c = 1; c <= 1 + cmp.columns.length; c++) ws.getCell(row, c).fill = bandFill;
      row++;
    });
    // the time in a cell of its own, so the note keeps column A at its width
    note(ws, row, 1, 'Scenario figures are values computed by Bowtie at save time:');
    note(ws, row++, 2, `${extras.savedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    putInputsChangedWarning(ws, row++, 1);
    row++;
  }

  row = writeBoardCharts({
    ws, wb, m, fig, bl, ml, charts: extras.charts, images: extras.images, width,
    widthPx: colPx(LABEL_COL) + (width - 1) * colPx(figureCol), yearRows, laneRows, firstNrrYear,
  }, row);

  // a wrapped row reads from its top line, its figures beside the label's first line
  for (const r of wrappedRows) for (let c = 1; c <= width; c++) { const cell = ws.getCell(r, c); cell.alignment = { ...cell.alignment, vertical: 'top' }; }
  ws.getColumn(1).width = LABEL_COL;
  for (let c = 2; c <= width; c++) ws.getColumn(c).width = figureCol;
  ws.views = [{ state: 'frozen', ySplit: 2, showGridLines: false }];
  ws.pageSetup = {
    orientation: Y > 6 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
    horizontalCentered: true, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.pageSetup.printArea = `A$1:${colLetter(width)}$${row}`; // ExcelJS adds the column's `$`
  ws.headerFooter = { oddFooter: '&L&8Bowtie board report&R&8Page &P of &N' };
  return { printCols: width, printRows: row };
}
