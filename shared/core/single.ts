// One model without segments (spec §3–§6): its figures, and the raw parts of its
// NRR/GRR sets that a company of segments sums (spec §2.3). compute.ts is the
// entry point; inputs must be valid (model/validate.ts), the core does not re-check them.
import type { ModelInputs } from '../model/inputs';
import { D, ZERO, sum, type Dec } from './decimal';
import { computeJourney, journeyRetention, JOURNEY_PATHS, type Journey, type JourneyPath } from './journey';
import { baseCohorts, firstYear, hasRamps } from '../model/ramps';
import { Rates } from './rates';
import { completeYears } from './years';
import { simulateCalendar, windowAt, type CalendarRun } from './calendar';
import { acquisitionBlocks, newCustomersAt, AgeSeries, rollUp, rollUpSplit } from './schedule';
import { journeySeries, windowOf, type RetentionWindow } from './retention';
import { cacPaybackMonths, customerLtv, funnelVolumes, ltvMonths, ltvToCac } from './ltv';
import { doublingTimeYears, INCREMENTAL_MARGIN_FLOOR, nrrBand, valueOfNrrPoint } from './bands';
import type { BridgeMonth, BridgeYear, CohortRow, JourneyAge, ModelResult, NrrDecomposition } from './result';

export function monthLabel(startMonth: string, t: number): string {
  const [y, m] = startMonth.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) + t;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/** The set of an NRR/GRR window in currency, before any division: segments sum these (spec §2.3). */
export interface SetParts {
  begin: Dec;
  end: Dec;
  /** GRR's numerator: beginning ARR still there at the end */
  kept: Dec;
}

/** A model year's set with every flow of its decomposition. */
export interface YearSet extends SetParts {
  flows: SetFlows;
}

/** What a company of segments sums: each month's trailing-12 window (null where it has none) and each year's set. */
export interface Parts {
  windows: (SetParts | null)[];
  years: YearSet[];
}

export interface Company extends Parts {
  months: BridgeMonth<Dec>[];
  annual: BridgeYear<Dec>[];
  cohorts: CohortRow<Dec>[];
  openingArr: Dec;
}

/**
 * Without ramps or a base every cohort follows one journey: company figures are
 * Σ over acquisition blocks of logos × that journey's figures by age.
 */
