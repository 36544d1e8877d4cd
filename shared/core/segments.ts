// The company of segments (spec §2.3): each segment's model computed exactly as a
// model of its own (single.ts), then summed. Flows, ARR, customers and revenue add
// up month by month; NRR and GRR are §4 on the union, from the summed sets' raw
// parts (begin, end, kept, each flow), never from the segments' ratios; the
// per-new-customer figures are the year-1 mix's, weights w_s = logoShare_s(1).
import type { ModelInputs } from '../model/inputs';
import { segmentModel, segmentsOf } from '../model/segments';
import { firstYear, valueInYear } from '../model/ramps';
import { D, ZERO, sum, type Dec } from './decimal';
import { JOURNEY_PATHS, type JourneyPath } from './journey';
import type { BridgeMonth, BridgeYear, CohortRow, JourneyAge, ModelResult, SegmentResult } from './result';
import { assemble, computeSingle, decompose, monthLabel, yearOf, type Company, type ComputeOptions, type Parts, type PerCustomer, type SetFlows, type SetParts } from './single';
import { completeYears } from './years';

/** One segment computed as a model of its own. */
export interface SegmentRun {
  id: string;
  inputs: ModelInputs;
  result: ModelResult<Dec>;
  parts: Parts;
  /** its year-1 mix weight, logoShare(1) */
  weight: Dec;
}

export function segmentRuns(m: ModelInputs, options: ComputeOptions = {}): SegmentRun[] {
  return segmentsOf(m).map((s) => {
    const inputs = segmentModel(m, s);
    const { result, parts } = computeSingle(inputs, { ...options, run: undefined });
    return { id: s.id, inputs, result, parts, weight: new D(valueInYear(s.logoShare, 1)) };
  });
}

/** The company's result with `segments`: each segment's own result and its share of company ARR at each year end. */
export function computeCompany(m: ModelInputs, options: ComputeOptions = {}): ModelResult<Dec> {
  const runs = segmentRuns(m, options);
  const result = assemble(m, sumCompany(m, runs, options.figuresOnly ?? false), blendPerCustomer(m, runs));
  const segments: Record<string, SegmentResult<Dec>> = {};
  for (const r of runs) {
    segments[r.id] = {
      ...r.result,
      arrShareByYearEnd: result.annual.map((y, i) => (y.closing.isZero() ? null : r.result.annual[i]!.closing.div(y.closing))),
    };
  }
  return { ...result, segments };
}

const addUp = <T>(xs: readonly T[], f: (x: T) => Dec): Dec => sum(xs.map(f));

/** §4 on a union of sets: NRR = Σ end ÷ Σ begin, GRR = Σ kept ÷ Σ begin (held to [0, 1]); null when Σ begin is 0. */
function union(sets: readonly (SetParts | null)[]): SetParts & { nrr: Dec | null; grr: Dec | null } {
  const begin = addUp(sets, (s) => s?.begin ?? ZERO), end = addUp(sets, (s) => s?.end ?? ZERO), kept = addUp(sets, (s) => s?.kept ?? ZERO);
  if (begin.isZero()) return { begin, end, kept, nrr: null, grr: null };
  return { begin, end, kept, nrr: end.div(begin), grr: D.min(1, kept.div(begin)) };
}

function sumFlows(fs: readonly SetFlows[], laneCount: number): SetFlows {
  return {
    churn: addUp(fs, (f) => f.churn), contraction: addUp(fs, (f) => f.contraction),
    price: addUp(fs, (f) => f.price), seat: addUp(fs, (f) => f.seat),
    lanes: Array.from({ length: laneCount }, (_, i) => addUp(fs, (f) => f.lanes[i]!)),
  };
}

