// The figures of the workbook's Calendar sheet (shared/workbook/sheets/calendar.ts),
// in decimals, step by step as its formulas go: the rates by model year, each
// installed-base cohort's path shares, the ARR bought per customer by path, year and
// age, then one row per cohort (each base cohort, then each closing month) followed
// month by month (survival per customer and ARR of adopters and of the rest), and
// the lane ARR at each year end by the year it was bought. The company figures the
// ARR Bridge caches come from the simulation itself (calendar.ts), which pools
// cohorts instead of following each one; both are exact, so they agree to the
// 50th digit.
import type { ModelInputs } from '../model/inputs';
import { baseCohorts, valueInYear } from '../model/ramps';
import { D, ONE, ZERO, sum, type Dec } from './decimal';
import { baseShareSteps, simulateCalendar, type BaseShareSteps, type CalendarRun } from './calendar';
import { ELIGIBLE, laneWindow } from './journey';
import { JOURNEY_PATHS, Rates, type JourneyPath } from './rates';
import { completeYears, LAST_RAMP_YEAR, rateYearOfMonth } from './years';

/** The oldest age at which any lane can buy: a stage month or the term (≤ 36) + windowEnd (≤ 60). */
export const MAX_BUY_AGE = 96;

/** A model year's rates as the Calendar's table lists them. */
export interface CalendarYear {
  on: Dec; fv: Dec; ad: Dec; acv: Dec; rate: Dec; non: Dec; ct: Dec; price: Dec; seat: Dec;
  /** 1 − contraction + price + seat */
  growth: Dec;
  /** ARR factor at a renewal (rate × growth) and gross factor (rate × (1 − contraction)), adopters and the rest */
  fAD: Dec; fNON: Dec; gAD: Dec; gNON: Dec;
  pFO: Dec; pFFV: Dec; pFAD: Dec; pAD: Dec;
}
export type YearQ = keyof CalendarYear;

/** Adopters (index 0) and the other paths (index 1). */
export type Pair<T> = [T, T];

export interface CohortGrid {
  /** close month; a base cohort's is −age */
  closed: number;
  customers: Dec;
  /** customers by path (JOURNEY_PATHS order), and of the three failed paths */
  byPath: Dec[];
  others: Dec;
  /** ARR at close, adopters and the rest */
  init: Pair<Dec>;
  /** by month t at index t + 1 (index 0: just before month 0), from the cohort's first month */
  survival: Pair<Dec[]>;
  arr: Pair<Dec[]>;
  /** renewals since close through month t: ⌊(t − closed) ÷ term⌋, index t + 1 */
  renewals: number[];
}

export interface CalendarSheet {
  /** model year 1 … 10 */
  year: (y: number) => CalendarYear;
  /** ARR bought per eligible customer per window month, by lane, in model year y */
  lanePerMonth: (y: number) => Dec[];
  base: BaseShareSteps[];
  /** the oldest age the bought-per-customer table lists (−1 without lanes) */
  maxAge: number;
  /** ARR bought in a month per customer of path s still a customer, in model year y at age a ≤ maxAge */
  bought: (s: JourneyPath, y: number, a: number) => Dec;
  rows: CohortGrid[];
  /** a row's ARR factor over the whole model year yy (factor ^ its renewals in it); null where it closed during or after yy */
  carry: (cls: 0 | 1, r: number, yy: number) => Dec | null;
  /** lane i's ARR bought in year y0 by a class, at the end of each year y ≥ y0: [y − y0] */
  laneBought: (i: number, y0: number, cls: 0 | 1) => Dec[];
  /** the simulation, with the ARR renewing each month by class */
  run: CalendarRun;
}

