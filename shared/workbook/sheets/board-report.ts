// Board Report (seeds 003/004): the headline figures as formulas pointing at the
// other sheets, laid out for print (one page wide), plus the charts and the
// scenario comparison the app supplies.
import type * as ExcelJS from 'exceljs';
import type { ModelInputs } from '../../model/inputs';
import { a1, colLetter, onSheet, SHEETS } from '../names';
import { putFormula, putValue, type Cached } from '../cells';
import { bandFill, COLORS, FMT, headers, note, section } from '../styles';
import type { Figures } from '../figures';
import type { BoardImage, ComparisonFormat, ScenarioComparison } from '../types';
import type { InputNames } from './assumptions';
import type { BridgeLayout } from './bridge';
import type { MetricsLayout } from './metrics';
import { STAGE_LABELS } from './sensitivity';

const COMPARISON_FMT: Record<ComparisonFormat, string> = {
  money: FMT.money, percent: FMT.percent, ratio: FMT.ratio, months: FMT.months, years: FMT.years, text: FMT.general,
};
/** Differences to the base, signed; a difference of two percentages reads in points (+4.2 pts). */
const DELTA_FMT: Record<ComparisonFormat, string> = {
  money: '+#,##0;-#,##0;0', percent: '+0.0" pts";-0.0" pts";0.0" pts"', ratio: '+0.00"x";-0.00"x";0.00"x"',
  months: '+0.0;-0.0;0.0', years: '+0.00;-0.00;0.00', text: FMT.general,
};

/** Widest a chart is drawn, in pixels: about the printed width of the table above it. */
const MAX_IMAGE_WIDTH = 720;
/** Default row height (15 pt) in pixels, and the rows' height a printed page holds at the sheet's fit-to-width scale. */
const ROW_PX = 20;
const PAGE_PX = 1150;

export interface BoardExtras {
  appVersion: string;
  savedAt: Date;
  images: readonly BoardImage[];
  comparison: ScenarioComparison | undefined;
}

