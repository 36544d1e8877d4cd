// A deliberately naive second reading of the spec, for cross-checking the core:
// every cohort (each month's new logos, each installed-base cohort) simulated on
// its own, month by month, in plain floating point, with every ramped input looked
// up by the year of its event. No pools, no prefix sums, no shared code with
// shared/core. Slow, simple, and independent.
import type { ModelInputs } from '@shared/index';

type Ramp = number | number[];
/** The value of a ramp in model year y (1-based); later years use the last value. */
const at = (x: Ramp, y: number): number => (typeof x === 'number' ? x : x[Math.min(Math.max(y, 1), x.length) - 1]!);
const yearOf = (t: number) => Math.floor(t / 12) + 1;

type Seg = { p: number; adopter: boolean; eligible: (anchor: string) => boolean };

function paths(m: ModelInputs, closeYear: number): Seg[] {
  const o = at(m.journey.onboarding.rate, closeYear), f = at(m.journey.firstValue.rate, closeYear), a = at(m.journey.adoption.rate, closeYear);
  return [
    { p: 1 - o, adopter: false, eligible: (x) => x === 'close' || x === 'renewal' },
    { p: o * (1 - f), adopter: false, eligible: (x) => ['close', 'renewal', 'onboarding'].includes(x) },
    { p: o * f * (1 - a), adopter: false, eligible: (x) => x !== 'adoption' },
    { p: o * f * a, adopter: true, eligible: () => true },
  ];
}

function anchorAge(m: ModelInputs, anchor: string): number {
  return ({ close: 0, onboarding: m.journey.onboarding.month, firstValue: m.journey.firstValue.month, adoption: m.journey.adoption.month, renewal: m.acquisition.contractMonths } as Record<string, number>)[anchor]!;
}

const renewalRate = (m: ModelInputs, s: Seg, t: number) => at(s.adopter ? m.journey.renewal.rate : m.journey.renewal.nonAdopterRate, yearOf(t));

/** One group of customers by calendar month t (from its first month on). */
interface Month { arr: number; gm: number; churn: number; contraction: number; price: number; seat: number; buys: number[]; active: number; segArr: number[] }

/**
 * Customers that start at month `start` (0 for the base) with `alive[s]` customers and
 * `arr[s]` ARR per path, aged `age0` then; simulated through month `end − 1`.
 */
function simulate(m: ModelInputs, segs: Seg[], start: number, age0: number, alive0: number[], arr0: number[], end: number, renewAtStart: boolean): Month[] {
  const L = m.lanes.length;
  const cm = m.acquisition.contractMonths;
  const state = segs.map((_, si) => ({ alive: alive0[si]!, arr: [arr0[si]!, ...new Array(L).fill(0)] as number[] }));
  const out: Month[] = [];
  for (let t = start; t < end; t++) {
    const age = age0 + (t - start);
    const y = yearOf(t);
    const cr = at(m.journey.contractionRate, y), pi = at(m.journey.priceIncrease, y), se = at(m.journey.seatExpansion, y);
    const row: Month = { arr: 0, gm: 0, churn: 0, contraction: 0, price: 0, seat: 0, buys: new Array(L).fill(0), active: 0, segArr: [] };
    segs.forEach((s, si) => {
      const st = state[si]!;
      if (age > 0 && age % cm === 0 && (t > start || renewAtStart)) {
        const rate = renewalRate(m, s, t);
        st.arr = st.arr.map((x) => {
          row.churn += x * (1 - rate);
          const ren = x * rate;
          row.contraction += ren * cr; row.price += ren * pi; row.seat += ren * se;
          return ren * (1 - cr + pi + se);
        });
        st.alive *= rate;
      }
      m.lanes.forEach((l, i) => {
        const from = anchorAge(m, l.anchor) + l.windowStart, to = anchorAge(m, l.anchor) + l.windowEnd;
        if (age >= from && age <= to && s.eligible(l.anchor)) {
          const b = st.alive * (at(l.attachRate, y) / (l.windowEnd - l.windowStart + 1)) * at(l.acv, y);
          st.arr[1 + i]! += b;
          row.buys[i]! += b;
        }
      });
      const total = st.arr.reduce((x, z) => x + z, 0);
      row.segArr.push(total);
      row.arr += total;
      row.gm += st.arr[0]! * m.general.subscriptionGrossMargin + m.lanes.reduce((g, l, i) => g + st.arr[1 + i]! * l.grossMargin, 0);
      row.active += st.alive;
    });
    out.push(row);
  }
  return out;
}

function newCustomers(m: ModelInputs, t: number): number {
  const y = Math.floor(t / 12);
  const n = m.acquisition.newCustomersByYear[y] ?? 0;
  if (m.acquisition.timing === 'even') return n / 12;
  return t % 12 === 0 ? n : 0;
}

/** Spec §2.2: a base cohort's shares by path. */
function baseShares(m: ModelInputs, ageMonths: number, adopterShare: number | null | undefined): number[] {
  const segs = paths(m, 1);
  const k = Math.floor((ageMonths - 1) / m.acquisition.contractMonths);
  let w = segs.map((s) => s.p * Math.pow(at(s.adopter ? m.journey.renewal.rate : m.journey.renewal.nonAdopterRate, 1), k));
  if (w.reduce((a, b) => a + b, 0) === 0) w = segs.map((s) => s.p);
  const total = w.reduce((a, b) => a + b, 0);
  const share = adopterShare ?? w[3]! / total;
  const failed = w[0]! + w[1]! + w[2]!;
  const non = failed === 0 ? [0, 0, 1 - share] : [0, 1, 2].map((i) => (1 - share) * w[i]! / failed);
  return [...non, share];
}

