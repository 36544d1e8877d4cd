// Calendar: the company month by month when one journey no longer describes every
// cohort: inputs that change by year (spec §2.1) or an installed base (§2.2).
// Written only for such models; the ARR Bridge, Cohorts and Metrics read it.
//
// Layout, top to bottom:
// - rates by model year 1…10 (a ramp's yearly value, years past its list its last);
// - each installed-base cohort's path shares (§2.2);
// - lane purchases per eligible customer by year and age, by path;
// - five grids, one row per cohort (each base cohort, then each closing month c),
//   one column per month: survival of adopters and of the other paths (per
//   customer), the cohort's ARR of each (company money), and its renewals since
//   close (GRIDS). Each survival or ARR cell is the cell to
//   its left × the renewal factor of that month's year if the cohort renews then, +
//   that month's lane purchases, so every figure is a sum of products, nothing is
//   subtracted (ARR decaying to nothing keeps its precision, as in the core);
// - lane ARR at each year end, per lane: what each year's purchases have grown to
//   by then (SUMPRODUCTs over the survival grid, the renewals counted per cohort).
// Company figures of month t are sums of column t over the rows that belong to the
// set (every cohort, or those closed by a month: a contiguous block from the top).
// Every cached value is the core's, in decimals: the working cells' from
// core/calendar-sheet.ts, which follows each cohort by the same steps as these
// formulas, the company figures from the core's simulation.
import type * as ExcelJS from 'exceljs';
import type { ModelInputs } from '../../model/inputs';
import { baseCohorts } from '../../model/ramps';
import { completeYears, JOURNEY_PATHS, type Dec, type JourneyPath } from '../../index';
import { ELIGIBLE, LAST_RAMP_YEAR, laneWindow, rateYearOfMonth, type YearQ } from '../../core/workbook-api';
import type { ModelFigures } from '../figures';
import { a1, colLetter, MODEL_SHEETS, onSheet, SHEETS, type SheetNames } from '../names';
import { putFormula, putValue } from '../cells';
import { FMT, headers, note, section, title } from '../styles';
import type { InputNames } from './assumptions';
import { journeyLaneRefs } from './journey-lanes';

export type { YearQ };
const YEAR_QS: { q: YearQ; label: string; fmt: string }[] = [
  { q: 'on', label: 'Onboarding rate (close year)', fmt: FMT.percent },
  { q: 'fv', label: 'First-value rate (close year)', fmt: FMT.percent },
  { q: 'ad', label: 'Adoption rate (close year)', fmt: FMT.percent },
  { q: 'acv', label: 'New-logo ACV (close year)', fmt: FMT.money },
  { q: 'rate', label: 'Renewal rate, adopters', fmt: FMT.percent },
  { q: 'non', label: 'Renewal rate, the rest', fmt: FMT.percent },
  { q: 'ct', label: 'Contraction', fmt: FMT.percent },
  { q: 'price', label: 'Price increase', fmt: FMT.percent },
  { q: 'seat', label: 'Seat expansion', fmt: FMT.percent },
  { q: 'growth', label: 'Growth of renewing ARR', fmt: FMT.factor },
  { q: 'fAD', label: 'ARR factor at a renewal, adopters', fmt: FMT.factor },
  { q: 'fNON', label: 'ARR factor at a renewal, the rest', fmt: FMT.factor },
  { q: 'gAD', label: 'Gross factor, adopters', fmt: FMT.factor },
  { q: 'gNON', label: 'Gross factor, the rest', fmt: FMT.factor },
  { q: 'pFO', label: 'P(failed onboarding)', fmt: FMT.factor },
  { q: 'pFFV', label: 'P(failed first value)', fmt: FMT.factor },
  { q: 'pFAD', label: 'P(failed adoption)', fmt: FMT.factor },
  { q: 'pAD', label: 'P(adopter)', fmt: FMT.factor },
];
const SEG_Q: Record<JourneyPath, YearQ> = { failedOnboarding: 'pFO', failedFirstValue: 'pFFV', failedAdoption: 'pFAD', adopter: 'pAD' };

/** The grids: survival (per customer) and ARR (money), adopters and the rest. */
export type Grid = 'survAD' | 'survNON' | 'arrAD' | 'arrNON' | 'renewals';
const GRIDS: { g: Grid; label: string; fmt: string }[] = [
  { g: 'survAD', label: 'Adopters still customers, per adopter closed', fmt: FMT.factor },
  { g: 'survNON', label: 'Other paths still customers, per customer of them closed', fmt: FMT.factor },
  { g: 'arrAD', label: 'ARR of the cohort\'s adopters', fmt: FMT.money },
  { g: 'arrNON', label: 'ARR of the cohort\'s other paths', fmt: FMT.money },
  // Gnumeric evaluates no function (MOD, INT) over an array inside SUMPRODUCT, only
  // operators: renewals between two months are differences of this grid's columns.
  { g: 'renewals', label: 'Renewals since close, through this month (⌊months since close ÷ term⌋)', fmt: FMT.integer },
];

