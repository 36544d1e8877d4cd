// Scenarios (issue 6): the base model plus named scenarios, each a set of input
// overrides by canonical key (`journey.renewal.rate`, `lanes.modules.attachRate`).
// A scenario never copies the whole model, so an edit to the base flows into every
// scenario that does not override that input. Every operation is pure and returns
// a new set, so the document store can keep them in its undo history.
import { inputSpecs } from './catalog';
import type { BaseCohort, InputProblem, ModelInputs } from './inputs';
import { getInput, setInput } from './keys';
import { segmentOverrideProblem } from '../document/keys';
import { unwritableTextProblem, validateInputs } from './validate';

/**
 * A number or text for one input; a list of yearly values for a rampable input
 * ("Fix onboarding: 95% from year 2" is `journey.onboarding.rate: [0.9, 0.95]`);
 * or, under `base.cohorts`, a whole installed base.
 */
export type OverrideValue = number | string | number[] | BaseCohort[];

export interface Scenario {
  /** stable id (`s1`, `s2`, …): names change, ids do not */
  id: string;
  name: string;
  /** canonical key → value replacing the base's */
  overrides: Record<string, OverrideValue>;
}

export interface ScenarioSet {
  scenarios: Scenario[];
  /** the scenario the app shows; null is the base */
  activeId: string | null;
}

/** The name the base case goes by in the comparison; no scenario may take it. */
export const BASE_NAME = 'Base';
export const MAX_SCENARIOS = 50;
export const MAX_OVERRIDES = 200;
const NAME_MAX = 60;
const KEY_SHAPE = /^[A-Za-z_][A-Za-z0-9_.[\]]{0,199}$/;
const ID_SHAPE = /^[A-Za-z0-9_-]{1,24}$/;

export const emptyScenarios = (): ScenarioSet => ({ scenarios: [], activeId: null });

export type ScenarioResult = { ok: true; set: ScenarioSet; id: string } | { ok: false; error: string };

/** Why a name cannot be used, or null when it can (1–60 characters, unique ignoring case, not "Base"). */
export function scenarioNameProblem(set: ScenarioSet, name: string, exceptId?: string): string | null {
  // checked before the trim: a tab or line break at either end is refused, not removed
  const bad = unwritableTextProblem(name);
  if (bad) return `a scenario name ${bad}`;
  const n = name.trim();
  if (n.length === 0) return 'a scenario needs a name';
  if ([...n].length > NAME_MAX) return `a scenario name must be at most ${NAME_MAX} characters`;
  if (n.toLowerCase() === BASE_NAME.toLowerCase()) return `"${BASE_NAME}" is the base case's name`;
  if (set.scenarios.some((s) => s.id !== exceptId && s.name.toLowerCase() === n.toLowerCase())) return `a scenario called "${n}" already exists`;
  return null;
}

function nextId(set: ScenarioSet): string {
  let i = 1;
  const used = new Set(set.scenarios.map((s) => s.id));
  while (used.has(`s${i}`)) i++;
  return `s${i}`;
}

/** "Upside" → "Upside (copy)", "Upside (copy 2)", … whichever is free. */
export function freeName(set: ScenarioSet, wanted: string): string {
  const stem = wanted.trim().slice(0, NAME_MAX - 10) || 'Scenario';
  if (!scenarioNameProblem(set, stem)) return stem;
  for (let i = 2; ; i++) {
    const n = `${stem} ${i}`;
    if (!scenarioNameProblem(set, n)) return n;
  }
}

export function createScenario(set: ScenarioSet, name: string, overrides: Record<string, OverrideValue> = {}, preferredId?: string): ScenarioResult {
  if (set.scenarios.length >= MAX_SCENARIOS) return { ok: false, error: `at most ${MAX_SCENARIOS} scenarios` };
  const problem = scenarioNameProblem(set, name);
  if (problem) return { ok: false, error: problem };
  const id = preferredId && ID_SHAPE.test(preferredId) && !set.scenarios.some((s) => s.id === preferredId) ? preferredId : nextId(set);
  return { ok: true, id, set: { ...set, scenarios: [...set.scenarios, { id, name: name.trim(), overrides: { ...overrides } }] } };
}

export function duplicateScenario(set: ScenarioSet, id: string, name?: string): ScenarioResult {
  const src = set.scenarios.find((s) => s.id === id);
  if (!src) return { ok: false, error: `no scenario ${id}` };
  return createScenario(set, name ?? freeName(set, `${src.name} (copy)`), src.overrides);
}

