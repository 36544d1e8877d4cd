// Segments in the workbook (spec §2.3). Each segment is a model of its own, so it
// gets the sheets a model with a Calendar has, under its own names ("ent Bridge",
// "ent Journey", "ent Calendar"), reading its inputs as override-or-model
// (segment-names.ts). The company's ARR Bridge sums the segments' Bridges cell by
// cell (flows, ARR, customers, the NRR sets' parts) and takes NRR and GRR as ratios
// of those sums; Cohorts sum the segments' cohort revenue; Metrics' per-new-customer
// figures are the year-1 mix of the segments' (weights: each segment's year-1 logo share).
import type * as ExcelJS from 'exceljs';
import Decimal from 'decimal.js';
import type { Dec, ModelInputs } from '../index';
import { segmentModel } from '../model/segments';
import type { CalendarRun, CalendarSheet } from '../core/workbook-api';
import { a1, colLetter, MODEL_SHEETS, onSheet, SHEETS, type SheetNames } from './names';
import { LANE_TOP } from './sheets/journey-lanes';
import { completeYears, JOURNEY_PATHS } from '../index';
import { DASH, putFormula } from './cells';
import { FMT, headers, note, section } from './styles';
import { segmentFigures, type Figures } from './figures';
import type { InputNames } from './sheets/assumptions';
import { writeCalendar, type CalendarLayout } from './sheets/calendar';
import { writeJourney } from './sheets/journey';
import { BRIDGE_NEW_CUSTOMERS_COL, bridgeMonthRow, writeBridge, type BridgeLayout } from './sheets/bridge';
import { unitFormulas, type UnitFormulas } from './sheets/metrics';
import { logoShareOfYear, segmentInputNames } from './segment-names';

/** Sheet names ≤ 31 characters, unique ignoring case: a segment's id, or its position when the id is too long or clashes. */
export function segmentSheetNames(m: ModelInputs): SheetNames[] {
  const segs = m.segments ?? [];
  const lower = segs.map((s) => s.id.toLowerCase());
  return segs.map((s, k) => {
    const tag = s.id.length <= 22 && lower.indexOf(lower[k]!) === k ? s.id : `Segment ${k + 1}`;
    return { bridge: `${tag} Bridge`, journey: `${tag} Journey`, calendar: `${tag} Calendar` };
  });
}

const ZERO = new Decimal(0);
const add = (xs: Dec[][]): Dec[] => xs[0]!.map((_, t) => xs.reduce((s, x) => s.plus(x[t]!), ZERO));
const addRows = (xs: Dec[][][]): Dec[][] => xs[0]!.map((_, t) => add(xs.map((x) => x[t]!)));

/** The company's working columns: the segments' calendar runs added month by month (what the company Bridge's sums cache). */
function sumRuns(runs: CalendarRun[]): CalendarRun {
  const first = runs[0]!;
  const flows = (f: (r: CalendarRun) => CalendarRun['setFlows']) => ({
    churn: add(runs.map((r) => f(r).churn)), contraction: add(runs.map((r) => f(r).contraction)),
    price: add(runs.map((r) => f(r).price)), seat: add(runs.map((r) => f(r).seat)), lanes: addRows(runs.map((r) => f(r).lanes)),
  });
  return {
    ...first,
    setFlows: flows((r) => r.setFlows),
    agedArr: add(runs.map((r) => r.agedArr)),
    kept: first.kept.map((_, i) => (runs.every((r) => r.kept[i] === null) ? null : runs.reduce((s, r) => s.plus(r.kept[i] ?? ZERO), ZERO))),
    renewing: {
      all: [0, 1].map((c) => add(runs.map((r) => r.renewing!.all[c]!))),
      set: [0, 1].map((c) => add(runs.map((r) => r.renewing!.set[c]!))),
    },
  };
}

export interface SegmentSheets {
  /** the company's ARR Bridge */
  bl: BridgeLayout;
  /** the company's figures with its summed working columns */
  fig: Figures;
  /** the company's Cohorts read this (its cohort revenue: the segments' summed) */
  cal: CalendarLayout;
  /** per-new-customer formulas: the year-1 mix of the segments' */
  unit: UnitFormulas;
  segmentBridges: BridgeLayout[];
}

