// The Board Report's charts (issue 22): native Excel charts over the sheet's own
// live cells, so they redraw when an input changes, and a picture only where no
// native chart says the same (the bowtie; see docs/workbook.md). Each chart is a
// block of rows spanning the printed width that starts on a fresh page rather
// than straddle a page break. A waterfall's working table sits beside its chart,
// right of the print area.
import type * as ExcelJS from 'exceljs';
import type { ModelInputs } from '../../model/inputs';
import { excelNumberFormat } from '../../report/format';
import { PALETTE } from '../../report/charts';
import type { Figures } from '../figures';
import type { BoardImage } from '../types';
import type { BridgeLayout } from './bridge';
import type { MetricsLayout } from './metrics';
import { headers, note, section } from '../styles';
import { a1 } from '../names';
import { putFormula, putValue } from '../cells';
import { cachedOf, cellRange, numberRange, type ChartDefinition, type ChartRange, type WorkbookCharts } from '../charts/index';
import { waterfallChart, waterfallRows, type WaterfallStep } from '../charts/waterfall';

const hex = (c: string) => c.replace('#', '').toUpperCase();
/** Rows a chart spans, below its spacer row (15 pt rows: about 280 px): two to a printed page. */
const CHART_ROWS = 14;
/** Default row height (15 pt) in pixels, and the rows a printed A4 landscape page holds at 100% (the sheet prints at 9 pt or more, so rarely smaller). */
const ROW_PX = 20;
const PAGE_PX = 650;
/** The printable width of an A4 landscape page with 0.35 in side margins, in pixels: a wider sheet is shrunk to it, and its pages hold more rows. */
const PRINT_WIDTH_PX = (11.69 - 2 * 0.35) * 96;

export interface BoardChartContext {
  ws: ExcelJS.Worksheet;
  wb: ExcelJS.Workbook;
  m: ModelInputs;
  fig: Figures;
  bl: BridgeLayout;
  ml: MetricsLayout;
  charts: WorkbookCharts;
  images: readonly BoardImage[];
  /** printed columns (A … width) and their pixel width */
  width: number;
  widthPx: number;
  yearRows: ReadonlyMap<string, number>;
  laneRows: [number, number] | null;
  firstNrrYear: number;
}

