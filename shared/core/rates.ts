// The model's rampable inputs resolved to decimals for each model year (spec §2.1).
// Year y ≥ 10 uses the last listed value of every input (lists hold at most 10).
import type { ModelInputs } from '../model/inputs';
import { valueInYear } from '../model/ramps';
import { D, ONE, type Dec } from './decimal';
import { rateYear, yearOfMonth } from './years';

export type JourneyPath = 'failedOnboarding' | 'failedFirstValue' | 'failedAdoption' | 'adopter';
export const JOURNEY_PATHS: readonly JourneyPath[] = ['failedOnboarding', 'failedFirstValue', 'failedAdoption', 'adopter'];

export interface YearRates {
  /** path probabilities of a customer closed this year */
  probs: Record<JourneyPath, Dec>;
  acv: Dec;
  cac: Dec;
  /** renewal rates of a renewal in this year */
  rate: Dec;
  non: Dec;
  contraction: Dec;
  price: Dec;
  seat: Dec;
  /** 1 − contraction + price + seat */
  growth: Dec;
  /** expected ARR bought per active eligible customer in a window month of this year, by lane */
  lanePerMonth: Dec[];
}

export { LAST_RAMP_YEAR, yearOfMonth } from './years';

export function probabilities(on: Dec, fv: Dec, ad: Dec): Record<JourneyPath, Dec> {
  return {
    failedOnboarding: ONE.sub(on),
    failedFirstValue: on.mul(ONE.sub(fv)),
    failedAdoption: on.mul(fv).mul(ONE.sub(ad)),
    adopter: on.mul(fv).mul(ad),
  };
}

/** Rates by model year, resolved once per year and shared by every cohort. */
export class Rates {
  private readonly cache: YearRates[] = [];
  constructor(readonly inputs: ModelInputs) {}

  year(y: number): YearRates {
    const k = rateYear(y);
    return (this.cache[k] ??= this.resolve(k));
  }

  /** The rates that apply to an event in month t (a renewal, a purchase, a close). */
  month(t: number): YearRates {
    return this.year(yearOfMonth(t));
  }

  private resolve(y: number): YearRates {
    const { journey: j, acquisition: a } = this.inputs;
    const v = (x: number | number[]) => new D(valueInYear(x, y));
    const contraction = v(j.contractionRate), price = v(j.priceIncrease), seat = v(j.seatExpansion);
    return {
      probs: probabilities(v(j.onboarding.rate), v(j.firstValue.rate), v(j.adoption.rate)),
      acv: v(a.acv),
      cac: v(a.cacPerCustomer),
      rate: v(j.renewal.rate),
      non: v(j.renewal.nonAdopterRate),
      contraction, price, seat,
      growth: ONE.sub(contraction).add(price).add(seat),
      lanePerMonth: this.inputs.lanes.map((l) => v(l.attachRate).div(l.windowEnd - l.windowStart + 1).mul(v(l.acv))),
    };
  }
}