function journeyCompany(inputs: ModelInputs, j: Journey, noCohortTable = false): Company {
  const H = inputs.general.horizonMonths;
  const Y = completeYears(H);
  const series = journeySeries(j);
  const active = new AgeSeries(j.active);
  const blocks = acquisitionBlocks(inputs);
  const acv = new D(firstYear(inputs.acquisition.acv));
  const laneCount = inputs.lanes.length;

  // Monthly bridge. Closing is rolled up from one customer's ARR like every flow, not
  // accumulated from the flows: the bridge then ties out to ~1e-45 of the model's
  // scale, and an ARR that decays towards zero keeps its relative precision.
  // Each roll-up also yields, in the same pass and digit for digit as its own roll-up,
  // the part from cohorts closed before this model year (the year's NRR set: its
  // flows decompose NRR) and, for closing, from cohorts closed 12 months ago (the
  // trailing-12 window's end).
  const months: BridgeMonth<Dec>[] = [];
  // The trailing-12 window ending at month 12y−1 is year y's NRR/GRR: kept for the annual roll-up.
  const windows: (RetentionWindow | null)[] = [];
  const setFlows = { churn: ZERO, contraction: ZERO, price: ZERO, seat: ZERO, lanes: series.buys.map(() => ZERO) };
  const yearSetFlows: (typeof setFlows)[] = [];
  let opening = ZERO;
  for (let t = 0; t < H; t++) {
    const setEnd = 12 * Math.floor(t / 12) - 1;
    const flow = (p: AgeSeries) => rollUpSplit(p, blocks, t, setEnd);
    const n = newCustomersAt(blocks, t);
    const newLogo = n.mul(acv);
    const lanes = series.buys.map((s, i) => { const r = flow(s); setFlows.lanes[i] = setFlows.lanes[i]!.add(r.set); return r.all; });
    const seat = flow(series.seat), price = flow(series.price), contraction = flow(series.contraction), churn = flow(series.churn);
    setFlows.seat = setFlows.seat.add(seat.set); setFlows.price = setFlows.price.add(price.set);
    setFlows.contraction = setFlows.contraction.add(contraction.set); setFlows.churn = setFlows.churn.add(churn.set);
    if (t % 12 === 11) {
      yearSetFlows.push({ ...setFlows, lanes: [...setFlows.lanes] });
      setFlows.churn = setFlows.contraction = setFlows.price = setFlows.seat = ZERO;
      setFlows.lanes = setFlows.lanes.map(() => ZERO);
    }
    const arr = rollUpSplit(series.arr, blocks, t, t - 12);
    const closing = arr.all;
    const w = t >= 12 ? windowOf(months[t - 12]!.closing, arr.set, () => rollUp(series.grossRetained, blocks, t - 12)) : null;
    windows.push(w);
    const nrrT12 = w ? w.nrr : null, grrT12 = w ? w.grr : null;
    months.push({
      month: t, label: monthLabel(inputs.general.startMonth, t), opening, newLogo, lanes, seat: seat.all, price: price.all,
      contraction: contraction.all, churn: churn.all, closing, customers: rollUp(active, blocks, t), newCustomers: n,
      revenue: closing.div(12), nrrT12, grrT12,
    });
    opening = closing;
  }

  // Annual roll-up, NRR/GRR of year y ≥ 2 on the customers closed before it.
  const laneArr = j.arrBySlice.slice(1).map((a) => new AgeSeries(a));
  const annual: BridgeYear<Dec>[] = [];
  const years: YearSet[] = [];
  for (let y = 1; y <= Y; y++) {
    let retention: Retention = { nrr: null, grr: null, decomposition: null };
    // Year 1's set is the installed base: none on this route.
    years.push(y >= 2 ? { ...parts(windows[12 * y - 1]!), flows: yearSetFlows[y - 1]! } : { begin: ZERO, end: ZERO, kept: ZERO, flows: yearSetFlows[0]! });
    if (y >= 2) {
      const w = windows[12 * y - 1]!;
      retention = { nrr: w.nrr, grr: w.grr, decomposition: w.begin.isZero() ? null : decompose(w.begin, w.end, yearSetFlows[y - 1]!) };
    }
    annual.push(yearOf(months, y, laneCount, retention, laneArr.map((s) => rollUp(s, blocks, 12 * y - 1))));
  }

  // Cohort table: each acquisition year's cumulative revenue through each model year.
  const cohorts: CohortRow<Dec>[] = [];
  for (let ya = 1; ya <= Y && !noCohortTable; ya++) {
    const own = blocks.filter((b) => b.year === ya);
    const customers = new D(inputs.acquisition.newCustomersByYear[ya - 1] ?? 0);
    const cumulativeRevenue: (Dec | null)[] = [];
    let cum = ZERO;
    for (let y = 1; y <= Y; y++) {
      for (let t = 12 * (y - 1); t < 12 * y; t++) cum = cum.add(rollUp(series.arr, own, t).div(12));
      cumulativeRevenue.push(y < ya ? null : cum);
    }
    cohorts.push({ year: ya, customers, cumulativeRevenue });
  }
  return { months, annual, cohorts, openingArr: ZERO, windows: windows.map((w) => w && parts(w)), years };
}

const parts = (w: RetentionWindow): SetParts => ({ begin: w.begin, end: w.end, kept: w.kept });

/**
 * Ramps or an installed base: the calendar simulation (calendar.ts), or the
 * run the caller already has (`given`: the workbook's Calendar sheet). With
 * `yearly`, only the year-end NRR/GRR windows and no cohort table (a Monte
 * Carlo sample's needs): the monthly trailing-12 series are then null.
 */
