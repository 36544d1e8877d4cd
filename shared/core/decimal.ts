import Decimal from 'decimal.js';
import { FloatDecimal } from './float-decimal';

// One decimal context for the whole core. 50 significant digits keeps every
// figure exact to the cent through hundreds of chained products and the long
// sums of the company roll-up (spec §8: exact to the cent, 1e-9 relative
// against another engine).
const Exact = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN });
export type Dec = Decimal;

// `D`, `ZERO` and `ONE` are live bindings: `inFloat` swaps them for the double
// stand-in for the length of one synchronous call (a Monte Carlo sample, a goal
// seek's scan), so the same core code runs either way. Everything else, and
// every figure a user reads as the model's, is computed in decimal.
export let D: typeof Exact = Exact;
export let ZERO: Dec = new Exact(0);
export let ONE: Dec = new Exact(1);
const EXACT_ZERO = ZERO, EXACT_ONE = ONE;
const FLOAT = FloatDecimal as unknown as typeof Exact;
const FLOAT_ZERO = new FLOAT(0), FLOAT_ONE = new FLOAT(1);

/** True while `inFloat` runs: figures are then doubles, agreeing with the decimal core to 1e-9 relative. */
export const isFloat = (): boolean => D === FLOAT;

/**
 * Run `fn` with the core's arithmetic in doubles (spec §11: a sample's figures
 * agree with an independent implementation to 1e-9 relative; the method is
 * free). `fn` must be synchronous and must turn its results into numbers before
 * it returns: a float "decimal" does not outlive the call.
 */
export function inFloat<T>(fn: () => T): T {
  if (isFloat()) return fn();
  D = FLOAT; ZERO = FLOAT_ZERO; ONE = FLOAT_ONE;
  try {
    return fn();
  } finally {
    D = Exact; ZERO = EXACT_ZERO; ONE = EXACT_ONE;
  }
}

export function sum(xs: readonly Decimal[]): Decimal {
  let s = ZERO;
  for (const x of xs) s = s.add(x);
  return s;
}

/** Decimal to the nearest double: the only place figures leave decimal arithmetic. */
export const num = (x: Decimal): number => x.toNumber();
export const numOrNull = (x: Decimal | null): number | null => (x === null ? null : x.toNumber());
