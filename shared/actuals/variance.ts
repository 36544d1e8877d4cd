// Plan against actual (issue #14): where the plan's months overlap the imported
// actuals (a plan saved last quarter, this quarter's export), each month's ARR,
// new, expansion, contraction and churn as plan, actual and difference. Exact:
// both sides are the core's decimals.
import { ZERO, type Dec } from '../core/decimal';
import type { ModelResult } from '../core/result';
import type { ActualsResult } from './compute';

export type VarianceMeasure = 'arr' | 'new' | 'expansion' | 'contraction' | 'churn';
export const VARIANCE_MEASURES: readonly VarianceMeasure[] = ['arr', 'new', 'expansion', 'contraction', 'churn'];

export interface VarianceMonth {
  month: string;
  /** per measure: plan, actual and actual − plan */
  figures: Record<VarianceMeasure, { plan: Dec; actual: Dec; difference: Dec }>;
}

/**
 * The months both have, in order. The plan has no reactivations, so a customer
 * who comes back counts with the new ARR (both are ARR from customers not on
 * the books the month before); the plan's expansion is lanes, seats and price.
 */
export function planVsActual(plan: ModelResult<Dec>, actual: ActualsResult): VarianceMonth[] {
  const at = new Map(actual.months.map((m, t) => [m, t]));
  const out: VarianceMonth[] = [];
  for (const pm of plan.months) {
    const t = at.get(pm.label);
    if (t === undefined) continue;
    const pair = (p: Dec, a: Dec) => ({ plan: p, actual: a, difference: a.sub(p) });
    out.push({
      month: pm.label,
      figures: {
        arr: pair(pm.closing, actual.closing[t]!),
        new: pair(pm.newLogo, actual.new[t]!.add(actual.reactivation[t]!)),
        expansion: pair(pm.lanes.reduce((s, x) => s.add(x), pm.seat.add(pm.price)), actual.expansion[t]!),
        contraction: pair(pm.contraction, actual.contraction[t]!),
        churn: pair(pm.churn, actual.churn[t]!),
      },
    });
  }
  return out;
}

/** Year-to-date and full-year plan against actual, for the plan year the last overlapping month is in. */
export interface VarianceTotals {
  /** the plan's model year (1, 2, …) and its months, YYYY-MM */
  year: number;
  yearFirst: string;
  yearLast: string;
  /** the overlapping months of that year: first and last */
  ytdFirst: string;
  ytdLast: string;
  /** year to date: flows summed over the months, ARR at the last one */
  ytd: Record<VarianceMeasure, { plan: Dec; actual: Dec; difference: Dec }>;
  /** the full year: the plan's 12 months, against the actual months so far and the plan for the rest (the outlook) */
  fullYear: Record<VarianceMeasure, { plan: Dec; actual: Dec; difference: Dec }>;
  /** the plan's months of that year still to come (the outlook takes the plan for them) */
  monthsLeft: number;
}

const planFigure = (pm: ModelResult<Dec>['months'][number], m: VarianceMeasure): Dec => {
  switch (m) {
    case 'arr': return pm.closing;
    case 'new': return pm.newLogo;
    case 'expansion': return pm.lanes.reduce((s, x) => s.add(x), pm.seat.add(pm.price));
    case 'contraction': return pm.contraction;
    case 'churn': return pm.churn;
  }
};

/** null when the plan and the actuals have no month in common. Exact: sums of the core's decimals. */
export function varianceTotals(plan: ModelResult<Dec>, months: readonly VarianceMonth[]): VarianceTotals | null {
  const last = months[months.length - 1];
  if (!last) return null;
  const t = plan.months.findIndex((pm) => pm.label === last.month);
  if (t < 0) return null;
  const year = Math.floor(t / 12) + 1;
  const yearMonths = plan.months.slice((year - 1) * 12, year * 12);
  const inYear = new Set(yearMonths.map((pm) => pm.label));
  const ytdMonths = months.filter((v) => inYear.has(v.month));
  const actualAt = new Map(ytdMonths.map((v) => [v.month, v]));
  const pair = (p: Dec, a: Dec) => ({ plan: p, actual: a, difference: a.sub(p) });
  const ytd = {} as VarianceTotals['ytd'];
  const fullYear = {} as VarianceTotals['fullYear'];
  for (const m of VARIANCE_MEASURES) {
    if (m === 'arr') {
      ytd.arr = pair(last.figures.arr.plan, last.figures.arr.actual);
      // The year's closing ARR: the plan's, against the actual closing plus the plan's change since the last actual month.
      const planEnd = yearMonths[yearMonths.length - 1]!.closing;
      fullYear.arr = pair(planEnd, last.figures.arr.actual.add(planEnd.sub(last.figures.arr.plan)));
      continue;
    }
    const sum = (xs: Dec[]) => xs.reduce((s, x) => s.add(x), ZERO);
    const ytdPlan = sum(ytdMonths.map((v) => v.figures[m].plan));
    const ytdActual = sum(ytdMonths.map((v) => v.figures[m].actual));
    ytd[m] = pair(ytdPlan, ytdActual);
    const rest = sum(yearMonths.filter((pm) => !actualAt.has(pm.label)).map((pm) => planFigure(pm, m)));
    fullYear[m] = pair(sum(yearMonths.map((pm) => planFigure(pm, m))), ytdActual.add(rest));
  }
  return {
    year, yearFirst: yearMonths[0]!.label, yearLast: yearMonths[yearMonths.length - 1]!.label,
    ytdFirst: ytdMonths[0]!.month, ytdLast: last.month, ytd, fullYear, monthsLeft: yearMonths.length - ytdMonths.length,
  };
}
