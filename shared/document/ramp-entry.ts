// Per-year values of a rampable input (spec §2.1) as the grid edits them. A yearly
// cell is addressed `key[i]` (the same path the core names a bad yearly value by),
// so marks, paste and undo work on it like on any other cell. Pure, unit-tested.
import type { Rampable } from '../model/inputs';
import { MAX_RAMP_YEARS } from '../model/ramps';
import { parseEntry, type Entry, type EntryContext, type EntrySpec } from './entry';

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
 * Set year `index + 1` of a rampable value, the way a row of Excel cells each
 * "= the year before" behaves (issue 23, docs/workspace.md): the years the list
 * holds keep their values, and the years past it follow the typed year until
 * they are typed themselves. 90% with year 2 set to 95% is 90%, 95%, 95%, …;
 * a list whose years are all equal is the one number.
 */
export function setYearValue(x: Rampable, index: number, value: number): Rampable {
  const list = typeof x === 'number' ? [x] : [...x];
  while (list.length <= index) list.push(list[list.length - 1]!);
  list[index] = value;
  return list.every((v) => v === list[0]) ? list[0]! : list;
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
