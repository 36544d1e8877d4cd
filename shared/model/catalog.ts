// Every input the user can edit, with its label, kind and valid range (spec §2).
// The grid, the workbook's Assumptions sheet, validation and the tornado all read
// this one list, so a new input is added here once.
import type { Lane, ModelInputs } from './inputs';
import { LANE_ANCHORS, LEVERS, TIMINGS } from './inputs';
import { RAMPABLE_KEYS, RAMPABLE_LANE_FIELDS } from './ramps';

export type InputKind =
  | 'rate' // a share, shown as %
  | 'money'
  | 'count' // customers; fractions allowed (expected values)
  | 'months' // whole months
  | 'integer'
  | 'days'
  | 'text'
  | 'enum'
  | 'yearMonth';

export interface InputSpec {
  /** canonical key, e.g. `journey.renewal.rate`, `lanes.modules.attachRate`, `acquisition.newCustomersByYear[0]` */
  key: string;
  label: string;
  group: string;
  kind: InputKind;
  min?: number;
  max?: number;
  /** text length bounds, or enum options */
  minLength?: number;
  maxLength?: number;
  options?: readonly string[];
  /** a driver of the tornado (spec §6: rates ±5 points, money ±10%) */
  driver?: 'rate' | 'money';
  /** may be a list of yearly values (spec §2.1) */
  rampable?: boolean;
  help?: string;
  /**
   * What the seeds and benchmarks call normal (issue 11): a valid value outside
   * it is used, but warned about ("Seat expansion 450% a year is unusual").
   */
  usual?: { min?: number; max?: number };
  /** how the warning names the input, in the user's words (defaults to the label) */
  plainName?: string;
}

/**
 * Upper limits the spec leaves open, chosen far above any real company so no
 * plan hits them, and low enough that every figure stays a finite double in a
 * workbook (docs/model-choices.md, "Upper limits"). The list lengths also bound
 * what a workbook's key column may claim (`acquisition.newCustomersByYear[9]` at most).
 */
export const MODEL_LIMITS = {
  /** ACV, CAC, a lane's ACV: a trillion a year per customer */
  money: 1e12,
  /** new logos closed in one year */
  newCustomersPerYear: 1e7,
  /** customers of one installed-base cohort */
  baseCustomers: 1e7,
  /** ARR of one installed-base cohort: a thousand times the largest ACV, over all its customers */
  baseArr: 1e15,
  /** years of new logos: the longest horizon is 120 months */
  years: 10,
  funnelStages: 20,
  lanes: 10,
  /** cohorts of the installed base (spec §2.2) */
  baseCohorts: 240,
  /** customer segments (spec §2.3) */
  segments: 8,
} as const;

/** How option values read on screen: identifiers (yearStart, firstValue) never reach it (issue 11 §11). */
export const OPTION_LABELS: Readonly<Record<string, string>> = {
  yearStart: 'Year start', even: 'Even',
  close: 'Close', onboarding: 'Onboarding', firstValue: 'First value', adoption: 'Adoption', renewal: 'Renewal',
  // seed 002's expansion levers, in plain words
  upsell: 'Upsell', crossSell: 'Cross-sell', services: 'Professional services', usage: 'Usage-based', integration: 'Embedded integration',
};
export const optionLabel = (value: string): string => OPTION_LABELS[value] ?? value;

/** Headline outputs that are valid but unusual beyond these bounds (issue 11). */
export const USUAL_OUTPUTS = { nrrMax: 2 } as const;

/** A catalogue entry marked rampable when spec §2.1 lets it change by year. */
const rampable = (s: InputSpec): InputSpec => (RAMPABLE_KEYS.some((r) => r.key === s.key) ? { ...s, rampable: true } : s);
const withRamps = (specs: InputSpec[]): InputSpec[] => specs.map(rampable);

const rate = (key: string, label: string, group: string, driver = true, max = 1): InputSpec =>
  ({ key, label, group, kind: 'rate', min: 0, max, ...(driver ? { driver: 'rate' as const } : {}) });
const money = (key: string, label: string, group: string, driver = true): InputSpec =>
  ({ key, label, group, kind: 'money', min: 0, max: MODEL_LIMITS.money, ...(driver ? { driver: 'money' as const } : {}) });
