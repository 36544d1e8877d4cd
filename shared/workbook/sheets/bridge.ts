// ARR Bridge: the annual bridge on top, the monthly bridge below (spec §4).
// Company figure at month t = Σ over closing months c of newLogos(c) × the
// customer's figure at age t − c. The sheet computes it as one SUMPRODUCT of the
// Journey column (ages 0…t) against the new-logo column read backwards (a working
// column), so every term is non-negative and no prefix sums are subtracted: the
// figures stay accurate to the last digits even when ARR decays to almost nothing.
import type * as ExcelJS from 'exceljs';
import type { ModelInputs } from '../../model/inputs';
import { a1, colLetter, MODEL_SHEETS, onSheet, type SheetNames } from '../names';
import { DASH, putFormula, putValue, type Cached } from '../cells';
import { FMT, headers, note, section, title } from '../styles';
import type { Figures, ModelFigures } from '../figures';
import type { InputNames } from './assumptions';
import type { JourneyLayout } from './journey';
import type { CalendarLayout } from './calendar';
import { completeYears, type Dec } from '../../index';
import { rateYearOfMonth } from '../../core/workbook-api';

/** Row of month t's line in the monthly bridge (the Calendar sheet reads its new logos before the bridge is written). */
export const bridgeMonthRow = (m: ModelInputs, t: number): number => 5 + completeYears(m.general.horizonMonths) + 4 + 1 + t;
/** Column of the new logos closed in a month. */
export const BRIDGE_NEW_CUSTOMERS_COL = 3;
import { choiceIs } from '../choices';

export interface BridgeLayout {
  /** row of month t */
  monthRow: (t: number) => number;
  /** row of year y (1-based) in the annual table */
  yearRow: (y: number) => number;
  col: {
    closing: number; customers: number; nrr: number; grr: number; newCustomers: number;
    set: { churn: number; contraction: number; price: number; seat: number; lanes: number[] };
    year: { opening: number; closing: number; newLogo: number; lanes: number[]; seat: number; price: number; expansion: number; churn: number; contraction: number; share: number; laneEnd: number[]; revenue: number; customers: number };
  };
  /** SUMPRODUCT of a Journey column over ages t − cMax…t against new logos closed in months cMax…0 */
  roll: (journeyCol: number, t: number, cMax?: number) => string;
  /** ARR at month t of the customers closed by month t − 12 (a Calendar model's NRR numerator) */
  aged: ((t: number) => { ref: string; value: Dec }) | null;
  /** opening ARR of month 0 */
  opening0: string;
  /** the same over a block of 12 closing months (a cohort year) and ages from…from+11 of a Journey column */
  nrevRange: (fromIndex: number, toIndex: number) => string;
  ref: (col: number, row: number) => string;
}

/**
 * The company of a model with segments (spec §2.3): every cell the Calendar feeds
 * (flows, ARR, customers, new logos, the NRR sets' parts) is the sum of the same cell
 * on each segment's Bridge (all laid out alike); the rest (openings, revenue, the
 * annual table, NRR and GRR as ratios of the summed parts) is the sheet's own formulas.
 */
export interface BridgeSum { sheets: string[] }

