// Plan against actual (issue #14): where the plan's months overlap the imported
// actuals (a plan saved last quarter, this quarter's export), each month's ARR,
// new, expansion, contraction and churn as plan, actual and difference. Exact:
// both sides are the core's decimals.
import type { Dec } from '../core/decimal';
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