/** The company's bridge, years, cohort table and opening ARR: sums over segments. */
function sumCompany(m: ModelInputs, runs: readonly SegmentRun[], figuresOnly: boolean): Omit<Company, keyof Parts> {
  const H = m.general.horizonMonths;
  const Y = completeYears(H);
  const laneCount = m.lanes.length;
  const months: BridgeMonth<Dec>[] = [];
  for (let t = 0; t < H; t++) {
    const ms = runs.map((r) => r.result.months[t]!);
    const add = (f: (x: BridgeMonth<Dec>) => Dec) => addUp(ms, f);
    const ws = runs.map((r) => r.parts.windows[t] ?? null);
    // With figuresOnly a calendar segment keeps only year-end windows: so does the company.
    const w = ws.every((x) => x === null) || (figuresOnly && t % 12 !== 11) ? null : union(ws);
    months.push({
      month: t, label: monthLabel(m.general.startMonth, t), opening: add((x) => x.opening), newLogo: add((x) => x.newLogo),
      lanes: Array.from({ length: laneCount }, (_, i) => add((x) => x.lanes[i]!)),
      seat: add((x) => x.seat), price: add((x) => x.price), contraction: add((x) => x.contraction), churn: add((x) => x.churn),
      closing: add((x) => x.closing), customers: add((x) => x.customers), newCustomers: add((x) => x.newCustomers),
      revenue: add((x) => x.revenue), nrrT12: w ? w.nrr : null, grrT12: w ? w.grr : null,
    });
  }
  const annual: BridgeYear<Dec>[] = [];
  for (let y = 1; y <= Y; y++) {
    const sets = runs.map((r) => r.parts.years[y - 1]!);
    const u = union(sets);
    const flows = sumFlows(sets.map((s) => s.flows), laneCount);
    const laneArrEnd = Array.from({ length: laneCount }, (_, i) => addUp(runs, (r) => r.result.annual[y - 1]!.laneArrEnd[i]!));
    annual.push(yearOf(months, y, laneCount, { nrr: u.nrr, grr: u.grr, decomposition: u.begin.isZero() ? null : decompose(u.begin, u.end, flows) }, laneArrEnd));
  }
  const cohorts: CohortRow<Dec>[] = [];
  const rows = runs[0]?.result.cohorts.length ?? 0;
  for (let i = 0; i < rows; i++) {
    const own = runs.map((r) => r.result.cohorts[i]!);
    cohorts.push({
      year: own[0]!.year,
      customers: addUp(own, (c) => c.customers),
      cumulativeRevenue: own[0]!.cumulativeRevenue.map((v, k) => (v === null ? null : addUp(own, (c) => c.cumulativeRevenue[k]!))),
    });
  }
  return { months, annual, cohorts, openingArr: addUp(runs, (r) => r.result.openingArr) };
}

/**
 * A customer of the year-1 mix (spec §2.3): retentions, LTVs, the LTV curve and
 * one customer's journey by age are Σ w_s × x_s; LTV:CAC and CAC payback come
 * from the blended ACV and CAC with §5's rules for 0.
 */
function blendPerCustomer(m: ModelInputs, runs: readonly SegmentRun[]): PerCustomer {
  const mix = (f: (r: ModelResult<Dec>) => Dec) => addUp(runs, (r) => r.weight.mul(f(r.result)));
  const first = runs[0]!.result;
  const ages: JourneyAge<Dec>[] = first.journey.ages.map((a, k) => {
    const at = (r: ModelResult<Dec>) => r.journey.ages[k]!;
    const byPath = {} as Record<JourneyPath, { arr: Dec; active: Dec }>;
    for (const s of JOURNEY_PATHS) byPath[s] = { arr: mix((r) => at(r).byPath[s].arr), active: mix((r) => at(r).byPath[s].active) };
    return {
      age: a.age, arr: mix((r) => at(r).arr), base: mix((r) => at(r).base),
      lanes: a.lanes.map((_, i) => mix((r) => at(r).lanes[i]!)), active: mix((r) => at(r).active), byPath,
    };
  });
  const pathProbability = {} as Record<JourneyPath, Dec>;
  for (const s of JOURNEY_PATHS) pathProbability[s] = mix((r) => r.journey.pathProbability[s]);
  const ltv = {
    revenue: mix((r) => r.ltv.revenue), grossMargin: mix((r) => r.ltv.grossMargin), discountedGrossMargin: mix((r) => r.ltv.discountedGrossMargin),
  };
  const acv = addUp(runs, (r) => r.weight.mul(firstYear(r.inputs.acquisition.acv)));
  const cac = addUp(runs, (r) => r.weight.mul(firstYear(r.inputs.acquisition.cacPerCustomer)));
  const monthlyMargin = acv.mul(m.general.subscriptionGrossMargin).div(12);
  return {
    journey: {
      fullJourneyRetention: mix((r) => r.journey.fullJourneyRetention),
      renewalDecisionRetention: mix((r) => r.journey.renewalDecisionRetention),
      nonAdopterRenewalRate: mix((r) => r.journey.nonAdopterRenewalRate),
      adoptedAndRenewed: mix((r) => r.journey.adoptedAndRenewed),
      pathProbability,
      ages,
    },
    ltv,
    ltvCurve: first.ltvCurve.map((_, k) => mix((r) => r.ltvCurve[k]!)),
    ltvToCac: cac.isZero() ? null : ltv.discountedGrossMargin.div(cac),
    cacPaybackMonths: cac.isZero() ? ZERO : monthlyMargin.isZero() ? null : cac.div(monthlyMargin),
  };
}
