// The one list of how much a document may hold, derived from the model's own
// limits (MODEL_LIMITS, spec §2–§2.3): the store's "+ Add" buttons stop here, so
// an edit can never make a model the core or the workbook would refuse.
import { MODEL_LIMITS } from '../model/catalog';
import { MAX_RAMP_YEARS } from '../model/ramps';
import { yearsTouched } from '../core/years';
import { MAX_OVERRIDES, MAX_SCENARIOS } from '../model/scenarios';

export const DOCUMENT_LIMITS = {
  lanes: MODEL_LIMITS.lanes,
  /** years of new logos; the horizon is at most 120 months, so a year beyond the tenth is never modelled */
  years: MODEL_LIMITS.years,
  funnelStages: MODEL_LIMITS.funnelStages,
  baseCohorts: MODEL_LIMITS.baseCohorts,
  segments: MODEL_LIMITS.segments,
  rampYears: MAX_RAMP_YEARS,
  scenarios: MAX_SCENARIOS,
  overrides: MAX_OVERRIDES,
  /** billing-export mappings kept in a workbook (spec §9.1): one per shape and set of headers, the latest first */
  importMappings: 8,
} as const;

/** Model years the horizon covers (at most the ten a ramp may list). */
export const modelYears = (inputs: { general: { horizonMonths: number } }): number =>
  Math.min(MAX_RAMP_YEARS, Math.max(1, yearsTouched(inputs.general.horizonMonths)));
