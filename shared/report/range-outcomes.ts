// What a ranges run (spec §11) says, in the words the Ranges view, the board
// report's "Range of outcomes" block and the workbook's Ranges sheet share: the
// rows of the percentile table, the histogram of one output, and the board's
// few lines. Pure: numbers in, rows and sentences out.
import { resolveOutput } from '../core/outputs';
import type { RangesReport, RangeTarget, Spread } from '../core/ranges';
import { completeYears } from '../core/years';
import type { ModelInputs } from '../model/inputs';
import { formatFigure, type FigureFormat } from './format';

export interface RangeRow {
  /** the output's key (spec §10): `arrByYearEnd[2]`, `ltvToCac` */
  key: string;
  label: string;
  format: FigureFormat;
}

/** The percentile table's rows: ARR, NRR, GRR and customers by year, then LTV:CAC (issue 21). */
export function rangeTableRows(inputs: ModelInputs): RangeRow[] {
  const years = completeYears(inputs.general.horizonMonths);
  const rows: RangeRow[] = [];
  const add = (name: string, label: (y: number) => string, format: FigureFormat) => {
    for (let i = 0; i < years; i++) rows.push({ key: `${name}[${i}]`, label: label(i + 1), format });
  };
  add('arrByYearEnd', (y) => `ARR, end of year ${y}`, 'money');
  add('nrrByYear', (y) => `NRR, year ${y}`, 'percent');
  add('grrByYear', (y) => `GRR, year ${y}`, 'percent');
  add('customersByYearEnd', (y) => `Customers, end of year ${y}`, 'count');
  rows.push({ key: 'ltvToCac', label: 'LTV:CAC', format: 'ratio' });
  return rows;
}

/** How a sentence names an output: "ARR at the end of year 3"; the key itself when it is not one. */
export function outputWords(inputs: ModelInputs, key: string): string {
  const r = resolveOutput(inputs, key);
  return r.ok ? r.value.words : key;
}

export function outputFormat(inputs: ModelInputs, key: string): FigureFormat {
  const r = resolveOutput(inputs, key);
  return r.ok ? r.value.format : 'text';
}

export interface Histogram {
  /** bins.length + 1 edges, ascending */
  edges: number[];
  counts: number[];
}

/** `bins` equal-width bins from the least to the greatest value (one bin when all are equal); the last bin holds its upper edge. */
export function histogram(values: ArrayLike<number>, bins = 20): Histogram {
  if (values.length === 0) return { edges: [], counts: [] };
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < values.length; i++) { const v = values[i]!; if (v < lo) lo = v; if (v > hi) hi = v; }
  if (hi === lo) return { edges: [lo, hi], counts: [values.length] };
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) counts[Math.min(bins - 1, Math.floor((values[i]! - lo) / width))]! += 1;
  return { edges: Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width)), counts };
}

/** "$2.1M – $3.4M" (P10 to P90), or a dash where the figure never exists. */
export function spreadText(s: Spread | undefined, format: FigureFormat, currency: string): string {
  if (!s || s.p10 === null || s.p90 === null) return '—';
  return `${formatFigure(s.p10, format, currency)} – ${formatFigure(s.p90, format, currency)}`;
}

/** The output the board's plan line reads: ARR at the end of the last complete year. */
export function planArrKey(inputs: ModelInputs): string {
  return `arrByYearEnd[${Math.max(0, completeYears(inputs.general.horizonMonths) - 1)}]`;
}

/** The target "the plan": the base case's own ARR at the end of the last complete year (exact, from the base result). */
export const planTarget = (inputs: ModelInputs, planArr: number): RangeTarget => ({ output: planArrKey(inputs), value: planArr });

/** The run's targets with the plan's added when it is not among them already. */
export function withPlanTarget(targets: readonly RangeTarget[], plan: RangeTarget | null): RangeTarget[] {
  if (!plan || targets.some((t) => t.output === plan.output && t.value === plan.value)) return [...targets];
  return [...targets, plan];
}

export interface RangeOfOutcomes {
  /** "ARR, end of year 3 (P10 – P90)" */
  arrLabel: string;
  arr: string;
  nrrLabel: string;
  nrr: string;
  /** "Chance of the plan's year-3 ARR ($3.1M) or more: 48%" */
  plan: string;
  /** "1,000 samples, seed 1; 3 ranged inputs" */
  basis: string;
}

/**
 * The board page's "Range of outcomes" block: P10–P90 of the last full year's
 * ARR and of the headline NRR (year 2, or year 1 in a one-year model), and the
 * share of samples at or above the plan's own ARR that year (the plan target,
 * withPlanTarget). Null without a report.
 */
export function rangeOfOutcomes(inputs: ModelInputs, report: RangesReport | null, planArr: number | null, rangedInputs: number): RangeOfOutcomes | null {
  if (!report) return null;
  const years = completeYears(inputs.general.horizonMonths);
  const currency = inputs.general.currency;
  const arrKey = planArrKey(inputs);
  const nrrYear = years >= 2 ? 1 : 0;
  const hit = planArr === null ? undefined : report.targets.find((t) => t.output === arrKey && t.value === planArr);
  const plan = hit
    ? `Chance of the plan's year-${years} ARR (${formatFigure(hit.value, 'money', currency)}) or more: ${Math.round(hit.share * 100)}%`
    : 'Chance of the plan: —';
  return {
    arrLabel: `ARR, end of year ${years} (P10 – P90)`,
    arr: spreadText(report.figures[arrKey], 'money', currency),
    nrrLabel: `NRR, year ${nrrYear + 1} (P10 – P90)`,
    nrr: spreadText(report.figures[`nrrByYear[${nrrYear}]`], 'percent', currency),
    plan,
    basis: `${report.samples.toLocaleString('en-US')} samples, seed ${report.seed}; ${rangedInputs} ranged input${rangedInputs === 1 ? '' : 's'}`,
  };
}
