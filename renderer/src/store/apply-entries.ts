// Typed entries → a new document snapshot. Pure, so the rules are unit-tested
// without React: an entry that does not parse, or that would make the model
// invalid, is kept as a pending mark with its message, and the last valid value
// keeps driving the model (spec §2: nothing is recomputed from a failed value).
import { getInput, type InputProblem, type ModelInputs, type ScenarioSet, setInput, validateInputs } from '../../../shared/index';
import { parseEntry } from '../editing/parse-entry';
import { specFor } from './input-specs';

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

const problemId = (p: InputProblem) => `${p.path}\u0000${p.message}`;

function describe(inputs: ModelInputs, key: string, problems: InputProblem[]): string {
  return problems
    .map((p) => (p.path === key ? p.message : `${specFor(inputs, p.path)?.label ?? p.path} ${p.message}`))
    .join('; ');
}

/** Apply entries in order (a paste is several); returns the same snapshot when nothing changed. */
export function applyEntries(snap: Snapshot, entries: readonly CellEntry[]): Snapshot {
  let inputs = snap.inputs;
  let invalid: Record<string, PendingEntry> | null = null;
  const marks = () => (invalid ??= { ...snap.invalid });
  for (const { key, text } of entries) {
    const spec = specFor(inputs, key);
    if (!spec) continue;
    // Clearing a cell that holds a rejected entry goes back to the last valid value.
    if (text.trim() === '' && (invalid ?? snap.invalid)[key]) { delete marks()[key]; continue; }
    const parsed = parseEntry(spec, text);
    if (!parsed.ok) { marks()[key] = { text, message: parsed.message }; continue; }
    if (getInput(inputs, key) === parsed.value) {
      if ((invalid ?? snap.invalid)[key]) delete marks()[key];
      continue;
    }
    const candidate = setInput(inputs, key, parsed.value);
    const before = new Set(validateInputs(inputs).map(problemId));
    const fresh = validateInputs(candidate).filter((p) => !before.has(problemId(p)));
    if (fresh.length > 0) { marks()[key] = { text, message: describe(inputs, key, fresh) }; continue; }
    inputs = candidate;
    if ((invalid ?? snap.invalid)[key]) delete marks()[key];
  }
  if (inputs === snap.inputs && invalid === null) return snap;
  return { ...snap, inputs, invalid: invalid ?? snap.invalid };
}
