// A deliberately naive second reading of the spec, for cross-checking the core:
// every cohort simulated month by month in plain floating point, no prefix sums,
// no shared code with shared/core. Slow, simple, and independent.
import type { ModelInputs } from '../../shared/index';

type Seg = { p: number; rate: number; eligible: (anchor: string) => boolean };

function segments(m: ModelInputs): Seg[] {
  const { onboarding: o, firstValue: f, adoption: a, renewal: r } = m.journey;
  return [
    { p: 1 - o.rate, rate: r.nonAdopterRate, eligible: (x) => x === 'close' || x === 'renewal' },
    { p: o.rate * (1 - f.rate), rate: r.nonAdopterRate, eligible: (x) => ['close', 'renewal', 'onboarding'].includes(x) },
    { p: o.rate * f.rate * (1 - a.rate), rate: r.nonAdopterRate, eligible: (x) => x !== 'adoption' },
    { p: o.rate * f.rate * a.rate, rate: r.rate, eligible: () => true },
  ];
}

function anchorAge(m: ModelInputs, anchor: string): number {
  return ({ close: 0, onboarding: m.journey.onboarding.month, firstValue: m.journey.firstValue.month, adoption: m.journey.adoption.month, renewal: m.acquisition.contractMonths } as Record<string, number>)[anchor]!;
}

interface CustomerMonth { arr: number; gm: number; churn: number; contraction: number; price: number; seat: number; buys: number; active: number; segArr: number[] }

/** One customer closed at age 0, simulated to `ages`. */
export function simulateCustomer(m: ModelInputs, ages: number): CustomerMonth[] {
  const segs = segments(m);
  const L = m.lanes.length;
  const cr = m.journey.contractionRate, pi = m.journey.priceIncrease, se = m.journey.seatExpansion;
  const state = segs.map((s) => ({ alive: s.p, arr: [m.acquisition.acv * s.p, ...new Array(L).fill(0)] as number[] }));
  const out: CustomerMonth[] = [];
  for (let a = 0; a < ages; a++) {
    const row: CustomerMonth = { arr: 0, gm: 0, churn: 0, contraction: 0, price: 0, seat: 0, buys: 0, active: 0, segArr: [] };
    segs.forEach((s, si) => {
      const st = state[si]!;
      if (a > 0 && a % m.acquisition.contractMonths === 0) {
        st.arr = st.arr.map((x) => {
          row.churn += x * (1 - s.rate);
          const ren = x * s.rate;
          row.contraction += ren * cr; row.price += ren * pi; row.seat += ren * se;
          return ren * (1 - cr + pi + se);
        });
        st.alive *= s.rate;
      }
      m.lanes.forEach((l, i) => {
        const from = anchorAge(m, l.anchor) + l.windowStart, to = anchorAge(m, l.anchor) + l.windowEnd;
        if (a >= from && a <= to && s.eligible(l.anchor)) {
          const b = st.alive * (l.attachRate / (l.windowEnd - l.windowStart + 1)) * l.acv;
          st.arr[1 + i]! += b;
          row.buys += b;
        }
      });
      const total = st.arr.reduce((x, y) => x + y, 0);
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

export function referenceFigures(m: ModelInputs) {
  const H = m.general.horizonMonths, Y = Math.floor(H / 12);
  const cust = simulateCustomer(m, Math.max(H, 12 * m.general.ltvYears) + 13);
  const segs = segments(m);
  const N = Array.from({ length: H }, (_, t) => newCustomers(m, t));
  const company = (f: (c: CustomerMonth, age: number) => number, t: number, cMax = t) => {
    let s = 0;
    for (let c = 0; c <= Math.min(t, cMax); c++) s += N[c]! * f(cust[t - c]!, t - c);
    return s;
  };
  const years = Array.from({ length: Y }, (_, i) => i + 1);
  const yearSum = (y: number, f: (t: number) => number) => { let s = 0; for (let t = 12 * (y - 1); t < 12 * y; t++) s += f(t); return s; };
  const nrrGrr = (y: number) => {
    if (y < 2) return { nrr: null, grr: null };
    const b = 12 * (y - 1) - 1;
    const begin = company((c) => c.arr, b);
    if (begin === 0) return { nrr: null, grr: null };
    const end = company((c) => c.arr, b + 12, b);
    // GRR straight from its definition: each segment's ARR at begin, through the
    // year's renewals at rate × (1 − contraction).
    let kept = 0;
    for (let c = 0; c <= b; c++) {
      const a0 = b - c;
      segs.forEach((s, si) => {
        let v = cust[a0]!.segArr[si]!;
        for (let a = a0 + 1; a <= a0 + 12; a++) if (a % m.acquisition.contractMonths === 0) v *= s.rate * (1 - m.journey.contractionRate);
        kept += N[c]! * v;
      });
    }
    return { nrr: end / begin, grr: kept / begin };
  };
  const L = 12 * m.general.ltvYears;
  let rev = 0, gm = 0, disc = 0;
  for (let a = 0; a < L; a++) {
    rev += cust[a]!.arr / 12;
    gm += cust[a]!.gm / 12;
    disc += (cust[a]!.gm / 12) * Math.pow(1 + m.general.discountRateAnnual, -(a + 1) / 12);
  }
  return {
    arrByYearEnd: years.map((y) => company((c) => c.arr, 12 * y - 1)),
    nrrByYear: years.map((y) => nrrGrr(y).nrr),
    grrByYear: years.map((y) => nrrGrr(y).grr),
    churnByYear: years.map((y) => yearSum(y, (t) => company((c) => c.churn, t))),
    contractionByYear: years.map((y) => yearSum(y, (t) => company((c) => c.contraction, t))),
    expansionByYear: years.map((y) => yearSum(y, (t) => company((c) => c.buys + c.seat + c.price, t))),
    newArrByYear: years.map((y) => yearSum(y, (t) => N[t]! * m.acquisition.acv)),
    revenueByYear: years.map((y) => yearSum(y, (t) => company((c) => c.arr, t) / 12)),
    customersByYearEnd: years.map((y) => company((c) => c.active, 12 * y - 1)),
    ltv: { revenue: rev, grossMargin: gm, discountedGrossMargin: disc },
  };
}