interface Group { closed: number; months: Month[]; segs: Seg[]; start: number }

/** One customer closed at month 0, by age (the per-customer figures). */
export function simulateCustomer(m: ModelInputs, ages: number) {
  const segs = paths(m, 1);
  const acv = at(m.acquisition.acv, 1);
  return simulate(m, segs, 0, 0, segs.map((s) => s.p), segs.map((s) => s.p * acv), ages, false);
}

export function referenceFigures(m: ModelInputs) {
  const H = m.general.horizonMonths, Y = Math.floor(H / 12);
  const end = H + 12;
  const groups: Group[] = [];
  for (const b of m.base?.cohorts ?? []) {
    const shares = baseShares(m, b.ageMonths, b.adopterShare);
    const segs = paths(m, 1);
    groups.push({ closed: -b.ageMonths, segs, start: 0, months: simulate(m, segs, 0, b.ageMonths, shares.map((s) => s * b.customers), shares.map((s) => s * b.arr), end, true) });
  }
  for (let c = 0; c < H; c++) {
    const n = newCustomers(m, c);
    if (n === 0) continue;
    const segs = paths(m, yearOf(c));
    const acv = at(m.acquisition.acv, yearOf(c));
    groups.push({ closed: c, segs, start: c, months: simulate(m, segs, c, 0, segs.map((s) => n * s.p), segs.map((s) => n * s.p * acv), end, false) });
  }
  const opening = (m.base?.cohorts ?? []).reduce((s, b) => s + b.arr, 0);
  const company = (f: (x: Month) => number, t: number, cMax = t) => {
    let s = 0;
    for (const g of groups) if (g.closed <= cMax && t >= g.start) s += f(g.months[t - g.start]!);
    return s;
  };
  const years = Array.from({ length: Y }, (_, i) => i + 1);
  const yearSum = (y: number, f: (t: number) => number) => { let s = 0; for (let t = 12 * (y - 1); t < 12 * y; t++) s += f(t); return s; };
  const window = (b: number) => {
    const begin = b < 0 ? opening : company((x) => x.arr, b);
    if (begin === 0) return { nrr: null, grr: null };
    const endArr = company((x) => x.arr, b + 12, b);
    // GRR straight from its definition: each path's ARR at begin, through the
    // year's renewals at that renewal's rate × (1 − contraction).
    let kept = 0;
    for (const g of groups) {
      if (g.closed > b) continue;
      g.segs.forEach((s, si) => {
        const before = b < g.start ? null : g.months[b - g.start]!;
        let v = before ? before.segArr[si]! : baseStart(g, si);
        for (let t = b + 1; t <= b + 12; t++) {
          const age = t - g.closed;
          if (age > 0 && age % m.acquisition.contractMonths === 0) v *= renewalRate(m, s, t) * (1 - at(m.journey.contractionRate, yearOf(t)));
        }
        kept += v;
      });
    }
    return { nrr: endArr / begin, grr: kept / begin };
  };
  const baseStart = (g: Group, si: number) => {
    const b = (m.base?.cohorts ?? [])[groups.indexOf(g)]!;
    return baseShares(m, b.ageMonths, b.adopterShare)[si]! * b.arr;
  };
  const L = 12 * m.general.ltvYears;
  const cust = simulateCustomer(m, L);
  let rev = 0, gm = 0, disc = 0;
  for (let a = 0; a < L; a++) {
    rev += cust[a]!.arr / 12;
    gm += cust[a]!.gm / 12;
    disc += (cust[a]!.gm / 12) * Math.pow(1 + m.general.discountRateAnnual, -(a + 1) / 12);
  }
  return {
    arrByYearEnd: years.map((y) => company((x) => x.arr, 12 * y - 1)),
    nrrByYear: years.map((y) => window(12 * (y - 1) - 1).nrr),
    grrByYear: years.map((y) => window(12 * (y - 1) - 1).grr),
    churnByYear: years.map((y) => yearSum(y, (t) => company((x) => x.churn, t))),
    contractionByYear: years.map((y) => yearSum(y, (t) => company((x) => x.contraction, t))),
    expansionByYear: years.map((y) => yearSum(y, (t) => company((x) => x.buys.reduce((a, b) => a + b, 0) + x.seat + x.price, t))),
    newArrByYear: years.map((y) => yearSum(y, (t) => newCustomers(m, t) * at(m.acquisition.acv, yearOf(t)))),
    revenueByYear: years.map((y) => yearSum(y, (t) => company((x) => x.arr, t) / 12)),
    customersByYearEnd: years.map((y) => company((x) => x.active, 12 * y - 1)),
    openingArr: opening,
    ltv: { revenue: rev, grossMargin: gm, discountedGrossMargin: disc },
    /** monthly closing ARR and trailing-12 NRR/GRR, for the series checks */
    closing: Array.from({ length: H }, (_, t) => company((x) => x.arr, t)),
    nrrT12: Array.from({ length: H }, (_, t) => (t >= 11 ? window(t - 12).nrr : null)),
    grrT12: Array.from({ length: H }, (_, t) => (t >= 11 ? window(t - 12).grr : null)),
  };
}
