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
import { needsCalendar } from './compute';
import { baseCohorts, firstYear, valueInYear } from '../model/ramps';
import { completeYears } from './years';

export type FigureKey = string; // nrr.y<N> | grr.y<N> | arr.y<N> | ltv.revenue | ltv.grossMargin | ltv.discountedGrossMargin | ltvToCac

export interface FigureInfo {
  key: FigureKey;
  label: string;
  format: 'percent' | 'money' | 'ratio';
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
  out.push(
    { key: 'ltv.revenue', label: 'LTV (revenue)', format: 'money' },
    { key: 'ltv.grossMargin', label: 'LTV (gross margin)', format: 'money' },
    { key: 'ltv.discountedGrossMargin', label: 'LTV (discounted gross margin)', format: 'money' },
    { key: 'ltvToCac', label: 'LTV:CAC', format: 'ratio' },
  );
  return out;
}

/** One figure of a valid model; null where the figure is undefined (spec: shown —). */
export function computeFigure(inputs: ModelInputs, key: FigureKey): Dec | null {
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
      const run = simulateCalendar(inputs, new Rates(inputs), 12 * y, { keptFor: (t) => t === b, cohortTable: false });
      if (yearly[1] === 'arr') return run.closing[12 * y - 1]!;
      const w = windowAt(run, 12 * y - 1)!;
      return yearly[1] === 'nrr' ? w.nrr : w.grr;
    }
    const j = computeJourney(inputs, 12 * y);
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
