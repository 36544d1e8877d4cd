// An independent implementation of ../shared/spec/model.md §2–§7, written from the
// spec's text for checking `bowtie calc`: it shares no code with shared/core and
// takes the plainest route. Each group of customers (an installed-base cohort, or
// one month's new logos) is followed on its own, by path and by ARR slice, in
// its own decimal context; every figure of spec §7 is then a sum over groups.
import Decimal from 'decimal.js';
import type { ModelInputs } from '@shared/index';

const X = Decimal.clone({ precision: 60 });
type N = Decimal;
const ZERO = new X(0), ONE = new X(1);
const add = (xs: N[]) => xs.reduce((a, b) => a.add(b), ZERO);

type Ramp = number | number[];
/** §2.1: the value in model year y; years past the list use its last value. */
const inYear = (x: Ramp, y: number) => new X(Array.isArray(x) ? x[Math.min(y, x.length) - 1]! : x);
/** §2.1: month t is in model year ⌊t/12⌋ + 1, also past the horizon. */
const year = (t: number) => Math.floor(t / 12) + 1;

/** §3: who may buy from a lane by its anchor. */
const BUYS: Record<string, readonly number[]> = { close: [0, 1, 2, 3], renewal: [0, 1, 2, 3], onboarding: [1, 2, 3], firstValue: [2, 3], adoption: [3] };

function probabilities(m: ModelInputs, y: number): N[] {
  const on = inYear(m.journey.onboarding.rate, y), fv = inYear(m.journey.firstValue.rate, y), ad = inYear(m.journey.adoption.rate, y);
  return [ONE.sub(on), on.mul(ONE.sub(fv)), on.mul(fv).mul(ONE.sub(ad)), on.mul(fv).mul(ad)];
}
const rateOf = (m: ModelInputs, seg: number, t: number) => inYear(seg === 3 ? m.journey.renewal.rate : m.journey.renewal.nonAdopterRate, year(t));

function windowOf(m: ModelInputs, lane: ModelInputs['lanes'][number]): [number, number] {
  const anchor = { close: 0, onboarding: m.journey.onboarding.month, firstValue: m.journey.firstValue.month, adoption: m.journey.adoption.month, renewal: m.acquisition.contractMonths }[lane.anchor];
  return [anchor + lane.windowStart, anchor + lane.windowEnd];
}

/** What a group holds and does in one month, after that month's events. */
interface Month { seg: N[][]; alive: N[]; churn: N; contraction: N; price: N; seat: N; buys: N[] }

/**
 * A group aged `age0` at month `from`, holding `alive[s]` customers and `slices[s]`
 * (base ARR, then each lane) per path just before that month's events.
 */
function follow(m: ModelInputs, from: number, to: number, age0: number, alive0: N[], slices0: N[][]): Month[] {
  const term = m.acquisition.contractMonths;
  const alive = [...alive0];
  const slices = slices0.map((s) => [...s]);
  const out: Month[] = [];
  for (let t = from; t < to; t++) {
    const age = age0 + t - from;
    const y = year(t);
    const cr = inYear(m.journey.contractionRate, y), pi = inYear(m.journey.priceIncrease, y), se = inYear(m.journey.seatExpansion, y);
    const row: Month = { seg: [], alive: [], churn: ZERO, contraction: ZERO, price: ZERO, seat: ZERO, buys: m.lanes.map(() => ZERO) };
    for (let s = 0; s < 4; s++) {
      if (age > 0 && age % term === 0) {
        const r = rateOf(m, s, t);
        slices[s] = slices[s]!.map((x) => {
          const renewing = x.mul(r);
          row.churn = row.churn.add(x.sub(renewing));
          row.contraction = row.contraction.add(renewing.mul(cr));
          row.price = row.price.add(renewing.mul(pi));
          row.seat = row.seat.add(renewing.mul(se));
          return renewing.sub(renewing.mul(cr)).add(renewing.mul(pi)).add(renewing.mul(se));
        });
        alive[s] = alive[s]!.mul(r);
      }
      m.lanes.forEach((lane, i) => {
        const [lo, hi] = windowOf(m, lane);
        if (age < lo || age > hi || !BUYS[lane.anchor]!.includes(s)) return;
        const bought = inYear(lane.attachRate, y).div(lane.windowEnd - lane.windowStart + 1).mul(inYear(lane.acv, y)).mul(alive[s]!);
        slices[s]![1 + i] = slices[s]![1 + i]!.add(bought);
        row.buys[i] = row.buys[i]!.add(bought);
      });
      row.seg.push([...slices[s]!]);
      row.alive.push(alive[s]!);
    }
    out.push(row);
  }
  return out;
}

