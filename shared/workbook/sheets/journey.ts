// Journey: one customer's expected journey by age (spec §3), the same for every
// cohort. Parameter tables on top (paths, lanes), then one row per age: the
// journey of a customer of each path (per customer of that path), the
// path's expected ARR and customers, and the totals the company roll-up uses.
import type * as ExcelJS from 'exceljs';
import { JOURNEY_PATHS, type ModelInputs, type JourneyPath } from '../../index';
import { anchorAge, ELIGIBLE, isRenewalAge, laneWindow, monthlyDiscount, ONE, rateYearOfMonth, ratesByYear, renewalRateOf } from '../../core/workbook-api';
import { a1, colLetter, MODEL_SHEETS, onSheet, type SheetNames } from '../names';
import { putFormula, putValue } from '../cells';
import { FMT, headers, note, section, title } from '../styles';
import { JOURNEY_AGES, type ModelFigures } from '../figures';
import type { InputNames } from './assumptions';
import type { CalendarLayout } from './calendar';
import { choiceIs } from '../choices';
import { LANE_TOP } from './journey-lanes';

export const PATH_LABELS: Record<JourneyPath, string> = {
  failedOnboarding: 'Failed onboarding',
  failedFirstValue: 'Failed first value',
  failedAdoption: 'Failed adoption',
  adopter: 'Adopters',
};

/** Which paths a lane anchored on each milestone sells to (spec §3), as the sheet's formulas spell it. */
const ELIGIBLE_FORMULA: Record<JourneyPath, (anchor: string) => string> = {
  failedOnboarding: (a) => `IF(OR(${choiceIs(a, 'close')},${choiceIs(a, 'renewal')}),1,0)`,
  failedFirstValue: (a) => `IF(OR(${choiceIs(a, 'close')},${choiceIs(a, 'renewal')},${choiceIs(a, 'onboarding')}),1,0)`,
  failedAdoption: (a) => `IF(${choiceIs(a, 'adoption')},0,1)`,
  adopter: () => '1',
};

export interface JourneyLayout {
  /** row of age 0 */
  row0: number;
  /** columns of the per-age totals */
  col: { age: number; arr: number; base: number; lanes: number[]; gm: number; active: number; churn: number; contraction: number; price: number; seat: number; buys: number[]; grossRetained: number; cumArr: number; discount: number };
  /** path table: probability cell of each path */
  probability: Record<JourneyPath, string>;
  /** `Journey!$X$r0:$X$r1` over ages from..to of a total column */
  range: (col: number, from: number, to: number) => string;
}

/**
 * `cal`: a model whose rates change by year (or that has an installed base) reads each
 * age's rates from the Calendar sheet's table by model year (the customer closes in
 * month 0, so age a is in year ⌊a/12⌋ + 1); otherwise the path and lane tables above.
 */
