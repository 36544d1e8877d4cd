// The model's inputs, their canonical keys and defaults: ../shared/spec/model.md §2.
// Inputs are plain JSON-able values (numbers as JS numbers); the core converts them
// to decimals itself, so the same object travels through the store, IPC, the worker
// and the workbook unchanged.

import type { SignalSettings } from '../accounts/signals';

export type Timing = 'yearStart' | 'even';
export type LaneAnchor = 'close' | 'onboarding' | 'firstValue' | 'adoption' | 'renewal';
export const LANE_ANCHORS: readonly LaneAnchor[] = ['close', 'onboarding', 'firstValue', 'adoption', 'renewal'];
export const TIMINGS: readonly Timing[] = ['yearStart', 'even'];

/**
 * An input that may change by model year (spec §2.1): one number for every year,
 * or a list of 1–10 yearly values (year 1 first; later years use the last one).
 */
export type Rampable = number | number[];

/** Seed 002's lever table: the label a lane may carry (it never changes a figure). */
export type Lever = 'upsell' | 'crossSell' | 'services' | 'usage' | 'integration';
export const LEVERS: readonly Lever[] = ['upsell', 'crossSell', 'services', 'usage', 'integration'];

/** A cohort of the installed base (spec §2.2). */
export interface BaseCohort {
  name: string;
  customers: number;
  arr: number;
  /** months since they closed, at month 0 (1–240) */
  ageMonths: number;
  /** share of adopters; absent or null: the share the journey implies */
  adopterShare?: number | null;
  /** the segment these customers belong to (spec §2.3): required with segments, absent without */
  segment?: string;
}

export interface FunnelStage {
  name: string;
  /** conversion to the next stage (the last stage converts to closed-won) */
  rate: number;
}

export interface Lane {
  id: string;
  name: string;
  anchor: LaneAnchor;
  windowStart: number;
  windowEnd: number;
  attachRate: Rampable;
  acv: Rampable;
  grossMargin: number;
  lever?: Lever;
}

export interface ModelInputs {
  general: {
    name: string;
    currency: string;
    startMonth: string;
    horizonMonths: number;
    discountRateAnnual: number;
    ltvYears: number;
    subscriptionGrossMargin: number;
  };
  acquisition: {
    newCustomersByYear: number[];
    timing: Timing;
    acv: Rampable;
    contractMonths: number;
    cacPerCustomer: Rampable;
    funnel: FunnelStage[];
  };
  journey: {
    onboarding: { rate: Rampable; month: number };
    firstValue: { rate: Rampable; month: number; targetDays: number };
    adoption: { rate: Rampable; month: number };
    renewal: { rate: Rampable; nonAdopterRate: Rampable };
    contractionRate: Rampable;
    priceIncrease: Rampable;
    seatExpansion: Rampable;
  };
  lanes: Lane[];
  /** Customers already on the books at month 0 (spec §2.2); may be absent in models saved before it existed. */
  base: { cohorts: BaseCohort[] };
  /** The expansion readiness signals' weights and thresholds (spec §12); absent: seed 004's defaults. */
  signals?: SignalSettings;
  /** Customer segments (spec §2.3), at most 8; absent or empty: the model is one segment. */
  segments?: Segment[];
}

/**
 * A value a segment overrides (spec §2.3): a number, a choice's text, or a ramp
 * given whole. Keys are canonical plain keys (`journey.renewal.rate`,
 * `lanes.modules.attachRate`), never `key[i]`.
 */
export type SegmentOverride = number | string | number[];

/** A customer segment (spec §2.3): the model with its overrides, its share of new logos and the base cohorts that name it. */
export interface Segment {
  /** the lane id rule: 1–24 letters, digits or _, starting with a letter */
  id: string;
  /** 1–60 characters, unique ignoring case */
  name: string;
  /** share of each model year's new logos (0–1, a ramp by the §2.1 rules); the segments' shares add up to 1 each year */
  logoShare: Rampable;
  overrides: Record<string, SegmentOverride>;
}