/** `sum`: the company's Bridge over its segments' (see BridgeSum); `fig` then holds the company's figures. */
export function writeBridge(wb: ExcelJS.Workbook, m: ModelInputs, fig: ModelFigures, names: InputNames, jl: JourneyLayout | null, cal: CalendarLayout | null = null, sheets: SheetNames = MODEL_SHEETS, sum?: BridgeSum): BridgeLayout {
  const ws = wb.getWorksheet(sheets.bridge)!;
  /** a cell the Calendar feeds: its formula, or with segments the sum of the segments' same cell */
  const fed = (formula: string, row: number, col: number): string => (sum ? sum.sheets.map((s) => onSheet(s, a1(col, row))).join('+') : formula);
  const J = () => jl!;
  const n = names.name;
  const H = m.general.horizonMonths;
  const Y = completeYears(H);
  const L = m.lanes.length;
  const r = fig.result;
  title(ws, 'ARR bridge', `Opening + new logo + expansion − contraction − churn = closing, in ${m.general.currency}. Events happen at the start of each month.`);

  // --- layout ---------------------------------------------------------------
  const annualHead = 5;
  const yearRow = (y: number) => annualHead + y;
  const monthHead = annualHead + Y + 4;
  const monthRow = (t: number) => bridgeMonthRow(m, t);
  const mc = {
    t: 1, label: 2, newCustomers: 3, opening: 4, newLogo: 5, lanes: m.lanes.map((_, i) => 6 + i),
    seat: 6 + L, price: 7 + L, contraction: 8 + L, churn: 9 + L, closing: 10 + L, customers: 11 + L, revenue: 12 + L, nrr: 13 + L, grr: 14 + L,
  };
  const wc = 16 + L; // working columns, after one blank column
  const set = { churn: wc + 1, contraction: wc + 2, price: wc + 3, seat: wc + 4, lanes: m.lanes.map((_, i) => wc + 5 + i) };
  // a Calendar model's working columns: ARR renewing this month by class (all, and the NRR set), aged ARR, GRR numerator
  const cw = { rAD: wc + 5 + L, rNON: wc + 6 + L, sAD: wc + 7 + L, sNON: wc + 8 + L, aged: wc + 9 + L, kept: wc + 10 + L };
  const nrev = (t: number) => `$${colLetter(wc)}$${monthRow(t)}`;
  const roll = (journeyCol: number, t: number, cMax = t) =>
    `SUMPRODUCT(${J().range(journeyCol, t - cMax, t)},${onSheet(sheets.bridge, `${nrev(H - 1 - cMax)}:${nrev(H - 1)}`)})`;

  // --- monthly ----------------------------------------------------------------
  section(ws, monthHead - 1, 1, 'Monthly bridge');
  headers(ws, monthHead, 1, ['Month', 'Label', 'New logos closed', 'Opening ARR', 'New-logo ARR', ...m.lanes.map((l) => `${l.name}`), 'Seat expansion', 'Price increase', 'Contraction', 'Churn', 'Closing ARR', 'Customers', 'Revenue', 'NRR, trailing 12 months', 'GRR, trailing 12 months']);
  headers(ws, monthHead, wc, ['Working: new logos, months read backwards', 'Working: flows of the customers closed before this model year (for NRR): churn', 'contraction', 'price increase', 'seat expansion', ...m.lanes.map((l) => l.name),
    ...(cal ? ['Working: adopters\' ARR renewing this month', 'other paths\' ARR renewing', 'the same, customers closed before this model year: adopters', 'other paths', 'ARR of the customers closed by 12 months ago', 'their ARR 12 months ago kept through the renewals since (GRR numerator)'] : [])]);
  ws.getRow(monthHead).height = 64;
  const start = n('general.startMonth');
  const monthIndex = (row: number) => `VALUE(MID(${start},6,2))-1+A${row}`;
  const years = m.acquisition.newCustomersByYear.length;

  /**
   * A Calendar model's month: flows from the ARR renewing this month (by class, at the
   * rates of the month's year), lanes, closing ARR and customers summed over the
   * Calendar's cohorts; NRR/GRR of the customers closed by 12 months ago.
   */
  const writeCalendarMonth = (t: number, row: number) => {
    const c = cal!;
    const run = fig.calendar!.run;
    const mo = r.months[t]!;
    const y = rateYearOfMonth(t);
    const cut = 12 * Math.floor(t / 12) - 1; // the NRR set: closed before this model year
    const work = (col: number, formula: string, v: Cached) => putFormula(ws, row, col, fed(formula, row, col), v, FMT.money);
    const put = (col: number, formula: string, v: Cached, fmt: string) => putFormula(ws, row, col, fed(formula, row, col), v, fmt);
    const { all: renewing, set: setRenewing } = run.renewing!;
    work(cw.rAD, c.renewing('AD', t), renewing[0]![t]!);
    work(cw.rNON, c.renewing('NON', t), renewing[1]![t]!);
    work(cw.sAD, c.renewing('AD', t, cut), setRenewing[0]![t]!);
    work(cw.sNON, c.renewing('NON', t, cut), setRenewing[1]![t]!);
    const [rate, non] = [c.year('rate', y), c.year('non', y)];
    const flows = (ad: string, na: string) => ({
      churn: `(1-${rate})*${ad}+(1-${non})*${na}`,
      renewing: `(${rate}*${ad}+${non}*${na})`,
    });
    const all = flows(a1(cw.rAD, row), a1(cw.rNON, row));
    const set2 = flows(a1(cw.sAD, row), a1(cw.sNON, row));
    m.lanes.forEach((_, i) => {
      put(mc.lanes[i]!, c.lanes(i, t), mo.lanes[i]!, FMT.money);
      work(set.lanes[i]!, c.lanes(i, t, cut), run.setFlows.lanes[t]![i]!);
    });
    put(mc.seat, `${all.renewing}*${c.year('seat', y)}`, mo.seat, FMT.money);
    put(mc.price, `${all.renewing}*${c.year('price', y)}`, mo.price, FMT.money);
    put(mc.contraction, `${all.renewing}*${c.year('ct', y)}`, mo.contraction, FMT.money);
    put(mc.churn, all.churn, mo.churn, FMT.money);
    work(set.churn, set2.churn, run.setFlows.churn[t]!);
    work(set.contraction, `${set2.renewing}*${c.year('ct', y)}`, run.setFlows.contraction[t]!);
    work(set.price, `${set2.renewing}*${c.year('price', y)}`, run.setFlows.price[t]!);
    work(set.seat, `${set2.renewing}*${c.year('seat', y)}`, run.setFlows.seat[t]!);
    put(mc.closing, c.closing(t), mo.closing, FMT.money);
    put(mc.customers, c.customers(t), mo.customers, FMT.count);
    putFormula(ws, row, mc.revenue, `${a1(mc.closing, row)}/12`, mo.revenue, FMT.money);
    putFormula(ws, row, wc, a1(mc.newCustomers, monthRow(H - 1 - t)), r.months[H - 1 - t]!.newCustomers, FMT.count);
    if (t >= 11) {
      const begin = t === 11 ? a1(mc.opening, monthRow(0)) : a1(mc.closing, monthRow(t - 12));
      work(cw.aged, c.closing(t, t - 12), run.agedArr[t]!);
      work(cw.kept, c.kept(t - 12), run.kept[t - 11]!);
      putFormula(ws, row, mc.nrr, `IF(${begin}=0,"${DASH}",${a1(cw.aged, row)}/${begin})`, mo.nrrT12, FMT.percent);
      putFormula(ws, row, mc.grr, `IF(${begin}=0,"${DASH}",MIN(1,${a1(cw.kept, row)}/${begin}))`, mo.grrT12, FMT.percent);
    }
  };

  for (let t = 0; t < H; t++) {
    const row = monthRow(t);
    const mo = r.months[t]!;
    putValue(ws, row, mc.t, t, FMT.integer);
    putFormula(ws, row, mc.label, `(VALUE(LEFT(${start},4))+INT((${monthIndex(row)})/12))&"-"&TEXT(MOD(${monthIndex(row)},12)+1,"00")`, mo.label);
    const yi = Math.floor(t / 12);
    if (yi < years) {
      putFormula(ws, row, mc.newCustomers,
        fed(`IF(${choiceIs(n('acquisition.timing'), 'yearStart')},IF(MOD(A${row},12)=0,${names.newLogos(yi + 1, years)},0),${names.newLogos(yi + 1, years)}/12)`, row, mc.newCustomers),
        mo.newCustomers, FMT.count);
    } else putValue(ws, row, mc.newCustomers, 0, FMT.count);
    if (t === 0 && cal) putFormula(ws, row, mc.opening, fed(cal.opening, row, mc.opening), mo.opening, FMT.money);
    else if (t === 0) putValue(ws, row, mc.opening, mo.opening, FMT.money);
    else putFormula(ws, row, mc.opening, a1(mc.closing, row - 1), mo.opening, FMT.money);
    putFormula(ws, row, mc.newLogo, fed(`${a1(mc.newCustomers, row)}*${cal ? cal.year('acv', rateYearOfMonth(t)) : n('acquisition.acv')}`, row, mc.newLogo), mo.newLogo, FMT.money);
    if (cal) {
      writeCalendarMonth(t, row);
      continue;
    }
    const jl = J();
    m.lanes.forEach((_, i) => putFormula(ws, row, mc.lanes[i]!, roll(jl.col.buys[i]!, t), mo.lanes[i]!, FMT.money));
    putFormula(ws, row, mc.seat, roll(jl.col.seat, t), mo.seat, FMT.money);
    putFormula(ws, row, mc.price, roll(jl.col.price, t), mo.price, FMT.money);
    putFormula(ws, row, mc.contraction, roll(jl.col.contraction, t), mo.contraction, FMT.money);
    putFormula(ws, row, mc.churn, roll(jl.col.churn, t), mo.churn, FMT.money);
    putFormula(ws, row, mc.closing, roll(jl.col.arr, t), mo.closing, FMT.money);
    putFormula(ws, row, mc.customers, roll(jl.col.active, t), mo.customers, FMT.count);
    putFormula(ws, row, mc.revenue, `${a1(mc.closing, row)}/12`, mo.revenue, FMT.money);
    if (t >= 12) {
      const begin = a1(mc.closing, monthRow(t - 12));
      putFormula(ws, row, mc.nrr, `IF(${begin}=0,"${DASH}",${roll(jl.col.arr, t, t - 12)}/${begin})`, mo.nrrT12, FMT.percent);
      putFormula(ws, row, mc.grr, `IF(${begin}=0,"${DASH}",${roll(jl.col.grossRetained, t - 12)}/${begin})`, mo.grrT12, FMT.percent);
    }
    putFormula(ws, row, wc, a1(mc.newCustomers, monthRow(H - 1 - t)), r.months[H - 1 - t]!.newCustomers, FMT.count);
    if (t >= 12) {
      const cMax = 12 * Math.floor(t / 12) - 1;
      const flow = (c: number, journeyCol: number, p: Parameters<Figures['roll']>[0]) => putFormula(ws, row, c, roll(journeyCol, t, cMax), fig.roll(p, t, cMax), FMT.money);
      flow(set.churn, jl.col.churn, fig.pre.churn);
      flow(set.contraction, jl.col.contraction, fig.pre.contraction);
      flow(set.price, jl.col.price, fig.pre.price);
      flow(set.seat, jl.col.seat, fig.pre.seat);
      m.lanes.forEach((_, i) => flow(set.lanes[i]!, jl.col.buys[i]!, fig.pre.buys[i]!));
    }
  }

  // --- annual -------------------------------------------------------------------
  section(ws, annualHead - 1, 1, 'Annual bridge (complete model years)');
  const yc = {
    year: 1, opening: 2, newLogo: 3, lanes: m.lanes.map((_, i) => 4 + i), seat: 4 + L, price: 5 + L, expansion: 6 + L,
    contraction: 7 + L, churn: 8 + L, closing: 9 + L, revenue: 10 + L, customers: 11 + L, newCustomers: 12 + L, share: 13 + L,
    laneEnd: m.lanes.map((_, i) => 14 + L + i),
  };
  headers(ws, annualHead, 1, ['Year', 'Opening ARR', 'New-logo ARR', ...m.lanes.map((l) => l.name), 'Seat expansion', 'Price increase', 'Expansion (lanes + seat + price)', 'Contraction', 'Churn', 'Closing ARR', 'Revenue', 'Customers at year end', 'New logos', 'Expansion share of new ARR', ...m.lanes.map((l) => `${l.name} ARR at year end`)]);
  ws.getRow(annualHead).height = 48;
  for (let y = 1; y <= Y; y++) {
    const row = yearRow(y);
    const yr = r.annual[y - 1]!;
    const first = monthRow(12 * (y - 1));
    const last = monthRow(12 * y - 1);
    const total = (c: number) => `SUM(${a1(c, first)}:${a1(c, last)})`;
    const put = (c: number, formula: string, v: Cached, fmt: string = FMT.money) => putFormula(ws, row, c, formula, v, fmt);
    putValue(ws, row, yc.year, y, FMT.integer);
    put(yc.opening, a1(mc.opening, first), yr.opening);
    put(yc.newLogo, total(mc.newLogo), yr.newLogo);
    m.lanes.forEach((_, i) => put(yc.lanes[i]!, total(mc.lanes[i]!), yr.lanes[i]!));
    put(yc.seat, total(mc.seat), yr.seat);
    put(yc.price, total(mc.price), yr.price);
    put(yc.expansion, L ? `SUM(${a1(yc.lanes[0]!, row)}:${a1(yc.lanes[L - 1]!, row)})+${a1(yc.seat, row)}+${a1(yc.price, row)}` : `${a1(yc.seat, row)}+${a1(yc.price, row)}`, yr.expansion);
    put(yc.contraction, total(mc.contraction), yr.contraction);
    put(yc.churn, total(mc.churn), yr.churn);
    put(yc.closing, a1(mc.closing, last), yr.closing);
    put(yc.revenue, total(mc.revenue), yr.revenue);
    put(yc.customers, a1(mc.customers, last), yr.customersEnd, FMT.count);
    put(yc.newCustomers, total(mc.newCustomers), yr.newCustomers, FMT.count);
    const ex = a1(yc.expansion, row), nl = a1(yc.newLogo, row);
    put(yc.share, `IF(${ex}+${nl}=0,"${DASH}",${ex}/(${ex}+${nl}))`, yr.expansionShare, FMT.percent);
    m.lanes.forEach((_, i) => put(yc.laneEnd[i]!, sum ? sum.sheets.map((s) => onSheet(s, a1(yc.laneEnd[i]!, row))).join('+') : cal ? cal.laneEnd(i, y) : roll(J().col.lanes[i]!, 12 * y - 1), yr.laneArrEnd[i]!));
  }
  note(ws, yearRow(Y) + 1, 1, 'NRR and GRR by year, with their decomposition, are on the Metrics sheet.');
  note(ws, yearRow(Y) + 2, 1, 'On paper: the annual bridge. The monthly bridge below is left out of the print area (Page Layout › Print Area › Clear Print Area prints it).');

  ws.getColumn(1).width = 8;
  ws.getColumn(2).width = 14;
  for (let c = 3; c <= (cal ? cw.kept : wc + 4 + L); c++) ws.getColumn(c).width = 15;
  ws.getColumn(wc - 1).width = 3;
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  // On paper: the annual bridge; the monthly rows and the working columns are for the formulas.
  // (ExcelJS prefixes each side with `$`: pass the row's own `$` to pin both.)
  ws.pageSetup.printArea = `A$1:${colLetter(yc.share + L)}$${yearRow(Y) + 2}`;
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 0 }];
  return {
    monthRow, yearRow,
    col: {
      closing: mc.closing, customers: mc.customers, nrr: mc.nrr, grr: mc.grr, newCustomers: mc.newCustomers, set,
      year: { opening: yc.opening, closing: yc.closing, newLogo: yc.newLogo, lanes: yc.lanes, seat: yc.seat, price: yc.price, expansion: yc.expansion, churn: yc.churn, contraction: yc.contraction, share: yc.share, laneEnd: yc.laneEnd, revenue: yc.revenue, customers: yc.customers },
    },
    roll,
    aged: cal ? (t) => ({ ref: onSheet(sheets.bridge, a1(cw.aged, monthRow(t), true)), value: fig.calendar!.run.agedArr[t]! }) : null,
    opening0: onSheet(sheets.bridge, a1(mc.opening, monthRow(0), true)),
    nrevRange: (a, b) => onSheet(sheets.bridge, `${nrev(a)}:${nrev(b)}`),
    ref: (c, row) => onSheet(sheets.bridge, a1(c, row, true)),
  };
}

