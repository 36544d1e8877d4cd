// A range typed into an input cell (spec §11): `80%..90%` (uniform) or
// `80%..85%..90%` (low, most likely, high), each end read as the cell reads a
// single value. The range is checked with the core's own rules (parseRanges:
// within the input's valid range, low ≤ most likely ≤ high, no whole-number
// input, an input ranged once) against the model the cell shows, so the message
// at the cell is the one the CLI gives for the same range.
import { parseRanges } from '../core/ranges';
import { currentValue, resolveInput } from '../core/what-if-keys';
import type { ModelInputs } from '../model/inputs';
import type { RangeEntry } from './document';
import { parseEntry, type EntryContext, type EntrySpec } from './entry';

/** `a..b` or `a..b..c` (two dots, or an ellipsis …): the parts, else null (not a range). */
export function splitRangeText(text: string): string[] | null {
  if (!/\.\.|…/.test(text)) return null;
  return text.split(/\.\.\.?|…/).map((p) => p.trim());
}

export const isRangeText = (text: string): boolean => splitRangeText(text) !== null;

/** The key a range on this cell is kept under (lanes by id, as the core names them), or null for a cell no range fits. */
export function rangeKeyOf(inputs: ModelInputs, cellKey: string): string | null {
  const r = resolveInput(inputs, cellKey);
  return r.ok ? r.value.key : null;
}

/** The range on this cell, if any. */
export function rangeAt(inputs: ModelInputs, ranges: readonly RangeEntry[], cellKey: string): RangeEntry | undefined {
  if (ranges.length === 0) return undefined;
  const key = rangeKeyOf(inputs, cellKey);
  return key === null ? undefined : ranges.find((r) => r.key === key);
}

/** A range to start from, which the user then edits: ±10 points for a rate, ±20% for money and counts, around the value and inside the valid range. */
export function suggestedRange(inputs: ModelInputs, cellKey: string): Omit<RangeEntry, 'key'> | null {
  const r = resolveInput(inputs, cellKey);
  if (!r.ok) return null;
  const x = currentValue(inputs, r.value);
  const spread = r.value.kind === 'rate' ? 0.1 : Math.abs(x) * 0.2;
  const tidy = (v: number) => Number.parseFloat(v.toPrecision(12));
  return { low: tidy(Math.max(r.value.min, x - spread)), mode: x, high: tidy(Math.min(r.value.max, x + spread)) };
}

export type RangeOutcome = { ok: true; ranges: readonly RangeEntry[] } | { ok: false; message: string };

/**
 * The document's ranges with `range` on this cell (replacing the one it had;
 * null removes it), or why not, in the cell's words. The list keeps its order:
 * a replaced range stays where it was, a new one goes last.
 */
export function withRange(inputs: ModelInputs, ranges: readonly RangeEntry[], cellKey: string, range: Omit<RangeEntry, 'key'> | null): RangeOutcome {
  const input = resolveInput(inputs, cellKey);
  if (!input.ok) return { ok: false, message: input.error.replace(/^[^:]*: /, '') };
  const key = input.value.key;
  const at = ranges.findIndex((r) => r.key === key);
  if (range === null) return at < 0 ? { ok: true, ranges } : { ok: true, ranges: ranges.filter((_, i) => i !== at) };
  const entry: RangeEntry = { key, low: range.low, high: range.high, ...(range.mode === undefined ? {} : { mode: range.mode }) };
  const was = ranges[at];
  if (was && was.low === entry.low && was.high === entry.high && was.mode === entry.mode) return { ok: true, ranges };
  const next = at < 0 ? [...ranges, entry] : ranges.map((r, i) => (i === at ? entry : r));
  const checked = parseRanges(inputs, next, undefined);
  if (checked.ok) return { ok: true, ranges: next };
  const mine = at < 0 ? next.length - 1 : at;
  const own = checked.problems.filter((p) => p.path === 'ranges' || p.path.startsWith(`ranges[${mine}]`));
  // Name the problem without the list's path: "low 90% is above high 80%".
  return { ok: false, message: (own.length ? own : checked.problems).map((p) => p.message).join('; ') };
}

/** The text of a cell's range, each end written by `show` (the cell's own format): `80%..85%..90%`. */
export function rangeText(range: RangeEntry, show: (x: number) => string): string {
  return [range.low, ...(range.mode === undefined ? [] : [range.mode]), range.high].map(show).join('..');
}

/** The ends of a typed range read as the cell reads one value; whole-number and non-numeric cells refuse a range. */
export function parseRangeText(spec: EntrySpec, text: string, ctx: EntryContext = {}): { ok: true; range: Omit<RangeEntry, 'key'> } | { ok: false; message: string } {
  const parts = splitRangeText(text);
  if (!parts) return { ok: false, message: `"${text.trim()}" is not a range (try 80%..90% or 80%..85%..90%)` };
  if (spec.kind !== 'rate' && spec.kind !== 'money' && spec.kind !== 'count') {
    return { ok: false, message: spec.kind === 'months' || spec.kind === 'integer' || spec.kind === 'days' ? 'a whole-number input (months, horizon, term, window ages) cannot carry a range' : 'only a numeric input can carry a range' };
  }
  if (parts.length !== 2 && parts.length !== 3) return { ok: false, message: `"${text.trim()}" is not a range: give low..high or low..most likely..high (e.g. 80%..85%..90%)` };
  const values: number[] = [];
  for (const part of parts) {
    const r = parseEntry(spec, part, ctx);
    if (!r.ok) return { ok: false, message: `range: ${r.message}` };
    values.push(r.value as number);
  }
  const [low, a, b] = values as [number, number, number | undefined];
  return { ok: true, range: b === undefined ? { low, high: a } : { low, mode: a, high: b } };
}
