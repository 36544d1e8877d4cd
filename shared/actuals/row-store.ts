// The rows of an actuals file while it streams in: customer ids interned to
// integers, months as integers and ARR as exact scaled integers, each in a
// growable typed array (16 bytes a row: 3 million rows take 48 MB, not the
// gigabytes of one object per row).
import type { Amount, MonthIndex } from './values';
import type { Units } from './exact-sums';

const SAFE = Number.MAX_SAFE_INTEGER;
const pow10 = (n: number) => 10 ** n; // exact for n ≤ 22
const pow10n = (n: number) => 10n ** BigInt(n);

export class RowStore {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  customer = new Int32Array(1024);
  month = new Int32Array(1024);
  /** ARR in units of 10^−scale; null once the store went wide */
  value: Float64Array | null = new Float64Array(1024);
  /** the same, as bigints, once a value did not fit a double exactly */
  wide: bigint[] | null = null;
  scale = 0;
  length = 0;
  minMonth = Infinity;
  maxMonth = -Infinity;
  private maxUnits = 0;

  /** Adds one row; `multiplier` is 12 for an `mrr` column, 1 for `arr`. */
  add(customerName: string, month: MonthIndex, amount: Amount, multiplier: 1 | 12): void {
    let id = this.ids.get(customerName);
    if (id === undefined) {
      id = this.names.length;
      // A copy, not a slice of the parser's chunk: a kept slice would keep the whole chunk alive.
      const own = (' ' + customerName).slice(1);
      this.ids.set(own, id);
      this.names.push(own);
    }
    if (this.length === this.customer.length) this.grow();
    const i = this.length++;
    this.customer[i] = id;
    this.month[i] = month;
    if (month < this.minMonth) this.minMonth = month;
    if (month > this.maxMonth) this.maxMonth = month;
    if (amount.places > this.scale) this.rescale(amount.places);
    const shift = this.scale - amount.places;
    if (this.value) {
      const v = amount.units * pow10(shift) * multiplier;
      if (shift <= 15 && Number.isSafeInteger(v) && v <= SAFE) {
        this.value[i] = v;
        if (v > this.maxUnits) this.maxUnits = v;
        return;
      }
    }
    if (!this.wide) this.goWide(i);
    this.wide![i] = BigInt(amount.units) * pow10n(shift) * BigInt(multiplier);
  }

  get isWide(): boolean { return this.wide !== null; }

  /** A row's ARR as stored (number or bigint, per isWide). */
  units(i: number): Units { return this.wide ? this.wide[i]! : this.value![i]!; }

  private grow(): void {
    const n = this.customer.length * 2;
    const c = new Int32Array(n); c.set(this.customer); this.customer = c;
    const m = new Int32Array(n); m.set(this.month); this.month = m;
    if (this.value) { const v = new Float64Array(n); v.set(this.value); this.value = v; }
  }

  /** More decimal places arrived: every stored value gains the same places. */
  private rescale(places: number): void {
    const f = places - this.scale;
    this.scale = places;
    if (this.value) {
      if (f <= 15 && this.maxUnits * pow10(f) <= SAFE) {
        const k = pow10(f);
        for (let i = 0; i < this.length - 1; i++) this.value[i] = this.value[i]! * k;
        this.maxUnits *= k;
        return;
      }
      this.goWide(this.length - 1, f);
      return;
    }
    const k = pow10n(f);
    for (let i = 0; i < this.length - 1; i++) this.wide![i] = this.wide![i]! * k;
  }

  /** Values beyond 2^53 units: keep every value as a bigint from now on (exact, slower). */
  private goWide(upTo: number, extraPlaces = 0): void {
    const k = pow10n(extraPlaces);
    const wide = new Array<bigint>(upTo);
    for (let i = 0; i < upTo; i++) wide[i] = BigInt(this.value![i]!) * k;
    this.wide = wide;
    this.value = null;
  }
}
