// A double with the slice of decimal.js's API the core uses (add, mul, div, pow,
// comparisons, D.min / D.max). decimal.ts swaps it in for one synchronous call
// (`inFloat`), so a Monte Carlo sample or a goal seek's scan runs the one core
// about fifty times faster; tests/shared/float-core.test.ts holds it to the
// decimal core within 1e-9 relative on random models.
type Value = FloatDecimal | number | string | { toNumber(): number };

const val = (x: Value): number =>
  typeof x === 'number' ? x : x instanceof FloatDecimal ? x.v : typeof x === 'string' ? Number(x) : x.toNumber();

export class FloatDecimal {
  readonly v: number;
  constructor(x: Value) { this.v = val(x); }

  static min(...xs: Value[]): FloatDecimal { return new FloatDecimal(Math.min(...xs.map(val))); }
  static max(...xs: Value[]): FloatDecimal { return new FloatDecimal(Math.max(...xs.map(val))); }

  add(x: Value): FloatDecimal { return new FloatDecimal(this.v + val(x)); }
  plus(x: Value): FloatDecimal { return this.add(x); }
  sub(x: Value): FloatDecimal { return new FloatDecimal(this.v - val(x)); }
  minus(x: Value): FloatDecimal { return this.sub(x); }
  mul(x: Value): FloatDecimal { return new FloatDecimal(this.v * val(x)); }
  times(x: Value): FloatDecimal { return this.mul(x); }
  div(x: Value): FloatDecimal { return new FloatDecimal(this.v / val(x)); }
  pow(x: Value): FloatDecimal { return new FloatDecimal(Math.pow(this.v, val(x))); }
  ln(): FloatDecimal { return new FloatDecimal(Math.log(this.v)); }
  sqrt(): FloatDecimal { return new FloatDecimal(Math.sqrt(this.v)); }
  abs(): FloatDecimal { return new FloatDecimal(Math.abs(this.v)); }
  neg(): FloatDecimal { return new FloatDecimal(-this.v); }
  isZero(): boolean { return this.v === 0; }
  isNeg(): boolean { return this.v < 0; }
  isFinite(): boolean { return Number.isFinite(this.v); }
  cmp(x: Value): number { const o = val(x); return this.v < o ? -1 : this.v > o ? 1 : 0; }
  eq(x: Value): boolean { return this.v === val(x); }
  gt(x: Value): boolean { return this.v > val(x); }
  gte(x: Value): boolean { return this.v >= val(x); }
  lt(x: Value): boolean { return this.v < val(x); }
  lte(x: Value): boolean { return this.v <= val(x); }
  toNumber(): number { return this.v; }
  valueOf(): string { return String(this.v); }
  toString(): string { return String(this.v); }
}
