// One customer's expected journey by age (spec §3): the customer closed in month 0,
// so age a falls in model year ⌊a/12⌋ + 1 for every ramped input (spec §2.1).
// Without ramps every cohort follows this same curve, so the company roll-up
// (compute.ts) only convolves these arrays with the acquisition schedule; with
// ramps or an installed base the calendar simulation in cohorts.ts takes over and
// this journey serves the per-customer figures (LTV, journey sheet).
import type { Lane, LaneAnchor, ModelInputs } from '../model/inputs';
import { changesByYear } from '../model/ramps';
import { D, ONE, ZERO, type Dec } from './decimal';
import { Rates, JOURNEY_PATHS, yearOfMonth, type JourneyPath } from './rates';

export { JOURNEY_PATHS, type JourneyPath } from './rates';

/** Which paths a lane anchored on each milestone can sell to (spec §3). */
export const ELIGIBLE: Record<LaneAnchor, readonly JourneyPath[]> = {
  close: JOURNEY_PATHS,
  renewal: JOURNEY_PATHS,
  onboarding: ['failedFirstValue', 'failedAdoption', 'adopter'],
  firstValue: ['failedAdoption', 'adopter'],
  adoption: ['adopter'],
};

/** Year 1's renewal rate of a path. */
export function renewalRateOf(inputs: ModelInputs, s: JourneyPath): Dec {
  const r = new Rates(inputs).year(1);
  return s === 'adopter' ? r.rate : r.non;
}

/** Path probabilities of a customer closed in year 1. */
export function pathProbabilities(inputs: ModelInputs): Record<JourneyPath, Dec> {
  return new Rates(inputs).year(1).probs;
}

export function anchorAge(inputs: ModelInputs, anchor: LaneAnchor): number {
  switch (anchor) {
    case 'close': return 0;
    case 'onboarding': return inputs.journey.onboarding.month;
    case 'firstValue': return inputs.journey.firstValue.month;
    case 'adoption': return inputs.journey.adoption.month;
    case 'renewal': return inputs.acquisition.contractMonths;
  }
}

/** The ages at which a lane buys, inclusive. */
export function laneWindow(inputs: ModelInputs, lane: Lane): { from: number; to: number } {
  const base = anchorAge(inputs, lane.anchor);
  return { from: base + lane.windowStart, to: base + lane.windowEnd };
}

export const isRenewalAge = (age: number, contractMonths: number): boolean => age > 0 && age % contractMonths === 0;

/** Per-customer expected figures by age 0 … ages−1, after each age's events. */
export interface Journey {
  ages: number;
  /** ARR by slice: index 0 is base (subscription, with its seat and price growth), 1+i is lane i. */
  arrBySlice: Dec[][];
  /** ARR by path (all slices). */
  arrByPath: Record<JourneyPath, Dec[]>;
  arr: Dec[];
  /** ARR weighted by margin: base by subscriptionGrossMargin, each lane by its own (empty when not asked for). */
  gmArr: Dec[];
  active: Dec[];
  activeByPath: Record<JourneyPath, Dec[]>;
  /** Flows at each age (age 0's new-logo ACV is not a flow: the bridge books it as new). */
  churn: Dec[];
  contraction: Dec[];
  price: Dec[];
  seat: Dec[];
  /** Lane purchases by lane, at each age. */
  buys: Dec[][];
  /**
   * GRR numerator for a customer whose year starts after age a0: its ARR at a0
   * carried through the renewals in (a0, a0+12] by path rate × (1 − contraction),
   * with no growth and nothing bought (spec §4).
   */
  grossRetained: Dec[];
  pathProbability: Record<JourneyPath, Dec>;
}

const zeros = (n: number): Dec[] => Array.from({ length: n }, () => ZERO);

/**
 * `grossRetained: false` skips the GRR column (per-customer figures such as LTV
 * never read it), `grossMargin: false` the margin-weighted ARR (NRR, GRR and ARR
 * never read it: `gmArr` is then empty). A slice that holds nothing yet (a lane
 * before its window, or never sold to this path) is not added: x + 0 is x to the
 * last digit, and a sensitivity figure of a 10-lane model did ~40% of its adds on zeros.
 */