/** The rates of each model year 1 … 10 as the Calendar's table (and year 1 as the Journey's tables) list them. */
export function ratesByYear(inputs: ModelInputs, rates = new Rates(inputs)): { year: (y: number) => CalendarYear; lanePerMonth: (y: number) => Dec[] } {
  const years: CalendarYear[] = [];
  for (let y = 1; y <= LAST_RAMP_YEAR; y++) {
    const R = rates.year(y);
    const v = (x: number | number[]) => new D(valueInYear(x, y));
    const j = inputs.journey;
    const keep = ONE.sub(R.contraction);
    years[y] = {
      on: v(j.onboarding.rate), fv: v(j.firstValue.rate), ad: v(j.adoption.rate), acv: R.acv, rate: R.rate, non: R.non,
      ct: R.contraction, price: R.price, seat: R.seat, growth: R.growth,
      fAD: R.rate.mul(R.growth), fNON: R.non.mul(R.growth), gAD: R.rate.mul(keep), gNON: R.non.mul(keep),
      pFO: R.probs.failedOnboarding, pFFV: R.probs.failedFirstValue, pFAD: R.probs.failedAdoption, pAD: R.probs.adopter,
    };
  }
  return { year: (y) => years[y]!, lanePerMonth: (y) => rates.year(y).lanePerMonth };
}