export function writeSegmentSheets(wb: ExcelJS.Workbook, m: ModelInputs, names: InputNames, fig: Figures): SegmentSheets {
  const segs = m.segments!;
  const sheetNames = segmentSheetNames(m);
  const written = segs.map((s, k) => {
    const sm = segmentModel(m, s);
    const sf = segmentFigures(sm);
    const sheets = sheetNames[k]!;
    const sn = segmentInputNames(m, k, names);
    const cal = writeCalendar(wb, sm, sn, sf, (t) => onSheet(sheets.bridge, a1(BRIDGE_NEW_CUSTOMERS_COL, bridgeMonthRow(sm, t), true)), sheets);
    const jl = writeJourney(wb, sm, sf, sn, cal, sheets);
    // On paper a segment's Journey is its path and lane tables: the 120 ages (some 60 pages each) are for the formulas.
    wb.getWorksheet(sheets.journey)!.pageSetup.printArea = `A$1:${colLetter(6 + JOURNEY_PATHS.length)}$${LANE_TOP + 2 + Math.max(sm.lanes.length, 1)}`;
    const bl = writeBridge(wb, sm, sf, sn, jl, cal, sheets);
    return { cal, bl, unit: unitFormulas(jl, sn), run: sf.calendar!.run };
  });
  const company: Figures = { ...fig, calendar: { run: sumRuns(written.map((w) => w.run)) } as CalendarSheet };
  // The company's Bridge reads no Calendar of its own: every cell a Calendar feeds is a sum of the segments'.
  const none = () => '';
  const cal: CalendarLayout = {
    year: none, yearLane: none, lanes: none, renewing: none, closing: none, customers: none, kept: none, laneEnd: none, opening: '',
    cohortRevenue: (g, y) => written.map((w) => w.cal.cohortRevenue(g, y)).join('+'),
  };
  const bl = writeBridge(wb, m, company, names, null, cal, MODEL_SHEETS, { sheets: sheetNames.map((s) => s.bridge) });
  const mix = (f: (u: UnitFormulas) => string) => written.map((w, k) => `${logoShareOfYear(m, k, 1)}*(${f(w.unit)})`).join('+');
  const unit: UnitFormulas = {
    ltvRevenue: mix((u) => u.ltvRevenue), ltvGrossMargin: mix((u) => u.ltvGrossMargin), ltvDiscounted: mix((u) => u.ltvDiscounted),
    cac: `(${mix((u) => u.cac)})`, acv: `(${mix((u) => u.acv)})`, fullJourney: mix((u) => u.fullJourney), decision: mix((u) => u.decision),
  };
  return { bl, fig: company, cal, unit, segmentBridges: written.map((w) => w.bl) };
}

/**
 * On Metrics, below everything else: each segment beside the company by year (ARR at
 * year end, its share of the company's, NRR and GRR), each a formula over the
 * segment's own Bridge, so the mix and the segment that drags NRR read at a glance.
 */
export function writeSegmentTable(wb: ExcelJS.Workbook, m: ModelInputs, fig: Figures, company: BridgeLayout, segmentBridges: BridgeLayout[]): void {
  const ws = wb.getWorksheet(SHEETS.metrics)!;
  const Y = completeYears(m.general.horizonMonths);
  if (!Y) return;
  const segs = m.segments!;
  const sheets = segmentSheetNames(m);
  let row = ws.rowCount + 2;
  section(ws, row++, 1, 'By segment (each from its own Bridge sheet; the company is their sum)');
  headers(ws, row++, 1, ['Segment · measure', ...Array.from({ length: Y }, (_, i) => `Year ${i + 1}`)]);
  const cell = (sheet: string, col: number, r: number) => onSheet(sheet, a1(col, r, true));
  const blocks: { label: string; bl: BridgeLayout; sheet: string; res: Figures['result'] | NonNullable<Figures['result']['segments']>[string]; share: boolean }[] = [
    ...segs.map((s, k) => ({ label: s.name, bl: segmentBridges[k]!, sheet: sheets[k]!.bridge, res: fig.result.segments![s.id]!, share: true })),
    { label: 'Company', bl: company, sheet: SHEETS.bridge, res: fig.result, share: false },
  ];
  for (const b of blocks) {
    const measures: { label: string; formula: (y: number) => string; value: (y: number) => Parameters<typeof putFormula>[4]; fmt: string }[] = [
      { label: 'ARR at year end', formula: (y) => cell(b.sheet, b.bl.col.year.closing, b.bl.yearRow(y)), value: (y) => b.res.annual[y - 1]!.closing, fmt: FMT.money },
      ...(b.share ? [{
        label: 'Share of company ARR', fmt: FMT.percent,
        formula: (y: number) => { const c = cell(SHEETS.bridge, company.col.year.closing, company.yearRow(y)); return `IF(${c}=0,"${DASH}",${cell(b.sheet, b.bl.col.year.closing, b.bl.yearRow(y))}/${c})`; },
        value: (y: number) => ('arrShareByYearEnd' in b.res ? b.res.arrShareByYearEnd[y - 1] ?? null : null),
      }] : []),
      { label: 'NRR', formula: (y) => cell(b.sheet, b.bl.col.nrr, b.bl.monthRow(12 * y - 1)), value: (y) => b.res.annual[y - 1]!.nrr, fmt: FMT.percent },
      { label: 'GRR', formula: (y) => cell(b.sheet, b.bl.col.grr, b.bl.monthRow(12 * y - 1)), value: (y) => b.res.annual[y - 1]!.grr, fmt: FMT.percent },
    ];
    for (const x of measures) {
      ws.getCell(row, 1).value = `${b.label}: ${x.label}`;
      if (!b.share) ws.getCell(row, 1).font = { bold: true };
      for (let y = 1; y <= Y; y++) putFormula(ws, row, 1 + y, x.formula(y), x.value(y), x.fmt).alignment = { horizontal: 'right' };
      row++;
    }
  }
  note(ws, row, 1, 'The company\'s NRR and GRR are not averages of the segments\': they are the summed sets\' ratios (the ARR Bridge).');
}
