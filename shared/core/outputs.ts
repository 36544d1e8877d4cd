// The outputs goal seek can aim at and ranges summarise: every number of spec §7's
// `calc` object, arrays by 0-based index (`nrrByYear[1]` is year-2 NRR).
import type { FigureFormat } from '../report/format';
import type { ModelInputs } from '../model/inputs';
import { computeExact } from './compute';
import type { Dec } from './decimal';
import { computeFigure } from './figures';
import type { ModelResult } from './result';
import type { BridgeYear } from './result';
import { completeYears } from './years';

type Yearly = { name: string; format: FigureFormat; of: <N>(y: BridgeYear<N>) => N | null; words: (year: number) => string };
const YEARLY: Readonly<Record<string, Yearly>> = {
  arrByYearEnd: { name: 'arrByYearEnd', format: 'money', of: (y) => y.closing, words: (n) => `ARR at the end of year ${n}` },
  nrrByYear: { name: 'nrrByYear', format: 'percent', of: (y) => y.nrr, words: (n) => `year-${n} NRR` },
  grrByYear: { name: 'grrByYear', format: 'percent', of: (y) => y.grr, words: (n) => `year-${n} GRR` },
  churnByYear: { name: 'churnByYear', format: 'money', of: (y) => y.churn, words: (n) => `churn in year ${n}` },
  contractionByYear: { name: 'contractionByYear', format: 'money', of: (y) => y.contraction, words: (n) => `contraction in year ${n}` },
  expansionByYear: { name: 'expansionByYear', format: 'money', of: (y) => y.expansion, words: (n) => `expansion in year ${n}` },
  newArrByYear: { name: 'newArrByYear', format: 'money', of: (y) => y.newLogo, words: (n) => `new-logo ARR in year ${n}` },
  revenueByYear: { name: 'revenueByYear', format: 'money', of: (y) => y.revenue, words: (n) => `revenue in year ${n}` },
  customersByYearEnd: { name: 'customersByYearEnd', format: 'count', of: (y) => y.customersEnd, words: (n) => `customers at the end of year ${n}` },
};

type Scalar = { format: FigureFormat; of: <N>(r: ModelResult<N>) => N | null; words: string; figure?: string };
const SCALARS: Readonly<Record<string, Scalar>> = {
  openingArr: { format: 'money', of: (r) => r.openingArr, words: 'opening ARR' },
  'journey.fullJourneyRetention': { format: 'percent', of: (r) => r.journey.fullJourneyRetention, words: 'full-journey retention' },
  'journey.renewalDecisionRetention': { format: 'percent', of: (r) => r.journey.renewalDecisionRetention, words: 'renewal-decision retention' },
  'ltv.revenue': { format: 'money', of: (r) => r.ltv.revenue, words: 'revenue LTV', figure: 'ltv.revenue' },
  'ltv.grossMargin': { format: 'money', of: (r) => r.ltv.grossMargin, words: 'gross-margin LTV', figure: 'ltv.grossMargin' },
  'ltv.discountedGrossMargin': { format: 'money', of: (r) => r.ltv.discountedGrossMargin, words: 'discounted gross-margin LTV', figure: 'ltv.discountedGrossMargin' },
  ltvToCac: { format: 'ratio', of: (r) => r.ltvToCac, words: 'LTV:CAC', figure: 'ltvToCac' },
  cacPaybackMonths: { format: 'months', of: (r) => r.cacPaybackMonths, words: 'CAC payback' },
};

/** The yearly outputs, then the scalars, in spec §7's order. */
export const YEARLY_OUTPUTS = Object.keys(YEARLY);
export const SCALAR_OUTPUTS = Object.keys(SCALARS);

export interface OutputRef {
  /** `nrrByYear[1]`, `ltvToCac` */
  key: string;
  /** how a sentence names it: "year-2 NRR" */
  words: string;
  /** how a scenario's name says it, where shorter: "NRR" (year 2, the headline), "GRR Y3" */
  short?: string;
  format: FigureFormat;
  /** the figure of a result, exact (Dec) or as numbers */
  of: <N>(r: ModelResult<N>) => N | null;
  /** the same figure through core/figures.ts's shorter route, where it has one */
  fast?: (m: ModelInputs) => Dec | null;
}

export type OutputResolved = { ok: true; value: OutputRef } | { ok: false; error: string };

/** Every output key of a model with `years` complete years, in order (the ranges table's rows). */
export function outputKeys(years: number): string[] {
  const out: string[] = [];
  for (const name of YEARLY_OUTPUTS) for (let i = 0; i < years; i++) out.push(`${name}[${i}]`);
  return [...out, ...SCALAR_OUTPUTS];
}

/** An output key of this model (its horizon decides which years exist), or why not. */
export function resolveOutput(m: ModelInputs, rawKey: string): OutputResolved {
  const key = rawKey.trim();
  if (key.startsWith('segments.')) return { ok: false, error: `${key}: this model has no segments` };
  const years = completeYears(m.general.horizonMonths);
  const yearly = /^([A-Za-z]+)\[(\d+)\]$/.exec(key);
  if (yearly && YEARLY[yearly[1]!]) {
    const spec = YEARLY[yearly[1]!]!;
    const i = Number(yearly[2]);
    if (i >= years) return { ok: false, error: `${key}: the model has ${years} complete year${years === 1 ? '' : 's'} (index 0–${years - 1})` };
    const kind = spec.name === 'arrByYearEnd' ? 'arr' : spec.name === 'nrrByYear' ? 'nrr' : spec.name === 'grrByYear' ? 'grr' : null;
    // Year-1 NRR and GRR without a base are null; core/figures.ts refuses to compute them.
    const fast = kind && (kind === 'arr' || i >= 1) ? (x: ModelInputs) => computeFigure(x, `${kind}.y${i + 1}`) : undefined;
    const short = kind === 'nrr' || kind === 'grr' ? `${kind.toUpperCase()}${i === 1 ? '' : ` Y${i + 1}`}` : undefined;
    return { ok: true, value: { key, words: spec.words(i + 1), ...(short ? { short } : {}), format: spec.format, of: <N>(r: ModelResult<N>) => { const y = r.annual[i]; return y ? spec.of(y) : null; }, ...(fast ? { fast } : {}) } };
  }
  const scalar = SCALARS[key];
  if (scalar) {
    const figure = scalar.figure;
    return { ok: true, value: { key, words: scalar.words, format: scalar.format, of: scalar.of, ...(figure ? { fast: (x: ModelInputs) => computeFigure(x, figure) } : {}) } };
  }
  if (YEARLY[key]) return { ok: false, error: `${key}: name one year, e.g. ${key}[0] for year 1` };
  return { ok: false, error: `${key}: not an output (use a figure of calc, e.g. nrrByYear[1], arrByYearEnd[2], ltvToCac)` };
}

/** The output of a valid model, computed the shortest way. */
export function outputValue(m: ModelInputs, out: OutputRef): Dec | null {
  return out.fast ? out.fast(m) : out.of(computeExact(m, { figuresOnly: true }));
}