const months = (key: string, label: string, group: string, min: number, max: number): InputSpec =>
  ({ key, label, group, kind: 'months', min, max });

export const GENERAL_INPUTS: readonly InputSpec[] = [
  { key: 'general.name', label: 'Model name', group: 'General', kind: 'text', minLength: 1, maxLength: 120 },
  { key: 'general.currency', label: 'Currency (ISO code)', group: 'General', kind: 'text', minLength: 3, maxLength: 3, help: 'three letters, display only' },
  { key: 'general.startMonth', label: 'First month', group: 'General', kind: 'yearMonth', help: 'YYYY-MM' },
  { key: 'general.horizonMonths', label: 'Months modelled', group: 'General', kind: 'integer', min: 12, max: 120 },
  { ...rate('general.discountRateAnnual', 'Discount rate (annual)', 'General'), usual: { max: 0.3 }, plainName: 'Discount rate' },
  { key: 'general.ltvYears', label: 'LTV window (years)', group: 'General', kind: 'integer', min: 1, max: 10 },
  rate('general.subscriptionGrossMargin', 'Subscription gross margin', 'General'),
];

export const ACQUISITION_INPUTS: readonly InputSpec[] = withRamps([
  { key: 'acquisition.timing', label: 'Closing pattern', group: 'Acquisition', kind: 'enum', options: TIMINGS, help: 'Year start: all of a year’s new logos close in its first month; Even: one twelfth each month' },
  money('acquisition.acv', 'New-logo ACV', 'Acquisition'),
  { key: 'acquisition.contractMonths', label: 'Contract term (months)', group: 'Acquisition', kind: 'months', min: 1, max: 36 },
  money('acquisition.cacPerCustomer', 'CAC per new logo', 'Acquisition'),
]);

export const JOURNEY_INPUTS: readonly InputSpec[] = withRamps([
  rate('journey.onboarding.rate', 'Onboarding completion', 'Bowtie stages'),
  months('journey.onboarding.month', 'Onboarding known at age (months)', 'Bowtie stages', 0, 36),
  rate('journey.firstValue.rate', 'Reach first value (of onboarded)', 'Bowtie stages'),
  months('journey.firstValue.month', 'First value known at age (months)', 'Bowtie stages', 0, 36),
  { key: 'journey.firstValue.targetDays', label: 'Time-to-first-value target (days)', group: 'Bowtie stages', kind: 'days', min: 1, max: 365 },
  rate('journey.adoption.rate', 'Adoption (of first-value customers)', 'Bowtie stages'),
  months('journey.adoption.month', 'Adoption known at age (months)', 'Bowtie stages', 0, 36),
  rate('journey.renewal.rate', 'Renewal rate of adopters', 'Renewal'),
  rate('journey.renewal.nonAdopterRate', 'Renewal rate of non-adopters', 'Renewal'),
  { ...rate('journey.contractionRate', 'Contraction at renewal', 'Renewal'), usual: { max: 0.5 }, plainName: 'Contraction' },
  { ...rate('journey.priceIncrease', 'Price increase at renewal', 'Renewal'), usual: { max: 0.2 }, plainName: 'Price increase' },
  { ...rate('journey.seatExpansion', 'Seat / tier expansion at renewal', 'Renewal', true, 5), usual: { max: 1 }, plainName: 'Seat expansion' },
]);

/** The per-lane fields, in column order. */
export const LANE_FIELDS: readonly (Omit<InputSpec, 'key' | 'group'> & { field: keyof Lane })[] = [
  { field: 'name', label: 'Lane', kind: 'text', minLength: 1, maxLength: 60 },
  { field: 'anchor', label: 'Anchor', kind: 'enum', options: LANE_ANCHORS },
  { field: 'windowStart', label: 'Window from (months after anchor)', kind: 'months', min: 0, max: 60 },
  { field: 'windowEnd', label: 'Window to (months after anchor)', kind: 'months', min: 0, max: 60 },
  { field: 'attachRate', label: 'Attach rate', kind: 'rate', min: 0, max: 1, driver: 'rate' },
  { field: 'acv', label: 'Lane ACV', kind: 'money', min: 0, max: MODEL_LIMITS.money, driver: 'money' },
  { field: 'grossMargin', label: 'Gross margin', kind: 'rate', min: 0, max: 1, driver: 'rate' },
];

