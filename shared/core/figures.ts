// Single figures computed with only the journey ages they need, for sensitivity:
// year-2 NRR needs 24 ages of one customer, not the whole model. Each goes through
// the same functions as computeExact, so a figure here equals the full model's.
import type { ModelInputs } from '../model/inputs';
import { D, sum, type Dec } from './decimal';
import { hasSegments, segmentModel, segmentsOf } from '../model/segments';
import { computeCompany } from './segments';
import { computeJourney } from './journey';
import { customerLtv, ltvMonths, ltvToCac } from './ltv';
import { retentionWindow } from './retention';
import { acquisitionBlocks, AgeSeries, rollUp } from './schedule';
import { simulateCalendar, windowAt } from './calendar';
import { Rates } from './rates';
import { computeExact, needsCalendar } from './compute';
import { baseCohorts, firstYear, valueInYear } from '../model/ramps';
import { completeYears } from './years';

export type FigureKey = string; // nrr.y<N> | grr.y<N> | arr.y<N> | customers.y<N> | ltv.revenue | ltv.grossMargin | ltv.discountedGrossMargin | ltvToCac

export interface FigureInfo {
  key: FigureKey;
  label: string;
  format: 'percent' | 'money' | 'ratio' | 'count';
}

/**
 * The outputs a two-way table or tornado can show, for a model with `years` complete
 * years; year-1 NRR and GRR exist only on an installed base (spec §4).
 */
export function figureChoices(years: number, hasBase = false): FigureInfo[] {
  const out: FigureInfo[] = [];
  for (let y = hasBase ? 1 : 2; y <= years; y++) {
    out.push({ key: `nrr.y${y}`, label: `NRR, year ${y}`, format: 'percent' });
    out.push({ key: `grr.y${y}`, label: `GRR, year ${y}`, format: 'percent' });
  }
  for (let y = 1; y <= years; y++) out.push({ key: `arr.y${y}`, label: `ARR at end of year ${y}`, format: 'money' });
  for (let y = 1; y <= years; y++) out.push({ key: `customers.y${y}`, label: `Customers at end of year ${y}`, format: 'count' });
  out.push(
    { key: 'ltv.revenue', label: 'LTV (revenue)', format: 'money' },
    { key: 'ltv.grossMargin', label: 'LTV (gross margin)', format: 'money' },
    { key: 'ltv.discountedGrossMargin', label: 'LTV (discounted gross margin)', format: 'money' },
    { key: 'ltvToCac', label: 'LTV:CAC', format: 'ratio' },
  );
  return out;
}

/** Inputs only unit economics read (spec §5): margins, the discount rate, the LTV horizon, CAC. */
const MARGIN = /^(general\.subscriptionGrossMargin|lanes\.[^.]+\.grossMargin)$/;
const DISCOUNT_RATE = 'general.discountRateAnnual';
const LTV_YEARS = 'general.ltvYears';
const CAC = 'acquisition.cacPerCustomer';

/**
 * Whether a figure reads an input at all. ARR, NRR and GRR (spec §4) read none
 * of the unit-economics inputs; revenue LTV reads no margin and no discount
 * rate, gross-margin LTV no discount rate, and of the figures only LTV:CAC
 * reads CAC (spec §5). A change to an input a figure does not read leaves it as
 * it was, to the last digit: the tornado takes the base figure for such a driver
 * instead of computing it again (tests/shared/core/sensitivity.test.ts holds
 * this to the core on random models).
 */
export function figureReads(key: FigureKey, inputKey: string): boolean {
  if (/^(nrr|grr|arr)\.y\d+$/.test(key)) return !MARGIN.test(inputKey) && inputKey !== DISCOUNT_RATE && inputKey !== LTV_YEARS && inputKey !== CAC;
  if (key === 'ltvToCac') return true;
  if (inputKey === CAC) return false;
  if (key === 'ltv.revenue') return !MARGIN.test(inputKey) && inputKey !== DISCOUNT_RATE;
  if (key === 'ltv.grossMargin') return inputKey !== DISCOUNT_RATE;
  return true;
}

