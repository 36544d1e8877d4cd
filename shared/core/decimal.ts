import Decimal from 'decimal.js';

// One decimal context for the whole core. 50 significant digits keeps every
// figure exact to the cent through hundreds of chained products and the long
// sums of the company roll-up (spec §8: exact to the cent, 1e-9 relative
// against another engine).
export const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN });
export type Dec = Decimal;

export const ZERO = new D(0);
export const ONE = new D(1);

export function sum(xs: readonly Decimal[]): Decimal {
  let s = ZERO;
  for (const x of xs) s = s.add(x);
  return s;
}

/** Decimal to the nearest double: the only place figures leave decimal arithmetic. */
export const num = (x: Decimal): number => x.toNumber();
export const numOrNull = (x: Decimal | null): number | null => (x === null ? null : x.toNumber());
