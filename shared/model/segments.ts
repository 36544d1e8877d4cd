// Customer segments (spec §2.3): a segment's own model, and what the screens ask
// about a segment's values (is a key overridden here, what would it inherit).
import Decimal from 'decimal.js';
import type { ModelInputs, Segment, SegmentOverride } from './inputs';
import { getInput, setInput } from '../document/keys';
import { valueInYear } from './ramps';

/** The model's segments; a model with none is one segment (spec §2.3). */
export const segmentsOf = (m: ModelInputs): Segment[] => m.segments ?? [];
export const hasSegments = (m: ModelInputs): boolean => segmentsOf(m).length > 0;

/** The model with a segment's overrides written in (no logos or base changed). Keys must be valid overrides. */
export function withOverrides(m: ModelInputs, overrides: Readonly<Record<string, SegmentOverride>>): ModelInputs {
  let out = m;
  for (const [key, value] of Object.entries(overrides)) out = setInput(out, key, value);
  return out;
}

/**
 * A segment's new logos in model year y (1-based): the model's × its share that
 * year. The product is taken in decimal; a plan's few digits keep it exact as a
 * JS number (100 × 0.3 is 30, not 30.000000000000004).
 */
export function segmentNewLogos(m: ModelInputs, s: Segment): number[] {
  return m.acquisition.newCustomersByYear.map((n, i) => new Decimal(n).mul(valueInYear(s.logoShare, i + 1)).toNumber());
}

/**
 * A segment's model (spec §2.3): the model with its overrides, its share of the new
 * logos, its own timing (an override or the model's) and the base cohorts that name
 * it, without `segments`. Every §3–§5 figure of it is computed as for any model.
 */
export function segmentModel(m: ModelInputs, s: Segment): ModelInputs {
  const { segments: _dropped, ...own } = withOverrides(m, s.overrides);
  return {
    ...own,
    acquisition: { ...own.acquisition, newCustomersByYear: segmentNewLogos(m, s) },
    base: { cohorts: (m.base?.cohorts ?? []).filter((c) => c.segment === s.id).map(({ segment: _s, ...c }) => c) },
  };
}

/** Does segment `id` override this plain key (`journey.renewal.rate`, `lanes.modules.acv`)? */
export function isOverridden(m: ModelInputs, id: string, key: string): boolean {
  const s = segmentsOf(m).find((x) => x.id === id);
  return s !== undefined && Object.prototype.hasOwnProperty.call(s.overrides, key);
}

/** What segment `id` takes for a plain key: its override, or the model's value it inherits. */
export function segmentValue(m: ModelInputs, id: string, key: string): unknown {
  const s = segmentsOf(m).find((x) => x.id === id);
  if (s && Object.prototype.hasOwnProperty.call(s.overrides, key)) return s.overrides[key];
  return getInput(m, key);
}

/** The model's own value a segment inherits where it does not override `key`. */
export const inheritedValue = (m: ModelInputs, key: string): unknown => getInput(m, key);

/**
 * True when every segment overrides this plain key, so changing the model's value
 * changes no figure (the UI says so). False without segments.
 */
export function overriddenEverywhere(m: ModelInputs, key: string): boolean {
  const all = segmentsOf(m);
  return all.length > 0 && all.every((s) => Object.prototype.hasOwnProperty.call(s.overrides, key));
}

/** Year-1 mix weights w_s = logoShare_s(1), in the segments' order. */
export const mixWeights = (m: ModelInputs): number[] => segmentsOf(m).map((s) => valueInYear(s.logoShare, 1));

/** Segment `id` without its override of `key`: it inherits the model's value again (Delete in a segment's cell). */
export function clearOverride(m: ModelInputs, id: string, key: string): ModelInputs {
  return {
    ...m,
    segments: segmentsOf(m).map((s) => {
      if (s.id !== id || !Object.prototype.hasOwnProperty.call(s.overrides, key)) return s;
      const { [key]: _gone, ...overrides } = s.overrides;
      return { ...s, overrides };
    }),
  };
}