export function writeBoardReport(ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook, m: ModelInputs, fig: Figures, names: InputNames, bl: BridgeLayout, ml: MetricsLayout, extras: BoardExtras): void {
  const r = fig.result;
  const Y = Math.floor(m.general.horizonMonths / 12);
  const width = Math.max(Y + 1, 6, 1 + (extras.comparison?.columns.length ?? 0));
  const nameRef = names.name('general.name');
  const t = putFormula(ws, 1, 1, `${nameRef}&": board report"`, `${m.general.name}: board report`);
  t.font = { bold: true, size: 18, color: { argb: COLORS.sectionFont } };
  ws.getRow(1).height = 28;
  const sub = ws.getCell(2, 1);
  sub.value = `Figures in ${m.general.currency}, recalculated from the Assumptions sheet. Saved by Bowtie ${extras.appVersion} on ${extras.savedAt.toISOString().slice(0, 10)}.`;
  sub.font = { italic: true, color: { argb: COLORS.subtleFont } };

  let row = 4;
  section(ws, row++, 1, 'ARR by model year');
  headers(ws, row++, 1, ['', ...Array.from({ length: Y }, (_, i) => `Year ${i + 1}`)]);
  const byYear = (label: string, cell: (y: number) => { formula: string; value: Cached } | null, fmt: string, bold = false) => {
    const l = ws.getCell(row, 1);
    l.value = label;
    if (bold) l.font = { bold: true };
    for (let y = 1; y <= Y; y++) {
      const c = cell(y);
      const out = c ? putFormula(ws, row, 1 + y, c.formula, c.value, fmt) : putValue(ws, row, 1 + y, null, fmt);
      out.alignment = { horizontal: 'right' };
      if (bold) out.font = { bold: true };
    }
    row++;
  };
  const yearCell = (col: number, pick: (y: number) => Cached) => (y: number) => ({ formula: bl.ref(col, bl.yearRow(y)), value: pick(y) });
  const a = (y: number) => r.annual[y - 1]!;
  byYear('ARR at year end', yearCell(bl.col.year.closing, (y) => a(y).closing), FMT.money, true);
  byYear('New-logo ARR', yearCell(bl.col.year.newLogo, (y) => a(y).newLogo), FMT.money);
  byYear('Expansion (lanes, seats, price)', yearCell(bl.col.year.expansion, (y) => a(y).expansion), FMT.money);
  byYear('Contraction', yearCell(bl.col.year.contraction, (y) => a(y).contraction), FMT.money);
  byYear('Churn', yearCell(bl.col.year.churn, (y) => a(y).churn), FMT.money);
  byYear('Revenue', yearCell(bl.col.year.revenue, (y) => a(y).revenue), FMT.money);
  byYear('Customers at year end', yearCell(bl.col.year.customers, (y) => a(y).customersEnd), FMT.count);
  byYear('Expansion share of new ARR', yearCell(bl.col.year.share, (y) => a(y).expansionShare), FMT.percent);
  byYear('NRR', (y) => (y >= 2 ? { formula: ml.year(y, 'nrr'), value: a(y).nrr } : null), FMT.percent, true);
  byYear('GRR', (y) => (y >= 2 ? { formula: ml.year(y, 'grr'), value: a(y).grr } : null), FMT.percent);

  const list = (label: string, formula: string | null, value: Cached, fmt: string, bold = false) => {
    const l = ws.getCell(row, 1);
    l.value = label;
    l.alignment = { indent: 1 };
    const c = formula ? putFormula(ws, row, 2, formula, value, fmt) : putValue(ws, row, 2, value, fmt);
    // Words (a band, a stage) read left to right into the empty columns beside them.
    c.alignment = { horizontal: typeof value === 'string' && value !== '—' ? 'left' : 'right' };
    if (bold) { l.font = { bold: true }; c.font = { bold: true }; }
    row++;
  };
  row++;
  if (Y >= 2) {
    const d = r.annual[1]!.decomposition;
    section(ws, row++, 1, 'Year-2 net revenue retention, decomposed');
    list('Opening ARR of existing customers', ml.year(2, 'begin'), d ? d.begin : r.months[11]!.closing, FMT.money);
    list('− Churn', ml.year(2, 'churn'), d ? d.churn : null, FMT.percent);
    list('− Contraction', ml.year(2, 'contraction'), d ? d.contraction : null, FMT.percent);
    m.lanes.forEach((lane, i) => list(`+ ${lane.name}`, ml.year(2, `lane${i}`), d ? d.lanes[i]! : null, FMT.percent));
    list('+ Seat expansion', ml.year(2, 'seat'), d ? d.seat : null, FMT.percent);
    list('+ Price increase', ml.year(2, 'price'), d ? d.price : null, FMT.percent);
    list('= NRR', ml.year(2, 'nrr'), r.annual[1]!.nrr, FMT.percent, true);
    list('GRR', ml.year(2, 'grr'), r.annual[1]!.grr, FMT.percent);
    list('Band (seed 001)', ml.ref('nrrBand'), r.nrrBand, FMT.general, true);
    row++;
  }

  section(ws, row++, 1, 'Retention and unit economics');
  list('Logo retention at the renewal decision', ml.ref('retention.decision'), r.journey.renewalDecisionRetention, FMT.percent);
  list('Logo retention at first renewal, full journey', ml.ref('retention.fullJourney'), r.journey.fullJourneyRetention, FMT.percent);
  list('LTV per customer: revenue', ml.ref('ltv.revenue'), r.ltv.revenue, FMT.money);
  list('LTV per customer: gross margin', ml.ref('ltv.grossMargin'), r.ltv.grossMargin, FMT.money);
  list('LTV per customer: discounted gross margin', ml.ref('ltv.discountedGrossMargin'), r.ltv.discountedGrossMargin, FMT.money, true);
  list('LTV:CAC', ml.ref('ltvToCac'), r.ltvToCac, FMT.ratio, true);
  list('CAC payback (months)', ml.ref('cacPaybackMonths'), r.cacPaybackMonths, FMT.months);
  list('Value of one NRR point', ml.ref('valueOfNrrPoint'), r.valueOfNrrPoint, FMT.money);
  list('Doubling time of the existing base (years)', ml.ref('doublingTimeYears'), r.doublingTimeYears, FMT.years);
  const drag = fig.sensitivity.drag.stage;
  list('Biggest drag on LTV (Bowtie, at save time)', null, STAGE_LABELS[drag], FMT.general, true);
  row++;

  if (m.lanes.length) {
    section(ws, row++, 1, `Expansion lanes at the end of year ${Y}`);
    headers(ws, row++, 1, ['Lane', 'ARR', 'Share of ARR', 'Gross margin', 'Margin floor']);
    r.lanes.forEach((lane, i) => {
      const src = ml.ref(`lane${i}`);
      const [sheet, cell] = [SHEETS.metrics, src.split('!')[1]!.replace(/\$/g, '')];
      const srcRow = Number(/\d+/.exec(cell)![0]);
      const ref = (c: number) => onSheet(sheet, a1(c, srcRow, true));
      putFormula(ws, row, 1, ref(1), lane.name);
      putFormula(ws, row, 2, ref(2), lane.arrEnd, FMT.money);
      putFormula(ws, row, 3, ref(3), lane.share, FMT.percent);
      putFormula(ws, row, 4, ref(4), lane.grossMargin, FMT.percent);
      const flag = putFormula(ws, row, 5, ref(5), lane.belowMarginFloor ? 'Below the 15% floor' : 'OK');
      if (lane.belowMarginFloor) flag.font = { color: { argb: COLORS.flagFont }, bold: true };
      row++;
    });
    row++;
  }

  const cmp = extras.comparison;
  if (cmp && cmp.columns.length) {
    section(ws, row++, 1, 'Scenario comparison');
    headers(ws, row, 1, ['', ...cmp.columns]);
    ws.getRow(row++).height = 30; // room for two lines: 'Downside vs base'
    cmp.rows.forEach((line, i) => {
      ws.getCell(row, 1).value = line.label;
      line.values.forEach((v, c) => {
        const delta = cmp.deltaColumns?.[c] === true;
        // A number format cannot scale by 100 without a % sign, so points are stored as 4.2.
        const shown = delta && line.format === 'percent' && typeof v === 'number' ? v * 100 : v;
        const cell = putValue(ws, row, 2 + c, shown, (delta ? DELTA_FMT : COMPARISON_FMT)[line.format]);
        // band names are long: shrink rather than spill into the next scenario's column
        cell.alignment = { horizontal: 'right', shrinkToFit: typeof v === 'string' };
      });
      if (i % 2 === 1) for (let c = 1; c <= 1 + cmp.columns.length; c++) ws.getCell(row, c).fill = bandFill;
      row++;
    });
    note(ws, row++, 1, 'Scenario figures are values computed by Bowtie at save time.');
    row++;
  }

  // Charts start on a fresh page and never straddle a page break: a picture cut in
  // two is worse than white space. A printed page holds about PAGE_PX of rows.
  let used = Infinity;
  for (const img of extras.images) {
    const scale = Math.min(1, MAX_IMAGE_WIDTH / Math.max(1, img.widthPx));
    const w = Math.round(img.widthPx * scale), h = Math.round(img.heightPx * scale);
    const rows = Math.ceil(h / ROW_PX) + 2;
    if (used + rows * ROW_PX > PAGE_PX) {
      if (row > 1) ws.getRow(row - 1).addPageBreak();
      used = 0;
    }
    section(ws, row++, 1, img.name);
    const id = wb.addImage({ buffer: img.png as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(id, { tl: { col: 0, row: row - 1 }, ext: { width: w, height: h }, editAs: 'oneCell' });
    row += rows - 1;
    used += rows * ROW_PX;
  }

  ws.getColumn(1).width = 46;
  for (let c = 2; c <= width; c++) ws.getColumn(c).width = 16;
  ws.views = [{ state: 'frozen', ySplit: 2, showGridLines: false }];
  ws.pageSetup = {
    orientation: Y > 6 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
    horizontalCentered: true, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.pageSetup.printArea = `A$1:${colLetter(width)}$${row}`; // ExcelJS adds the column's `$`
  ws.headerFooter = { oddFooter: '&L&8Bowtie board report&R&8Page &P of &N' };
}