interface Group { closed: number; from: number; months: Month[]; start: N[] }

/** §2.2: the shares of a base cohort by path. */
function shares(m: ModelInputs, ageMonths: number, adopterShare: number | null | undefined): N[] {
  const k = Math.floor((ageMonths - 1) / m.acquisition.contractMonths);
  const p = probabilities(m, 1);
  let w = p.map((x, s) => x.mul(rateOf(m, s, 0).pow(k)));
  if (add(w).isZero()) w = p;
  const total = add(w);
  const ad = adopterShare === undefined || adopterShare === null ? w[3]!.div(total) : new X(adopterShare);
  const failed = add(w.slice(0, 3));
  const non = failed.isZero() ? [ZERO, ZERO, ONE.sub(ad)] : w.slice(0, 3).map((x) => ONE.sub(ad).mul(x).div(failed));
  return [...non, ad];
}

function newLogos(m: ModelInputs, t: number): N {
  const n = m.acquisition.newCustomersByYear[Math.floor(t / 12)] ?? 0;
  if (m.acquisition.timing === 'even') return new X(n).div(12);
  return t % 12 === 0 ? new X(n) : ZERO;
}

/** One customer closed in month 0, ages 0 … months−1 (§5). */
function customer(m: ModelInputs, months: number): Month[] {
  const p = probabilities(m, 1);
  const acv = inYear(m.acquisition.acv, 1);
  return follow(m, 0, months, 0, p, p.map((x) => [x.mul(acv), ...m.lanes.map(() => ZERO)]));
}

function ltvOf(m: ModelInputs) {
  const months = 12 * m.general.ltvYears;
  const sgm = new X(m.general.subscriptionGrossMargin);
  let revenue = ZERO, gm = ZERO, disc = ZERO;
  customer(m, months).forEach((row, a) => {
    const arr = add(row.seg.flat());
    const margin = add(row.seg.map((sl) => sl[0]!.mul(sgm).add(add(m.lanes.map((l, i) => sl[1 + i]!.mul(l.grossMargin))))));
    revenue = revenue.add(arr.div(12));
    gm = gm.add(margin.div(12));
    disc = disc.add(margin.div(12).div(new X(1).add(m.general.discountRateAnnual).pow(new X(a + 1).div(12))));
  });
  return { revenue, grossMargin: gm, discountedGrossMargin: disc };
}

const BANDS: [number, string][] = [[1.3, 'Exceptional'], [1.2, 'Elite'], [1.1, 'Strong'], [1.0, 'Healthy'], [0.9, 'Retention without growth']];

