// Model years (spec §1, §2.1): month t (from 0) falls in model year ⌊t/12⌋ + 1, also
// past the horizon; annual figures exist only for complete years; an input that
// changes by year lists at most ten values, and a year past its list uses the last.

import { MAX_RAMP_YEARS } from '../model/ramps';

/** The last year an input may list a value for. */
export const LAST_RAMP_YEAR = MAX_RAMP_YEARS;

export const yearOfMonth = (t: number): number => Math.floor(t / 12) + 1;

/** The years with annual figures: the complete years of a horizon of `months`. */
export const completeYears = (months: number): number => Math.floor(months / 12);

/** The years a horizon of `months` reaches into, the last one possibly partial. */
export const yearsTouched = (months: number): number => yearOfMonth(months - 1);

/** The year whose rates apply in model year y: before year 1 year 1's, past the tenth the tenth's. */
export const rateYear = (y: number): number => Math.min(Math.max(y, 1), LAST_RAMP_YEAR);

/** The year whose rates apply to an event in month t (a close, a renewal, a purchase). */
export const rateYearOfMonth = (t: number): number => rateYear(yearOfMonth(t));
