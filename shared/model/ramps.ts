// Plans that change by model year (spec §2.1): which inputs may be a list of yearly
// values, and the value that applies in a given year.
import type { ModelInputs, Rampable } from './inputs';

/** The most yearly values a ramp may list. */
export const MAX_RAMP_YEARS = 10;

/** Inputs outside the lanes that may be ramped, with the year that applies to each. */
export const RAMPABLE_KEYS: readonly { key: string; applies: 'close' | 'renewal' }[] = [
  { key: 'journey.onboarding.rate', applies: 'close' },
  { key: 'journey.firstValue.rate', applies: 'close' },
  { key: 'journey.adoption.rate', applies: 'close' },
  { key: 'acquisition.acv', applies: 'close' },
  { key: 'acquisition.cacPerCustomer', applies: 'close' },
  { key: 'journey.renewal.rate', applies: 'renewal' },
  { key: 'journey.renewal.nonAdopterRate', applies: 'renewal' },
  { key: 'journey.contractionRate', applies: 'renewal' },
  { key: 'journey.priceIncrease', applies: 'renewal' },
  { key: 'journey.seatExpansion', applies: 'renewal' },
];
/** Lane fields that may be ramped; the purchase month's year applies. */
export const RAMPABLE_LANE_FIELDS = ['attachRate', 'acv'] as const;

/** The value of a rampable input in model year y (1-based); years past the list use its last value. */
export function valueInYear(x: Rampable, year: number): number {
  if (typeof x === 'number') return x;
  return x[Math.min(Math.max(year, 1), x.length) - 1]!;
}

/** Year 1's value: what per-customer figures and the collapsed cell show first. */
export const firstYear = (x: Rampable): number => valueInYear(x, 1);

/** The yearly values as a list (a constant is one value). */
export const yearlyValues = (x: Rampable): number[] => (typeof x === 'number' ? [x] : [...x]);

/** True when the input takes more than one value over the years (a list of equal values is a constant). */
export function changesByYear(x: Rampable): boolean {
  return Array.isArray(x) && x.some((v) => v !== x[0]);
}

/** Every rampable value of a model, for "does anything change by year?". */
export function rampableValues(m: ModelInputs): Rampable[] {
  const j = m.journey, a = m.acquisition;
  return [
    j.onboarding.rate, j.firstValue.rate, j.adoption.rate, a.acv, a.cacPerCustomer,
    j.renewal.rate, j.renewal.nonAdopterRate, j.contractionRate, j.priceIncrease, j.seatExpansion,
    ...m.lanes.flatMap((l) => [l.attachRate, l.acv]),
  ];
}

export const hasRamps = (m: ModelInputs): boolean => rampableValues(m).some(changesByYear);

/** The installed base's cohorts (a model saved before the base existed has none). */
export const baseCohorts = (m: ModelInputs) => m.base?.cohorts ?? [];

/**
 * Apply a step to every year of a rampable value and clamp each year to [min, max]
 * (spec §2.1: a tornado or biggest-drag step shifts every year, then clamps).
 */
export function mapYears(x: Rampable, f: (v: number) => number): Rampable {
  return typeof x === 'number' ? f(x) : x.map(f);
}
