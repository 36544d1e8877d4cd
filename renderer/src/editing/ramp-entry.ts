// Per-year values of a rampable input (spec §2.1) as the grid edits them. A yearly
// cell is addressed `key[i]` (the same path the core names a bad yearly value by),
// so marks, paste and undo work on it like on any other cell. Pure, unit-tested.
import { MAX_RAMP_YEARS, isRampableKey, valueInYear, yearsTouched, type ModelInputs, type Rampable } from '../../../shared/index';
import type { Entry, EntrySpec } from './parse-entry';
import { parseEntry, type EntryContext } from './parse-entry';

/** The key of year `index + 1`'s value of a rampable input. */
export const yearlyKey = (key: string, index: number): string => `${key}[${index}]`;

/** `journey.renewal.rate[1]` → the input and the 0-based year; null for any other key. */
export function parseYearlyKey(key: string): { key: string; index: number } | null {
  const m = /^(.+)\[(\d+)\]$/.exec(key);
  if (!m || !isRampableKey(m[1]!)) return null;
  const index = Number(m[2]);
  return index < MAX_RAMP_YEARS ? { key: m[1]!, index } : null;
}

/** Model years the horizon covers (at most the ten a ramp may list). */
export const modelYears = (inputs: ModelInputs): number =>
  Math.min(MAX_RAMP_YEARS, Math.max(1, yearsTouched(inputs.general.horizonMonths)));

/**
 * A list of yearly values the simplest way: trailing repeats dropped (later years
 * use the last value anyway), and one value left is the plain number.
 */
export function normalizeRamp(values: readonly number[]): Rampable {
  let n = values.length;
  while (n > 1 && values[n - 1] === values[n - 2]) n--;
  return n === 1 ? values[0]! : values.slice(0, n);
}

/**
 * Set year `index + 1` of a rampable value. Every year shown keeps the value it
 * showed (a constant 90% with year 2 set to 95% over three years is 90%, 95%, 90%):
 * what the user sees is what the model takes.
 */
export function setYearValue(x: Rampable, index: number, value: number, years: number): Rampable {
  const n = Math.max(years, index + 1, typeof x === 'number' ? 1 : x.length);
  const list = Array.from({ length: Math.min(n, MAX_RAMP_YEARS) }, (_, i) => valueInYear(x, i + 1));
  list[index] = value;
  return normalizeRamp(list);
}

/** Does this text list yearly values ("85% → 90%", "85%; 90%")? Commas stay thousands separators. */
export const isRampText = (text: string): boolean => /→|->|;/.test(text);

/** "85% → 90% → 95%": each part read like the single value; at most ten. */
export function parseRampText(spec: EntrySpec, text: string, ctx: EntryContext = {}): { ok: true; value: Rampable } | { ok: false; message: string } {
  const parts = text.split(/→|->|;/).map((p) => p.trim());
  if (parts.length > MAX_RAMP_YEARS) return { ok: false, message: `at most ${MAX_RAMP_YEARS} yearly values, got ${parts.length}` };
  const values: number[] = [];
  for (const [i, p] of parts.entries()) {
    const r: Entry = parseEntry(spec, p, ctx);
    if (!r.ok) return { ok: false, message: `year ${i + 1}: ${r.message}` };
    if (typeof r.value !== 'number') return { ok: false, message: `year ${i + 1}: not a number` };
    values.push(r.value);
  }
  return { ok: true, value: normalizeRamp(values) };
}

/** A value or a list of yearly values from what the user typed, for a rampable input. */
export function parseRampable(spec: EntrySpec, text: string, ctx: EntryContext = {}): { ok: true; value: Rampable | string } | { ok: false; message: string } {
  return isRampText(text) ? parseRampText(spec, text, ctx) : parseEntry(spec, text, ctx);
}
