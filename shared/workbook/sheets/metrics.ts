// Metrics: NRR and GRR by year with their decomposition (spec §4), per-customer
// LTV and unit economics (§5), the band, the value of an NRR point and the
// doubling time (§6), the funnel and the lane table. All live formulas.
import type * as ExcelJS from 'exceljs';
import { INCREMENTAL_MARGIN_FLOOR, NRR_BANDS, type ModelInputs } from '../../index';
import { a1, onSheet, SHEETS, NEW_CUSTOMERS_NAME } from '../names';
import { DASH, savedAsValues, putFormula, putValue, type Cached } from '../cells';
import { FMT, headers, note, section, title } from '../styles';
import type { Figures } from '../figures';
import type { InputNames } from './assumptions';
import type { JourneyLayout } from './journey';
import type { BridgeLayout } from './bridge';

export const FLOOR_FLAG = `Below the ${INCREMENTAL_MARGIN_FLOOR * 100}% floor`;

export interface MetricsLayout {
  /** sheet-qualified absolute reference of a named figure */
  ref: (id: string) => string;
  /** NRR/GRR/decomposition of year y ≥ 2 */
  year: (y: number, what: 'nrr' | 'grr' | 'begin' | 'churn' | 'contraction' | 'seat' | 'price' | `lane${number}`) => string;
}

/** Seed 001's bands as nested IFs on NRR rounded to 12 places, so a ratio the core finds exactly on a bound is banded the same way. */
function bandFormula(nrr: string): string {
  const x = `ROUND(${nrr},12)`;
  const bands = [...NRR_BANDS].reverse();
  let f = `"${bands[bands.length - 1]!.label}"`;
  for (let i = bands.length - 2; i >= 0; i--) f = `IF(${x}>=${bands[i]!.from},"${bands[i]!.label}",${f})`;
  return `IF(ISNUMBER(${nrr}),${f},"${DASH}")`;
}

