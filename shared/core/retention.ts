// NRR and GRR of a set of customers over twelve months (spec §4): the set is every
// cohort closed by `beginMonth`; begin is their ARR then, end their ARR twelve months on.
import type { Journey } from './journey';
import { D, ZERO, type Dec } from './decimal';
import { Prefix, rollUp, type Block } from './schedule';

/** Prefix sums over age of the per-customer arrays the company roll-up convolves. */
export interface JourneyPrefixes {
  arr: Prefix;
  grossRetained: Prefix;
  churn: Prefix;
  contraction: Prefix;
  price: Prefix;
  seat: Prefix;
  buys: Prefix[];
}

export function journeyPrefixes(j: Journey): JourneyPrefixes {
  return {
    arr: new Prefix(j.arr),
    grossRetained: new Prefix(j.grossRetained),
    churn: new Prefix(j.churn),
    contraction: new Prefix(j.contraction),
    price: new Prefix(j.price),
    seat: new Prefix(j.seat),
    buys: j.buys.map((b) => new Prefix(b)),
  };
}

export interface RetentionWindow {
  begin: Dec;
  end: Dec;
  nrr: Dec | null;
  grr: Dec | null;
}

/** NRR/GRR of the customers closed by `beginMonth`, from beginMonth to beginMonth + 12. */
export function retentionWindow(
  pre: Pick<JourneyPrefixes, 'arr' | 'grossRetained'>,
  blocks: readonly Block[],
  beginMonth: number,
): RetentionWindow {
  const begin = rollUp(pre.arr, blocks, beginMonth, beginMonth);
  const end = rollUp(pre.arr, blocks, beginMonth + 12, beginMonth);
  if (begin.isZero()) return { begin, end, nrr: null, grr: null };
  const kept = rollUp(pre.grossRetained, blocks, beginMonth, beginMonth);
  // kept ≤ begin holds exactly in arithmetic; summed in another order it can exceed
  // begin in the 50th digit, so GRR is held to its true range [0, 1].
  return { begin, end, nrr: end.div(begin), grr: D.min(1, kept.div(begin)) };
}

/** Flows of the set closed by `cMax` during months from..to (inclusive), by source. */
export function setFlows(pre: JourneyPrefixes, blocks: readonly Block[], from: number, to: number, cMax: number) {
  const total = (p: Prefix): Dec => {
    let s = ZERO;
    for (let t = from; t <= to; t++) s = s.add(rollUp(p, blocks, t, cMax));
    return s;
  };
  return {
    churn: total(pre.churn),
    contraction: total(pre.contraction),
    price: total(pre.price),
    seat: total(pre.seat),
    lanes: pre.buys.map(total),
  };
}