function calendarCompany(inputs: ModelInputs, rates: Rates, yearly = false, given?: CalendarRun): Company {
  const H = inputs.general.horizonMonths;
  const Y = completeYears(H);
  const run = given ?? simulateCalendar(inputs, rates, H, yearly ? { keptFor: (b) => (b + 1) % 12 === 0, cohortTable: false } : {});
  const window = (t: number): RetentionWindow | null => (yearly && t % 12 !== 11 ? null : windowAt(run, t));
  const months: BridgeMonth<Dec>[] = [];
  const windows: (RetentionWindow | null)[] = [];
  let opening = run.openingArr;
  for (let t = 0; t < H; t++) {
    const w = window(t);
    windows.push(w);
    const closing = run.closing[t]!;
    months.push({
      month: t, label: monthLabel(inputs.general.startMonth, t), opening, newLogo: run.newLogo[t]!,
      lanes: run.flows.lanes[t]!, seat: run.flows.seat[t]!, price: run.flows.price[t]!,
      contraction: run.flows.contraction[t]!, churn: run.flows.churn[t]!, closing,
      customers: run.customers[t]!, newCustomers: run.newCustomers[t]!, revenue: closing.div(12),
      nrrT12: w ? w.nrr : null, grrT12: w ? w.grr : null,
    });
    opening = closing;
  }
  const annual: BridgeYear<Dec>[] = [];
  const years: YearSet[] = [];
  for (let y = 1; y <= Y; y++) {
    const w = windows[12 * y - 1]!;
    const range = Array.from({ length: 12 }, (_, i) => 12 * (y - 1) + i);
    const total = (xs: Dec[]) => sum(range.map((t) => xs[t]!));
    const f = {
      churn: total(run.setFlows.churn), contraction: total(run.setFlows.contraction),
      price: total(run.setFlows.price), seat: total(run.setFlows.seat),
      lanes: inputs.lanes.map((_, i) => sum(range.map((t) => run.setFlows.lanes[t]![i]!))),
    };
    years.push({ ...parts(w), flows: f });
    annual.push(yearOf(months, y, inputs.lanes.length, { nrr: w.nrr, grr: w.grr, decomposition: w.begin.isZero() ? null : decompose(w.begin, w.end, f) }, run.laneArrEnd[y - 1]!));
  }
  const cohorts: CohortRow<Dec>[] = [];
  for (let ya = 1; ya <= Y; ya++) {
    if (yearly) break;
    cohorts.push({
      year: ya,
      customers: new D(inputs.acquisition.newCustomersByYear[ya - 1] ?? 0),
      cumulativeRevenue: run.cohortRevenue[ya - 1]!.map((v, i) => (i + 1 < ya ? null : v)),
    });
  }
  return { months, annual, cohorts, openingArr: run.openingArr, windows: windows.map((w) => w && parts(w)), years };
}

type Retention = Pick<BridgeYear<Dec>, 'nrr' | 'grr' | 'decomposition'>;
export type SetFlows = { churn: Dec; contraction: Dec; price: Dec; seat: Dec; lanes: Dec[] };

export function decompose(begin: Dec, end: Dec, f: SetFlows): NrrDecomposition<Dec> {
  const share = (x: Dec) => x.div(begin);
  return {
    begin, end,
    churn: share(f.churn), contraction: share(f.contraction), lanes: f.lanes.map(share),
    seat: share(f.seat), price: share(f.price), amounts: f,
  };
}

/** One model year of the bridge: sums of its months, with its NRR/GRR. */
export function yearOf(months: BridgeMonth<Dec>[], y: number, laneCount: number, retention: Retention, laneArrEnd: Dec[]): BridgeYear<Dec> {
  const ms = months.slice(12 * (y - 1), 12 * y);
  const total = (f: (m: BridgeMonth<Dec>) => Dec) => sum(ms.map(f));
  const lanes = Array.from({ length: laneCount }, (_, i) => total((m) => m.lanes[i]!));
  const seat = total((m) => m.seat);
  const price = total((m) => m.price);
  const expansion = sum(lanes).add(seat).add(price);
  const newLogo = total((m) => m.newLogo);
  const last = ms[11]!;
  return {
    year: y, opening: ms[0]!.opening, newLogo, lanes, seat, price, expansion,
    contraction: total((m) => m.contraction), churn: total((m) => m.churn), closing: last.closing,
    revenue: total((m) => m.revenue), customersEnd: last.customers, newCustomers: total((m) => m.newCustomers),
    ...retention,
    expansionShare: expansion.add(newLogo).isZero() ? null : expansion.div(expansion.add(newLogo)),
    laneArrEnd,
  };
}

