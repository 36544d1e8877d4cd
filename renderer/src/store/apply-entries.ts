// Typed entries → a new document snapshot. Pure, so the rules are unit-tested
// without React: an entry that does not parse, or that would make the model
// invalid, is kept as a pending mark with its message, and the last valid value
// keeps driving the model (spec §2: nothing is recomputed from a failed value).
// A yearly cell (`journey.renewal.rate[1]`) writes that year of the input's ramp;
// a cohort cell of the installed base may add the cohort (a pasted block).
import { getInput, type InputProblem, type InputSpec, type ModelInputs, type Rampable, type ScenarioSet, setInput, validateInputs } from '../../../shared/index';
import { parseEntry } from '../editing/parse-entry';
import { modelYears, parseRampable, parseYearlyKey, setYearValue } from '../editing/ramp-entry';
import { growBaseFor, parseBaseEntry, parseBaseKey, setCohortField } from './base-entries';
import { readInput, specFor } from './input-specs';

export interface PendingEntry {
  /** what the user typed */
  text: string;
  message: string;
}

export interface Snapshot {
  inputs: ModelInputs;
  /** invalid entries by canonical key */
  invalid: Readonly<Record<string, PendingEntry>>;
  /** named scenarios over the base inputs (issue 6), saved and undone with the document */
  scenarios: ScenarioSet;
}

export interface CellEntry {
  key: string;
  text: string;
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

const problemId = (p: InputProblem) => `${p.path}\u0000${p.message}`;

function describe(inputs: ModelInputs, key: string, problems: InputProblem[]): string {
  return problems
    .map((p) => (p.path === key ? p.message : `${specFor(inputs, p.path)?.label ?? p.path} ${p.message}`))
    .join('; ');
}

function parseFor(inputs: ModelInputs, key: string, spec: InputSpec, text: string): Parsed {
  const base = parseBaseEntry(inputs, key, text);
  if (base) return base;
  return spec.rampable ? parseRampable(spec, text) : parseEntry(spec, text);
}

/** The model with the input at `key` set to `value`. */
function write(inputs: ModelInputs, key: string, value: unknown): ModelInputs {
  const yearly = parseYearlyKey(key);
  if (yearly) return setInput(inputs, yearly.key, setYearValue(getInput(inputs, yearly.key) as Rampable, yearly.index, value as number, modelYears(inputs)));
  const cohort = parseBaseKey(key);
  if (cohort) return setCohortField(inputs, cohort.index, cohort.field, value);
  return setInput(inputs, key, value);
}

const same = (a: unknown, b: unknown): boolean =>
  a === b || ((a === null || a === undefined) && (b === null || b === undefined)) || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]));

/** Apply entries in order (a paste is several); returns the same snapshot when nothing changed. */
export function applyEntries(snap: Snapshot, entries: readonly CellEntry[]): Snapshot {
  let inputs = snap.inputs;
  let invalid: Record<string, PendingEntry> | null = null;
  const marks = () => (invalid ??= { ...snap.invalid });
  const pendingAt = (key: string) => (invalid ?? snap.invalid)[key];

  /** One entry; true when it changed the model. */
  const applyOne = (key: string, text: string): boolean => {
    inputs = growBaseFor(inputs, key, text);
    const spec = specFor(inputs, key);
    if (!spec) return false;
    const blankShare = parseBaseKey(key)?.field === 'adopterShare' && text.trim() === '';
    // Clearing a cell that holds a rejected entry goes back to the last valid value.
    if (text.trim() === '' && pendingAt(key) && !blankShare) { delete marks()[key]; return false; }
    const parsed = parseFor(inputs, key, spec, text);
    if (!parsed.ok) { marks()[key] = { text, message: parsed.message }; return false; }
    if (same(readInput(inputs, key), parsed.value)) {
      if (pendingAt(key)) delete marks()[key];
      return false;
    }
    const candidate = write(inputs, key, parsed.value);
    const before = new Set(validateInputs(inputs).map(problemId));
    const fresh = validateInputs(candidate).filter((p) => !before.has(problemId(p)));
    if (fresh.length > 0) { marks()[key] = { text, message: describe(inputs, key, fresh) }; return false; }
    inputs = candidate;
    if (pendingAt(key)) delete marks()[key];
    return true;
  };

  for (const { key, text } of entries) {
    if (!applyOne(key, text)) continue;
    // A cohort's rejected entry may be valid now (ARR typed before its customers): try it again.
    const cohort = parseBaseKey(key);
    if (!cohort) continue;
    const prefix = `base.cohorts[${cohort.index}].`;
    for (const [k, p] of Object.entries(invalid ?? snap.invalid)) if (k !== key && k.startsWith(prefix)) applyOne(k, p.text);
  }
  if (inputs === snap.inputs && invalid === null) return snap;
  return { ...snap, inputs, invalid: invalid ?? snap.invalid };
}
