// The headline figures as spec §7 prints them (`bowtie calc`): one object, arrays
// indexed by model year (index 0 is year 1), null where a figure is undefined.
import type { ModelInputs } from '../model/inputs';
import { computeExact } from './compute';
import { numOrNull, num } from './decimal';
import type { ModelResult } from './result';
import type { Dec } from './decimal';
import { biggestDrag, type Stage } from './sensitivity';
import { segmentModel, segmentsOf } from '../model/segments';

export interface CalcSummary {
  arrByYearEnd: number[];
  nrrByYear: (number | null)[];
  grrByYear: (number | null)[];
  churnByYear: number[];
  contractionByYear: number[];
  expansionByYear: number[];
  newArrByYear: number[];
  revenueByYear: number[];
  customersByYearEnd: number[];
  /** the installed base's ARR before month 0 (0 without one) */
  openingArr: number;
  journey: { fullJourneyRetention: number; renewalDecisionRetention: number };
  ltv: { revenue: number; grossMargin: number; discountedGrossMargin: number };
  ltvToCac: number | null;
  cacPaybackMonths: number | null;
  nrrBand: string | null;
  biggestDrag: Stage;
  /** with segments (spec §2.3, §7): each segment's own figures by id, with its share of company ARR at each year end */
  segments?: Record<string, SegmentSummary>;
}

export type SegmentSummary = Omit<CalcSummary, 'segments'> & { arrShareByYearEnd: (number | null)[] };

export function summarize(inputs: ModelInputs, r: ModelResult<Dec> = computeExact(inputs)): CalcSummary {
  const own = summaryOf(inputs, r);
  if (!r.segments) return own;
  const segments: Record<string, SegmentSummary> = {};
  for (const s of segmentsOf(inputs)) {
    const sr = r.segments[s.id]!;
    segments[s.id] = { ...summaryOf(segmentModel(inputs, s), sr), arrShareByYearEnd: sr.arrShareByYearEnd.map(numOrNull) };
  }
  return { ...own, segments };
}

function summaryOf(inputs: ModelInputs, r: ModelResult<Dec>): CalcSummary {
  const a = r.annual;
  return {
    arrByYearEnd: a.map((y) => num(y.closing)),
    nrrByYear: a.map((y) => numOrNull(y.nrr)),
    grrByYear: a.map((y) => numOrNull(y.grr)),
    churnByYear: a.map((y) => num(y.churn)),
    contractionByYear: a.map((y) => num(y.contraction)),
    expansionByYear: a.map((y) => num(y.expansion)),
    newArrByYear: a.map((y) => num(y.newLogo)),
    revenueByYear: a.map((y) => num(y.revenue)),
    customersByYearEnd: a.map((y) => num(y.customersEnd)),
    openingArr: num(r.openingArr),
    journey: { fullJourneyRetention: num(r.journey.fullJourneyRetention), renewalDecisionRetention: num(r.journey.renewalDecisionRetention) },
    ltv: { revenue: num(r.ltv.revenue), grossMargin: num(r.ltv.grossMargin), discountedGrossMargin: num(r.ltv.discountedGrossMargin) },
    ltvToCac: numOrNull(r.ltvToCac),
    cacPaybackMonths: numOrNull(r.cacPaybackMonths),
    nrrBand: r.nrrBand,
    biggestDrag: biggestDrag(inputs).stage,
  };
}