/** Does this model need the calendar simulation (ramps that change a value, or an installed base)? */
export const needsCalendar = (inputs: ModelInputs): boolean => hasRamps(inputs) || baseCohorts(inputs).length > 0;

/** How a model is computed: see computeExact (compute.ts). */
export interface ComputeOptions { calendar?: boolean; figuresOnly?: boolean; run?: CalendarRun }

/** A model's per-new-customer figures (spec §3, §5): a company of segments blends these by its year-1 mix. */
export type PerCustomer = Pick<ModelResult<Dec>, 'journey' | 'ltv' | 'ltvCurve' | 'ltvToCac' | 'cacPaybackMonths'>;

/** One model without segments: its result and the parts a company of segments sums. */
export function computeSingle(inputs: ModelInputs, options: ComputeOptions = {}): { result: ModelResult<Dec>; parts: Parts } {
  const H = inputs.general.horizonMonths;
  const ages = Math.max(H, ltvMonths(inputs));
  const rates = new Rates(inputs);
  const j = computeJourney(inputs, ages, rates);
  const company = options.calendar ?? needsCalendar(inputs) ? calendarCompany(inputs, rates, options.figuresOnly, options.run) : journeyCompany(inputs, j, options.figuresOnly);

  const journeyAges: JourneyAge<Dec>[] = [];
  for (let a = 0; a < ages; a++) {
    const byPath = {} as Record<JourneyPath, { arr: Dec; active: Dec }>;
    for (const s of JOURNEY_PATHS) byPath[s] = { arr: j.arrByPath[s][a]!, active: j.activeByPath[s][a]! };
    journeyAges.push({
      age: a, arr: j.arr[a]!, base: j.arrBySlice[0]![a]!, lanes: j.arrBySlice.slice(1).map((x) => x[a]!),
      active: j.active[a]!, byPath,
    });
  }

  const ltv = customerLtv(inputs, j);
  const perCustomer: PerCustomer = {
    journey: { ...journeyRetention(inputs, rates), pathProbability: j.pathProbability, ages: journeyAges },
    ltv: { revenue: ltv.revenue, grossMargin: ltv.grossMargin, discountedGrossMargin: ltv.discountedGrossMargin },
    ltvCurve: ltv.curve,
    ltvToCac: ltvToCac(inputs, ltv.discountedGrossMargin),
    cacPaybackMonths: cacPaybackMonths(inputs),
  };
  return { result: assemble(inputs, company, perCustomer), parts: { windows: company.windows, years: company.years } };
}

/** A result from its company figures and per-customer figures: the §6 figures that follow from them. */
export function assemble(inputs: ModelInputs, company: Omit<Company, keyof Parts>, perCustomer: PerCustomer): ModelResult<Dec> {
  const H = inputs.general.horizonMonths;
  const Y = completeYears(H);
  const { months, annual, cohorts, openingArr } = company;
  const y2 = annual[1];
  const nrr2 = y2?.nrr ?? null;
  const lastYear = annual[Y - 1];
  const totalEnd = lastYear ? lastYear.closing : ZERO;
  // Spec §6: one NRR point is worth 1% of the first year with a defined NRR's opening set.
  const firstSetYear = annual[0]?.decomposition ? 1 : y2?.decomposition ? 2 : null;
  const firstSet = firstSetYear === null ? null : annual[firstSetYear - 1]!.decomposition;
  return {
    horizonMonths: H,
    years: Y,
    openingArr,
    months,
    annual,
    ...perCustomer,
    funnel: funnelVolumes(inputs),
    cohorts,
    nrrBand: nrrBand(nrr2),
    valueOfNrrPoint: firstSet ? valueOfNrrPoint(firstSet.begin) : null,
    valueOfNrrPointYear: firstSetYear,
    doublingTimeYears: doublingTimeYears(nrr2),
    lanes: inputs.lanes.map((l, i) => {
      const arrEnd = lastYear ? lastYear.laneArrEnd[i]! : ZERO;
      return {
        id: l.id, name: l.name, grossMargin: new D(l.grossMargin), arrEnd,
        share: totalEnd.isZero() ? null : arrEnd.div(totalEnd),
        belowMarginFloor: l.grossMargin < INCREMENTAL_MARGIN_FLOOR,
      };
    }),
  };
}