/** Writes the charts from `row` on and returns the row after them. */
export function writeBoardCharts(c: BoardChartContext, startRow: number): number {
  const { ws, m, fig, bl, ml, width } = c;
  const r = fig.result;
  const cur = m.general.currency;
  const Y = r.years;
  const dataCol = width + 2;
  let row = startRow;
  let used = Infinity;
  const pagePx = PAGE_PX / Math.min(1, PRINT_WIDTH_PX / c.widthPx);
  /** a block of `rows` rows, on a fresh page when it would not fit on this one */
  const block = (title: string | null, rows: number): number => {
    if (used + rows * ROW_PX > pagePx) {
      if (row > 1) ws.getRow(row - 1).addPageBreak();
      used = 0;
    }
    const top = row;
    // a native chart prints its own title; a picture's is the row above it
    if (title !== null) section(ws, row, 1, title);
    row += rows;
    used += rows * ROW_PX;
    return top;
  };
  /** a chart `rows` rows tall below a spacer row, beside a working table of `tableRows` rows; returns the spacer's row */
  const chartAt = (tableRows: number, make: (top: number) => ChartDefinition, rows = CHART_ROWS): number => {
    const top = block(null, 1 + Math.max(rows, tableRows));
    c.charts.add(ws, { col: 0, row: top, toCol: width, toRow: top + rows }, make(top));
    return top;
  };
  /** a waterfall over its working table, which sits beside it from the row below its title */
  const waterfall = (title: string, steps: WaterfallStep[], format: string) => {
    // taller with many steps: their names (long lane names) take the room under the plot
    const rows = Math.min(24, Math.max(CHART_ROWS, 4 + steps.length));
    tableNote(chartAt(1 + waterfallRows(steps), (at) => waterfallChart(ws, at + 1, dataCol, title, steps, format), rows));
  };
  const money = (x: number) => excelNumberFormat('money', x, cur).split(';')[0]!;
  /**
   * A by-year chart's data as a column table beside it (LibreOffice reads a
   * category range along a row as many levels of one category): each cell refers
   * to the figure in the top table and caches what that cell caches.
   */
  const byYearTable = (top: number, labels: string[], from = 1): { categories: ChartRange<string>; values: ChartRange<number>[] } => {
    headers(ws, top, dataCol, ['Year', ...labels]);
    for (let y = from; y <= Y; y++) {
      const at = top + 1 + y - from;
      putValue(ws, at, dataCol, `Year ${y}`);
      labels.forEach((label, k) => {
        const src = ws.getCell(c.yearRows.get(label)!, 1 + y);
        const v = cachedOf(src);
        putFormula(ws, at, dataCol + 1 + k, a1(1 + y, c.yearRows.get(label)!), typeof v === 'number' || typeof v === 'string' ? v : null, src.numFmt);
      });
    }
    const last = top + 1 + Y - from;
    return { categories: cellRange(ws, top + 1, dataCol, last, dataCol), values: labels.map((_, k) => numberRange(ws, top + 1, dataCol + 1 + k, last, dataCol + 1 + k)) };
  };
  const tableNote = (top: number) => note(ws, top, dataCol, 'Chart data: live formulas, right of the print area');

  const arr = r.annual.map((a) => a.closing.toNumber());
  tableNote(chartAt(1 + Y + 1, (top) => {
    const t = byYearTable(top + 1, ['ARR at year end']);
    return {
      kind: 'column', title: 'ARR at year end', axisFormat: money(Math.max(...arr, 1)), categories: t.categories,
      series: [{ name: 'ARR at year end', values: t.values[0]!, color: hex(PALETTE.navy), labels: money(Math.max(...arr, 1)) }],
    };
  }));

  if (Y >= c.firstNrrYear) {
    tableNote(chartAt(1 + Y - c.firstNrrYear + 2, (top) => {
      const t = byYearTable(top + 1, ['NRR', 'GRR'], c.firstNrrYear);
      return {
        kind: 'line', title: 'Net and gross revenue retention by year', axisFormat: '0%', legend: true, categories: t.categories,
        series: [
          { name: 'NRR', values: t.values[0]!, color: hex(PALETTE.teal), labels: '0.0%' },
          { name: 'GRR', values: t.values[1]!, color: hex(PALETTE.copper) },
        ],
      };
    }));
  }

  const y2 = r.annual[1];
  if (y2) {
    const at = (col: number) => bl.ref(col, bl.yearRow(2));
    const n = (x: { toNumber(): number }) => x.toNumber();
    waterfall('Year-2 ARR bridge', [
      { label: 'Opening ARR', formula: at(bl.col.year.opening), value: n(y2.opening), kind: 'total' },
      { label: 'Churn', formula: at(bl.col.year.churn), value: n(y2.churn), kind: 'down' },
      { label: 'Contraction', formula: at(bl.col.year.contraction), value: n(y2.contraction), kind: 'down' },
      ...m.lanes.map((lane, i) => ({ label: lane.name, formula: at(bl.col.year.lanes[i]!), value: n(y2.lanes[i]!), kind: 'up' as const })),
      { label: 'Seat / tier growth', formula: at(bl.col.year.seat), value: n(y2.seat), kind: 'up' },
      { label: 'Price increase', formula: at(bl.col.year.price), value: n(y2.price), kind: 'up' },
      { label: 'New logos', formula: at(bl.col.year.newLogo), value: n(y2.newLogo), kind: 'up' },
      { label: 'Closing ARR', formula: at(bl.col.year.closing), value: n(y2.closing), kind: 'total' },
    ], money(Math.max(n(y2.opening), n(y2.closing), 1)));
    const d = y2.decomposition;
    if (d && y2.nrr) {
      waterfall('Year-2 NRR, decomposed', [
        { label: 'Opening ARR', formula: '1', value: 1, kind: 'total' },
        { label: 'Churn', formula: ml.year(2, 'churn'), value: n(d.churn), kind: 'down' },
        { label: 'Contraction', formula: ml.year(2, 'contraction'), value: n(d.contraction), kind: 'down' },
        ...m.lanes.map((lane, i) => ({ label: lane.name, formula: ml.year(2, `lane${i}`), value: n(d.lanes[i]!), kind: 'up' as const })),
        { label: 'Seat / tier growth', formula: ml.year(2, 'seat'), value: n(d.seat), kind: 'up' },
        { label: 'Price increase', formula: ml.year(2, 'price'), value: n(d.price), kind: 'up' },
        { label: 'NRR', formula: ml.year(2, 'nrr'), value: n(y2.nrr), kind: 'total' },
      ], '0.0%');
    }
  }

  if (c.laneRows) {
    const [a, b] = c.laneRows;
    const top = Math.max(...r.lanes.map((l) => l.arrEnd.toNumber()), 1);
    // a bar per lane, as tall as the lane table's rows need
    const title = `Expansion lanes: ARR at the end of year ${Y}`;
    chartAt(0, () => ({
      kind: 'bar', topDown: true, title, axisFormat: money(top),
      categories: cellRange(ws, a, 1, b, 1),
      series: [{ name: 'Lane ARR', values: numberRange(ws, a, 2, b, 2), color: hex(PALETTE.teal), labels: money(top) }],
    }), Math.max(CHART_ROWS, 4 + 2 * (b - a + 1)));
  }

  // Pictures: what no native chart can draw (the bowtie), scaled from their drawn width to the printed width.
  for (const img of c.images) {
    const scale = Math.min(1.5, c.widthPx / img.widthPx);
    const w = Math.round(img.widthPx * scale), h = Math.round(img.heightPx * scale);
    const top = block(img.name, Math.ceil(h / ROW_PX) + 2);
    const id = c.wb.addImage({ buffer: img.png as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(id, { tl: { col: 0, row: top }, ext: { width: w, height: h }, editAs: 'oneCell' });
  }
  return row;
}
