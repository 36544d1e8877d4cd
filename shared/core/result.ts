// The shape of everything the core computes. `N` is Decimal inside the core and
// its tests (so identities can be checked exactly) and number everywhere else
// (`toNumbers`), which is what the UI, the worker, the workbook and the CLI carry.
import type { JourneyPath } from './journey';

export interface BridgeMonth<N> {
  month: number;
  /** YYYY-MM */
  label: string;
  opening: N;
  newLogo: N;
  /** lane purchases, by lane (same order as inputs.lanes) */
  lanes: N[];
  seat: N;
  price: N;
  contraction: N;
  churn: N;
  closing: N;
  customers: N;
  newCustomers: N;
  revenue: N;
  /** trailing-12-month NRR/GRR ending this month (null before month 12 or when undefined) */
  nrrT12: N | null;
  grrT12: N | null;
}

export interface NrrDecomposition<N> {
  /** opening ARR of the NRR set */
  begin: N;
  end: N;
  /** shares of begin: nrr = 1 − churn − contraction + Σ lanes + seat + price */
  churn: N;
  contraction: N;
  lanes: N[];
  seat: N;
  price: N;
  /** the same flows in currency */
  amounts: { churn: N; contraction: N; lanes: N[]; seat: N; price: N };
}

export interface BridgeYear<N> {
  year: number;
  opening: N;
  newLogo: N;
  lanes: N[];
  seat: N;
  price: N;
  /** lanes + seat + price, gross of contraction */
  expansion: N;
  contraction: N;
  churn: N;
  closing: N;
  revenue: N;
  customersEnd: N;
  newCustomers: N;
  nrr: N | null;
  grr: N | null;
  decomposition: NrrDecomposition<N> | null;
  /** expansion ÷ (expansion + new-logo ARR) */
  expansionShare: N | null;
  /** lane ARR in force at year end, by lane */
  laneArrEnd: N[];
}

export interface JourneyAge<N> {
  age: number;
  arr: N;
  base: N;
  lanes: N[];
  active: N;
  byPath: Record<JourneyPath, { arr: N; active: N }>;
}

export interface CohortRow<N> {
  /** acquisition year (1-based) */
  year: number;
  customers: N;
  /** cumulative revenue of the cohort through the end of each model year; null before it closes */
  cumulativeRevenue: (N | null)[];
}

export interface FunnelVolume<N> {
  name: string;
  rate: N;
  /** volume needed at this stage for year-1 new logos; null when a rate on the way is 0 */
  volume: N | null;
}

export interface LaneSummary<N> {
  id: string;
  name: string;
  grossMargin: N;
  /** ARR of the lane at the end of the last complete year, and its share of total ARR */
  arrEnd: N;
  share: N | null;
  belowMarginFloor: boolean;
}

export interface ModelResult<N> {
  horizonMonths: number;
  years: number;
  /** the installed base's ARR just before month 0 (spec §2.2; 0 without one) */
  openingArr: N;
  months: BridgeMonth<N>[];
  annual: BridgeYear<N>[];
  journey: {
    fullJourneyRetention: N;
    renewalDecisionRetention: N;
    /** the non-adopters' renewal rate at the first renewal (its model year's value) */
    nonAdopterRenewalRate: N;
    /** adopters who renew at the first renewal, as a share of everyone closed */
    adoptedAndRenewed: N;
    pathProbability: Record<JourneyPath, N>;
    /** one customer by age, over max(horizon, LTV window) */
    ages: JourneyAge<N>[];
  };
  ltv: { revenue: N; grossMargin: N; discountedGrossMargin: N };
  /** per-customer cumulative revenue LTV by age within the LTV window */
  ltvCurve: N[];
  ltvToCac: N | null;
  cacPaybackMonths: N | null;
  funnel: FunnelVolume<N>[];
  cohorts: CohortRow<N>[];
  nrrBand: string | null;
  /** opening ARR × 1% of the first year with a defined NRR (year 1 with a base, else year 2) */
  valueOfNrrPoint: N | null;
  /** the model year whose opening ARR that is (1 or 2), so a label names the figure's own basis */
  valueOfNrrPointYear: number | null;
  doublingTimeYears: N | null;
  lanes: LaneSummary<N>[];
  /**
   * With segments (spec §2.3), each segment's own result by segment id; the
   * top-level figures are then the company's (their sum). Absent without segments.
   */
  segments?: Record<string, SegmentResult<N>>;
}

/** One segment's figures (spec §2.3, §7): a result of its own, plus its share of company ARR at each year end. */
export interface SegmentResult<N> extends Omit<ModelResult<N>, 'segments'> {
  /** share of company ARR at each complete year's end; null where company ARR is 0 */
  arrShareByYearEnd: (N | null)[];
}
