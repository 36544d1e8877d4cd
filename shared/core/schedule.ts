// The acquisition schedule and the cohort roll-up: company figure at month t =
// Σ over cohorts c of newCustomers(c) × per-customer figure at age t − c (spec §4).
// New logos come in blocks of equal monthly volume (a year's first month, or each
// month of a year), so with prefix sums over age each block costs O(1), not O(months).
import type { ModelInputs } from '../model/inputs';
import { D, ZERO, type Dec } from './decimal';

export interface Block {
  /** first and last closing month of the block, inclusive */
  from: number;
  to: number;
  /** new logos closed in each month of the block */
  perMonth: Dec;
  year: number;
}

/**
 * Years past the end of `newCustomersByYear` close no new logos: the list names
 * the years it plans for (documented in docs/model-choices.md).
 */
export function acquisitionBlocks(inputs: ModelInputs, horizon = inputs.general.horizonMonths): Block[] {
  const blocks: Block[] = [];
  inputs.acquisition.newCustomersByYear.forEach((n, i) => {
    const start = 12 * i;
    if (start >= horizon || n === 0) return;
    const count = new D(n);
    if (inputs.acquisition.timing === 'yearStart') blocks.push({ from: start, to: start, perMonth: count, year: i + 1 });
    else blocks.push({ from: start, to: Math.min(start + 11, horizon - 1), perMonth: count.div(12), year: i + 1 });
  });
  return blocks;
}

/** New logos closed in month t. */
export function newCustomersAt(blocks: readonly Block[], t: number): Dec {
  for (const b of blocks) if (t >= b.from && t <= b.to) return b.perMonth;
  return ZERO;
}

/** P[k] = Σ f(0..k); P has one more slot in front so that P(−1) = 0. */
export class Prefix {
  private readonly p: Dec[];
  constructor(private readonly f: readonly Dec[]) {
    this.p = new Array<Dec>(f.length + 1);
    let s = ZERO;
    this.p[0] = s;
    for (let i = 0; i < f.length; i++) {
      s = s.add(f[i]!);
      this.p[i + 1] = s;
    }
  }
  /** Σ f(0..k), k clamped to the computed ages (k < 0 gives 0). */
  upTo(k: number): Dec {
    if (k < 0) return ZERO;
    const i = Math.min(k + 1, this.p.length - 1);
    return this.p[i]!;
  }
  /** f(k) itself: read directly, not as a difference of two large prefix sums. */
  at(k: number): Dec {
    return k < 0 || k >= this.f.length ? ZERO : this.f[k]!;
  }
}

/**
 * Σ over cohorts c ≤ min(cMax, t) of newCustomers(c) × f(t − c).
 * `f` must be computed for every age up to t.
 */
export function rollUp(f: Prefix, blocks: readonly Block[], t: number, cMax = t): Dec {
  const last = Math.min(cMax, t);
  let s = ZERO;
  for (const b of blocks) {
    if (b.from > last) continue;
    const hi = Math.min(b.to, last);
    // Σ_{c=from..hi} f(t − c) = P(t − from) − P(t − hi − 1); a one-month block
    // (yearStart) reads f directly, keeping full relative precision on tiny values.
    const span = hi === b.from ? f.at(t - b.from) : f.upTo(t - b.from).sub(f.upTo(t - hi - 1));
    s = s.add(b.perMonth.mul(span));
  }
  return s;
}