/** Per-row constants of the grids. */
const K = { label: 1, closed: 2, count: 3, nFO: 4, nFFV: 5, nFAD: 6, nAD: 7, nNON: 8, initAD: 9, initNON: 10 } as const;
const N_COL: Record<JourneyPath, number> = { failedOnboarding: K.nFO, failedFirstValue: K.nFFV, failedAdoption: K.nFAD, adopter: K.nAD };
/** Column of month t (t = −1: just before month 0, the installed base's state). */
const MC = (t: number) => 12 + t;

export interface CalendarLayout {
  /** `Calendar!$X$r`: a quantity's cell in model year y (1…10) */
  year: (q: YearQ, y: number) => string;
  yearLane: (i: number, y: number) => string;
  /** formulas of company figures of month t; `upTo`: only cohorts closed by that month (base included) */
  lanes: (i: number, t: number, upTo?: number) => string;
  /** ARR of a class just before month t's renewals, of the cohorts renewing in month t */
  renewing: (cls: 'AD' | 'NON', t: number, upTo?: number) => string;
  closing: (t: number, upTo?: number) => string;
  customers: (t: number) => string;
  /** GRR numerator: ARR of the cohorts closed by month b carried through the renewals in (b, b+12] */
  kept: (b: number) => string;
  /** Σ ARR ÷ 12 of acquisition year g through the end of model year y */
  cohortRevenue: (g: number, y: number) => string;
  /** lane i's ARR at the end of model year y */
  laneEnd: (i: number, y: number) => string;
  /** opening ARR of month 0 (Σ of the base's ARR) */
  opening: string;
}

