// Metrics: NRR and GRR by year with their decomposition (spec §4), per-customer
// LTV and unit economics (§5), the band, the value of an NRR point and the
// doubling time (§6), the funnel and the lane table. All live formulas.
import type * as ExcelJS from 'exceljs';
import { completeYears, INCREMENTAL_MARGIN_FLOOR, NRR_BANDS, type ModelInputs } from '../../index';
import { a1, onSheet, SHEETS, newCustomersOfYear } from '../names';
import { DASH, numberOf, putFormula, putValue, type Cached } from '../cells';
import { FMT, headers, note, section, title } from '../styles';
import { excelNumberFormat, type FigureFormat } from '../../report/format';
import { FIGURE_LABELS, FIGURE_NOTES } from '../../report/labels';
import { writeVerdicts } from './verdicts';
import type { Figures } from '../figures';
import { wrappedLines, type InputNames } from './assumptions';
import type { JourneyLayout } from './journey';
import type { BridgeLayout } from './bridge';

/** The unit-economics notes span columns C–E (22 + 16 + 16 characters of 11 pt): about 60 characters of their 9 pt a line. */
const NOTE_LAST_COL = 5;
const NOTE_CHARS = 60;

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

/** The per-new-customer figures' formulas (spec §5): one model's from its Journey sheet, a company's the year-1 mix of its segments'. */
export interface UnitFormulas {
  ltvRevenue: string; ltvGrossMargin: string; ltvDiscounted: string;
  /** CAC and ACV of a new customer (year 1) */
  cac: string; acv: string;
  fullJourney: string; decision: string;
}

export function unitFormulas(jl: JourneyLayout, names: InputNames): UnitFormulas {
  const ages = `${jl.range(jl.col.age, 0, 119)}<12*${names.name('general.ltvYears')}`;
  const pA = jl.probability.adopter;
  // the renewal rates of the first renewal's model year (month m: spec §2.1)
  const firstRenewalYear = `INT(${names.name('acquisition.contractMonths')}/12)+1`;
  const renewalRate = names.yearValue('journey.renewal.rate', firstRenewalYear);
  return {
    ltvRevenue: `SUMPRODUCT((${ages})*${jl.range(jl.col.arr, 0, 119)})/12`,
    ltvGrossMargin: `SUMPRODUCT((${ages})*${jl.range(jl.col.gm, 0, 119)})/12`,
    ltvDiscounted: `SUMPRODUCT((${ages})*${jl.range(jl.col.gm, 0, 119)}*${jl.range(jl.col.discount, 0, 119)})/12`,
    cac: names.name('acquisition.cacPerCustomer'),
    acv: names.name('acquisition.acv'),
    fullJourney: `${pA}*${renewalRate}+(1-${pA})*${names.yearValue('journey.renewal.nonAdopterRate', firstRenewalYear)}`,
    decision: renewalRate,
  };
}

