// Seed-sourced thresholds and the small formulas of spec §6.
import { D, ONE, type Dec } from './decimal';

/** Seed 001's NRR bands, lower bound inclusive (spec §6). */
export const NRR_BANDS: readonly { from: number | null; label: string }[] = [
  { from: null, label: 'Structural problem' },
  { from: 0.9, label: 'Retention without growth' },
  { from: 1.0, label: 'Healthy' },
  { from: 1.1, label: 'Strong' },
  { from: 1.2, label: 'Elite' },
  { from: 1.3, label: 'Exceptional' },
];

// An NRR within this of 1 is 1: the rest is rounding in the core's 50-digit
// arithmetic (two summation orders of a ratio that is exactly 1), and ln of it
// would turn that noise into a doubling time of 10^48 years.
const NRR_NOISE = new D('1e-40');

export function nrrBand(nrr: Dec | number | null): string | null {
  if (nrr === null) return null;
  // Within the core's rounding noise of a bound is on it: a company of segments sums
  // its sets in another order, and 100% NRR must stay Healthy (spec §2.3).
  const x = new D(nrr).add(NRR_NOISE);
  let label = NRR_BANDS[0]!.label;
  for (const b of NRR_BANDS) if (b.from !== null && x.gte(b.from)) label = b.label;
  return label;
}

/** Seed 000: a 10-point NRR spread at 100 × $65K is $650,000, so one point is begin × 1%. */
export const valueOfNrrPoint = (beginArr: Dec): Dec => beginArr.mul('0.01');

/** Seed 003: 130% NRR doubles the base in "roughly 2.5 years" (exactly ln 2 / ln 1.3 = 2.64). */

export function doublingTimeYears(nrr: Dec | null): Dec | null {
  if (nrr === null || nrr.lte(ONE.plus(NRR_NOISE))) return null;
  return new D(2).ln().div(nrr.ln());
}

/** Seed 002: "at least a 15 percent incremental margin on incremental ARR". */
export const INCREMENTAL_MARGIN_FLOOR = 0.15;