/** `newCustomers(t)`: the Bridge cell of new logos closed in month t. */
export function writeCalendar(wb: ExcelJS.Workbook, m: ModelInputs, names: InputNames, fig: ModelFigures, newCustomers: (t: number) => string, sheets: SheetNames = MODEL_SHEETS): CalendarLayout {
  const ws = wb.getWorksheet(sheets.calendar)!;
  const cs = fig.calendar!;
  const H = m.general.horizonMonths;
  const Y = completeYears(H);
  const L = m.lanes.length;
  const base = baseCohorts(m);
  const J = base.length;
  const cmRef = names.name('acquisition.contractMonths');
  const cm = m.acquisition.contractMonths;
  const at = (c: number, r: number) => onSheet(sheets.calendar, a1(c, r, true));
  title(ws, 'Calendar: every cohort month by month', 'One row per cohort, one column per month: this model changes by year or starts from existing customers.');

  // --- rates by model year ----------------------------------------------------------
  let row = 4;
  section(ws, row++, 1, 'Rates by model year (the year of the close, the renewal or the purchase)');
  const qCol = new Map<YearQ, number>(YEAR_QS.map((x, i) => [x.q, 2 + i]));
  const pmCol = (i: number) => 2 + YEAR_QS.length + i;
  headers(ws, row++, 1, ['Model year', ...YEAR_QS.map((x) => x.label), ...m.lanes.map((l) => `${l.name}: ARR bought per eligible customer per window month`)]);
  ws.getRow(row - 1).height = 60;
  const yearTop = row;
  const yr = (q: YearQ, y: number) => a1(qCol.get(q)!, yearTop + y - 1, true);
  for (let y = 1; y <= LAST_RAMP_YEAR; y++) {
    const r = yearTop + y - 1;
    const vals = cs.year(y);
    const c = (q: YearQ) => a1(qCol.get(q)!, r);
    const formulas: Record<YearQ, string> = {
      on: names.yearValue('journey.onboarding.rate', y), fv: names.yearValue('journey.firstValue.rate', y), ad: names.yearValue('journey.adoption.rate', y),
      acv: names.yearValue('acquisition.acv', y), rate: names.yearValue('journey.renewal.rate', y), non: names.yearValue('journey.renewal.nonAdopterRate', y),
      ct: names.yearValue('journey.contractionRate', y), price: names.yearValue('journey.priceIncrease', y), seat: names.yearValue('journey.seatExpansion', y),
      growth: `1-${c('ct')}+${c('price')}+${c('seat')}`,
      fAD: `${c('rate')}*${c('growth')}`, fNON: `${c('non')}*${c('growth')}`,
      gAD: `${c('rate')}*(1-${c('ct')})`, gNON: `${c('non')}*(1-${c('ct')})`,
      pFO: `1-${c('on')}`, pFFV: `${c('on')}*(1-${c('fv')})`, pFAD: `${c('on')}*${c('fv')}*(1-${c('ad')})`, pAD: `${c('on')}*${c('fv')}*${c('ad')}`,
    };
    putValue(ws, r, 1, y, FMT.integer);
    for (const x of YEAR_QS) putFormula(ws, r, qCol.get(x.q)!, formulas[x.q], vals[x.q], x.fmt);
    m.lanes.forEach((_, i) => putFormula(ws, r, pmCol(i), `${names.laneYearValue(i, 'attachRate', y)}/(${names.lane(i, 'windowEnd')}-${names.lane(i, 'windowStart')}+1)*${names.laneYearValue(i, 'acv', y)}`, cs.lanePerMonth(y)[i]!, FMT.moneyCents));
  }
  row = yearTop + LAST_RAMP_YEAR + 1;

  // --- the installed base's path shares ------------------------------------------
  const shareCol = { k: 2, pN: 3, pA: 4, raw: 5, wFO: 6, wFFV: 7, wFAD: 8, wAD: 9, tot: 10, f: 11, sFO: 12, sFFV: 13, sFAD: 14, sAD: 15 };
  const SHARE_OF: Record<JourneyPath, number> = { failedOnboarding: shareCol.sFO, failedFirstValue: shareCol.sFFV, failedAdoption: shareCol.sFAD, adopter: shareCol.sAD };
  const shareTop = row + 2;
  const assumption = (j: number, field: keyof InputNames['base']['col']) => onSheet(SHEETS.assumptions, a1(names.base.col[field], names.base.row(j), true));
  if (J) {
    section(ws, row, 1, 'Existing customers: shares by path (year-1 rates; a blank adopter share is the one the journey implies)');
    headers(ws, row + 1, 1, ['Cohort', 'Renewals behind them', 'Other paths kept (rate^renewals)', 'Adopters kept', 'Σ weights', 'Weight: failed onboarding', 'failed first value', 'failed adoption', 'adopters', 'Σ', 'Σ failed', 'Share: failed onboarding', 'failed first value', 'failed adoption', 'adopters']);
    ws.getRow(row + 1).height = 45;
    base.forEach((b, j) => {
      const r = shareTop + j;
      const c = (k: keyof typeof shareCol) => a1(shareCol[k], r);
      const { renewals: k, keptNon: pN, keptAdopters: pA, raw, weights: w, total: tot, failed: f, shares: s } = cs.base[j]!;
      putFormula(ws, r, 1, onSheet(SHEETS.assumptions, a1(1, names.base.row(j), true)), b.name);
      putFormula(ws, r, shareCol.k, `INT((${assumption(j, 'ageMonths')}-1)/${cmRef})`, k, FMT.integer);
      putFormula(ws, r, shareCol.pN, `IF(${c('k')}=0,1,${yr('non', 1)}^${c('k')})`, pN, FMT.factor);
      putFormula(ws, r, shareCol.pA, `IF(${c('k')}=0,1,${yr('rate', 1)}^${c('k')})`, pA, FMT.factor);
      putFormula(ws, r, shareCol.raw, `${yr('pFO', 1)}*${c('pN')}+${yr('pFFV', 1)}*${c('pN')}+${yr('pFAD', 1)}*${c('pN')}+${yr('pAD', 1)}*${c('pA')}`, raw, FMT.factor);
      (['wFO', 'wFFV', 'wFAD', 'wAD'] as const).forEach((key, i) => {
        const p = yr((['pFO', 'pFFV', 'pFAD', 'pAD'] as const)[i]!, 1);
        putFormula(ws, r, shareCol[key], `IF(${c('raw')}=0,${p},${p}*${c(i === 3 ? 'pA' : 'pN')})`, w[i]!, FMT.factor);
      });
      putFormula(ws, r, shareCol.tot, `${c('wFO')}+${c('wFFV')}+${c('wFAD')}+${c('wAD')}`, tot, FMT.factor);
      putFormula(ws, r, shareCol.f, `${c('wFO')}+${c('wFFV')}+${c('wFAD')}`, f, FMT.factor);
      const as = assumption(j, 'adopterShare');
      (['sFO', 'sFFV', 'sFAD'] as const).forEach((key, i) => {
        const wk = c((['wFO', 'wFFV', 'wFAD'] as const)[i]!);
        const none = i === 2 ? `1-${as}` : '0';
        putFormula(ws, r, shareCol[key], `IF(ISNUMBER(${as}),IF(${c('f')}=0,${none},(1-${as})*${wk}/${c('f')}),${wk}/${c('tot')})`, s[i]!, FMT.factor);
      });
      putFormula(ws, r, shareCol.sAD, `IF(ISNUMBER(${as}),${as},${c('wAD')}/${c('tot')})`, s[3]!, FMT.factor);
    });
    row = shareTop + J + 1;
  }

  // --- lane purchases per eligible customer, by year and age --------------------------
  const Yc = rateYearOfMonth(H - 1);
  const amax = cs.maxAge;
  const laneTab = { from: row + 2, to: row + 3, e: { failedOnboarding: row + 4, failedFirstValue: row + 5, failedAdoption: row + 6 } as Record<string, number> };
  const windows = m.lanes.map((l) => laneWindow(m, l));
  const elig = (i: number, s: JourneyPath) => (ELIGIBLE[m.lanes[i]!.anchor].includes(s) ? 1 : 0);
  const laneCol = (i: number) => 2 + i;
  const brTop = laneTab.e.failedAdoption! + 2;
  const brRow = (k: number, y: number) => brTop + k * (Yc + 2) + 1 + y - 1;
  if (L) {
    section(ws, row, 1, 'Lanes: window and who buys (from the Journey sheet)');
    headers(ws, row + 1, 1, ['', ...m.lanes.map((l) => l.name)]);
    const lr = journeyLaneRefs(sheets);
    ws.getCell(laneTab.from, 1).value = 'First purchase age';
    ws.getCell(laneTab.to, 1).value = 'Last purchase age';
    m.lanes.forEach((_, i) => {
      putFormula(ws, laneTab.from, laneCol(i), lr.from(i), windows[i]!.from, FMT.integer);
      putFormula(ws, laneTab.to, laneCol(i), lr.to(i), windows[i]!.to, FMT.integer);
    });
    (['failedOnboarding', 'failedFirstValue', 'failedAdoption'] as const).forEach((s, k) => {
      ws.getCell(laneTab.e[s]!, 1).value = `Sells to: ${s === 'failedOnboarding' ? 'failed onboarding' : s === 'failedFirstValue' ? 'failed first value' : 'failed adoption'}`;
      m.lanes.forEach((_, i) => putFormula(ws, laneTab.e[s]!, laneCol(i), lr.sellsTo(i, k), elig(i, s), FMT.integer));
    });
    const lanesRange = (r: number) => `$${colLetter(laneCol(0))}$${r}:$${colLetter(laneCol(L - 1))}$${r}`;
    const pmRange = (y: number) => `$${colLetter(pmCol(0))}$${yearTop + y - 1}:$${colLetter(pmCol(L - 1))}$${yearTop + y - 1}`;
    JOURNEY_PATHS.forEach((s, k) => {
      const top = brTop + k * (Yc + 2);
      section(ws, top - 1, 1, `ARR bought in a month per ${s === 'adopter' ? 'adopter' : `customer of the ${PATH_LABEL[s]} path`} still a customer, by model year (rows) and age (columns)`);
      ws.getCell(top, 1).value = 'Age →';
      for (let a = 0; a <= amax; a++) putValue(ws, top, MC(a), a, FMT.integer);
      for (let y = 1; y <= Yc; y++) {
        const r = brRow(k, y);
        putValue(ws, r, 1, y, FMT.integer);
        for (let a = 0; a <= amax; a++) {
          const inW = `(${a}>=${lanesRange(laneTab.from)})*(${a}<=${lanesRange(laneTab.to)})`;
          putFormula(ws, r, MC(a), `SUMPRODUCT(${pmRange(y)},${inW}${s === 'adopter' ? '' : `*${lanesRange(laneTab.e[s]!)}`})`, cs.bought(s, y, a), FMT.moneyCents);
        }
      }
    });
    row = brTop + 4 * (Yc + 2);
  }
  const br = (s: JourneyPath, y: number, a: number) => a1(MC(a), brRow(JOURNEY_PATHS.indexOf(s), y), true);
  const brRowRange = (s: JourneyPath, y: number) => { const r = brRow(JOURNEY_PATHS.indexOf(s), y); return `$${colLetter(MC(0))}$${r}:$${colLetter(MC(amax))}$${r}`; };

  // --- the grids -------------------------------------------------------------------
  const R = J + H;
  const hdr = row + 1;
  const flagRow = hdr + 1;
  section(ws, row, 1, 'By month: one row per cohort (existing customers first, then each closing month)');
  headers(ws, hdr, 1, ['Cohort', 'Closed in month', 'Customers closed', 'Failed onboarding', 'Failed first value', 'Failed adoption', 'Adopters', 'Other paths', 'Adopters\' ARR at close', 'Others\' ARR at close', 'Before month 0']);
  ws.getRow(hdr).height = 45;
  for (let t = 0; t < H; t++) putValue(ws, hdr, MC(t), t, FMT.integer);
  ws.getCell(flagRow, 1).value = 'Renewal at this age (age = column\'s month number)';
  for (let a = 0; a < H; a++) putFormula(ws, flagRow, MC(a), `IF(AND(${a}>0,MOD(${a},${cmRef})=0),1,0)`, a > 0 && a % cm === 0 ? 1 : 0, FMT.integer);
  const gridTop = flagRow + 2;
  const blockTop = (g: number) => gridTop + g * (R + 2);
  const rowOf = (g: number, r: number) => blockTop(g) + 1 + r;
  const GI: Record<Grid, number> = { survAD: 0, survNON: 1, arrAD: 2, arrNON: 3, renewals: 4 };
  /** rows of the cohorts closed by month c (base first), or null when there are none */
  const rowsUpTo = (c: number): [number, number] | null => { const last = J + Math.min(c, H - 1); return last < 0 ? null : [0, last]; };
  const colRange = (g: Grid, col: number, rows: [number, number]) => onSheet(sheets.calendar, `$${colLetter(col)}$${rowOf(GI[g], rows[0])}:$${colLetter(col)}$${rowOf(GI[g], rows[1])}`);
  const kRange = (col: number, rows: [number, number]) => colRange('survAD', col, rows);

  const closed = (r: number) => (r < J ? -base[r]!.ageMonths : r - J);
  // constants
  for (let r = 0; r < R; r++) {
    const row0 = rowOf(0, r);
    const c = closed(r);
    const k = (col: number) => a1(col, row0);
    const { byPath: n, init } = cs.rows[r]!;
    if (r < J) {
      const b = base[r]!;
      putFormula(ws, row0, K.label, onSheet(SHEETS.assumptions, a1(1, names.base.row(r), true)), b.name);
      putFormula(ws, row0, K.closed, `-${assumption(r, 'ageMonths')}`, c, FMT.integer);
      putFormula(ws, row0, K.count, assumption(r, 'customers'), b.customers, FMT.count);
      JOURNEY_PATHS.forEach((s, i) => putFormula(ws, row0, N_COL[s], `${k(K.count)}*${a1(SHARE_OF[s], shareTop + r, true)}`, n[i]!, FMT.count));
      const arr = assumption(r, 'arr');
      putFormula(ws, row0, K.initAD, `${arr}*${a1(shareCol.sAD, shareTop + r, true)}`, init[0], FMT.money);
      putFormula(ws, row0, K.initNON, `${arr}*${a1(shareCol.sFO, shareTop + r, true)}+${arr}*${a1(shareCol.sFFV, shareTop + r, true)}+${arr}*${a1(shareCol.sFAD, shareTop + r, true)}`, init[1], FMT.money);
    } else {
      const y = rateYearOfMonth(c);
      putValue(ws, row0, K.label, `Closed in month ${c}`);
      putValue(ws, row0, K.closed, c, FMT.integer);
      putFormula(ws, row0, K.count, newCustomers(c), cs.rows[r]!.customers, FMT.count);
      JOURNEY_PATHS.forEach((s, i) => putFormula(ws, row0, N_COL[s], `${k(K.count)}*${yr(SEG_Q[s], y)}`, n[i]!, FMT.count));
      putFormula(ws, row0, K.initAD, `${k(K.nAD)}*${yr('acv', y)}`, init[0], FMT.money);
      putFormula(ws, row0, K.initNON, `${k(K.nFO)}*${yr('acv', y)}+${k(K.nFFV)}*${yr('acv', y)}+${k(K.nFAD)}*${yr('acv', y)}`, init[1], FMT.money);
    }
    putFormula(ws, row0, K.nNON, `${k(K.nFO)}+${k(K.nFFV)}+${k(K.nFAD)}`, cs.rows[r]!.others, FMT.count);
  }
  // the grids
  GRIDS.forEach(({ g, label, fmt }, gi) => {
    section(ws, blockTop(gi), 1, label);
    const ad = g === 'survAD' || g === 'arrAD';
    const surv: Grid = ad ? 'survAD' : 'survNON';
    const rateQ: YearQ = g === 'survAD' ? 'rate' : g === 'survNON' ? 'non' : g === 'arrAD' ? 'fAD' : 'fNON';
    if (g === 'renewals') {
      for (let r = 0; r < R; r++) {
        const rr = rowOf(gi, r);
        const c = closed(r);
        const renewals = cs.rows[r]!.renewals;
        putValue(ws, rr, K.label, r < J ? base[r]!.name : `Closed in month ${c}`);
        for (let t = r < J ? -1 : c; t < H; t++) putFormula(ws, rr, MC(t), `INT((${t}-${a1(K.closed, rowOf(0, r), true)})/${cmRef})`, renewals[t + 1]!, fmt);
      }
      return;
    }
    for (let r = 0; r < R; r++) {
      const rr = rowOf(gi, r);
      const row0 = rowOf(0, r);
      const c = closed(r);
      const isBase = r < J;
      const grid = cs.rows[r]!;
      const vals = g === 'survAD' || g === 'survNON' ? grid.survival[ad ? 0 : 1] : grid.arr[ad ? 0 : 1];
      // a cell keeps the one to its left between renewals and purchases: convert each value once
      let last: Dec | null = null, lastNumber = 0;
      const cached = (x: Dec) => (x === last ? lastNumber : ((last = x), (lastNumber = x.toNumber())));
      putValue(ws, rr, K.label, isBase ? base[r]!.name : `Closed in month ${c}`);
      const start = isBase ? -1 : c;
      /** the formula of purchases per unit of survival at age a in year y */
      const buy = (y: number, a: number, ageExpr: string | null): string | null => {
        if (!L) return null;
        // a cohort's age in a month is fixed by the layout; a base cohort's follows its input
        if (ageExpr === null && a > amax) return null;
        const seg = ad ? (['adopter'] as const) : (['failedOnboarding', 'failedFirstValue', 'failedAdoption'] as const);
        const terms = seg.map((s) => {
          const b = ageExpr === null ? br(s, y, a) : `IF(${ageExpr}>${amax},0,INDEX(${brRowRange(s, y)},1,${ageExpr}+1))`;
          return `$${colLetter(N_COL[s])}$${row0}*${b}`;
        });
        return terms.length > 1 ? `(${terms.join('+')})` : terms[0]!;
      };
      for (let t = start; t < H; t++) {
        const col = MC(t);
        const y = rateYearOfMonth(Math.max(t, 0));
        const prev = a1(col - 1, rr);
        const age = t - c;
        const ageExpr = isBase ? `${assumption(r, 'ageMonths')}+${t}` : null;
        const isRenewal = isBase ? `MOD(${ageExpr},${cmRef})=0` : `${colLetter(MC(age))}$${flagRow}=1`;
        const v = cached(vals[t + 1]!);
        if (g === 'survAD' || g === 'survNON') {
          if (t === start) { putValue(ws, rr, col, 1, fmt); continue; }
          putFormula(ws, rr, col, `${prev}*IF(${isRenewal},${yr(rateQ, y)},1)`, v, fmt);
          continue;
        }
        const sRef = a1(col, rowOf(GI[surv], r));
        if (t === start) {
          if (isBase) { putFormula(ws, rr, col, a1(ad ? K.initAD : K.initNON, row0, true), v, fmt); continue; }
          const b = buy(y, 0, null);
          putFormula(ws, rr, col, `${a1(ad ? K.initAD : K.initNON, row0, true)}${b ? `+${sRef}*${b}` : ''}`, v, fmt);
          continue;
        }
        const b = buy(y, age, ageExpr);
        putFormula(ws, rr, col, `${prev}*IF(${isRenewal},${yr(rateQ, y)},1)${b ? `+${sRef}*${b}` : ''}`, v, fmt);
      }
    }
  });

  // --- company figures as formulas over the grids (the Bridge caches the core's) --------
  const cRange = (rows: [number, number]) => kRange(K.closed, rows);
  const cal = (x: string) => onSheet(sheets.calendar, x);
  const renewing = (cls: 'AD' | 'NON', t: number, upTo = H - 1) => {
    const rows = rowsUpTo(upTo);
    if (!rows) return '0';
    // N(t) − N(t − 1) is 1 in a renewal month; at the close the month before is blank (so is its ARR)
    return `SUMPRODUCT(${colRange(cls === 'AD' ? 'arrAD' : 'arrNON', MC(t - 1), rows)},${colRange('renewals', MC(t), rows)}-${colRange('renewals', MC(t - 1), rows)})`;
  };
  const lanes = (i: number, t: number, upTo = H - 1) => {
    const rows = rowsUpTo(upTo);
    if (!rows) return '0';
    const inW = `(${t}-${cRange(rows)}>=${cal(a1(laneCol(i), laneTab.from, true))})*(${t}-${cRange(rows)}<=${cal(a1(laneCol(i), laneTab.to, true))})`;
    const e = (s: JourneyPath) => cal(a1(laneCol(i), laneTab.e[s]!, true));
    const nonElig = (['failedOnboarding', 'failedFirstValue', 'failedAdoption'] as const).map((s) => `${e(s)}*${kRange(N_COL[s], rows)}`).join('+');
    return `${cal(a1(pmCol(i), yearTop + rateYearOfMonth(t) - 1, true))}*(SUMPRODUCT(${inW},${kRange(K.nAD, rows)},${colRange('survAD', MC(t), rows)})+SUMPRODUCT(${inW},${nonElig},${colRange('survNON', MC(t), rows)}))`;
  };
  const closing = (t: number, upTo = H - 1) => {
    const rows = rowsUpTo(upTo);
    return rows ? `SUM(${colRange('arrAD', MC(t), rows)})+SUM(${colRange('arrNON', MC(t), rows)})` : '0';
  };
  const all = rowsUpTo(H - 1);
  const customers = (t: number) => (all ? `SUMPRODUCT(${kRange(K.nAD, all)},${colRange('survAD', MC(t), all)})+SUMPRODUCT(${kRange(K.nNON, all)},${colRange('survNON', MC(t), all)})` : '0');
  /** x^n with 0^0 = 1 (Excel has no 0^0), n an array expression */
  const pow = (x: string, n: string) => `(${x}+(${x}=0)*(${n}=0))^${n}`;
  /** renewals of each row in months (lo, hi], over rows: a difference of two columns of the renewals grid */
  const count = (hi: number, lo: number, rows: [number, number]) => `(${colRange('renewals', MC(hi), rows)}-${colRange('renewals', MC(lo), rows)})`;
  const keptEnd = (b: number) => Math.min(b + 12, 12 * Math.floor((b + 1) / 12) + 11);
  const kept = (b: number) => {
    const rows = rowsUpTo(b);
    if (!rows) return '0';
    const e = keptEnd(b);
    const y1 = rateYearOfMonth(b + 1), y2 = rateYearOfMonth(e + 1);
    return (['AD', 'NON'] as const).map((cls) => {
      const g = cls === 'AD' ? 'gAD' : 'gNON';
      const f1 = pow(cal(yr(g, y1)), count(e, b, rows));
      const f2 = e < b + 12 ? `*${pow(cal(yr(g, y2)), count(b + 12, e, rows))}` : '';
      return `SUMPRODUCT(${colRange(cls === 'AD' ? 'arrAD' : 'arrNON', MC(b), rows)},${f1}${f2})`;
    }).join('+');
  };

  // --- lane ARR at each year end ---------------------------------------------------
  const laneEndRef = new Map<string, string>();
  // Each cohort's ARR factor over a whole later year (factor^renewals in it), by class:
  // computed once here rather than inside every year-end SUMPRODUCT below.
  const carryTop = (cls: 'AD' | 'NON') => blockTop(GRIDS.length + (cls === 'AD' ? 0 : 1));
  const carryCell = (cls: 'AD' | 'NON', r: number, yy: number) => [MC(yy), carryTop(cls) + 1 + r] as const;
  if (L && Y > 1) {
    for (const cls of ['AD', 'NON'] as const) {
      const top = carryTop(cls);
      section(ws, top, 1, `ARR factor over each whole model year, ${cls === 'AD' ? 'adopters' : 'other paths'} (columns: year 2, 3, …)`);
      const fq: YearQ = cls === 'AD' ? 'fAD' : 'fNON';
      const k = cls === 'AD' ? 0 : 1;
      for (let yy = 2; yy <= Y; yy++) putValue(ws, top, MC(yy), `Year ${yy}`);
      for (let r = 0; r < R; r++) {
        putValue(ws, top + 1 + r, K.label, r < J ? base[r]!.name : `Closed in month ${closed(r)}`);
        for (let yy = 2; yy <= Y; yy++) {
          const carry = cs.carry(k, r, yy);
          if (!carry) continue; // closed during or after year yy: never carried through it
          const nf = `(${a1(MC(12 * yy - 1), rowOf(GI.renewals, r))}-${a1(MC(12 * yy - 13), rowOf(GI.renewals, r))})`;
          const [c, rr] = carryCell(cls, r, yy);
          putFormula(ws, rr, c, `IF(${nf}=0,1,${yr(fq, yy)}^${nf})`, carry, FMT.factor);
        }
      }
    }
  }
  if (L && Y) {
    let r = blockTop(GRIDS.length + (Y > 1 ? 2 : 0)) + 1;
    section(ws, r++, 1, 'Lane ARR at each year end: what each year\'s purchases have grown to by then');
    headers(ws, r++, 1, ['Bought in year, by', ...Array.from({ length: Y }, (_, i) => `End of year ${i + 1}`)]);
    const pRange = (y: number) => cal(`$${colLetter(MC(12 * (y - 1)))}$${hdr}:$${colLetter(MC(12 * y - 1))}$${hdr}`);
    m.lanes.forEach((lane, i) => {
      const first = r;
      for (let y0 = 1; y0 <= Y; y0++) {
        const T = 12 * y0 - 1;
        const rows = rowsUpTo(T)!;
        const cr = cRange(rows);
        for (const cls of ['AD', 'NON'] as const) {
          ws.getCell(r, 1).value = `${lane.name}: year ${y0}, ${cls === 'AD' ? 'adopters' : 'other paths'}`;
          const fq: YearQ = cls === 'AD' ? 'fAD' : 'fNON';
          const P = pRange(y0);
          const inW = `((${P}-${cr})>=${cal(a1(laneCol(i), laneTab.from, true))})*((${P}-${cr})<=${cal(a1(laneCol(i), laneTab.to, true))})`;
          const e = (s: JourneyPath) => cal(a1(laneCol(i), laneTab.e[s]!, true));
          const eligF = cls === 'AD' ? kRange(K.nAD, rows) : `(${(['failedOnboarding', 'failedFirstValue', 'failedAdoption'] as const).map((s) => `${e(s)}*${kRange(N_COL[s], rows)}`).join('+')})`;
          const block = onSheet(sheets.calendar, `$${colLetter(MC(12 * (y0 - 1)))}$${rowOf(GI[cls === 'AD' ? 'survAD' : 'survNON'], rows[0])}:$${colLetter(MC(T))}$${rowOf(GI[cls === 'AD' ? 'survAD' : 'survNON'], rows[1])}`);
          const nBlock = onSheet(sheets.calendar, `$${colLetter(MC(12 * (y0 - 1)))}$${rowOf(GI.renewals, rows[0])}:$${colLetter(MC(T))}$${rowOf(GI.renewals, rows[1])}`);
          const within = pow(cal(yr(fq, y0)), `(${colRange('renewals', MC(T), rows)}-${nBlock})`);
          const grown = cs.laneBought(i, y0, cls === 'AD' ? 0 : 1);
          for (let y = y0; y <= Y; y++) {
            const carry = Array.from({ length: y - y0 }, (_, k) => {
              const [c] = carryCell(cls, 0, y0 + 1 + k);
              return `*${cal(`$${colLetter(c)}$${carryCell(cls, rows[0], 0)[1]}:$${colLetter(c)}$${carryCell(cls, rows[1], 0)[1]}`)}`;
            }).join('');
            putFormula(ws, r, 1 + y, `${cal(a1(pmCol(i), yearTop + y0 - 1, true))}*SUMPRODUCT(${inW}*${eligF}*${block}*${within}${carry})`, grown[y - y0]!, FMT.money);
          }
          r++;
        }
      }
      ws.getCell(r, 1).value = `${lane.name}: ARR at year end`;
      ws.getCell(r, 1).font = { bold: true };
      for (let y = 1; y <= Y; y++) {
        laneEndRef.set(`${i}|${y}`, at(1 + y, r));
        putFormula(ws, r, 1 + y, `SUM(${a1(1 + y, first)}:${a1(1 + y, r - 1)})`, fig.result.annual[y - 1]!.laneArrEnd[i]!, FMT.money);
      }
      r += 2;
    });
  }
  note(ws, 3, 1, 'Working sheet: the ARR Bridge, Cohorts and Metrics sheets sum these rows. Edit inputs on the Assumptions sheet.');
  ws.getColumn(1).width = 34;
  for (let c = 2; c <= MC(H - 1); c++) ws.getColumn(c).width = 13;
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 0 }];
  // On paper: the rates by year, the base's shares and the lanes; the grids (a page per
  // dozen cohorts and months) are for the formulas. (ExcelJS adds the column's `$`.)
  const lastPrinted = (L ? laneTab.e.failedAdoption! : J ? shareTop + J - 1 : yearTop + LAST_RAMP_YEAR - 1);
  ws.pageSetup.printArea = `A$1:${colLetter(Math.max(pmCol(L - 1), J ? shareCol.sAD : 1, qCol.get('pAD')!))}$${lastPrinted}`;

  const cohortRows = (g: number): [number, number] | null => {
    const from = 12 * (g - 1), to = Math.min(12 * g - 1, H - 1);
    return from > H - 1 ? null : [J + from, J + to];
  };
  return {
    year: (q, y) => cal(yr(q, y)),
    yearLane: (i, y) => cal(a1(pmCol(i), yearTop + y - 1, true)),
    lanes, renewing, closing, customers, kept,
    cohortRevenue: (g, y) => {
      const rows = cohortRows(g);
      if (!rows) return '0';
      const rect = (grid: Grid) => onSheet(sheets.calendar, `$${colLetter(MC(0))}$${rowOf(GI[grid], rows[0])}:$${colLetter(MC(12 * y - 1))}$${rowOf(GI[grid], rows[1])}`);
      return `(SUM(${rect('arrAD')})+SUM(${rect('arrNON')}))/12`;
    },
    laneEnd: (i, y) => laneEndRef.get(`${i}|${y}`)!,
    opening: J ? base.map((_, j) => assumption(j, 'arr')).join('+') : '0',
  };
}

const PATH_LABEL: Record<JourneyPath, string> = {
  failedOnboarding: 'failed onboarding', failedFirstValue: 'failed first value', failedAdoption: 'failed adoption', adopter: 'adopter',
};