export function renameScenario(set: ScenarioSet, id: string, name: string): ScenarioResult {
  if (!set.scenarios.some((s) => s.id === id)) return { ok: false, error: `no scenario ${id}` };
  const problem = scenarioNameProblem(set, name, id);
  if (problem) return { ok: false, error: problem };
  return { ok: true, id, set: { ...set, scenarios: set.scenarios.map((s) => (s.id === id ? { ...s, name: name.trim() } : s)) } };
}

/** Deleting the active scenario switches back to the base. */
export function deleteScenario(set: ScenarioSet, id: string): ScenarioSet {
  return { scenarios: set.scenarios.filter((s) => s.id !== id), activeId: set.activeId === id ? null : set.activeId };
}

export function switchScenario(set: ScenarioSet, id: string | null): ScenarioSet {
  if (id !== null && !set.scenarios.some((s) => s.id === id)) return set;
  return { ...set, activeId: id };
}

/** Set (or, with `undefined`, remove) one override. */
export function setOverride(set: ScenarioSet, id: string, key: string, value: OverrideValue | undefined): ScenarioSet {
  return {
    ...set,
    scenarios: set.scenarios.map((s) => {
      if (s.id !== id) return s;
      const overrides = { ...s.overrides };
      if (value === undefined) delete overrides[key];
      else overrides[key] = value;
      return { ...s, overrides };
    }),
  };
}

/** The keys a scenario may override: every scalar input except the model's name, and the installed base as a whole. */
export function overridableKeys(base: ModelInputs): string[] {
  const plain = inputSpecs(base).map((s) => s.key).filter((k) => k !== 'general.name');
  // A segment's value (spec §2.3): its share of new logos and every key it may override.
  const perSegment = plain.filter((k) => segmentOverrideProblem(k) === null);
  const segmentKeys = (base.segments ?? []).flatMap((s) => [`segments.${s.id}.logoShare`, ...perSegment.map((k) => `segments.${s.id}.${k}`)]);
  return [...plain, ...segmentKeys, BASE_COHORTS_KEY];
}
export const BASE_COHORTS_KEY = 'base.cohorts';

/**
 * The keys worth offering when a user adds an override: those that can move a
 * figure. Names (the currency, funnel stages, lanes, cohorts) only relabel, and
 * the first month only moves the calendar, so a scenario of them would show
 * "1 input" and change nothing. A saved override of one still applies.
 */
export function offeredOverrideKeys(base: ModelInputs): string[] {
  const relabels = new Set(inputSpecs(base).filter((s) => s.kind === 'text' || s.key === 'general.startMonth').map((s) => s.key));
  return overridableKeys(base).filter((k) => !relabels.has(k));
}

