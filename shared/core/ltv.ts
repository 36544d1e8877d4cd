// Cohort LTV per customer and unit economics (spec §5).
import type { ModelInputs } from '../model/inputs';
import type { Journey } from './journey';
import { D, ONE, ZERO, type Dec } from './decimal';
import { firstYear } from '../model/ramps';

export const ltvMonths = (inputs: ModelInputs): number => 12 * inputs.general.ltvYears;

export interface Ltv {
  revenue: Dec;
  grossMargin: Dec;
  discountedGrossMargin: Dec;
  /** cumulative revenue LTV after each age of the window */
  curve: Dec[];
}

/** One month's discount factor, (1 + d)^(−1/12). */
export const monthlyDiscount = (inputs: ModelInputs): Dec => ONE.div(ONE.add(inputs.general.discountRateAnnual).pow(ONE.div(12)));

/** Over ages 0 … 12·ltvYears − 1; month a discounted by (1 + d)^(−(a+1)/12). */
export function customerLtv(inputs: ModelInputs, j: Journey): Ltv {
  const months = ltvMonths(inputs);
  if (j.ages < months) throw new Error(`journey has ${j.ages} ages, LTV needs ${months}`);
  const discount = monthlyDiscount(inputs);
  let revenue = ZERO, gm = ZERO, disc = ZERO, factor = ONE;
  const curve: Dec[] = [];
  for (let a = 0; a < months; a++) {
    factor = factor.mul(discount);
    const r = j.arr[a]!.div(12);
    const g = j.gmArr[a]!.div(12);
    revenue = revenue.add(r);
    gm = gm.add(g);
    disc = disc.add(g.mul(factor));
    curve.push(revenue);
  }
  return { revenue, grossMargin: gm, discountedGrossMargin: disc, curve };
}

export function ltvToCac(inputs: ModelInputs, discountedGm: Dec): Dec | null {
  const cac = new D(firstYear(inputs.acquisition.cacPerCustomer));
  return cac.isZero() ? null : discountedGm.div(cac);
}

/** Year-1 CAC ÷ (year-1 ACV × margin ÷ 12) (spec §2.1): 0 when CAC is 0, null when the monthly margin is 0. */
export function cacPaybackMonths(inputs: ModelInputs): Dec | null {
  const cac = new D(firstYear(inputs.acquisition.cacPerCustomer));
  if (cac.isZero()) return ZERO;
  const monthly = new D(firstYear(inputs.acquisition.acv)).mul(inputs.general.subscriptionGrossMargin).div(12);
  return monthly.isZero() ? null : cac.div(monthly);
}

/** Volume needed at each left-side stage for year-1 new logos. */
export function funnelVolumes(inputs: ModelInputs): { name: string; rate: Dec; volume: Dec | null }[] {
  const stages = inputs.acquisition.funnel;
  const year1 = new D(inputs.acquisition.newCustomersByYear[0] ?? 0);
  const out: { name: string; rate: Dec; volume: Dec | null }[] = [];
  let through = ONE;
  for (let i = stages.length - 1; i >= 0; i--) {
    through = through.mul(stages[i]!.rate);
    out.unshift({ name: stages[i]!.name, rate: new D(stages[i]!.rate), volume: through.isZero() ? null : year1.div(through) });
  }
  return out;
}