/** Seed 002's lever table: margin and time to value (days) the UI suggests for a lane's lever. */
export const LEVER_TABLE: Readonly<Record<Lever, { label: string; grossMargin: number; timeToValueDays: readonly [number, number]; friction: string; automation: string }>> = {
  upsell: { label: 'Upsell (Feature)', grossMargin: 0.6, timeToValueDays: [30, 90], friction: 'Low', automation: 'High' },
  crossSell: { label: 'Cross-sell (Product)', grossMargin: 0.45, timeToValueDays: [60, 180], friction: 'Medium', automation: 'Medium' },
  services: { label: 'Professional Services', grossMargin: 0.3, timeToValueDays: [90, 360], friction: 'High', automation: 'Low' },
  usage: { label: 'Usage-Based Billing', grossMargin: 0.55, timeToValueDays: [30, 120], friction: 'Medium', automation: 'High' },
  integration: { label: 'Embedded Integration', grossMargin: 0.25, timeToValueDays: [120, 360], friction: 'High', automation: 'Low' },
};

/** Seed 000 for names, timing and the $42K deal; seed 002's lever table for margins. */
export const DEFAULT_LANES: readonly Lane[] = [
  { id: 'modules', name: 'Additional use cases / modules', anchor: 'onboarding', windowStart: 4, windowEnd: 6, attachRate: 0.35, acv: 42000, grossMargin: 0.6, lever: 'upsell' },
  { id: 'integration', name: 'Deeper data integration', anchor: 'firstValue', windowStart: 3, windowEnd: 4, attachRate: 0.2, acv: 18000, grossMargin: 0.25, lever: 'integration' },
  { id: 'services', name: 'Managed services layer', anchor: 'adoption', windowStart: 6, windowEnd: 12, attachRate: 0.15, acv: 30000, grossMargin: 0.3, lever: 'services' },
];

export function defaultInputs(): ModelInputs {
  return {
    general: {
      name: 'Example SaaS',
      currency: 'USD',
      startMonth: '2026-01',
      horizonMonths: 36,
      discountRateAnnual: 0.1,
      ltvYears: 3,
      subscriptionGrossMargin: 0.8,
    },
    acquisition: {
      newCustomersByYear: [100, 120, 140],
      timing: 'even',
      acv: 65000,
      contractMonths: 12,
      cacPerCustomer: 80000,
      funnel: [
        { name: 'MQL', rate: 0.3 },
        { name: 'SAL', rate: 0.6 },
        { name: 'SQL', rate: 0.5 },
        { name: 'Opportunity', rate: 0.25 },
      ],
    },
    journey: {
      onboarding: { rate: 0.9, month: 2 },
      firstValue: { rate: 0.85, month: 3, targetDays: 60 },
      adoption: { rate: 0.78, month: 6 },
      renewal: { rate: 0.85, nonAdopterRate: 0.5 },
      contractionRate: 0.02,
      priceIncrease: 0.03,
      seatExpansion: 0.04,
    },
    lanes: DEFAULT_LANES.map((l) => ({ ...l })),
    base: { cohorts: [] },
  };
}

/**
 * New › Blank model (issue 23): nothing on the books and nothing to sell yet: no
 * lanes, no existing customers, no new logos (year 1 at 0, the least the model
 * lists). The rates and prices keep the example's values as a starting point, so
 * every figure moves as soon as logos are typed; the example is `defaultInputs()`.
 */
export function blankInputs(): ModelInputs {
  const d = defaultInputs();
  return {
    ...d,
    general: { ...d.general, name: 'New model' },
    acquisition: { ...d.acquisition, newCustomersByYear: [0] },
    lanes: [],
    base: { cohorts: [] },
  };
}

/** A validation problem: `path` is the canonical key (`journey.renewal.rate`, `lanes[0].acv`). */
export interface InputProblem {
  path: string;
  message: string;
}

/** `notes`: what was accepted but is worth telling (keys the model does not know, ignored). */
export type Parsed<T> = { ok: true; value: T; notes?: string[] } | { ok: false; problems: InputProblem[] };
