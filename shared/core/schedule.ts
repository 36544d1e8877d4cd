// The acquisition schedule and the cohort roll-up: company figure at month t =
// Σ over cohorts c of newCustomers(c) × per-customer figure at age t − c (spec §4).
// New logos come in blocks of equal monthly volume (a year's first month, or each
// month of a year). Every sum is taken term by term; a full year's block reads the
// customer's 12-month window sum at that age, computed once per age, so it costs
// O(1) per month rather than O(12).
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

/**
 * One customer's figure by age, with the sums the roll-up needs. Sums are added
 * term by term, never taken as a difference of running totals, so a figure that
 * decays to 1e-40 keeps its full relative precision (a difference of two large
 * running totals would leave only rounding noise).
 */
export class AgeSeries {
  private windows: Dec[] | null = null;
  constructor(readonly values: readonly Dec[]) {}

  /** f(k); 0 outside the computed ages. */
  at(k: number): Dec {
    return k < 0 || k >= this.values.length ? ZERO : this.values[k]!;
  }

  /** Σ f(lo..hi), term by term. */
  sum(lo: number, hi: number): Dec {
    let s = ZERO;
    for (let k = Math.max(0, lo); k <= Math.min(hi, this.values.length - 1); k++) {
      const v = this.values[k]!;
      if (!v.isZero()) s = s.add(v); // adding 0 is exact: skipped (most flows are 0 between renewals)
    }
    return s;
  }

  /** Σ f(k−11..k): a full year of even closings, computed once per age on first use. */
  year(k: number): Dec {
    if (!this.windows) this.windows = this.values.map((_, i) => this.sum(i - 11, i));
    return k < 0 ? ZERO : k < this.windows.length ? this.windows[k]! : this.sum(k - 11, k);
  }
}

/**
 * Σ over cohorts c ≤ min(cMax, t) of newCustomers(c) × f(t − c).
 * `f` must be computed for every age up to t.
 */
export function rollUp(f: AgeSeries, blocks: readonly Block[], t: number, cMax = t): Dec {
  const last = Math.min(cMax, t);
  let s = ZERO;
  for (const b of blocks) {
    if (b.from > last) continue;
    // Σ_{c=from..hi} f(t − c): ages t−hi … t−from
    s = addTimes(s, b.perMonth, span(f, b, t, Math.min(b.to, last)));
  }
  return s;
}

/**
 * rollUp at t both over every cohort and over the cohorts closed by `cMax`, in one
 * pass. Each is the same sequence of additions as its own rollUp call (the blocks
 * closed by cMax come first and are shared), so both are identical to it, digit for
 * digit; the year's set flows then cost nothing beyond the bridge's own.
 */
export function rollUpSplit(f: AgeSeries, blocks: readonly Block[], t: number, cMax: number): { all: Dec; set: Dec } {
  let shared = ZERO;
  let i = 0;
  // blocks wholly closed by min(cMax, t): in both sums
  for (; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.from > t) continue;
    if (b.to > cMax || b.to > t) break;
    shared = addTimes(shared, b.perMonth, span(f, b, t, b.to));
  }
  let all = shared, set = shared;
  for (; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.from <= t) all = addTimes(all, b.perMonth, span(f, b, t, Math.min(b.to, t)));
    if (b.from <= Math.min(cMax, t)) set = addTimes(set, b.perMonth, span(f, b, t, Math.min(b.to, cMax, t)));
  }
  return { all, set };
}

/** Σ_{c=b.from..hi} f(t − c), as rollUp takes it. */
function span(f: AgeSeries, b: Block, t: number, hi: number): Dec {
  return hi === b.from ? f.at(t - b.from) : hi - b.from === 11 ? f.year(t - b.from) : f.sum(t - hi, t - b.from);
}

/** s + n × x; a zero x adds exactly nothing, so it is skipped. */
function addTimes(s: Dec, n: Dec, x: Dec): Dec {
  return x.isZero() ? s : s.add(n.mul(x));
}
