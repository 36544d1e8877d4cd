// The adopter share the journey implies for an installed-base cohort (spec §2.2),
// for the UI's grey placeholder: the same function the core uses to split a cohort.
import type { ModelInputs } from '../model/inputs';
import { baseShares } from './calendar';
import { Rates } from './rates';

/** Share of adopters of a cohort closed `ageMonths` before month 0 when no share is typed. */
export function impliedAdopterShare(inputs: ModelInputs, ageMonths: number): number {
  return baseShares(inputs, new Rates(inputs), ageMonths, null)[3]!.toNumber();
}