export function specCalc(m: ModelInputs) {
  const H = m.general.horizonMonths, Y = Math.floor(H / 12);
  const groups: Group[] = [];
  let opening = ZERO;
  for (const b of m.base?.cohorts ?? []) {
    const sh = shares(m, b.ageMonths, b.adopterShare);
    const arr = new X(b.arr);
    opening = opening.add(arr);
    const start = sh.map((x) => arr.mul(x));
    groups.push({ closed: -b.ageMonths, from: 0, start, months: follow(m, 0, H, b.ageMonths, sh.map((x) => new X(b.customers).mul(x)), start.map((x) => [x, ...m.lanes.map(() => ZERO)])) });
  }
  for (let c = 0; c < H; c++) {
    const n = newLogos(m, c);
    if (n.isZero()) continue;
    const p = probabilities(m, year(c));
    const acv = inYear(m.acquisition.acv, year(c));
    groups.push({ closed: c, from: c, start: [], months: follow(m, c, H, 0, p.map((x) => n.mul(x)), p.map((x) => [n.mul(x).mul(acv), ...m.lanes.map(() => ZERO)])) });
  }
  const at = (g: Group, t: number) => (t >= g.from && t < H ? g.months[t - g.from]! : null);
  const arrOf = (row: Month) => add(row.seg.flat());
  const arrAt = (t: number, closedBy = Infinity) => add(groups.filter((g) => g.closed <= closedBy).map((g) => { const r = at(g, t); return r ? arrOf(r) : ZERO; }));
  const flow = (f: (r: Month) => N, y: number) => {
    let s = ZERO;
    for (let t = 12 * (y - 1); t < 12 * y; t++) for (const g of groups) { const r = at(g, t); if (r) s = s.add(f(r)); }
    return s;
  };
  const years = Array.from({ length: Y }, (_, i) => i + 1);
  const retention = (y: number) => {
    const b = 12 * (y - 1) - 1;
    const begin = b < 0 ? opening : arrAt(b);
    if (begin.isZero()) return { nrr: null, grr: null };
    const end = arrAt(b + 12, b);
    let kept = ZERO;
    for (const g of groups) {
      if (g.closed > b) continue;
      for (let s = 0; s < 4; s++) {
        let v = b < 0 ? g.start[s]! : add(at(g, b)!.seg[s]!);
        for (let t = b + 1; t <= b + 12; t++) {
          const age = t - g.closed;
          if (age > 0 && age % m.acquisition.contractMonths === 0) v = v.mul(rateOf(m, s, t)).mul(ONE.sub(inYear(m.journey.contractionRate, year(t))));
        }
        kept = kept.add(v);
      }
    }
    return { nrr: end.div(begin), grr: kept.div(begin) };
  };
  const ltv = ltvOf(m);
  const cac = inYear(m.acquisition.cacPerCustomer, 1), acv1 = inYear(m.acquisition.acv, 1);
  const p1 = probabilities(m, 1)[3]!;
  const firstRenewalYear = year(m.acquisition.contractMonths);
  const rate = inYear(m.journey.renewal.rate, firstRenewalYear), non = inYear(m.journey.renewal.nonAdopterRate, firstRenewalYear);
  const nrr2 = Y >= 2 ? retention(2).nrr : null;
  const monthlyMargin = acv1.mul(m.general.subscriptionGrossMargin).div(12);
  // §6: the stage whose +5 points (every year, capped at 100%) adds the most discounted GM LTV.
  const stages = [
    ['onboarding', (x: ModelInputs) => x.journey.onboarding], ['firstValue', (x: ModelInputs) => x.journey.firstValue],
    ['adoption', (x: ModelInputs) => x.journey.adoption], ['renewal', (x: ModelInputs) => x.journey.renewal],
  ] as const;
  let drag = '', best: N | null = null;
  for (const [stage, get] of stages) {
    const up = structuredClone(m);
    const r = get(up) as { rate: Ramp };
    r.rate = Array.isArray(r.rate) ? r.rate.map((v) => Math.min(1, new X(v).add('0.05').toNumber())) : Math.min(1, new X(r.rate).add('0.05').toNumber());
    const change = ltvOf(up).discountedGrossMargin.sub(ltv.discountedGrossMargin);
    if (best === null || change.sub(best).gt(ltv.discountedGrossMargin.abs().mul('1e-20'))) { best = change; drag = stage; }
  }
  const num = (x: N) => x.toNumber();
  return {
    arrByYearEnd: years.map((y) => num(arrAt(12 * y - 1))),
    nrrByYear: years.map((y) => { const r = retention(y).nrr; return r && num(r); }),
    grrByYear: years.map((y) => { const r = retention(y).grr; return r && num(r); }),
    churnByYear: years.map((y) => num(flow((r) => r.churn, y))),
    contractionByYear: years.map((y) => num(flow((r) => r.contraction, y))),
    expansionByYear: years.map((y) => num(flow((r) => add(r.buys).add(r.price).add(r.seat), y))),
    newArrByYear: years.map((y) => { let s = ZERO; for (let t = 12 * (y - 1); t < 12 * y; t++) s = s.add(newLogos(m, t).mul(inYear(m.acquisition.acv, year(t)))); return num(s); }),
    revenueByYear: years.map((y) => { let s = ZERO; for (let t = 12 * (y - 1); t < 12 * y; t++) s = s.add(arrAt(t).div(12)); return num(s); }),
    customersByYearEnd: years.map((y) => num(add(groups.map((g) => { const r = at(g, 12 * y - 1); return r ? add(r.alive) : ZERO; })))),
    openingArr: num(opening),
    journey: { fullJourneyRetention: num(p1.mul(rate).add(ONE.sub(p1).mul(non))), renewalDecisionRetention: num(rate) },
    ltv: { revenue: num(ltv.revenue), grossMargin: num(ltv.grossMargin), discountedGrossMargin: num(ltv.discountedGrossMargin) },
    ltvToCac: cac.isZero() ? null : num(ltv.discountedGrossMargin.div(cac)),
    cacPaybackMonths: cac.isZero() ? 0 : monthlyMargin.isZero() ? null : num(cac.div(monthlyMargin)),
    nrrBand: nrr2 === null ? null : BANDS.find(([lo]) => nrr2.gte(lo))?.[1] ?? 'Structural problem',
    biggestDrag: drag,
  };
}
