// The whole model for one set of inputs: the single source of every figure.
// Without segments it is one model (single.ts); with segments, the company is the
// exact sum of its segments' models (segments.ts, spec §2.3). Inputs must be valid
// (model/validate.ts); the core does not re-check them.
import type { ModelInputs } from '../model/inputs';
import { hasSegments } from '../model/segments';
import { D, type Dec } from './decimal';
import type { ModelResult } from './result';
import { computeSingle, type ComputeOptions } from './single';
import { computeCompany } from './segments';

export { monthLabel, needsCalendar } from './single';

/**
 * `calendar` forces the calendar simulation (tests compare both routes);
 * `figuresOnly` skips what no §7 figure needs: the cohort table (empty) and,
 * on the calendar route, the monthly trailing-12 NRR/GRR (null). Ranges use it.
 * `run`: the calendar simulation of these inputs, when the caller has one already
 * (the workbook's Calendar sheet; a model of segments has one run per segment, so it is ignored there).
 */
export function computeExact(inputs: ModelInputs, options: ComputeOptions = {}): ModelResult<Dec> {
  if (hasSegments(inputs)) return computeCompany(inputs, { ...options, run: undefined });
  return computeSingle(inputs, options).result;
}

/** Decimal → number throughout, preserving nulls, strings and booleans. */
export function toNumbers<T>(x: T): DeepNumber<T> {
  if (x instanceof D) return x.toNumber() as DeepNumber<T>;
  if (Array.isArray(x)) return x.map(toNumbers) as DeepNumber<T>;
  if (x !== null && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = toNumbers(v);
    return out as DeepNumber<T>;
  }
  return x as DeepNumber<T>;
}
export type DeepNumber<T> = T extends Dec ? number : T extends (infer U)[] ? DeepNumber<U>[] : T extends object ? { [K in keyof T]: DeepNumber<T[K]> } : T;

export function computeModel(inputs: ModelInputs): ModelResult<number> {
  return toNumbers(computeExact(inputs));
}

