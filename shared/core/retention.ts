// NRR and GRR of a set of customers over twelve months (spec §4): the set is every
// cohort closed by `beginMonth`; begin is their ARR then, end their ARR twelve months on.
import type { Journey } from './journey';
import { D, type Dec } from './decimal';
import { AgeSeries, rollUp, type Block } from './schedule';

/** The per-customer arrays the company roll-up convolves. */
export interface JourneySeries {
  arr: AgeSeries;
  grossRetained: AgeSeries;
  churn: AgeSeries;
  contraction: AgeSeries;
  price: AgeSeries;
  seat: AgeSeries;
  buys: AgeSeries[];
}

export function journeySeries(j: Journey): JourneySeries {
  return {
    arr: new AgeSeries(j.arr),
    grossRetained: new AgeSeries(j.grossRetained),
    churn: new AgeSeries(j.churn),
    contraction: new AgeSeries(j.contraction),
    price: new AgeSeries(j.price),
    seat: new AgeSeries(j.seat),
    buys: j.buys.map((b) => new AgeSeries(b)),
  };
}

export interface RetentionWindow {
  begin: Dec;
  end: Dec;
  nrr: Dec | null;
  grr: Dec | null;
  /** GRR's numerator: the beginning ARR still there at the end (0 when begin is 0); summed over segments (spec §2.3) */
  kept: Dec;
}

/** NRR/GRR of the customers closed by `beginMonth`, from beginMonth to beginMonth + 12. */
export function retentionWindow(
  series: Pick<JourneySeries, 'arr' | 'grossRetained'>,
  blocks: readonly Block[],
  beginMonth: number,
): RetentionWindow {
  const begin = rollUp(series.arr, blocks, beginMonth, beginMonth);
  const end = rollUp(series.arr, blocks, beginMonth + 12, beginMonth);
  return windowOf(begin, end, () => rollUp(series.grossRetained, blocks, beginMonth, beginMonth));
}

/** The window from its begin and end ARR; `kept` (ARR kept, gross) is read only when begin > 0. */
export function windowOf(begin: Dec, end: Dec, kept: () => Dec): RetentionWindow {
  if (begin.isZero()) return { begin, end, nrr: null, grr: null, kept: begin };
  const k = kept();
  // kept ≤ begin holds exactly in arithmetic; summed in another order it can exceed
  // begin in the 50th digit, so GRR is held to its true range [0, 1].
  return { begin, end, nrr: end.div(begin), grr: D.min(1, k.div(begin)), kept: k };
}
