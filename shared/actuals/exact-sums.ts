// Exact sums of scaled integers (see values.ts). Three million additions stay in
// plain doubles, which are exact for integers up to 2^53; a slot about to pass
// that moves its total into a bigint first, so no sum ever rounds.
import { D, type Dec } from '../core/decimal';

const SAFE = Number.MAX_SAFE_INTEGER;

/** Values are either all numbers (safe integers) or all bigints: see RowStore. */
export type Units = number | bigint;

export interface Sums {
  add(slot: number, v: Units): void;
  /** the exact total of a slot, as a decimal at `scale` places */
  get(slot: number): Dec;
  readonly size: number;
}

const scaled = (total: bigint, scale: number): Dec => (scale === 0 ? new D(total.toString()) : new D(total.toString()).div(new D(10).pow(scale)));

export class NumberSums implements Sums {
  private readonly lo: Float64Array;
  private hi: bigint[] | null = null;
  constructor(readonly size: number, private readonly scale: number) { this.lo = new Float64Array(size); }

  add(slot: number, v: Units): void {
    const x = v as number;
    const lo = this.lo[slot]!;
    if (lo > SAFE - x) {
      this.hi ??= new Array<bigint>(this.size).fill(0n);
      this.hi[slot]! += BigInt(lo);
      this.lo[slot] = x;
    } else this.lo[slot] = lo + x;
  }

  total(slot: number): bigint { return (this.hi ? this.hi[slot]! : 0n) + BigInt(this.lo[slot]!); }
  get(slot: number): Dec { return scaled(this.total(slot), this.scale); }
}

export class BigSums implements Sums {
  private readonly t: bigint[];
  constructor(readonly size: number, private readonly scale: number) { this.t = new Array<bigint>(size).fill(0n); }
  add(slot: number, v: Units): void { this.t[slot]! += v as bigint; }
  get(slot: number): Dec { return scaled(this.t[slot]!, this.scale); }
}

export const makeSums = (wide: boolean, size: number, scale: number): Sums => (wide ? new BigSums(size, scale) : new NumberSums(size, scale));