export function calendarSheet(inputs: ModelInputs): CalendarSheet {
  const H = inputs.general.horizonMonths;
  const Y = completeYears(H);
  const cm = inputs.acquisition.contractMonths;
  const L = inputs.lanes.length;
  const rates = new Rates(inputs);
  const run = simulateCalendar(inputs, rates, H, { renewing: true });
  const cohorts = baseCohorts(inputs);
  const J = cohorts.length;

  const { year, lanePerMonth } = ratesByYear(inputs, rates);
  const perMonth = (y: number) => lanePerMonth(y);

  // --- the base's shares, and what a customer of each path buys by year and age -----
  const base = cohorts.map((b) => baseShareSteps(inputs, rates, b.ageMonths, b.adopterShare));
  const maxAge = L ? Math.min(MAX_BUY_AGE, J ? MAX_BUY_AGE : H - 1) : -1;
  const windows = inputs.lanes.map((l) => laneWindow(inputs, l));
  const sells = inputs.lanes.map((l) => new Set(ELIGIBLE[l.anchor]));
  const lastYear = rateYearOfMonth(H - 1);
  /** [path][y][a] */
  const boughtBy: Dec[][][] = JOURNEY_PATHS.map((s) => {
    const byYear: Dec[][] = [];
    for (let y = 1; y <= lastYear; y++) {
      byYear[y] = [];
      for (let a = 0; a <= maxAge; a++) {
        let v = ZERO;
        for (let i = 0; i < L; i++) if (a >= windows[i]!.from && a <= windows[i]!.to && sells[i]!.has(s)) v = v.add(perMonth(y)[i]!);
        byYear[y]![a] = v;
      }
    }
    return byYear;
  });
  const bought = (s: JourneyPath, y: number, a: number) => boughtBy[JOURNEY_PATHS.indexOf(s)]![y]?.[a] ?? ZERO;

  // --- one row per cohort, month by month ------------------------------------------
  const ADOPTER = 3;
  /** path indices of each class */
  const SEGS: Pair<readonly number[]> = [[ADOPTER], [0, 1, 2]];
  const rows: CohortGrid[] = [];
  for (let r = 0; r < J + H; r++) {
    const isBase = r < J;
    let closed: number, customers: Dec, byPath: Dec[], init: Pair<Dec>;
    if (isBase) {
      const b = cohorts[r]!, s = base[r]!.shares;
      const arr = new D(b.arr);
      closed = -b.ageMonths;
      customers = new D(b.customers);
      byPath = s.map((x) => customers.mul(x));
      init = [arr.mul(s[ADOPTER]!), arr.mul(s[0]!).add(arr.mul(s[1]!)).add(arr.mul(s[2]!))];
    } else {
      closed = r - J;
      const yr = year(rateYearOfMonth(closed));
      customers = run.newCustomers[closed]!;
      byPath = [yr.pFO, yr.pFFV, yr.pFAD, yr.pAD].map((p) => customers.mul(p));
      init = [byPath[ADOPTER]!.mul(yr.acv), byPath[0]!.mul(yr.acv).add(byPath[1]!.mul(yr.acv)).add(byPath[2]!.mul(yr.acv))];
    }
    const others = byPath[0]!.add(byPath[1]!).add(byPath[2]!);
    const start = isBase ? -1 : closed;
    const renewals: number[] = [];
    for (let t = start; t < H; t++) renewals[t + 1] = Math.floor((t - closed) / cm);
    /** purchases per unit of survival of a class in model year y at age a */
    const buy = (cls: 0 | 1, y: number, a: number): Dec => {
      if (a > maxAge) return ZERO;
      let v = ZERO;
      for (const k of SEGS[cls]) {
        const b = boughtBy[k]![y]![a]!;
        if (!b.isZero() && !byPath[k]!.isZero()) v = v.add(byPath[k]!.mul(b));
      }
      return v;
    };
    const survival: Pair<Dec[]> = [[], []], arr: Pair<Dec[]> = [[], []];
    for (const cls of [0, 1] as const) {
      const sv = survival[cls], av = arr[cls];
      const rateQ = cls === 0 ? 'rate' : 'non', factorQ = cls === 0 ? 'fAD' : 'fNON';
      for (let t = start; t < H; t++) {
        const y = rateYearOfMonth(Math.max(t, 0));
        const age = t - closed;
        if (t === start) {
          sv[t + 1] = ONE;
          if (isBase) { av[t + 1] = init[cls]; continue; }
          const b = buy(cls, y, 0);
          av[t + 1] = b.isZero() ? init[cls] : init[cls].add(b);
          continue;
        }
        const renews = age > 0 && age % cm === 0;
        const s = renews ? sv[t]!.mul(year(y)[rateQ]) : sv[t]!;
        sv[t + 1] = s;
        const b = buy(cls, y, age);
        const kept = renews ? av[t]!.mul(year(y)[factorQ]) : av[t]!;
        av[t + 1] = b.isZero() ? kept : kept.add(s.mul(b));
      }
    }
    rows.push({ closed, customers, byPath, others, init, survival, arr, renewals });
  }

  // --- lane ARR at each year end, by the year it was bought ------------------------
  const renewalsIn = (r: number, lo: number, hi: number) => Math.floor((hi - rows[r]!.closed) / cm) - Math.floor((lo - rows[r]!.closed) / cm);
  const powers = new Map<string, Dec>();
  const power = (q: YearQ, y: number, n: number) => {
    if (n === 0) return ONE;
    const key = `${q}|${y}|${n}`;
    let p = powers.get(key);
    if (!p) { p = year(y)[q].pow(n); powers.set(key, p); }
    return p;
  };
  const factorQ = (cls: 0 | 1): YearQ => (cls === 0 ? 'fAD' : 'fNON');
  const carry = (cls: 0 | 1, r: number, yy: number): Dec | null =>
    rows[r]!.closed > 12 * (yy - 1) - 1 ? null : power(factorQ(cls), yy, renewalsIn(r, 12 * yy - 13, 12 * yy - 1));
  const laneCache = new Map<string, Dec[]>();
  const laneBought = (i: number, y0: number, cls: 0 | 1): Dec[] => {
    const key = `${i}|${y0}|${cls}`;
    const hit = laneCache.get(key);
    if (hit) return hit;
    const T = 12 * y0 - 1;
    const last = J + Math.min(T, H - 1);
    const w = windows[i]!;
    const paths = SEGS[cls].filter((k) => sells[i]!.has(JOURNEY_PATHS[k]!));
    // per row that bought in year y0: its purchases grown to the end of y0
    const acc: { rr: number; v: Dec }[] = [];
    for (let rr = 0; rr <= last; rr++) {
      const closed = rows[rr]!.closed;
      const from = Math.max(12 * (y0 - 1), closed + w.from), to = Math.min(T, closed + w.to);
      let s = ZERO;
      for (let p = from; p <= to; p++) {
        const sv = rows[rr]!.survival[cls][p + 1]!;
        if (!sv.isZero()) s = s.add(sv.mul(power(factorQ(cls), y0, renewalsIn(rr, p, T))));
      }
      if (!s.isZero()) acc.push({ rr, v: sum(paths.map((k) => rows[rr]!.byPath[k]!)).mul(s) });
    }
    const pm = perMonth(y0)[i]!;
    const out: Dec[] = [];
    for (let y = y0; y <= Y; y++) {
      if (y > y0) for (const x of acc) x.v = x.v.mul(carry(cls, x.rr, y)!);
      out.push(pm.mul(sum(acc.map((x) => x.v))));
    }
    laneCache.set(key, out);
    return out;
  };

  return { year, lanePerMonth, base, maxAge, bought, rows, carry, laneBought, run };
}