/** One value for a plan that is the same every year: [0.9, 0.9] and 0.9 are one override. */
const flat = (v: unknown): unknown => (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number' && x === v[0]) ? v[0] : v);

/** The overrides that differ from the base: an override equal to the base's value changes nothing and is not counted. */
export function changedOverrideKeys(base: ModelInputs, scenario: Scenario): string[] {
  return Object.entries(scenario.overrides)
    .filter(([key, value]) => {
      const was = key === BASE_COHORTS_KEY ? base.base?.cohorts ?? [] : getInput(base, key);
      return JSON.stringify(flat(value)) !== JSON.stringify(flat(was));
    })
    .map(([key]) => key);
}

export interface AppliedScenario {
  /** the base with every applicable override; computed only when `problems` is empty */
  inputs: ModelInputs;
  /** unknown keys (a lane removed from the base, say) and the merged model's validation problems */
  problems: InputProblem[];
}

/** The model a scenario describes. Problems are named by canonical key, like the base's. */
export function applyScenario(base: ModelInputs, scenario: Scenario | null | undefined): AppliedScenario {
  if (!scenario) return { inputs: base, problems: [] };
  const allowed = new Set(overridableKeys(base));
  const problems: InputProblem[] = [];
  let m = base;
  for (const [key, value] of Object.entries(scenario.overrides)) {
    if (key === BASE_COHORTS_KEY) {
      m = { ...m, base: { ...m.base, cohorts: value as BaseCohort[] } };
      continue;
    }
    if (!allowed.has(key) || getInput(base, key) === undefined) {
      problems.push({ path: key, message: 'is not an input of this model (was a lane removed?)' });
      continue;
    }
    m = setInput(m, key, value);
  }
  problems.push(...validateInputs(m));
  return { inputs: m, problems };
}

export function activeScenario(set: ScenarioSet): Scenario | null {
  return set.scenarios.find((s) => s.id === set.activeId) ?? null;
}

/** The inputs the app should compute: the active scenario over the base. */
export function effectiveInputs(base: ModelInputs, set: ScenarioSet): AppliedScenario {
  return applyScenario(base, activeScenario(set));
}

/** Overrides compared with the base, in the catalogue's order, for the "what changed" list. */
export function overrideRows(base: ModelInputs, scenario: Scenario): { key: string; label: string; base: unknown; value: OverrideValue; known: boolean }[] {
  const specs = inputSpecs(base);
  const order = new Map(specs.map((s, i) => [s.key, i]));
  return Object.entries(scenario.overrides)
    .map(([key, value]) => {
      const spec = specs.find((s) => s.key === key);
      return { key, label: spec?.label ?? key, base: getInput(base, key), value, known: spec !== undefined };
    })
    .sort((a, b) => (order.get(a.key) ?? 1e9) - (order.get(b.key) ?? 1e9));
}

// ---- the workbook's extras.scenarios ------------------------------------------

export interface ScenariosJson {
  version: 1;
  activeId: string | null;
  scenarios: { id: string; name: string; overrides: Record<string, OverrideValue> }[];
}

export function scenariosToJson(set: ScenarioSet): ScenariosJson {
  return {
    version: 1,
    activeId: set.activeId,
    scenarios: set.scenarios.map((s) => ({ id: s.id, name: s.name, overrides: { ...s.overrides } })),
  };
}

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

/** A saved override worth keeping: its value is checked against the base when applied. */
function readableOverride(key: string, v: unknown): boolean {
  if (finite(v) || (typeof v === 'string' && v.length <= 200)) return true;
  if (!Array.isArray(v)) return false;
  if (key === BASE_COHORTS_KEY) return v.length <= 240 && v.every(isRecord);
  return v.length >= 1 && v.length <= 10 && v.every(finite);
}

/**
 * The saved scenarios' names that no scenario may have (control characters), as
 * problems at `scenarios[i].name`: a file that carries one is refused, never
 * opened with the scenario renamed or left out.
 */
export function scenarioNameTextProblems(json: unknown): InputProblem[] {
  if (!isRecord(json) || !Array.isArray(json.scenarios)) return [];
  return json.scenarios.slice(0, MAX_SCENARIOS).flatMap((s, i) => {
    const bad = isRecord(s) && typeof s.name === 'string' ? unwritableTextProblem(s.name) : null;
    return bad ? [{ path: `scenarios[${i}].name`, message: bad }] : [];
  });
}

/**
 * Scenarios from a workbook's extras. A workbook may have been edited by hand or
 * be hostile: whatever does not look like a scenario is dropped with a note, never
 * thrown, and the counts are bounded. Overrides are kept as written (they are
 * checked against the base when applied, so a bad one shows at its key).
 */
export function scenariosFromJson(json: unknown): { set: ScenarioSet; notes: string[] } {
  const notes: string[] = [];
  let set = emptyScenarios();
  if (json === undefined || json === null) return { set, notes };
  if (!isRecord(json) || !Array.isArray(json.scenarios)) {
    notes.push('the saved scenarios could not be read and were left out');
    return { set, notes };
  }
  const raw = json.scenarios.slice(0, MAX_SCENARIOS);
  if (json.scenarios.length > MAX_SCENARIOS) notes.push(`only the first ${MAX_SCENARIOS} saved scenarios were read`);
  const idMap = new Map<string, string>();
  raw.forEach((s, i) => {
    if (!isRecord(s) || typeof s.name !== 'string') { notes.push(`saved scenario ${i + 1} is not a scenario and was left out`); return; }
    const name = s.name.trim().slice(0, NAME_MAX);
    const overrides: Record<string, OverrideValue> = {};
    let dropped = 0;
    if (isRecord(s.overrides)) {
      for (const [k, v] of Object.entries(s.overrides).slice(0, MAX_OVERRIDES)) {
        if (KEY_SHAPE.test(k) && readableOverride(k, v)) overrides[k] = v as OverrideValue;
        else dropped++;
      }
      if (Object.keys(s.overrides).length > MAX_OVERRIDES) dropped += Object.keys(s.overrides).length - MAX_OVERRIDES;
    }
    const label = name || `Scenario ${i + 1}`;
    if (dropped) notes.push(`scenario "${label}": ${dropped} unreadable override${dropped > 1 ? 's were' : ' was'} left out`);
    const savedId = typeof s.id === 'string' ? s.id : undefined;
    const created = createScenario(set, scenarioNameProblem(set, label) ? freeName(set, label) : label, overrides, savedId);
    if (!created.ok) { notes.push(`scenario "${label}" was left out: ${created.error}`); return; }
    set = created.set;
    if (savedId !== undefined && !idMap.has(savedId)) idMap.set(savedId, created.id);
  });
  const active = typeof json.activeId === 'string' ? idMap.get(json.activeId) ?? null : null;
  return { set: { ...set, activeId: active }, notes };
}