/** A lane's optional lever label (seed 002); not a figure, so not in LANE_FIELDS' columns of numbers. */
export const LANE_LEVER_FIELD = { field: 'lever' as const, label: 'Lever', kind: 'enum' as const, options: LEVERS };

/** The fields of an installed-base cohort (spec §2.2), in column order. */
export const BASE_FIELDS: readonly { field: 'name' | 'customers' | 'arr' | 'ageMonths' | 'adopterShare'; label: string; kind: InputKind; min?: number; max?: number; minLength?: number; maxLength?: number; help?: string }[] = [
  { field: 'name', label: 'Cohort', kind: 'text', minLength: 1, maxLength: 60 },
  { field: 'customers', label: 'Customers', kind: 'count', min: 0, max: MODEL_LIMITS.baseCustomers },
  { field: 'arr', label: 'ARR', kind: 'money', min: 0, max: MODEL_LIMITS.baseArr },
  { field: 'ageMonths', label: 'Age (months since close)', kind: 'months', min: 1, max: 240 },
  { field: 'adopterShare', label: 'Adopter share', kind: 'rate', min: 0, max: 1, help: 'blank: the share the journey implies' },
];
/**
 * The fields of a customer segment (spec §2.3), addressed `segments.<id>.<field>`.
 * Segments are not computed yet: the grammar reads and checks their keys.
 */
export const SEGMENT_FIELDS: readonly { field: string; label: string; kind: InputKind; min?: number; max?: number; minLength?: number; maxLength?: number; rampable?: boolean }[] = [
  { field: 'name', label: 'Segment', kind: 'text', minLength: 1, maxLength: 60 },
  { field: 'logoShare', label: 'Share of new logos', kind: 'rate', min: 0, max: 1, rampable: true },
];

export const baseKey = (i: number, field: string): string => `base.cohorts[${i}].${field}`;

export const laneKey = (laneId: string, field: keyof Lane): string => `lanes.${laneId}.${field}`;
export const newCustomersKey = (yearIndex: number): string => `acquisition.newCustomersByYear[${yearIndex}]`;
export const funnelKey = (i: number, field: 'name' | 'rate'): string => `acquisition.funnel[${i}].${field}`;

/** The full list of scalar inputs of a model, lanes and lists expanded. */
export function inputSpecs(m: ModelInputs): InputSpec[] {
  const specs: InputSpec[] = [...GENERAL_INPUTS, ...ACQUISITION_INPUTS];
  m.acquisition.newCustomersByYear.forEach((_, i) =>
    specs.push({ key: newCustomersKey(i), label: `New logos, year ${i + 1}`, group: 'Acquisition', kind: 'count', min: 0, max: MODEL_LIMITS.newCustomersPerYear }));
  m.acquisition.funnel.forEach((s, i) => {
    specs.push({ key: funnelKey(i, 'name'), label: `Funnel stage ${i + 1}`, group: 'Funnel', kind: 'text', minLength: 1, maxLength: 60 });
    specs.push(rate(funnelKey(i, 'rate'), `${s.name} conversion`, 'Funnel', false));
  });
  specs.push(...JOURNEY_INPUTS);
  for (const lane of m.lanes) {
    for (const f of LANE_FIELDS) {
      const { field, ...rest } = f;
      specs.push({ ...rest, key: laneKey(lane.id, field), label: `${lane.name}: ${f.label}`, group: 'Expansion lanes', ...((RAMPABLE_LANE_FIELDS as readonly string[]).includes(field) ? { rampable: true } : {}) });
    }
  }
  (m.base?.cohorts ?? []).forEach((k, i) => {
    for (const f of BASE_FIELDS) {
      const { field, ...rest } = f;
      specs.push({ ...rest, key: baseKey(i, field), label: `${k.name}: ${f.label}`, group: 'Existing customers' });
    }
  });
  return specs;
}