/** One figure of a valid model; null where the figure is undefined (spec: shown —). */
export function computeFigure(inputs: ModelInputs, key: FigureKey): Dec | null {
  const customers = /^customers\.y(\d+)$/.exec(key);
  if (customers) {
    const y = Number(customers[1]);
    if (y < 1 || y > completeYears(inputs.general.horizonMonths)) throw new Error(`no figure ${key} for this horizon`);
    // customers come from the whole model's roll-up (the expected count of every cohort)
    return computeExact(inputs, { figuresOnly: true }).annual[y - 1]!.customersEnd;
  }
  return hasSegments(inputs) ? companyFigure(inputs, key) : singleFigure(inputs, key);
}

/**
 * A company of segments (spec §2.3): a yearly figure from the summed sets, an LTV
 * as the year-1 mix's Σ w_s × LTV_s, LTV:CAC from the blended LTV and CAC.
 */
function companyFigure(inputs: ModelInputs, key: FigureKey): Dec | null {
  const yearly = /^(nrr|grr|arr)\.y(\d+)$/.exec(key);
  if (yearly) {
    const y = Number(yearly[2]);
    const r = computeCompany(inputs, { figuresOnly: true });
    const year = r.annual[y - 1];
    if (!year || (yearly[1] !== 'arr' && y < 2 && baseCohorts(inputs).length === 0)) throw new Error(`no figure ${key} for this horizon`);
    return yearly[1] === 'arr' ? year.closing : yearly[1] === 'nrr' ? year.nrr : year.grr;
  }
  const parts = segmentsOf(inputs).map((s) => ({ m: segmentModel(inputs, s), w: new D(valueInYear(s.logoShare, 1)) }));
  const mix = (f: (m: ModelInputs) => Dec) => sum(parts.map((p) => p.w.mul(f(p.m))));
  if (key === 'ltvToCac') {
    const cac = mix((m) => new D(firstYear(m.acquisition.cacPerCustomer)));
    return cac.isZero() ? null : mix((m) => singleFigure(m, 'ltv.discountedGrossMargin')!).div(cac);
  }
  if (key.startsWith('ltv.')) return mix((m) => singleFigure(m, key)!);
  throw new Error(`unknown figure ${key}`);
}

function singleFigure(inputs: ModelInputs, key: FigureKey): Dec | null {
  const yearly = /^(nrr|grr|arr)\.y(\d+)$/.exec(key);
  if (yearly) {
    const y = Number(yearly[2]);
    if (y < 1 || y > completeYears(inputs.general.horizonMonths) || (yearly[1] !== 'arr' && y < 2 && baseCohorts(inputs).length === 0)) throw new Error(`no figure ${key} for this horizon`);
    if (needsCalendar(inputs)) {
      // Ramps or a base: the calendar simulation, only as far as the figure's year.
      const b = 12 * (y - 1) - 1;
      const run = simulateCalendar(inputs, new Rates(inputs), 12 * y, { keptFor: (t) => t === b, flows: false });
      if (yearly[1] === 'arr') return run.closing[12 * y - 1]!;
      const w = windowAt(run, 12 * y - 1)!;
      return yearly[1] === 'nrr' ? w.nrr : w.grr;
    }
    const j = computeJourney(inputs, 12 * y, undefined, { grossRetained: yearly[1] === 'grr' || yearly[1] === 'nrr', grossMargin: false });
    const blocks = acquisitionBlocks(inputs);
    const arr = new AgeSeries(j.arr);
    if (yearly[1] === 'arr') return rollUp(arr, blocks, 12 * y - 1);
    const w = retentionWindow({ arr, grossRetained: new AgeSeries(j.grossRetained) }, blocks, 12 * (y - 1) - 1);
    return yearly[1] === 'nrr' ? w.nrr : w.grr;
  }
  const ltv = customerLtv(inputs, computeJourney(inputs, ltvMonths(inputs), undefined, { grossRetained: false }));
  switch (key) {
    case 'ltv.revenue': return ltv.revenue;
    case 'ltv.grossMargin': return ltv.grossMargin;
    case 'ltv.discountedGrossMargin': return ltv.discountedGrossMargin;
    case 'ltvToCac': return ltvToCac(inputs, ltv.discountedGrossMargin);
  }
  throw new Error(`unknown figure ${key}`);
}
