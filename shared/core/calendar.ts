// The company month by month when one journey no longer serves every cohort:
// inputs that change by year (spec §2.1) or an installed base (spec §2.2).
//
// Exact and fast without per-cohort curves: every figure is a sum of products, and
// no figure is ever a difference of two larger ones (an ARR decaying to 1e-200
// keeps its relative precision). The trick is that customers who renew in the same
// calendar months are multiplied by the same factors: a cohort closed in month c
// renews in months ≡ c (mod m), at the rates of those months' years. So once a
// cohort is a year old (its ARR is then in every NRR set), its ARR joins a pool
// keyed by (c mod m, adopter or not) and is never followed on its own again. Only
// two things stay per cohort: its first twelve months (NRR sets are "closed by
// month t − 12"), and its expected active customers while a lane window is open
// (a purchase depends on the cohort's age). Pools make a month cost O(m), not
// O(cohorts); a cohort costs O(its lane windows).
import type { ModelInputs } from '../model/inputs';
import { baseCohorts } from '../model/ramps';
import { D, ONE, ZERO, sum, type Dec } from './decimal';
import { ELIGIBLE, laneWindow } from './journey';
import type { RetentionWindow } from './retention';
import { JOURNEY_PATHS, yearOfMonth, type Rates, type JourneyPath, type YearRates } from './rates';
import { acquisitionBlocks, newCustomersAt } from './schedule';
import { completeYears, yearsTouched } from './years';

const AD = 0, NON = 1;
/** Renewal class of each path (JOURNEY_PATHS order): the three failed paths renew alike. */
const CLASS_OF = [NON, NON, NON, AD] as const;
const ADOPTER = 3;

interface Pool { T: Dec; alive: Dec; lanes: Dec[] }
/** One acquisition year's share of a pool, with its revenue summed lazily between changes. */
interface Part { T: Dec; acc: Dec; last: number }

interface Cohort {
  /** close month (an installed-base cohort: −ageMonths) */
  closed: number;
  /** acquisition year; 0 for the installed base */
  group: number;
  /** renews in months ≡ rho (mod m) */
  rho: number;
  /** expected active customers by path */
  alive: Dec[];
  /** while young: ARR by class, and by class and lane */
  T: Dec[];
  lanes: Dec[][];
}

export interface Flows { churn: Dec[]; contraction: Dec[]; price: Dec[]; seat: Dec[]; lanes: Dec[][] }

export interface CalendarRun {
  openingArr: Dec;
  newLogo: Dec[];
  newCustomers: Dec[];
  /** company flows by month; lanes[t][i] */
  flows: Flows;
  /** flows of customers closed before the month's model year (the year's NRR set) */
  setFlows: Flows;
  closing: Dec[];
  customers: Dec[];
  /** ARR at month t of the customers closed by month t − 12 (installed base included) */
  agedArr: Dec[];
  /** kept(b): GRR numerator of the customers closed by month b, over (b, b+12]; index b + 1 */
  kept: (Dec | null)[];
  /** lane ARR at each year end: laneArrEnd[y−1][i] */
  laneArrEnd: Dec[][];
  /** each acquisition year's cumulative revenue through each year end: [ya−1][y−1] */
  cohortRevenue: Dec[][];
  /** with options.renewing: ARR renewing in month t, just before it renews, by class (adopters, the rest): [cls][t] */
  renewing?: { all: Dec[][]; set: Dec[][] };
}

/** Spec §2.2 step by step, as the Calendar sheet shows it: a base cohort's path weights, then its shares. */
export interface BaseShareSteps {
  /** renewals behind the cohort: ⌊(age − 1) ÷ term⌋ */
  renewals: number;
  /** year-1 renewal rate ^ renewals: the rest, and adopters */
  keptNon: Dec;
  keptAdopters: Dec;
  /** Σ of the weights P(path) × kept; when 0, the weights are the path probabilities alone */
  raw: Dec;
  weights: Dec[];
  total: Dec;
  /** Σ of the three failed paths' weights */
  failed: Dec;
  shares: Dec[];
}