export function computeJourney(inputs: ModelInputs, ages: number, rates = new Rates(inputs), options: { grossRetained?: boolean; grossMargin?: boolean } = {}): Journey {
  const m = inputs.acquisition.contractMonths;
  const y1 = rates.year(1);
  const acv = y1.acv;
  const sgm = new D(inputs.general.subscriptionGrossMargin);
  const lanes = inputs.lanes.map((lane) => ({
    ...laneWindow(inputs, lane),
    eligible: new Set(ELIGIBLE[lane.anchor]),
    margin: new D(lane.grossMargin),
  }));
  const slices = 1 + lanes.length;
  const probs = y1.probs;
  // Renewal rates vary by the renewal's year only when a renewal input is ramped.
  const j = inputs.journey;
  const renewalRamped = [j.renewal.rate, j.renewal.nonAdopterRate, j.contractionRate].some(changesByYear);

  const arrBySlice = Array.from({ length: slices }, () => zeros(ages));
  const arrByPath = {} as Record<JourneyPath, Dec[]>;
  const activeByPath = {} as Record<JourneyPath, Dec[]>;
  const churn = zeros(ages), contraction = zeros(ages), price = zeros(ages), seat = zeros(ages);
  const buys = lanes.map(() => zeros(ages));
  const active = zeros(ages);
  const grossRetained = zeros(ages);

  for (const s of JOURNEY_PATHS) {
    const p = probs[s];
    const rateIn = (r: ReturnType<Rates['year']>) => (s === 'adopter' ? r.rate : r.non);
    let alive = p;
    const arr: Dec[] = [acv.mul(p), ...lanes.map(() => ZERO)];
    const segArr = zeros(ages);
    const segActive = zeros(ages);
    for (let a = 0; a < ages; a++) {
      const r = rates.month(a);
      if (isRenewalAge(a, m)) {
        const rate = rateIn(r);
        const keep = ONE.sub(rate);
        let c = ZERO, ct = ZERO, pr = ZERO, st = ZERO;
        for (let x = 0; x < slices; x++) {
          const before = arr[x]!;
          if (before.isZero()) continue;
          const renewing = before.mul(rate);
          c = c.add(before.mul(keep));
          ct = ct.add(renewing.mul(r.contraction));
          pr = pr.add(renewing.mul(r.price));
          st = st.add(renewing.mul(r.seat));
          arr[x] = renewing.mul(r.growth);
        }
        churn[a] = churn[a]!.add(c);
        contraction[a] = contraction[a]!.add(ct);
        price[a] = price[a]!.add(pr);
        seat[a] = seat[a]!.add(st);
        alive = alive.mul(rate);
      }
      // A purchase in a renewal month comes after that renewal's decision.
      for (let i = 0; i < lanes.length; i++) {
        const lane = lanes[i]!;
        if (a < lane.from || a > lane.to || !lane.eligible.has(s)) continue;
        const bought = alive.mul(r.lanePerMonth[i]!);
        arr[1 + i] = arr[1 + i]!.add(bought);
        buys[i]![a] = buys[i]![a]!.add(bought);
      }
      let total = ZERO;
      for (let x = 0; x < slices; x++) {
        const v = arr[x]!;
        if (v.isZero()) continue;
        arrBySlice[x]![a] = arrBySlice[x]![a]!.add(v);
        total = total.add(v);
      }
      segArr[a] = total;
      segActive[a] = alive;
      active[a] = active[a]!.add(alive);
    }
    // Gross retention over the 12 months after each age: renewals in (a0, a0+12],
    // each at its own year's rate × (1 − contraction).
    const grossFactor = (age: number) => { const r = rates.month(age); return rateIn(r).mul(ONE.sub(r.contraction)); };
    const constant = renewalRamped ? null : grossFactor(0);
    for (let a0 = 0; a0 < ages && options.grossRetained !== false; a0++) {
      let f = ONE;
      if (constant) f = constant.pow(Math.floor((a0 + 12) / m) - Math.floor(a0 / m));
      else for (let a = (Math.floor(a0 / m) + 1) * m; a <= a0 + 12; a += m) f = f.mul(grossFactor(a));
      grossRetained[a0] = grossRetained[a0]!.add(segArr[a0]!.mul(f));
    }
    arrByPath[s] = segArr;
    activeByPath[s] = segActive;
  }

  const arr = zeros(ages);
  const margins = options.grossMargin !== false;
  const gmArr = margins ? zeros(ages) : [];
  for (let a = 0; a < ages; a++) {
    let total = arrBySlice[0]![a]!;
    let gm = margins ? total.mul(sgm) : ZERO;
    for (let i = 0; i < lanes.length; i++) {
      const v = arrBySlice[1 + i]![a]!;
      if (v.isZero()) continue;
      total = total.add(v);
      if (margins) gm = gm.add(v.mul(lanes[i]!.margin));
    }
    arr[a] = total;
    if (margins) gmArr[a] = gm;
  }
  return {
    ages, arrBySlice, arrByPath, arr, gmArr, active, activeByPath,
    churn, contraction, price, seat, buys, grossRetained, pathProbability: probs,
  };
}

/**
 * Spec §3: share of closed customers that reach renewal and renew, vs the decision
 * itself, for a customer closed in month 0: year-1 stage rates, and the renewal
 * rates of the year of its first renewal (month m, spec §2.1).
 */
export function journeyRetention(inputs: ModelInputs, rates = new Rates(inputs)): { fullJourneyRetention: Dec; renewalDecisionRetention: Dec; nonAdopterRenewalRate: Dec; adoptedAndRenewed: Dec } {
  const p = rates.year(1).probs.adopter;
  const r = rates.year(yearOfMonth(inputs.acquisition.contractMonths));
  return { fullJourneyRetention: p.mul(r.rate).add(ONE.sub(p).mul(r.non)), renewalDecisionRetention: r.rate, nonAdopterRenewalRate: r.non, adoptedAndRenewed: p.mul(r.rate) };
}
