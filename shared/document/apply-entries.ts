// Typed entries → a new document snapshot. Pure, so the rules are unit-tested
// without React: an entry that does not parse, or that would make the model
// invalid, is kept as a pending mark with its message, and the last valid value
// keeps driving the model (spec §2: nothing is recomputed from a failed value).
// Related inputs are validated together (issue 11 §3): after every change the
// marks left on the sheet are tried again, so fixing a lane's "to" month lets
// its pending "from" month take effect and its mark disappear.
// A yearly cell (`journey.renewal.rate[1]`) writes that year of the input's ramp;
// a cohort cell of the installed base may add the cohort (a pasted block).
// A range (`80%..90%`, spec §11) goes to the document's ranges, not the inputs:
// the cell keeps its value as the base case; a plain value typed over a ranged
// cell replaces the range (the cell holds what was typed last).
import type { InputSpec } from '../model/catalog';
import type { InputProblem, ModelInputs, Rampable } from '../model/inputs';
import { activeScenario, applyScenario, overridableKeys, setOverride, type OverrideValue } from '../model/scenarios';
import { validateInputs } from '../model/validate';
import { growBaseFor, parseBaseEntry, setCohortField } from './base-entries';
import { parseEntry, type EntryContext, type EntrySource } from './entry';
import { formatKey, getInput, parseBaseKey, parsed, parseYearlyKey, readInput, rootKey, segmentOverrides, setInput, specFor, type LaneField } from './keys';
import { clearSegmentOverride, isSegmentOverrideKey, SEGMENT_SHARES_PATH, writeSegmentValue } from './segment-edits';
import { parseRampable, setYearValue } from './ramp-entry';
import type { PendingEntry, RangeEntry, Snapshot } from './document';
import { isRangeText, parseRangeText, rangeAt, withRange } from './range-entry';

export interface CellEntry {
  key: string;
  text: string;
}

const problemId = (p: InputProblem) => `${p.path}\u0000${p.message}`;

/** Pairs of inputs where `before` must not be later than `after`, named as the sheet names them. */
const STAGE_MONTHS = ['journey.onboarding.month', 'journey.firstValue.month', 'journey.adoption.month'];
const STAGE_NAMES = ['onboarding', 'first value', 'adoption'];

function orderedPair(key: string): { other: string; otherName: string; editedIsBefore: boolean } | null {
  const k = parsed(key);
  if (!k || k.segment !== null) return null;
  const t = k.target;
  if (t.kind === 'lane' && (t.field === 'windowStart' || t.field === 'windowEnd')) {
    const other = (field: LaneField) => formatKey({ ...k, target: { ...t, field } });
    return t.field === 'windowStart'
      ? { other: other('windowEnd'), otherName: 'To', editedIsBefore: true }
      : { other: other('windowStart'), otherName: 'From', editedIsBefore: false };
  }
  const i = t.kind === 'input' ? STAGE_MONTHS.indexOf(t.key) : -1;
  if (i < 0) return null;
  // The pair the core reports on: the stage after this one (or, for adoption, before).
  if (i + 1 < STAGE_MONTHS.length) return { other: STAGE_MONTHS[i + 1]!, otherName: STAGE_NAMES[i + 1]!, editedIsBefore: true };
  return { other: STAGE_MONTHS[i - 1]!, otherName: STAGE_NAMES[i - 1]!, editedIsBefore: false };
}