export function baseShareSteps(inputs: ModelInputs, rates: Rates, ageMonths: number, adopterShare: number | null | undefined): BaseShareSteps {
  const y1 = rates.year(1);
  const k = Math.floor((ageMonths - 1) / inputs.acquisition.contractMonths);
  const keptNon = y1.non.pow(k), keptAdopters = y1.rate.pow(k);
  let w = JOURNEY_PATHS.map((s, i) => y1.probs[s].mul(i === ADOPTER ? keptAdopters : keptNon));
  const raw = sum(w);
  let total = raw;
  if (total.isZero()) { w = JOURNEY_PATHS.map((s) => y1.probs[s]); total = sum(w); }
  const failedW = w.slice(0, 3);
  const f = sum(failedW);
  const steps = { renewals: k, keptNon, keptAdopters, raw, weights: w, total, failed: f };
  if (adopterShare === undefined || adopterShare === null) return { ...steps, shares: w.map((x) => x.div(total)) };
  const share = new D(adopterShare);
  const non = ONE.sub(share);
  const out = f.isZero() ? [ZERO, ZERO, non] : failedW.map((x) => non.mul(x).div(f));
  return { ...steps, shares: [...out, share] };
}

/** Spec §2.2: shares of a base cohort by path. */
export function baseShares(inputs: ModelInputs, rates: Rates, ageMonths: number, adopterShare: number | null | undefined): Dec[] {
  return baseShareSteps(inputs, rates, ageMonths, adopterShare).shares;
}

const mod = (a: number, m: number) => ((a % m) + m) % m;

export interface CalendarOptions {
  /** months b whose GRR numerator kept(b) is wanted (default: every month with a full window after it) */
  keptFor?: (b: number) => boolean;
  /** the cohort table's revenue by acquisition year (default true) */
  cohortTable?: boolean;
  /** the ARR renewing each month by class, of everyone and of the NRR set (default false) */
  renewing?: boolean;
  /**
   * false: only what one retention or ARR figure reads (closing, agedArr, kept;
   * sensitivity's cells): the flows, customers and lane ARR are left empty, and
   * the cohort table too. The ARR itself is computed by the same operations in
   * the same order, so every figure is the same to the last digit. Default true.
   */
  flows?: boolean;
}