export function writeJourney(wb: ExcelJS.Workbook, m: ModelInputs, fig: ModelFigures, names: InputNames, cal: CalendarLayout | null = null, sheets: SheetNames = MODEL_SHEETS): JourneyLayout {
  const ws = wb.getWorksheet(sheets.journey)!;
  const L = m.lanes.length;
  const j = fig.journey;
  const n = names.name;
  title(ws, 'Journey: one customer by age', cal
    ? 'Expected values for one customer closed in month 0, at the rates of each age\'s model year; each cohort\'s own path is on the Calendar sheet.'
    : 'Expected values for one customer closed at age 0; every cohort follows the same curve.');

  // --- paths -----------------------------------------------------------
  section(ws, 4, 1, 'Journey paths (fixed at close)');
  headers(ws, 5, 1, ['Journey path', 'Probability', 'Renewal rate', 'Renewal factor (rate × growth)', 'Gross factor (rate × (1 − contraction))']);
  const segRow: Record<JourneyPath, number> = { failedOnboarding: 6, failedFirstValue: 7, failedAdoption: 8, adopter: 9 };
  const growthRow = 10;
  const y1 = ratesByYear(m);
  const { growth } = y1.year(1);
  ws.getCell(growthRow, 1).value = 'Growth of renewing ARR (1 − contraction + price + seat)';
  putFormula(ws, growthRow, 2, `1-${n('journey.contractionRate')}+${n('journey.priceIncrease')}+${n('journey.seatExpansion')}`, growth, FMT.factor);
  const on = n('journey.onboarding.rate'), fv = n('journey.firstValue.rate'), ad = n('journey.adoption.rate');
  const probFormula: Record<JourneyPath, string> = {
    failedOnboarding: `1-${on}`,
    failedFirstValue: `${on}*(1-${fv})`,
    failedAdoption: `${on}*${fv}*(1-${ad})`,
    adopter: `${on}*${fv}*${ad}`,
  };
  for (const s of JOURNEY_PATHS) {
    const r = segRow[s];
    const rate = renewalRateOf(m, s);
    ws.getCell(r, 1).value = PATH_LABELS[s];
    putFormula(ws, r, 2, probFormula[s], j.pathProbability[s], FMT.factor);
    putFormula(ws, r, 3, s === 'adopter' ? n('journey.renewal.rate') : n('journey.renewal.nonAdopterRate'), rate, FMT.percent);
    const ad = s === 'adopter';
    putFormula(ws, r, 4, `C${r}*$B$${growthRow}`, y1.year(1)[ad ? 'fAD' : 'fNON'], FMT.factor);
    putFormula(ws, r, 5, `C${r}*(1-${n('journey.contractionRate')})`, y1.year(1)[ad ? 'gAD' : 'gNON'], FMT.factor);
  }

  // --- lanes ----------------------------------------------------------------
  const laneTop = LANE_TOP;
  section(ws, laneTop, 1, 'Expansion lanes');
  headers(ws, laneTop + 1, 1, ['Lane', 'Anchor age', 'First purchase age', 'Last purchase age', 'ARR bought per eligible customer per window month', 'Gross margin', ...JOURNEY_PATHS.map((s) => `Sells to: ${PATH_LABELS[s]}`)]);
  const laneRow = (i: number) => laneTop + 2 + i;
  m.lanes.forEach((lane, i) => {
    const r = laneRow(i);
    const ln = (f: string) => names.lane(i, f);
    const anchor = ln('anchor');
    const w = laneWindow(m, lane);
    putFormula(ws, r, 1, ln('name'), lane.name);
    putFormula(ws, r, 2,
      `IF(${choiceIs(anchor, 'close')},0,IF(${choiceIs(anchor, 'onboarding')},${n('journey.onboarding.month')},IF(${choiceIs(anchor, 'firstValue')},${n('journey.firstValue.month')},IF(${choiceIs(anchor, 'adoption')},${n('journey.adoption.month')},${n('acquisition.contractMonths')}))))`,
      anchorAge(m, lane.anchor), FMT.integer);
    putFormula(ws, r, 3, `B${r}+${ln('windowStart')}`, w.from, FMT.integer);
    putFormula(ws, r, 4, `B${r}+${ln('windowEnd')}`, w.to, FMT.integer);
    putFormula(ws, r, 5, `${ln('attachRate')}/(${ln('windowEnd')}-${ln('windowStart')}+1)*${ln('acv')}`,
      y1.lanePerMonth(1)[i]!, FMT.moneyCents);
    putFormula(ws, r, 6, ln('grossMargin'), lane.grossMargin, FMT.percent);
    JOURNEY_PATHS.forEach((s, k) => {
      const flag = ELIGIBLE[lane.anchor].includes(s) ? 1 : 0;
      if (s === 'adopter') putValue(ws, r, 7 + k, 1, FMT.integer);
      else putFormula(ws, r, 7 + k, ELIGIBLE_FORMULA[s](anchor), flag, FMT.integer);
    });
  });
  if (L === 0) note(ws, laneTop + 2, 1, 'No expansion lanes in this model.');

  // --- ages -----------------------------------------------------------------
  const top = laneTop + 3 + Math.max(L, 1);
  const head = top + 2;
  const row0 = head + 1;
  section(ws, top, 1, 'By age (months since close)');
  const segWidth = 4 + L;
  const segCol = (k: number) => 5 + k * segWidth;
  const T = 5 + 4 * segWidth;
  const col = {
    age: 1, discount: 4,
    arr: T, base: T + 1, lanes: m.lanes.map((_, i) => T + 2 + i), gm: T + 2 + L, active: T + 3 + L,
    churn: T + 4 + L, contraction: T + 5 + L, price: T + 6 + L, seat: T + 7 + L,
    buys: m.lanes.map((_, i) => T + 8 + L + i), grossRetained: T + 8 + 2 * L, cumArr: T + 9 + 2 * L,
  };
  headers(ws, head, 1, ['Age', 'Renewal at this age', 'Renewals in the next 12 months', 'Discount factor']);
  JOURNEY_PATHS.forEach((s, k) => {
    const c = segCol(k);
    const group = ws.getCell(head - 1, c);
    group.value = `${PATH_LABELS[s]}: per customer of this path, then the path's expected share`;
    group.font = { bold: true };
    headers(ws, head, c, ['Still a customer', 'Base ARR', ...m.lanes.map((l) => `${l.name} ARR`), 'Path ARR', 'Path customers']);
  });
  const tg = ws.getCell(head - 1, T);
  tg.value = 'One customer (all paths)';
  tg.font = { bold: true };
  headers(ws, head, T, ['ARR', 'Base ARR', ...m.lanes.map((l) => `${l.name} ARR`), 'Gross-margin ARR', 'Customers', 'Churn', 'Contraction', 'Price increase', 'Seat expansion', ...m.lanes.map((l) => `${l.name} bought`), 'Gross-retained ARR over the next 12 months', 'Cumulative ARR']);
  ws.getRow(head).height = 60;

  const cm = n('acquisition.contractMonths');
  const discount = monthlyDiscount(m);
  let factor = ONE;
  const segArr = (k: number, r: number) => `${colLetter(segCol(k) + 2 + L)}${r}`;
  const segActive = (k: number, r: number) => `${colLetter(segCol(k) + 3 + L)}${r}`;
  for (let a = 0; a < JOURNEY_AGES; a++) {
    const r = row0 + a;
    const ya = rateYearOfMonth(a);
    /** renewal rate ('C'), ARR factor ('D') or gross factor ('E') of a path at this age */
    const segRate = (s: JourneyPath, col: 'C' | 'D' | 'E') => {
      if (!cal) return `$${col}$${segRow[s]}`;
      const ad = s === 'adopter';
      return cal.year(col === 'C' ? (ad ? 'rate' : 'non') : col === 'D' ? (ad ? 'fAD' : 'fNON') : (ad ? 'gAD' : 'gNON'), ya);
    };
    const pm = (i: number) => (cal ? cal.yearLane(i, ya) : `$E$${laneRow(i)}`);
    const rateOf = (key: 'journey.contractionRate' | 'journey.priceIncrease' | 'journey.seatExpansion') =>
      (cal ? cal.year(key === 'journey.contractionRate' ? 'ct' : key === 'journey.priceIncrease' ? 'price' : 'seat', ya) : n(key));
    const inWindow = (i: number) => `AND($A${r}>=$C$${laneRow(i)},$A${r}<=$D$${laneRow(i)})`;
    factor = factor.mul(discount);
    putValue(ws, r, 1, a, FMT.integer);
    putFormula(ws, r, 2, `IF(AND(A${r}>0,MOD(A${r},${cm})=0),1,0)`, isRenewalAge(a, m.acquisition.contractMonths) ? 1 : 0, FMT.integer);
    putFormula(ws, r, 3, `INT((A${r}+12)/${cm})-INT(A${r}/${cm})`, Math.floor((a + 12) / m.acquisition.contractMonths) - Math.floor(a / m.acquisition.contractMonths), FMT.integer);
    putFormula(ws, r, 4, `(1+${n('general.discountRateAnnual')})^(-(A${r}+1)/12)`, factor, FMT.factor);
    JOURNEY_PATHS.forEach((s, k) => {
      const u = fig.unit[s];
      const c = segCol(k);
      const sr = segRow[s];
      const prev = (cc: number) => `${colLetter(cc)}${r - 1}`;
      const renew = (cc: number, factorCol: 'C' | 'D') => (a === 0 ? null : `${prev(cc)}*IF($B${r}=1,${segRate(s, factorCol)},1)`);
      if (a === 0) putValue(ws, r, c, 1, FMT.factor);
      else putFormula(ws, r, c, renew(c, 'C')!, u.active[a]!, FMT.factor);
      putFormula(ws, r, c + 1, a === 0 ? n('acquisition.acv') : renew(c + 1, 'D')!, u.arrBySlice[0]![a]!, FMT.money);
      m.lanes.forEach((_, i) => {
        const buy = `IF(${inWindow(i)},${pm(i)}*$${colLetter(7 + k)}$${laneRow(i)}*${colLetter(c)}${r},0)`;
        putFormula(ws, r, c + 2 + i, a === 0 ? buy : `${renew(c + 2 + i, 'D')}+${buy}`, u.arrBySlice[1 + i]![a]!, FMT.money);
      });
      putFormula(ws, r, c + 2 + L, `$B$${sr}*SUM(${colLetter(c + 1)}${r}:${colLetter(c + 1 + L)}${r})`, j.arrByPath[s][a]!, FMT.money);
      putFormula(ws, r, c + 3 + L, `$B$${sr}*${colLetter(c)}${r}`, j.activeByPath[s][a]!, FMT.factor);
    });
    const overPaths = (term: (k: number, s: JourneyPath) => string) => JOURNEY_PATHS.map((s, k) => term(k, s)).join('+');
    putFormula(ws, r, col.arr, overPaths((k) => segArr(k, r)), j.arr[a]!, FMT.money);
    putFormula(ws, r, col.base, overPaths((k, s) => `$B$${segRow[s]}*${colLetter(segCol(k) + 1)}${r}`), j.arrBySlice[0]![a]!, FMT.money);
    m.lanes.forEach((_, i) => putFormula(ws, r, col.lanes[i]!, overPaths((k, s) => `$B$${segRow[s]}*${colLetter(segCol(k) + 2 + i)}${r}`), j.arrBySlice[1 + i]![a]!, FMT.money));
    putFormula(ws, r, col.gm, [`${a1(col.base, r)}*${n('general.subscriptionGrossMargin')}`, ...m.lanes.map((_, i) => `${a1(col.lanes[i]!, r)}*$F$${laneRow(i)}`)].join('+'), j.gmArr[a]!, FMT.money);
    putFormula(ws, r, col.active, overPaths((k) => segActive(k, r)), j.active[a]!, FMT.factor);
    if (a === 0) {
      for (const c of [col.churn, col.contraction, col.price, col.seat]) putValue(ws, r, c, 0, FMT.money);
    } else {
      const renewing = `(${overPaths((k, s) => `${segRate(s, 'C')}*${segArr(k, r - 1)}`)})`;
      putFormula(ws, r, col.churn, `IF($B${r}=1,${overPaths((k, s) => `(1-${segRate(s, 'C')})*${segArr(k, r - 1)}`)},0)`, j.churn[a]!, FMT.money);
      putFormula(ws, r, col.contraction, `IF($B${r}=1,${renewing}*${rateOf('journey.contractionRate')},0)`, j.contraction[a]!, FMT.money);
      putFormula(ws, r, col.price, `IF($B${r}=1,${renewing}*${rateOf('journey.priceIncrease')},0)`, j.price[a]!, FMT.money);
      putFormula(ws, r, col.seat, `IF($B${r}=1,${renewing}*${rateOf('journey.seatExpansion')},0)`, j.seat[a]!, FMT.money);
    }
    m.lanes.forEach((_, i) => {
      const lr = laneRow(i);
      putFormula(ws, r, col.buys[i]!, `IF(${inWindow(i)},${pm(i)}*(${JOURNEY_PATHS.map((_, k) => `$${colLetter(7 + k)}$${lr}*${segActive(k, r)}`).join('+')}),0)`, j.buys[i]![a]!, FMT.money);
    });
    // Renewals in the next 12 months: with rates by year, those in a+1's year, then the next year's.
    const e = Math.min(a + 12, 12 * Math.floor((a + 1) / 12) + 11);
    const gross = (s: JourneyPath) => {
      if (!cal) return `IF($C${r}=0,1,$E$${segRow[s]}^$C${r})`;
      const g = s === 'adopter' ? 'gAD' : 'gNON';
      const n1 = `(INT(${e}/${cm})-INT(${a}/${cm}))`, n2 = `(INT(${a + 12}/${cm})-INT(${e}/${cm}))`;
      const first = `IF(${n1}=0,1,${cal.year(g, rateYearOfMonth(a + 1))}^${n1})`;
      return e < a + 12 ? `${first}*IF(${n2}=0,1,${cal.year(g, rateYearOfMonth(e + 1))}^${n2})` : first;
    };
    putFormula(ws, r, col.grossRetained, overPaths((k, s) => `${segArr(k, r)}*${gross(s)}`), j.grossRetained[a]!, FMT.money);
    putFormula(ws, r, col.cumArr, a === 0 ? a1(col.arr, r) : `${a1(col.cumArr, r - 1)}+${a1(col.arr, r)}`, fig.cumArr.sum(0, a), FMT.money);
  }

  ws.getColumn(1).width = 30;
  for (let c = 2; c <= col.cumArr; c++) ws.getColumn(c).width = 14;
  // On paper: the journey paths and the lanes. The table by age is 120 rows of working
  // columns (180 A4 pages for the example): it stays on the sheet, off the print area.
  note(ws, top - 1, 1, 'On paper: the journey paths and the lanes. The table by age below is left out of the print area (Page Layout › Print Area › Clear Print Area prints it).');
  ws.pageSetup = { orientation: 'landscape' };
  ws.pageSetup.printArea = `A$1:${colLetter(L ? 6 + JOURNEY_PATHS.length : 5)}$${top - 1}`; // ExcelJS adds the column's `$`
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: head }];
  const probability = {} as Record<JourneyPath, string>;
  for (const s of JOURNEY_PATHS) probability[s] = onSheet(sheets.journey, `$B$${segRow[s]}`);
  return {
    row0,
    col,
    probability,
    range: (c, from, to) => onSheet(sheets.journey, `$${colLetter(c)}$${row0 + from}:$${colLetter(c)}$${row0 + to}`),
  };
}