/** A problem in the words of the cell being edited; each field named once. */
function describe(inputs: ModelInputs, candidate: ModelInputs, key: string, problems: InputProblem[]): string {
  return [...new Set(problems.map((p) => {
    if (p.path === key) return p.message;
    const pair = orderedPair(key);
    if (pair && pair.other === p.path && pair.editedIsBefore) {
      return `must not be later than ${pair.otherName} (month ${String(getInput(inputs, p.path))}), got ${String(getInput(candidate, key))}`;
    }
    return `${specFor(inputs, p.path)?.label ?? p.path} ${p.message}`;
  }))].join('; ');
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function parseFor(inputs: ModelInputs, key: string, spec: InputSpec, text: string, ctx: EntryContext): Parsed {
  const base = parseBaseEntry(inputs, key, text);
  if (base) return base;
  return spec.rampable ? parseRampable(spec, text, ctx) : parseEntry(spec, text, ctx);
}

/** The model with the input at `key` set to `value`. */
function write(inputs: ModelInputs, key: string, value: unknown): ModelInputs {
  if (key.startsWith('segments.')) return writeSegmentValue(inputs, key, value);
  const yearly = parseYearlyKey(key);
  if (yearly) return setInput(inputs, yearly.key, setYearValue(getInput(inputs, yearly.key) as Rampable, yearly.index, value as number));
  const cohort = parseBaseKey(key);
  if (cohort) return setCohortField(inputs, cohort.index, cohort.field, value);
  return setInput(inputs, key, value);
}

const same = (a: unknown, b: unknown): boolean =>
  a === b || ((a === null || a === undefined) && (b === null || b === undefined)) || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]));

const PASTE_HINT = 'a pasted number is the value itself: paste 30% (or 0.3) for 30%';

type Outcome = { ok: true; inputs: ModelInputs } | { ok: false; message: string } | { ok: 'same' };

function tryEntry(inputs: ModelInputs, key: string, text: string, source: EntrySource): Outcome | null {
  const spec = specFor(inputs, key);
  if (!spec) return null;
  const parsed = parseFor(inputs, key, spec, text, { source, currency: inputs.general.currency });
  if (!parsed.ok) return { ok: false, message: parsed.message };
  // A segment's cell that inherits takes a typed value as its override even when equal (it stops following the model).
  if (same(readInput(inputs, key), parsed.value) && segmentOverrides(inputs, key) !== false) return { ok: 'same' };
  const candidate = write(inputs, key, parsed.value);
  const before = new Set(validateInputs(inputs).map(problemId));
  // The segments' shares adding up to 1 is the sum row's problem, not the cell's: shares are typed one at a time.
  const fresh = validateInputs(candidate).filter((p) => !before.has(problemId(p)) && p.path !== SEGMENT_SHARES_PATH);
  if (fresh.length === 0) return { ok: true, inputs: candidate };
  let message = describe(inputs, candidate, key, fresh);
  if (source === 'pasted' && spec.kind === 'rate' && !text.trim().endsWith('%')) message += ` (${PASTE_HINT})`;
  return { ok: false, message };
}

/** A typed range on this cell: the ranges with it, or why not. */
function tryRange(inputs: ModelInputs, ranges: readonly RangeEntry[], key: string, text: string, source: EntrySource): { ok: true; ranges: readonly RangeEntry[] } | { ok: false; message: string } | null {
  const spec = specFor(inputs, key);
  if (!spec) return null;
  const parsed = parseRangeText(spec, text, { source, currency: inputs.general.currency });
  if (!parsed.ok) return parsed;
  return withRange(inputs, ranges, key, parsed.range);
}

/**
 * Apply entries in order (a paste is several); returns the same snapshot when
 * nothing changed. `source` says how they arrived: typed (Excel's automatic
 * percent entry) or pasted (a number is the value itself). While a scenario is
 * shown, entries are checked against what it shows (the base with its
 * overrides) and go into it as overrides (issue 11 §7); a value equal to the
 * base's removes the override. Inputs a scenario cannot override (the model's
 * name) go to the base.
 */