/** `unit`: the per-new-customer formulas when they are not `jl`'s (a company of segments). */
export function writeMetrics(wb: ExcelJS.Workbook, m: ModelInputs, fig: Figures, names: InputNames, jl: JourneyLayout | null, bl: BridgeLayout, unit: UnitFormulas = unitFormulas(jl!, names)): MetricsLayout {
  const ws = wb.getWorksheet(SHEETS.metrics)!;
  const n = names.name;
  const r = fig.result;
  const H = m.general.horizonMonths;
  const Y = completeYears(H);
  const L = m.lanes.length;
  const refs = new Map<string, string>();
  const at = (id: string, c: number, row: number) => refs.set(id, onSheet(SHEETS.metrics, a1(c, row, true)));
  const F = (f: FigureFormat, v: Cached) => excelNumberFormat(f, numberOf(v), m.general.currency);
  title(ws, 'Metrics', 'NRR and GRR use the customers closed before each year; each is a share of their ARR at the start of the year.');

  // --- retention by year --------------------------------------------------------
  // Measures down, years across: a 10-year model still prints legibly on one page width.
  let row = 4;
  section(ws, row++, 1, 'Net and gross revenue retention by year');
  type What = 'nrr' | 'grr' | 'begin' | 'end' | 'churn' | 'contraction' | 'seat' | 'price' | 'share' | `lane${number}`;
  const measures: { what: What; label: string }[] = [
    { what: 'nrr', label: 'NRR' }, { what: 'grr', label: 'GRR' },
    { what: 'begin', label: 'Opening ARR of existing customers' }, { what: 'end', label: 'Their ARR at year end' },
    { what: 'churn', label: '− Churn' }, { what: 'contraction', label: '− Contraction' },
    ...m.lanes.map((l, i) => ({ what: `lane${i}` as What, label: `+ ${l.name}` })),
    { what: 'seat', label: '+ Seat expansion' }, { what: 'price', label: '+ Price increase' },
    { what: 'share', label: 'Expansion share of new ARR' },
  ];
  // Year 1 has an NRR only on an installed base with ARR (its customers are the set).
  const y0 = r.openingArr.isZero() ? 2 : 1;
  const yearCol = (y: number) => y - y0 + 2; // the first year with an NRR in column B
  const measureRow = new Map<What, number>();
  if (Y < y0) note(ws, row++, 1, 'NRR needs a second complete model year.');
  else {
    headers(ws, row++, 1, ['Measure', ...Array.from({ length: Y - y0 + 1 }, (_, i) => `Year ${i + y0}`)]);
    measures.forEach((x, i) => {
      measureRow.set(x.what, row + i);
      const l = ws.getCell(row + i, 1);
      l.value = x.label;
      if (x.what === 'nrr' || x.what === 'grr') l.font = { bold: true };
    });
    const at = (what: What) => measureRow.get(what)!;
    for (let y = y0; y <= Y; y++) {
      const c = yearCol(y);
      const yr = r.annual[y - 1]!;
      const d = yr.decomposition;
      const t = 12 * y - 1;
      const beginMonth = 12 * (y - 1) - 1;
      const begin = a1(c, at('begin'));
      const first = bl.monthRow(12 * (y - 1));
      const last = bl.monthRow(t);
      const share = (setCol: number) =>
        `IF(${begin}=0,"${DASH}",SUM(${onSheet(SHEETS.bridge, `${a1(setCol, first, true)}:${a1(setCol, last, true)}`)})/${begin})`;
      putFormula(ws, at('nrr'), c, bl.ref(bl.col.nrr, last), yr.nrr, FMT.percent).font = { bold: true };
      putFormula(ws, at('grr'), c, bl.ref(bl.col.grr, last), yr.grr, FMT.percent).font = { bold: true };
      const beginArr = beginMonth < 0 ? r.openingArr : r.months[beginMonth]!.closing;
      putFormula(ws, at('begin'), c, beginMonth < 0 ? bl.opening0 : bl.ref(bl.col.closing, bl.monthRow(beginMonth)), beginArr, F('money', beginArr));
      const aged = bl.aged?.(t);
      const endArr = aged ? d?.end ?? aged.value : fig.roll(fig.pre.arr, t, beginMonth);
      putFormula(ws, at('end'), c, aged ? aged.ref : bl.roll(jl!.col.arr, t, beginMonth), endArr, F('money', endArr));
      const put = (what: What, setCol: number, v: Cached) => putFormula(ws, at(what), c, share(setCol), v, FMT.percent);
      put('churn', bl.col.set.churn, d ? d.churn : null);
      put('contraction', bl.col.set.contraction, d ? d.contraction : null);
      m.lanes.forEach((_, i) => put(`lane${i}`, bl.col.set.lanes[i]!, d ? d.lanes[i]! : null));
      put('seat', bl.col.set.seat, d ? d.seat : null);
      put('price', bl.col.set.price, d ? d.price : null);
      putFormula(ws, at('share'), c, bl.ref(bl.col.year.share, bl.yearRow(y)), yr.expansionShare, FMT.percent);
    }
    row += measures.length;
    note(ws, row++, 1, 'NRR = 1 − churn − contraction + the expansion rows; GRR keeps only what the opening ARR itself retains.');
  }
  const yearRow = new Map<number, number>(Y >= y0 ? Array.from({ length: Y - y0 + 1 }, (_, i) => [i + y0, 0] as [number, number]) : []);
  /** The cell of a retention measure in year y (same sheet). */
  const retention = (y: number, what: What) => a1(yearCol(y), measureRow.get(what)!);

  // --- per customer and unit economics ----------------------------------------
  row++;
  section(ws, row++, 1, 'Per customer and unit economics');
  headers(ws, row++, 1, ['Figure', 'Value', 'How it is computed']);
  const y2 = yearRow.get(2);
  const nrr2 = y2 !== undefined ? retention(2, 'nrr') : null;
  const begin2 = y2 !== undefined ? retention(2, 'begin') : null;
  const kv = (id: string, label: string, formula: string | null, v: Cached, fmt: FigureFormat, how: string) => {
    ws.getCell(row, 1).value = label;
    if (formula === null) putValue(ws, row, 2, v, F(fmt, v));
    else putFormula(ws, row, 2, formula, v, F(fmt, v));
    const h = ws.getCell(row, 3);
    h.value = how;
    h.font = { size: 9, color: { argb: 'FF7F7F7F' } };
    // The note wraps inside columns C–E (the sheet's print width), never running past the page's edge.
    ws.mergeCells(row, 3, row, NOTE_LAST_COL);
    h.alignment = { wrapText: true, vertical: 'top' };
    const lines = wrappedLines(how, NOTE_CHARS);
    if (lines > 1) ws.getRow(row).height = lines * 12 + 3;
    ws.getCell(row, 1).alignment = { vertical: 'top' };
    ws.getCell(row, 2).alignment = { ...ws.getCell(row, 2).alignment, vertical: 'top' };
    at(id, 2, row++);
  };
  kv('ltv.revenue', 'LTV per customer: revenue', unit.ltvRevenue, r.ltv.revenue, 'money', 'Σ ARR ÷ 12 over the LTV window');
  kv('ltv.grossMargin', 'LTV per customer: gross margin', unit.ltvGrossMargin, r.ltv.grossMargin, 'money', 'base, seat and price at the subscription margin; each lane at its own');
  kv('ltv.discountedGrossMargin', 'LTV per customer: discounted gross margin', unit.ltvDiscounted, r.ltv.discountedGrossMargin, 'money', 'month a discounted by (1 + rate)^(−(a+1)/12)');
  const cac = unit.cac;
  kv('ltvToCac', 'LTV:CAC', `IF(${cac}=0,"${DASH}",${refs.get('ltv.discountedGrossMargin')}/${cac})`, r.ltvToCac, 'ratio', 'discounted gross-margin LTV ÷ CAC');
  const acv = unit.acv, sgm = n('general.subscriptionGrossMargin');
  kv('cacPaybackMonths', 'CAC payback', `IF(${cac}=0,0,IF(${acv}*${sgm}=0,"${DASH}",${cac}/(${acv}*${sgm}/12)))`, r.cacPaybackMonths, 'months', 'CAC ÷ (ACV × subscription margin ÷ 12)');
  kv('retention.fullJourney', `First renewal: ${FIGURE_LABELS.renewedAllCustomers.toLowerCase()}`, unit.fullJourney, r.journey.fullJourneyRetention, 'percent', `${FIGURE_NOTES.renewedAllCustomers}: adopters at the renewal rate, the rest at the non-adopter rate`);
  kv('retention.decision', `First renewal: ${FIGURE_LABELS.renewalRateOfAdopters.toLowerCase()}`, unit.decision, r.journey.renewalDecisionRetention, 'percent', FIGURE_NOTES.renewalRateOfAdopters);
  kv('nrrBand', 'NRR band, year 2', nrr2 ? bandFormula(nrr2) : null, r.nrrBand, 'text', 'NRR bands used by SaaS investors: under 90% a structural problem … 130% and above exceptional');
  // the first year with an NRR: year 1 when there is an installed base with ARR, else year 2
  const year2Point = begin2 ? `IF(${begin2}=0,"${DASH}",${begin2}*0.01)` : null;
  const begin1 = y0 === 1 ? retention(1, 'begin') : null;
  kv('valueOfNrrPoint', 'Value of one NRR point', begin1 ? `IF(${begin1}=0,${year2Point ?? `"${DASH}"`},${begin1}*0.01)` : year2Point, r.valueOfNrrPoint, 'money',
    begin1 ? 'opening ARR of existing customers in year 1 (today\'s book) × 1%' : 'opening ARR of existing customers in year 2 × 1%');
  kv('doublingTimeYears', 'Doubling time of the existing base', nrr2 ? `IF(ISNUMBER(${nrr2}),IF(ROUND(${nrr2},12)>1,LN(2)/LN(${nrr2}),"${DASH}"),"${DASH}")` : null, r.doublingTimeYears, 'years', 'ln 2 ÷ ln NRR of year 2, when NRR > 100%');

  // --- funnel -------------------------------------------------------------------
  row++;
  section(ws, row++, 1, 'Funnel: volume needed for year-1 new logos');
  headers(ws, row++, 1, ['Stage', 'Conversion to next stage', 'Volume needed']);
  const fTop = row;
  const fLast = fTop + m.acquisition.funnel.length - 1;
  r.funnel.forEach((stage, i) => {
    putFormula(ws, row, 1, n(`acquisition.funnel[${i}].name`), stage.name);
    putFormula(ws, row, 2, n(`acquisition.funnel[${i}].rate`), stage.rate, FMT.percent);
    putFormula(ws, row, 3, `IF(PRODUCT(B${row}:B${fLast})=0,"${DASH}",${newCustomersOfYear(1, m.acquisition.newCustomersByYear.length)}/PRODUCT(B${row}:B${fLast}))`, stage.volume, FMT.count);
    row++;
  });

  // --- lanes --------------------------------------------------------------------
  row++;
  section(ws, row++, 1, `Expansion lanes at the end of year ${Y}`);
  ws.getRow(row).height = 32;
  headers(ws, row++, 1, ['Lane', 'ARR', 'Share of total ARR', 'Gross margin', `Margin floor (${INCREMENTAL_MARGIN_FLOOR * 100}% on incremental revenue)`]);
  const closingY = bl.ref(bl.col.year.closing, bl.yearRow(Y));
  r.lanes.forEach((lane, i) => {
    putFormula(ws, row, 1, names.lane(i, 'name'), lane.name);
    putFormula(ws, row, 2, bl.ref(bl.col.year.laneEnd[i]!, bl.yearRow(Y)), lane.arrEnd, F('money', lane.arrEnd));
    putFormula(ws, row, 3, `IF(${closingY}=0,"${DASH}",B${row}/${closingY})`, lane.share, FMT.percent);
    putFormula(ws, row, 4, names.lane(i, 'grossMargin'), lane.grossMargin, FMT.percent);
    putFormula(ws, row, 5, `IF(D${row}<${INCREMENTAL_MARGIN_FLOOR},"${FLOOR_FLAG}","OK")`, lane.belowMarginFloor ? FLOOR_FLAG : 'OK').alignment = { horizontal: 'left', indent: 1 };
    at(`lane${i}`, 1, row);
    row++;
  });
  if (!L) note(ws, row++, 1, 'No expansion lanes in this model.');

  // --- verdicts -------------------------------------------------------------------
  row++;
  const verdictYear = Y >= 2 ? 2 : 1;
  const vy = yearRow.get(verdictYear);
  row = writeVerdicts(ws, row, m, r, {
    year: verdictYear,
    fvMonth: n('journey.firstValue.month'),
    targetDays: n('journey.firstValue.targetDays'),
    acv: names.yearValue('acquisition.acv', verdictYear),
    nrr: vy !== undefined ? retention(verdictYear, 'nrr') : null,
    grr: vy !== undefined ? retention(verdictYear, 'grr') : null,
    expansionShare: bl.ref(bl.col.year.share, bl.yearRow(verdictYear)),
    churn: bl.ref(bl.col.year.churn, bl.yearRow(verdictYear)),
  });

  ws.getColumn(1).width = 46;
  for (let c = 2; c <= Math.max(Y, 5); c++) ws.getColumn(c).width = 16;
  ws.getColumn(3).width = 22;
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return {
    ref: (id) => {
      const x = refs.get(id);
      if (!x) throw new Error(`no metric ${id}`);
      return x;
    },
    year: (y, what) => {
      if (!yearRow.has(y) || !measureRow.has(what)) throw new Error(`no retention figure ${what} for year ${y}`);
      return onSheet(SHEETS.metrics, a1(yearCol(y), measureRow.get(what)!, true));
    },
  };
}