export function simulateCalendar(inputs: ModelInputs, rates: Rates, horizon = inputs.general.horizonMonths, options: CalendarOptions = {}): CalendarRun {
  const wantKept = options.keptFor ?? (() => true);
  const wantFlows = options.flows ?? true;
  const wantParts = wantFlows && (options.cohortTable ?? true);
  const H = horizon;
  const m = inputs.acquisition.contractMonths;
  const L = inputs.lanes.length;
  const blocks = acquisitionBlocks(inputs, H);
  const lanes = inputs.lanes.map((lane) => {
    const eligible = ELIGIBLE[lane.anchor];
    return {
      ...laneWindow(inputs, lane),
      adopter: eligible.includes('adopter'),
      failed: [0, 1, 2].filter((i) => eligible.includes(JOURNEY_PATHS[i] as JourneyPath)),
    };
  });
  const lastBuyAge = lanes.reduce((x, l) => Math.max(x, l.to), -1);
  const zeros = () => Array.from({ length: L }, () => ZERO);
  const series = () => Array.from({ length: H }, () => ZERO);
  const laneSeries = () => Array.from({ length: H }, () => zeros());
  const flows = (): Flows => (wantFlows ? { churn: series(), contraction: series(), price: series(), seat: series(), lanes: laneSeries() } : { churn: [], contraction: [], price: [], seat: [], lanes: [] });
  const all = flows(), set = flows();

  const pools: Pool[][] = Array.from({ length: m }, () => [0, 1].map(() => ({ T: ZERO, alive: ZERO, lanes: zeros() })));
  const years = completeYears(H);
  const parts: Part[][][] = Array.from({ length: years + 1 }, () => Array.from({ length: m }, () => [0, 1].map(() => ({ T: ZERO, acc: ZERO, last: 0 }))));
  const youngRevenue = Array.from({ length: yearsTouched(H) + 1 }, () => ZERO);
  const settle = (p: Part, now: number) => {
    if (now > p.last) { if (!p.T.isZero()) p.acc = p.acc.add(p.T.mul(now - p.last)); p.last = now; }
  };
  const addOld = (k: Cohort, cls: number, t: number, arr: Dec, lane = -1) => {
    const pool = pools[k.rho]![cls]!;
    pool.T = pool.T.add(arr);
    if (lane >= 0) pool.lanes[lane] = pool.lanes[lane]!.add(arr);
    if (wantParts && k.group >= 1 && k.group <= years) {
      const part = parts[k.group]![k.rho]![cls]!;
      settle(part, t);
      part.T = part.T.add(arr);
    }
  };

  const young: Cohort[] = [];
  /** every cohort followed one by one: young ones, and any with a lane window still to come */
  let followed: Cohort[] = [];

  // The installed base, just before month 0: old from the start (closed before month 0).
  let openingArr = ZERO;
  for (const b of baseCohorts(inputs)) {
    const shares = baseShares(inputs, rates, b.ageMonths, b.adopterShare);
    const arr = new D(b.arr), customers = new D(b.customers);
    openingArr = openingArr.add(arr);
    const k: Cohort = { closed: -b.ageMonths, group: 0, rho: mod(-b.ageMonths, m), alive: shares.map((s) => customers.mul(s)), T: [], lanes: [] };
    addOld(k, AD, 0, arr.mul(shares[ADOPTER]!));
    addOld(k, NON, 0, sum(shares.slice(0, 3).map((s) => arr.mul(s))));
    const pool = pools[k.rho]!;
    pool[AD]!.alive = pool[AD]!.alive.add(k.alive[ADOPTER]!);
    pool[NON]!.alive = pool[NON]!.alive.add(sum(k.alive.slice(0, 3)));
    if (b.ageMonths <= lastBuyAge) followed.push(k);
  }

  // GRR: each class's factor rate × (1 − contraction) of a renewal in month τ.
  const grossFactor = [0, 1].map((cls) => (τ: number) => {
    const r = rates.month(τ);
    return (cls === AD ? r.rate : r.non).mul(ONE.sub(r.contraction));
  });
  /** Π of the gross factors of renewals in months (b, b+12] ≡ rho (mod m). */
  const grossOver = (rho: number, cls: number, b: number): Dec => {
    let f = ONE;
    for (let τ = b + 1 + mod(rho - (b + 1), m); τ <= b + 12; τ += m) f = f.mul(grossFactor[cls]!(τ));
    return f;
  };
  const keptAt = (b: number): Dec => {
    let s = ZERO;
    const cache = new Map<number, Dec>();
    const g = (rho: number, cls: number) => {
      const key = rho * 2 + cls;
      let f = cache.get(key);
      if (!f) { f = grossOver(rho, cls, b); cache.set(key, f); }
      return f;
    };
    for (let rho = 0; rho < m; rho++) for (let cls = 0; cls < 2; cls++) {
      const T = pools[rho]![cls]!.T;
      if (!T.isZero()) s = s.add(T.mul(g(rho, cls)));
    }
    for (const k of young) for (let cls = 0; cls < 2; cls++) if (!k.T[cls]!.isZero()) s = s.add(k.T[cls]!.mul(g(k.rho, cls)));
    return s;
  };

  const newLogo = series(), newCustomers = series(), closing = series(), customers = series(), agedArr = series();
  const kept: (Dec | null)[] = Array.from({ length: H + 1 }, () => null);
  if (H >= 12 && wantKept(-1)) kept[0] = keptAt(-1);
  const book = (f: Flows, t: number, c: Dec, ct: Dec, pr: Dec, st: Dec) => {
    f.churn[t] = f.churn[t]!.add(c);
    f.contraction[t] = f.contraction[t]!.add(ct);
    f.price[t] = f.price[t]!.add(pr);
    f.seat[t] = f.seat[t]!.add(st);
  };
  const renewingArr = options.renewing ? { all: [series(), series()], set: [series(), series()] } : undefined;
  /** A renewal of ARR T of one class in month t: flows booked, the renewed ARR returned. */
  const renew = (R: YearRates, t: number, T: Dec, cls: number, inSet: boolean): Dec => {
    if (renewingArr) {
      renewingArr.all[cls]![t] = renewingArr.all[cls]![t]!.add(T);
      if (inSet) renewingArr.set[cls]![t] = renewingArr.set[cls]![t]!.add(T);
    }
    const rate = cls === AD ? R.rate : R.non;
    const renewing = T.mul(rate);
    if (!wantFlows) return renewing.mul(R.growth);
    const c = T.mul(ONE.sub(rate)), ct = renewing.mul(R.contraction), pr = renewing.mul(R.price), st = renewing.mul(R.seat);
    book(all, t, c, ct, pr, st);
    if (inSet) book(set, t, c, ct, pr, st);
    return renewing.mul(R.growth);
  };
  const laneArrEnd: Dec[][] = [];
  const cohortRevenue: Dec[][] = Array.from({ length: years }, () => []);

  for (let t = 0; t < H; t++) {
    const y = yearOfMonth(t);
    const R = rates.year(y);
    const rateOf = [R.rate, R.non];
    const lanesGrowth = [R.rate.mul(R.growth), R.non.mul(R.growth)];

    // 1. A cohort a year old joins its pool (its state after month t − 1).
    if (young.length && young[0]!.closed === t - 12) {
      const k = young.shift()!;
      for (let cls = 0; cls < 2; cls++) {
        const pool = pools[k.rho]![cls]!;
        if (!k.T[cls]!.isZero()) addOld(k, cls, t, k.T[cls]!);
        for (let i = 0; i < L; i++) pool.lanes[i] = pool.lanes[i]!.add(k.lanes[cls]![i]!);
      }
      pools[k.rho]![AD]!.alive = pools[k.rho]![AD]!.alive.add(k.alive[ADOPTER]!);
      pools[k.rho]![NON]!.alive = pools[k.rho]![NON]!.alive.add(sum(k.alive.slice(0, 3)));
    }

    // 2. Renewals: the pools renewing this month, then the young cohorts at a multiple of m.
    const rho = t % m;
    for (let cls = 0; cls < 2; cls++) {
      const pool = pools[rho]![cls]!;
      if (pool.T.isZero() && pool.alive.isZero()) continue;
      const rate = rateOf[cls]!, lg = lanesGrowth[cls]!;
      if (!pool.T.isZero()) pool.T = renew(R, t, pool.T, cls, true);
      pool.alive = pool.alive.mul(rate);
      for (let i = 0; i < L; i++) if (!pool.lanes[i]!.isZero()) pool.lanes[i] = pool.lanes[i]!.mul(lg);
      if (!wantParts) continue;
      for (let g = 1; g <= years; g++) {
        const part = parts[g]![rho]![cls]!;
        if (part.T.isZero()) continue;
        settle(part, t);
        part.T = part.T.mul(lg);
      }
    }
    for (const k of young) {
      if (t === k.closed || (t - k.closed) % m !== 0) continue;
      for (let cls = 0; cls < 2; cls++) {
        if (!k.T[cls]!.isZero()) k.T[cls] = renew(R, t, k.T[cls]!, cls, k.group < y);
        for (let i = 0; i < L; i++) if (!k.lanes[cls]![i]!.isZero()) k.lanes[cls]![i] = k.lanes[cls]![i]!.mul(lanesGrowth[cls]!);
      }
    }
    // Customers followed one by one (young, or with a lane window still open) renew too.
    for (const k of followed) {
      if (t === k.closed || mod(t - k.closed, m) !== 0) continue;
      for (let s = 0; s < 4; s++) if (!k.alive[s]!.isZero()) k.alive[s] = k.alive[s]!.mul(rateOf[CLASS_OF[s]!]!);
    }

    // 3. This month's new logos, at the rates of their close year.
    const n = newCustomersAt(blocks, t);
    newCustomers[t] = n;
    newLogo[t] = n.mul(R.acv);
    if (!n.isZero()) {
      const alive = JOURNEY_PATHS.map((s) => n.mul(R.probs[s]));
      const arr = alive.map((a) => a.mul(R.acv));
      const k: Cohort = { closed: t, group: y, rho: t % m, alive, T: [arr[ADOPTER]!, sum(arr.slice(0, 3))], lanes: [zeros(), zeros()] };
      young.push(k);
      followed.push(k);
    }

    // 4. Lane purchases, after the month's renewal decisions, at this year's attach rate and ACV.
    // A cohort leaves the list once it is a year old and past its last lane window.
    followed = followed.filter((k) => t - k.closed <= lastBuyAge || (k.group > 0 && t - k.closed < 12));
    if (L) {
      for (const k of followed) {
        const age = t - k.closed;
        if (age > lastBuyAge) continue;
        const inSet = k.group < y;
        const isYoung = age < 12 && k.group > 0;
        for (let i = 0; i < L; i++) {
          const lane = lanes[i]!;
          if (age < lane.from || age > lane.to) continue;
          const pm = R.lanePerMonth[i]!;
          if (pm.isZero()) continue;
          let failed = ZERO;
          for (const s of lane.failed) failed = failed.add(k.alive[s]!);
          const ad = lane.adopter ? k.alive[ADOPTER]!.mul(pm) : ZERO;
          const non = failed.isZero() ? ZERO : failed.mul(pm);
          const bought = ad.add(non);
          if (bought.isZero()) continue;
          if (wantFlows) {
            all.lanes[t]![i] = all.lanes[t]![i]!.add(bought);
            if (inSet) set.lanes[t]![i] = set.lanes[t]![i]!.add(bought);
          }
          for (let cls = 0; cls < 2; cls++) {
            const x = cls === AD ? ad : non;
            if (x.isZero()) continue;
            if (isYoung) {
              k.T[cls] = k.T[cls]!.add(x);
              k.lanes[cls]![i] = k.lanes[cls]![i]!.add(x);
            } else addOld(k, cls, t, x, i);
          }
        }
      }
    }

    // 5. The month's figures.
    let old = ZERO, active = ZERO;
    for (let r = 0; r < m; r++) for (let cls = 0; cls < 2; cls++) {
      const pool = pools[r]![cls]!;
      if (!pool.T.isZero()) old = old.add(pool.T);
      if (wantFlows && !pool.alive.isZero()) active = active.add(pool.alive);
    }
    let total = old;
    for (const k of young) {
      const arr = k.T[AD]!.add(k.T[NON]!);
      total = total.add(arr);
      if (wantParts) youngRevenue[k.group] = youngRevenue[k.group]!.add(arr);
      if (wantFlows) for (let x = 0; x < 4; x++) if (!k.alive[x]!.isZero()) active = active.add(k.alive[x]!);
    }
    closing[t] = total;
    customers[t] = active;
    agedArr[t] = old;
    if (t + 12 < H && wantKept(t)) kept[t + 1] = keptAt(t);
    if (t % 12 === 11 && wantFlows) {
      laneArrEnd.push(Array.from({ length: L }, (_, i) => {
        let s = ZERO;
        for (let r = 0; r < m; r++) for (let cls = 0; cls < 2; cls++) s = s.add(pools[r]![cls]!.lanes[i]!);
        for (const k of young) s = s.add(k.lanes[AD]![i]!).add(k.lanes[NON]![i]!);
        return s;
      }));
      for (let g = 1; g <= years && wantParts; g++) {
        let acc = youngRevenue[g]!;
        for (let r = 0; r < m; r++) for (let cls = 0; cls < 2; cls++) {
          const part = parts[g]![r]![cls]!;
          settle(part, t + 1);
          acc = acc.add(part.acc);
        }
        cohortRevenue[g - 1]!.push(acc.div(12));
      }
    }
  }
  return { openingArr, newLogo, newCustomers, flows: all, setFlows: set, closing, customers, agedArr, kept, laneArrEnd, cohortRevenue, ...(renewingArr ? { renewing: renewingArr } : {}) };
}

export type Window = RetentionWindow;

/** NRR/GRR of the customers closed by month t − 12 (base included), over the 12 months to t. */
export function windowAt(run: CalendarRun, t: number): Window | null {
  const b = t - 12;
  if (b < -1 || t >= run.closing.length) return null;
  const begin = b < 0 ? run.openingArr : run.closing[b]!;
  const end = run.agedArr[t]!;
  if (begin.isZero()) return { begin, end, nrr: null, grr: null, kept: begin };
  const kept = run.kept[b + 1]!;
  // kept ≤ begin in exact arithmetic; held to [0, 1] against the 50th digit.
  return { begin, end, nrr: end.div(begin), grr: D.min(1, kept.div(begin)), kept };
}