export function applyEntries(snap: Snapshot, entries: readonly CellEntry[], source: EntrySource = 'typed'): Snapshot {
  const scenario = activeScenario(snap.scenarios);
  const start = scenario ? applyScenario(snap.inputs, scenario).inputs : snap.inputs;
  let inputs = start;
  const applied = new Set<string>();
  let invalid: Record<string, PendingEntry> | null = null;
  let ranges = snap.ranges;
  const marks = () => (invalid ??= { ...snap.invalid });
  const current = () => invalid ?? snap.invalid;
  const mark = (key: string, text: string, message: string) => { marks()[key] = { text, message, ...(source === 'pasted' ? { source } : {}) }; };
  for (const { key, text } of entries) {
    inputs = growBaseFor(inputs, key, text);
    if (!specFor(inputs, key)) continue;
    if (isRangeText(text)) {
      const r = tryRange(inputs, ranges, key, text, source)!;
      if (r.ok) { ranges = r.ranges; if (current()[key]) delete marks()[key]; }
      else mark(key, text, r.message);
      continue;
    }
    // Delete on a ranged cell takes the range away; the value stays.
    if (text.trim() === '' && !current()[key] && rangeAt(inputs, ranges, key)) {
      const gone = withRange(inputs, ranges, key, null);
      if (gone.ok) ranges = gone.ranges;
      continue;
    }
    // Clearing a cell that holds a rejected entry goes back to the last valid value
    // (a blank adopter share is a value: the share the journey implies).
    const blankShare = parseBaseKey(key)?.field === 'adopterShare' && text.trim() === '';
    // A blank segment cell inherits the model's value again (Delete on an override).
    if (text.trim() === '' && isSegmentOverrideKey(inputs, key)) {
      if (current()[key]) delete marks()[key];
      const cleared = clearSegmentOverride(inputs, key);
      if (cleared !== inputs) { inputs = cleared; applied.add(key); }
      continue;
    }
    if (text.trim() === '' && current()[key] && !blankShare) { delete marks()[key]; continue; }
    const r = tryEntry(inputs, key, text, source)!;
    if (r.ok === false) { mark(key, text, r.message); continue; }
    if (r.ok === true) { inputs = r.inputs; applied.add(key); }
    if (rangeAt(inputs, ranges, key)) { const gone = withRange(inputs, ranges, key, null); if (gone.ok) ranges = gone.ranges; }
    if (current()[key]) delete marks()[key];
  }
  if (inputs !== start) {
    // Re-check what is still pending against the new values: a mark that no
    // longer applies goes and its value takes effect; one that still applies
    // gets a message about the values now on the sheet.
    for (let changed = true; changed;) {
      changed = false;
      for (const [key, mark] of Object.entries(current())) {
        if (isRangeText(mark.text)) continue; // a range's checks do not depend on other inputs' values
        const r = tryEntry(inputs, key, mark.text, mark.source ?? 'typed');
        if (r === null) continue;
        if (r.ok === false) {
          if (r.message !== mark.message) marks()[key] = { ...mark, message: r.message };
          continue;
        }
        if (r.ok === true) { inputs = r.inputs; applied.add(key); changed = true; }
        delete marks()[key];
      }
    }
  }
  if (inputs === start && invalid === null && ranges === snap.ranges) return snap;
  if (!scenario) return { ...snap, inputs, invalid: invalid ?? snap.invalid, ranges };
  // Write what changed back: overrides of the scenario, or the base for what it cannot override.
  const overridable = new Set(overridableKeys(snap.inputs));
  let base = snap.inputs;
  let scenarios = snap.scenarios;
  for (const cell of applied) {
    const key = rootKey(cell);
    if (segmentOverrides(inputs, cell) === false) { base = clearSegmentOverride(base, cell); continue; }
    if (!overridable.has(key)) { base = write(base, cell, readInput(inputs, cell)); continue; }
    const value = getInput(inputs, key) as OverrideValue;
    scenarios = setOverride(scenarios, scenario.id, key, same(value, getInput(snap.inputs, key)) ? undefined : value);
  }
  return { ...snap, inputs: base, scenarios, invalid: invalid ?? snap.invalid, ranges };
}
