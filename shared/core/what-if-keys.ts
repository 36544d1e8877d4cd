// The one adapter between goal seek / ranges (spec §10, §11) and the model's key
// grammar (shared/document/keys.ts, model/catalog.ts, model/ramps.ts).
import { inputSpecs, type InputSpec } from '../model/catalog';
import type { ModelInputs } from '../model/inputs';
import { getInput, isRampableKey, segmentOverrideProblem, setInput } from '../document/keys';
import { impliedAdopterShare } from './base-share';
import { MAX_RAMP_YEARS, valueInYear } from '../model/ramps';

/** A numeric input that goal seek can move and a range can spread. */
export interface WhatIfInput {
  /** the key as the user gave it, lanes named by id (`lanes.modules.attachRate`, `journey.renewal.rate[1]`) */
  key: string;
  /** the catalogue's key (without `[i]` for one year of a ramp) */
  specKey: string;
  /** 0-based model year for `key[i]`, else null */
  year: number | null;
  /** how messages name it: "renewal rate of adopters", "…, year 2" */
  name: string;
  kind: 'rate' | 'money' | 'count';
  /** the input's valid range (spec §2) */
  min: number;
  max: number;
  /** money and counts have no upper bound a user would meet: goal seek searches up to 10 × max(1, x0) */
  bounded: boolean;
}

export type Resolved<T> = { ok: true; value: T } | { ok: false; error: string };

const SEEKABLE = new Set(['rate', 'money', 'count']);
const WHOLE = new Set(['months', 'integer', 'days']);

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** `lanes[0].acv` → `lanes.<id>.acv`: one spelling for a lane field in results and messages. */
function byLaneId(m: ModelInputs, key: string): string {
  const at = /^lanes\[(\d+)\]\.(.+)$/.exec(key);
  const id = at ? m.lanes[Number(at[1])]?.id : undefined;
  return at && id ? `lanes.${id}.${at[2]}` : key;
}

/** A numeric input key of this model, or why it cannot be one. */
export function resolveInput(m: ModelInputs, rawKey: string): Resolved<WhatIfInput> {
  const key = byLaneId(m, rawKey.trim());
  if (key.startsWith('segments.')) return resolveSegmentInput(m, rawKey.trim());
  const specs = inputSpecs(m);
  let spec: InputSpec | undefined = specs.find((s) => s.key === key);
  let year: number | null = null;
  let specKey = key;
  if (!spec) {
    const entry = /^(.*)\[(\d+)\]$/.exec(key);
    if (entry && isRampableKey(entry[1]!)) {
      year = Number(entry[2]);
      specKey = entry[1]!;
      spec = specs.find((s) => s.key === specKey);
      if (spec && year >= MAX_RAMP_YEARS) return { ok: false, error: `${key}: a ramp has years 0–${MAX_RAMP_YEARS - 1}` };
    }
  }
  if (!spec) return { ok: false, error: `${rawKey}: not an input of this model` };
  if (WHOLE.has(spec.kind)) return { ok: false, error: `${key}: a whole-number input (months, horizon, term, window ages) cannot be sought or ranged` };
  if (!SEEKABLE.has(spec.kind)) return { ok: false, error: `${key}: not a numeric input` };
  const name = lowerFirst(spec.plainName ?? spec.label) + (year === null ? '' : ` (year ${year + 1})`);
  return {
    ok: true,
    value: { key, specKey, year, name, kind: spec.kind as WhatIfInput['kind'], min: spec.min ?? 0, max: spec.max ?? Number.MAX_VALUE, bounded: spec.kind === 'rate' },
  };
}

/**
 * `segments.<id>.<key>` (spec §2.3): one segment's value, its override or the value
 * it inherits; `segments.<id>.logoShare` its share of new logos (the others rescale).
 */
function resolveSegmentInput(m: ModelInputs, key: string): Resolved<WhatIfInput> {
  const k = /^segments\.([A-Za-z][A-Za-z0-9_]*)\.(.+)$/.exec(key);
  if (!m.segments?.length) return { ok: false, error: `${key}: this model has no segments` };
  const segment = k ? m.segments.find((s) => s.id === k[1]) : undefined;
  if (!k || !segment) return { ok: false, error: `${key}: no segment with that id (${m.segments.map((s) => s.id).join(', ')})` };
  const rest = k[2]!;
  const share = /^logoShare(?:\[(\d+)\])?$/.exec(rest);
  if (share) {
    const year = share[1] === undefined ? null : Number(share[1]);
    if (year !== null && year >= MAX_RAMP_YEARS) return { ok: false, error: `${key}: a ramp has years 0–${MAX_RAMP_YEARS - 1}` };
    return { ok: true, value: { key, specKey: `segments.${segment.id}.logoShare`, year, name: `${segment.name}'s share of new logos${year === null ? '' : ` (year ${year + 1})`}`, kind: 'rate', min: 0, max: 1, bounded: true } };
  }
  const problem = segmentOverrideProblem(rest.replace(/\[\d+\]$/, ''));
  if (problem) return { ok: false, error: `${key}: ${problem.replace(/^"[^"]*"(: )?/, '').trim()}` };
  const plain = resolveInput({ ...m, segments: [] }, rest);
  if (!plain.ok) return { ok: false, error: plain.error.replace(rest, key) };
  const v = plain.value;
  return { ok: true, value: { ...v, key: `segments.${segment.id}.${v.key}`, specKey: `segments.${segment.id}.${v.specKey}`, name: `${v.name} in ${segment.name}` } };
}

/** The input's current value: year 1's for a rampable key without `[i]` (spec §10). */
export function currentValue(m: ModelInputs, input: WhatIfInput): number {
  const v = getInput(m, input.specKey);
  if (typeof v === 'number') return v;
  if (Array.isArray(v)) return valueInYear(v as number[], (input.year ?? 0) + 1);
  // an installed-base cohort's absent adopter share: the share the journey implies
  const cohort = /^base\.cohorts\[(\d+)\]\.adopterShare$/.exec(input.specKey);
  const age = cohort ? m.base.cohorts[Number(cohort[1])]?.ageMonths : undefined;
  return age === undefined ? 0 : impliedAdopterShare(m, age);
}

/**
 * The model with the input at `x`. A rampable key without `[i]` sets every year;
 * `key[i]` first writes the ramp as min(max(i + 2, its length), 10) yearly values,
 * each the value that year had, then sets entry i (spec §10).
 */
export function withInput(m: ModelInputs, input: WhatIfInput, x: number): ModelInputs {
  if (input.year === null) return setInput(m, input.specKey, x);
  const own = getInput(m, input.specKey) as number | number[];
  const length = Math.min(Math.max(input.year + 2, Array.isArray(own) ? own.length : 1), MAX_RAMP_YEARS);
  const years = Array.from({ length }, (_, i) => valueInYear(own, i + 1));
  years[input.year] = x;
  return setInput(m, input.specKey, years);
}