export function writeMetrics(wb: ExcelJS.Workbook, m: ModelInputs, fig: Figures, names: InputNames, jl: JourneyLayout, bl: BridgeLayout): MetricsLayout {
  const ws = wb.getWorksheet(SHEETS.metrics)!;
  const n = names.name;
  const r = fig.result;
  const H = m.general.horizonMonths;
  const Y = Math.floor(H / 12);
  const L = m.lanes.length;
  const refs = new Map<string, string>();
  const at = (id: string, c: number, row: number) => refs.set(id, onSheet(SHEETS.metrics, a1(c, row, true)));
  title(ws, 'Metrics', 'NRR and GRR use the customers closed before each year; each is a share of their ARR at the start of the year (spec §4).');

  // --- retention by year --------------------------------------------------------
  let row = 4;
  section(ws, row++, 1, 'Net and gross revenue retention by year');
  const rc = { year: 1, nrr: 2, grr: 3, begin: 4, end: 5, churn: 6, contraction: 7, lanes: m.lanes.map((_, i) => 8 + i), seat: 8 + L, price: 9 + L, share: 10 + L };
  headers(ws, row, 1, ['Year', 'NRR', 'GRR', 'Opening ARR of existing customers', 'Their ARR at year end', 'Churn', 'Contraction', ...m.lanes.map((l) => l.name), 'Seat expansion', 'Price increase', 'Expansion share of new ARR']);
  ws.getRow(row).height = 48;
  const yearRow = new Map<number, number>();
  row++;
  // Year 1 has an NRR only on an installed base (then the sheet holds values: see savedAsValues).
  const firstYear = r.openingArr.isZero() ? 2 : 1;
  if (Y < firstYear) note(ws, row++, 1, 'NRR needs a second complete model year.');
  for (let y = firstYear; y <= Y; y++, row++) {
    yearRow.set(y, row);
    const yr = r.annual[y - 1]!;
    const d = yr.decomposition;
    const t = 12 * y - 1;
    const beginMonth = 12 * (y - 1) - 1;
    const begin = a1(rc.begin, row);
    const first = bl.monthRow(12 * (y - 1));
    const last = bl.monthRow(t);
    const share = (setCol: number, v: Cached) =>
      `IF(${begin}=0,"${DASH}",SUM(${onSheet(SHEETS.bridge, `${a1(setCol, first, true)}:${a1(setCol, last, true)}`)})/${begin})`;
    putValue(ws, row, rc.year, y, FMT.integer);
    putFormula(ws, row, rc.nrr, bl.ref(bl.col.nrr, last), yr.nrr, FMT.percent);
    putFormula(ws, row, rc.grr, bl.ref(bl.col.grr, last), yr.grr, FMT.percent);
    putFormula(ws, row, rc.begin, bl.ref(bl.col.closing, bl.monthRow(beginMonth)), beginMonth < 0 ? r.openingArr : r.months[beginMonth]!.closing, FMT.money);
    putFormula(ws, row, rc.end, bl.roll(jl.col.arr, t, beginMonth), savedAsValues(ws) ? d?.end ?? null : fig.roll(fig.pre.arr, t, beginMonth), FMT.money);
    const put = (c: number, setCol: number, v: Cached) => putFormula(ws, row, c, share(setCol, v), v, FMT.percent);
    put(rc.churn, bl.col.set.churn, d ? d.churn : null);
    put(rc.contraction, bl.col.set.contraction, d ? d.contraction : null);
    m.lanes.forEach((_, i) => put(rc.lanes[i]!, bl.col.set.lanes[i]!, d ? d.lanes[i]! : null));
    put(rc.seat, bl.col.set.seat, d ? d.seat : null);
    put(rc.price, bl.col.set.price, d ? d.price : null);
    putFormula(ws, row, rc.share, bl.ref(bl.col.year.share, bl.yearRow(y)), yr.expansionShare, FMT.percent);
  }
  if (Y >= 2) note(ws, row++, 1, 'NRR = 1 − churn − contraction + the expansion columns; GRR keeps only what the opening ARR itself retains.');

  // --- per customer and unit economics ----------------------------------------
  row++;
  section(ws, row++, 1, 'Per customer and unit economics');
  headers(ws, row++, 1, ['Figure', 'Value', 'How it is computed']);
  const ages = `${jl.range(jl.col.age, 0, 119)}<12*${n('general.ltvYears')}`;
  const y2 = yearRow.get(2);
  const nrr2 = y2 ? a1(rc.nrr, y2) : null;
  const begin2 = y2 ? a1(rc.begin, y2) : null;
  const kv = (id: string, label: string, formula: string | null, v: Cached, fmt: string, how: string) => {
    ws.getCell(row, 1).value = label;
    if (formula === null) putValue(ws, row, 2, v, fmt);
    else putFormula(ws, row, 2, formula, v, fmt);
    const h = ws.getCell(row, 3);
    h.value = how;
    h.font = { size: 9, color: { argb: 'FF7F7F7F' } };
    at(id, 2, row++);
  };
  kv('ltv.revenue', 'LTV per customer: revenue', `SUMPRODUCT((${ages})*${jl.range(jl.col.arr, 0, 119)})/12`, r.ltv.revenue, FMT.money, 'Σ ARR ÷ 12 over the LTV window');
  kv('ltv.grossMargin', 'LTV per customer: gross margin', `SUMPRODUCT((${ages})*${jl.range(jl.col.gm, 0, 119)})/12`, r.ltv.grossMargin, FMT.money, 'base, seat and price at the subscription margin; each lane at its own');
  const ltvDisc = `SUMPRODUCT((${ages})*${jl.range(jl.col.gm, 0, 119)}*${jl.range(jl.col.discount, 0, 119)})/12`;
  kv('ltv.discountedGrossMargin', 'LTV per customer: discounted gross margin', ltvDisc, r.ltv.discountedGrossMargin, FMT.money, 'month a discounted by (1 + rate)^(−(a+1)/12)');
  const cac = n('acquisition.cacPerCustomer');
  kv('ltvToCac', 'LTV:CAC', `IF(${cac}=0,"${DASH}",${refs.get('ltv.discountedGrossMargin')}/${cac})`, r.ltvToCac, FMT.ratio, 'discounted gross-margin LTV ÷ CAC');
  const acv = n('acquisition.acv'), sgm = n('general.subscriptionGrossMargin');
  kv('cacPaybackMonths', 'CAC payback (months)', `IF(${cac}=0,0,IF(${acv}*${sgm}=0,"${DASH}",${cac}/(${acv}*${sgm}/12)))`, r.cacPaybackMonths, FMT.months, 'CAC ÷ (ACV × subscription margin ÷ 12)');
  const pA = jl.probability.adopter;
  kv('retention.fullJourney', 'Logo retention at first renewal, full journey', `${pA}*${n('journey.renewal.rate')}+(1-${pA})*${n('journey.renewal.nonAdopterRate')}`, r.journey.fullJourneyRetention, FMT.percent, 'adopters renew at the renewal rate, everyone else at the non-adopter rate');
  kv('retention.decision', 'Logo retention at the renewal decision', n('journey.renewal.rate'), r.journey.renewalDecisionRetention, FMT.percent, 'the renewal rate of adopters');
  kv('nrrBand', 'NRR band, year 2', nrr2 ? bandFormula(nrr2) : null, r.nrrBand, FMT.general, 'seed 001: <90% structural problem … ≥130% exceptional');
  kv('valueOfNrrPoint', 'Value of one NRR point', begin2 ? `IF(${begin2}=0,"${DASH}",${begin2}*0.01)` : null, r.valueOfNrrPoint, FMT.money, 'opening ARR of existing customers in year 2 × 1%');
  kv('doublingTimeYears', 'Doubling time of the existing base (years)', nrr2 ? `IF(ISNUMBER(${nrr2}),IF(ROUND(${nrr2},12)>1,LN(2)/LN(${nrr2}),"${DASH}"),"${DASH}")` : null, r.doublingTimeYears, FMT.years, 'ln 2 ÷ ln NRR of year 2, when NRR > 100%');

  // --- funnel -------------------------------------------------------------------
  row++;
  section(ws, row++, 1, 'Funnel: volume needed for year-1 new logos');
  headers(ws, row++, 1, ['Stage', 'Conversion to next stage', 'Volume needed']);
  const fTop = row;
  const fLast = fTop + m.acquisition.funnel.length - 1;
  r.funnel.forEach((stage, i) => {
    putFormula(ws, row, 1, n(`acquisition.funnel[${i}].name`), stage.name);
    putFormula(ws, row, 2, n(`acquisition.funnel[${i}].rate`), stage.rate, FMT.percent);
    putFormula(ws, row, 3, `IF(PRODUCT(B${row}:B${fLast})=0,"${DASH}",INDEX(${NEW_CUSTOMERS_NAME},1)/PRODUCT(B${row}:B${fLast}))`, stage.volume, FMT.count);
    row++;
  });

  // --- lanes --------------------------------------------------------------------
  row++;
  section(ws, row++, 1, `Expansion lanes at the end of year ${Y}`);
  ws.getRow(row).height = 32;
  headers(ws, row++, 1, ['Lane', 'ARR', 'Share of total ARR', 'Gross margin', `Margin floor (seed 002: ${INCREMENTAL_MARGIN_FLOOR * 100}%)`]);
  const closingY = bl.ref(bl.col.year.closing, bl.yearRow(Y));
  r.lanes.forEach((lane, i) => {
    putFormula(ws, row, 1, names.lane(i, 'name'), lane.name);
    putFormula(ws, row, 2, bl.ref(bl.col.year.laneEnd[i]!, bl.yearRow(Y)), lane.arrEnd, FMT.money);
    putFormula(ws, row, 3, `IF(${closingY}=0,"${DASH}",B${row}/${closingY})`, lane.share, FMT.percent);
    putFormula(ws, row, 4, names.lane(i, 'grossMargin'), lane.grossMargin, FMT.percent);
    putFormula(ws, row, 5, `IF(D${row}<${INCREMENTAL_MARGIN_FLOOR},"${FLOOR_FLAG}","OK")`, lane.belowMarginFloor ? FLOOR_FLAG : 'OK');
    at(`lane${i}`, 1, row);
    row++;
  });
  if (!L) note(ws, row++, 1, 'No expansion lanes in this model.');

  ws.getColumn(1).width = 46;
  for (let c = 2; c <= rc.share; c++) ws.getColumn(c).width = 16;
  ws.getColumn(3).width = 22;
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return {
    ref: (id) => {
      const x = refs.get(id);
      if (!x) throw new Error(`no metric ${id}`);
      return x;
    },
    year: (y, what) => {
      const yr = yearRow.get(y);
      if (yr === undefined) throw new Error(`no retention row for year ${y}`);
      const c = what.startsWith('lane') ? rc.lanes[Number(what.slice(4))]! : rc[what as 'nrr'];
      return onSheet(SHEETS.metrics, a1(c, yr, true));
    },
  };
}
