// One customer's expected journey by age (spec §3). Every cohort follows the same
// per-customer curve, so the company roll-up (company.ts) only convolves these
// arrays with the acquisition schedule: the journey is computed once per model.
import type { Lane, LaneAnchor, ModelInputs } from '../model/inputs';
import { D, ONE, ZERO, type Dec } from './decimal';

export type SegmentId = 'failedOnboarding' | 'failedFirstValue' | 'failedAdoption' | 'adopter';
export const SEGMENTS: readonly SegmentId[] = ['failedOnboarding', 'failedFirstValue', 'failedAdoption', 'adopter'];

/** Which segments a lane anchored on each milestone can sell to (spec §3). */
const ELIGIBLE: Record<LaneAnchor, readonly SegmentId[]> = {
  close: SEGMENTS,
  renewal: SEGMENTS,
  onboarding: ['failedFirstValue', 'failedAdoption', 'adopter'],
  firstValue: ['failedAdoption', 'adopter'],
  adoption: ['adopter'],
};

export function segmentProbabilities(inputs: ModelInputs): Record<SegmentId, Dec> {
  const on = new D(inputs.journey.onboarding.rate);
  const fv = new D(inputs.journey.firstValue.rate);
  const ad = new D(inputs.journey.adoption.rate);
  return {
    failedOnboarding: ONE.sub(on),
    failedFirstValue: on.mul(ONE.sub(fv)),
    failedAdoption: on.mul(fv).mul(ONE.sub(ad)),
    adopter: on.mul(fv).mul(ad),
  };
}

export function renewalRateOf(inputs: ModelInputs, s: SegmentId): Dec {
  return new D(s === 'adopter' ? inputs.journey.renewal.rate : inputs.journey.renewal.nonAdopterRate);
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
  /** ARR by segment (all slices). */
  arrBySegment: Record<SegmentId, Dec[]>;
  arr: Dec[];
  /** ARR weighted by margin: base by subscriptionGrossMargin, each lane by its own. */
  gmArr: Dec[];
  active: Dec[];
  activeBySegment: Record<SegmentId, Dec[]>;
  /** Flows at each age (age 0's new-logo ACV is not a flow: the bridge books it as new). */
  churn: Dec[];
  contraction: Dec[];
  price: Dec[];
  seat: Dec[];
  /** Lane purchases by lane, at each age. */
  buys: Dec[][];
  /**
   * GRR numerator for a customer whose year starts after age a0: its ARR at a0
   * carried through the renewals in (a0, a0+12] by segment rate × (1 − contraction),
   * with no growth and nothing bought (spec §4).
   */
  grossRetained: Dec[];
  segmentProbability: Record<SegmentId, Dec>;
}

const zeros = (n: number): Dec[] => Array.from({ length: n }, () => ZERO);

export function computeJourney(inputs: ModelInputs, ages: number): Journey {
  const j = inputs.journey;
  const m = inputs.acquisition.contractMonths;
  const acv = new D(inputs.acquisition.acv);
  const cr = new D(j.contractionRate);
  const pi = new D(j.priceIncrease);
  const se = new D(j.seatExpansion);
  const growth = ONE.sub(cr).add(pi).add(se);
  const sgm = new D(inputs.general.subscriptionGrossMargin);
  const lanes = inputs.lanes.map((lane) => {
    const w = laneWindow(inputs, lane);
    const months = lane.windowEnd - lane.windowStart + 1;
    return {
      ...w,
      eligible: new Set(ELIGIBLE[lane.anchor]),
      // expected ARR bought per active eligible customer in each month of the window
      perMonth: new D(lane.attachRate).div(months).mul(lane.acv),
      margin: new D(lane.grossMargin),
    };
  });
  const slices = 1 + lanes.length;
  const probs = segmentProbabilities(inputs);

  const arrBySlice = Array.from({ length: slices }, () => zeros(ages));
  const arrBySegment = {} as Record<SegmentId, Dec[]>;
  const activeBySegment = {} as Record<SegmentId, Dec[]>;
  const churn = zeros(ages), contraction = zeros(ages), price = zeros(ages), seat = zeros(ages);
  const buys = lanes.map(() => zeros(ages));
  const active = zeros(ages);
  const grossRetained = zeros(ages);

  for (const s of SEGMENTS) {
    const p = probs[s];
    const rate = renewalRateOf(inputs, s);
    const keep = ONE.sub(rate);
    const grossFactor = rate.mul(ONE.sub(cr));
    let alive = p;
    const arr: Dec[] = [acv.mul(p), ...lanes.map(() => ZERO)];
    const segArr = zeros(ages);
    const segActive = zeros(ages);
    for (let a = 0; a < ages; a++) {
      if (isRenewalAge(a, m)) {
        let c = ZERO, ct = ZERO, pr = ZERO, st = ZERO;
        for (let x = 0; x < slices; x++) {
          const before = arr[x]!;
          if (before.isZero()) continue;
          const renewing = before.mul(rate);
          c = c.add(before.mul(keep));
          ct = ct.add(renewing.mul(cr));
          pr = pr.add(renewing.mul(pi));
          st = st.add(renewing.mul(se));
          arr[x] = renewing.mul(growth);
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
        const bought = alive.mul(lane.perMonth);
        arr[1 + i] = arr[1 + i]!.add(bought);
        buys[i]![a] = buys[i]![a]!.add(bought);
      }
      let total = ZERO;
      for (let x = 0; x < slices; x++) {
        arrBySlice[x]![a] = arrBySlice[x]![a]!.add(arr[x]!);
        total = total.add(arr[x]!);
      }
      segArr[a] = total;
      segActive[a] = alive;
      active[a] = active[a]!.add(alive);
    }
    // Gross retention over the 12 months after each age: renewals in (a0, a0+12].
    for (let a0 = 0; a0 < ages; a0++) {
      const renewals = Math.floor((a0 + 12) / m) - Math.floor(a0 / m);
      grossRetained[a0] = grossRetained[a0]!.add(segArr[a0]!.mul(grossFactor.pow(renewals)));
    }
    arrBySegment[s] = segArr;
    activeBySegment[s] = segActive;
  }

  const arr = zeros(ages);
  const gmArr = zeros(ages);
  for (let a = 0; a < ages; a++) {
    let total = arrBySlice[0]![a]!;
    let gm = total.mul(sgm);
    for (let i = 0; i < lanes.length; i++) {
      const v = arrBySlice[1 + i]![a]!;
      total = total.add(v);
      gm = gm.add(v.mul(lanes[i]!.margin));
    }
    arr[a] = total;
    gmArr[a] = gm;
  }
  return {
    ages, arrBySlice, arrBySegment, arr, gmArr, active, activeBySegment,
    churn, contraction, price, seat, buys, grossRetained, segmentProbability: probs,
  };
}

/** Spec §3: share of closed customers that reach renewal and renew, vs the decision itself. */
export function journeyRetention(inputs: ModelInputs): { fullJourneyRetention: Dec; renewalDecisionRetention: Dec } {
  const p = segmentProbabilities(inputs).adopter;
  const rate = new D(inputs.journey.renewal.rate);
  const non = new D(inputs.journey.renewal.nonAdopterRate);
  return { fullJourneyRetention: p.mul(rate).add(ONE.sub(p).mul(non)), renewalDecisionRetention: rate };
}
