// Every change to the document as data: serialisable (JSON in, JSON out), so an
// edit can be logged, replayed, sent to a worker or named in the undo button.
// One reducer (`reduce`, below) applies them: (snapshot, action) → snapshot,
// pure; the same snapshot back means the action changed nothing (no undo step).
import type { SignalSettings } from '../accounts/signals';
import type { Lever, ModelInputs, SegmentOverride } from '../model/inputs';
import { activeScenario, applyScenario, deleteScenario, setOverride, switchScenario, type OverrideValue, type ScenarioSet } from '../model/scenarios';
import type { InputKind } from '../model/catalog';
import { optionLabel } from '../model/catalog';
import { moneyExact } from '../report/format';
import { applyEntries, type CellEntry } from './apply-entries';
import type { SimulationSettings } from '../core/ranges';
import type { RangeEntry, Snapshot } from './document';
import { rangeAt, rangeText, withRange } from './range-entry';
import { addCohort, addFunnelStage, addLane, addYear, removeCohort, removeFunnelStage, removeLane, removeLastYear, setLever } from './edits';
import type { EntrySource } from './entry';
import { getInput, readInput, segmentOverrides, setInput, specFor } from './keys';
import { addSegment, clearSegmentOverride, moveSegment, readSegmentTable, removeSegment, renameSegment, segmentTableTargets, setCohortSegment, writeSegmentValue } from './segment-edits';

export type Action =
  /** a typed cell: `key` in the grammar of keys.ts, `text` as the user typed it */
  | { type: 'enter'; key: string; text: string }
  /** several cells as one step (a paste: a pasted number is the value itself) */
  | { type: 'enterMany'; entries: readonly CellEntry[]; source: EntrySource }
  | { type: 'addLane'; count: number }
  | { type: 'removeLane'; id: string }
  | { type: 'setLever'; laneIndex: number; lever: Lever | null }
  | { type: 'addYear'; count: number }
  | { type: 'removeLastYear' }
  | { type: 'addFunnelStage'; count: number }
  | { type: 'removeFunnelStage'; index: number }
  | { type: 'addCohort' }
  | { type: 'removeCohort'; index: number }
  /** the scenarios replaced (create, duplicate, rename: the sheet computes the new set) */
  | { type: 'setScenarios'; scenarios: ScenarioSet }
  | { type: 'switchScenario'; id: string | null }
  | { type: 'deleteScenario'; id: string }
  /** one override of a scenario; `value` undefined removes it */
  | { type: 'setOverride'; scenarioId: string; key: string; value?: OverrideValue }
  /** a value computed, not typed (goal seek's answer): the input at `key` (a whole ramp for a rampable key) set to `value` */
  | { type: 'setValue'; key: string; value: number | number[] }
  /** the actuals' calibration (spec §9): the inputs a worker computed from the book, a suggestion or the plan's start */
  | { type: 'applySuggestion'; what: string; inputs: ModelInputs }
  /** the range editor: low / most likely / high on the cell at `key` (null takes it away); a bad range changes nothing */
  | { type: 'setRange'; key: string; range: Omit<RangeEntry, 'key'> | null }
  /** samples, seed and targets of the ranges' run (spec §11), checked by the caller (parseRanges) */
  | { type: 'setSimulation'; simulation: SimulationSettings }
  /** customer segments (spec §2.3; segment-edits.ts): a segment's cells are typed through `enter` (`segments.<id>.<key>`) */
  | { type: 'addSegment'; name?: string }
  | { type: 'renameSegment'; id: string; name: string }
  | { type: 'moveSegment'; id: string; to: number }
  | { type: 'removeSegment'; id: string }
  /** one segment's value of an input (`key` a plain key): `value` undefined returns it to the model's */
  | { type: 'setSegmentOverride'; id: string; key: string; value?: SegmentOverride }
  | { type: 'setCohortSegment'; index: number; segment: string }
  /** a block pasted from Excel: segment names down and inputs across, or the transpose (readSegmentTable) */
  | { type: 'pasteSegmentTable'; block: string[][] }
  /** the expansion readiness settings (spec §12, `signals.*`) replaced, named by what changed (the Accounts sheet's weights) */
  | { type: 'setSignals'; what: string; signals: SignalSettings };

export type ActionType = Action['type'];

const withScenarios = (snap: Snapshot, scenarios: Snapshot['scenarios']): Snapshot =>
  scenarios === snap.scenarios ? snap : { ...snap, scenarios };

const sameSimulation = (a: SimulationSettings, b: SimulationSettings): boolean =>
  a.samples === b.samples && a.seed === b.seed && a.targets.length === b.targets.length && a.targets.every((t, i) => t.output === b.targets[i]!.output && t.value === b.targets[i]!.value);

export function reduce(snap: Snapshot, action: Action): Snapshot {
  switch (action.type) {
    case 'enter': return applyEntries(snap, [{ key: action.key, text: action.text }]);
    case 'enterMany': return applyEntries(snap, action.entries, action.source);
    case 'addLane': return addLane(snap, action.count);
    case 'removeLane': return removeLane(snap, action.id);
    case 'setLever': return setLever(snap, action.laneIndex, action.lever);
    case 'addYear': return addYear(snap, action.count);
    case 'removeLastYear': return removeLastYear(snap);
    case 'addFunnelStage': return addFunnelStage(snap, action.count);
    case 'removeFunnelStage': return removeFunnelStage(snap, action.index);
    case 'addCohort': return addCohort(snap);
    case 'removeCohort': return removeCohort(snap, action.index);
    case 'setScenarios': return withScenarios(snap, action.scenarios);
    case 'switchScenario': return withScenarios(snap, switchScenario(snap.scenarios, action.id));
    case 'deleteScenario': return withScenarios(snap, deleteScenario(snap.scenarios, action.id));
    case 'setOverride': return withScenarios(snap, setOverride(snap.scenarios, action.scenarioId, action.key, action.value));
    case 'setValue': return getInput(snap.inputs, action.key) === action.value ? snap : { ...snap, inputs: setInput(snap.inputs, action.key, action.value) };
    case 'applySuggestion': return action.inputs === snap.inputs ? snap : { ...snap, inputs: action.inputs };
    case 'setRange': {
      const r = withRange(snap.inputs, snap.ranges, action.key, action.range);
      return !r.ok || r.ranges === snap.ranges ? snap : { ...snap, ranges: r.ranges };
    }
    case 'setSimulation': return sameSimulation(snap.simulation, action.simulation) ? snap : { ...snap, simulation: action.simulation };
    case 'addSegment': return addSegment(snap, action.name);
    case 'renameSegment': return renameSegment(snap, action.id, action.name);
    case 'moveSegment': return moveSegment(snap, action.id, action.to);
    case 'removeSegment': return removeSegment(snap, action.id);
    case 'setSegmentOverride': return setSegmentOverride(snap, action.id, action.key, action.value);
    case 'setCohortSegment': return setCohortSegment(snap, action.index, action.segment);
    case 'pasteSegmentTable': return pasteSegmentTable(snap, action.block);
    case 'setSignals': return JSON.stringify(action.signals) === JSON.stringify(snap.inputs.signals) ? snap : { ...snap, inputs: { ...snap.inputs, signals: action.signals } };
  }
}

function setSegmentOverride(snap: Snapshot, id: string, key: string, value: SegmentOverride | undefined): Snapshot {
  const cell = `segments.${id}.${key}`;
  const inputs = value === undefined ? clearSegmentOverride(snap.inputs, cell) : writeSegmentValue(snap.inputs, cell, value);
  return inputs === snap.inputs ? snap : { ...snap, inputs };
}

function pasteSegmentTable(snap: Snapshot, block: string[][]): Snapshot {
  const read = readSegmentTable(snap.inputs, block);
  if (!read.ok) return snap;
  const { snap: grown, entries } = segmentTableTargets(snap, read.table);
  return applyEntries(grown, entries, 'pasted');
}

// Undo and redo over actions: each step keeps the action, its name in the
// user's words for the Undo and Redo buttons ("renewal rate of adopters 85% →
// 80%"), and the patch it made (the changed paths of the snapshot, each with its
// value before and after), not a copy of the document. Snapshots share
// structure (every edit copies only the path it changes), so the diff stops
// wherever the two are the same object.
type Path = readonly (string | number)[];
/** A value at a path; null when the path was absent (an error mark added, a lever removed). */
type Slot = { value: unknown } | null;
export interface Change { path: Path; before: Slot; after: Slot }

export interface Step {
  action: Action;
  /** "renewal rate of adopters 85% → 80%": what Undo (or Redo) would do, in the user's words */
  label: string;
  changes: readonly Change[];
}

export const HISTORY_LIMIT = 200;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The paths where `b` differs from `a`, descending while both are objects or same-length lists. */
export function diff(a: unknown, b: unknown, path: Path = [], out: Change[] = []): Change[] {
  if (Object.is(a, b)) return out;
  if (isRecord(a) && isRecord(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const inA = Object.prototype.hasOwnProperty.call(a, k);
      const inB = Object.prototype.hasOwnProperty.call(b, k);
      if (inA && inB) diff(a[k], b[k], [...path, k], out);
      else out.push({ path: [...path, k], before: inA ? { value: a[k] } : null, after: inB ? { value: b[k] } : null });
    }
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => diff(x, b[i], [...path, i], out));
    return out;
  }
  out.push({ path, before: { value: a }, after: { value: b } });
  return out;
}

/** `root` with the value at `path` replaced (or removed), copying only along the path. */
function setAt(root: unknown, path: Path, slot: Slot): unknown {
  if (path.length === 0) return slot?.value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const node = root as Record<string | number, unknown>;
  const copy: Record<string | number, unknown> = Array.isArray(root) ? ([...(root as unknown[])] as never) : { ...node };
  if (rest.length === 0 && slot === null) delete copy[head];
  else copy[head] = setAt(node[head], rest, slot);
  return copy;
}

/** The snapshot before the step (undo). */
export function revert(snap: Snapshot, step: Step): Snapshot {
  let s: unknown = snap;
  for (let i = step.changes.length - 1; i >= 0; i--) s = setAt(s, step.changes[i]!.path, step.changes[i]!.before);
  return s as Snapshot;
}

/** The snapshot after the step (redo). */
export function replay(snap: Snapshot, step: Step): Snapshot {
  let s: unknown = snap;
  for (const c of step.changes) s = setAt(s, c.path, c.after);
  return s as Snapshot;
}

/** Deep equality of plain JSON-like values, quick where the two share structure. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue(a[k], b[k]));
  }
  return false;
}

const tidy = (x: number): number => Number.parseFloat(x.toPrecision(12));

/** A value as the user typed it: 85%, $65,000, Adoption, 85% → 90%. */
export function valueText(kind: InputKind, value: unknown, currency = 'USD'): string {
  if (Array.isArray(value)) return value.map((v) => valueText(kind, v, currency)).join(' → ');
  if (value === null || value === undefined) return 'blank';
  if (typeof value === 'string') return kind === 'enum' ? optionLabel(value) : `"${value}"`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'number') return JSON.stringify(value) ?? 'a value';
  if (kind === 'rate') return `${tidy(value * 100)}%`;
  if (kind === 'money') return moneyExact(value, currency);
  return String(tidy(value));
}

/** "Renewal rate of adopters" → "renewal rate of adopters"; "CAC per new logo" stays. */
const lower = (label: string): string => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);

const quote = (s: string | undefined) => `“${s ?? ''}”`;

function entryLabel(before: Snapshot, after: Snapshot, key: string, text: string): string {
  const scenario = activeScenario(before.scenarios);
  const shown = (s: Snapshot) => (scenario ? applyScenario(s.inputs, activeScenario(s.scenarios) ?? scenario).inputs : s.inputs);
  const spec = specFor(before.inputs, key) ?? specFor(after.inputs, key);
  // A segment's cell is named "Enterprise: renewal rate of adopters".
  const colon = key.startsWith('segments.') && spec ? spec.label.indexOf(': ') : -1;
  const name = colon > 0 ? `${spec!.label.slice(0, colon + 2)}${lower(spec!.label.slice(colon + 2))}` : lower(spec?.label ?? key);
  const prefix = scenario ? `${scenario.name}: ` : '';
  const currency = before.inputs.general.currency;
  const was = readInput(shown(before), key);
  const now = readInput(shown(after), key);
  if (after.invalid[key] && !before.invalid[key]) return `${prefix}${name} ${JSON.stringify(text.trim())} (refused)`;
  if (segmentOverrides(before.inputs, key) === true && segmentOverrides(after.inputs, key) === false) return `${prefix}${name} back to the model's (${valueText(spec?.kind ?? 'text', now, currency)})`;
  if (was === now && before.ranges !== after.ranges) return rangeLabel(before, after, key, name);
  if (was === now) return segmentOverrides(after.inputs, key) === true ? `${prefix}${name} kept at ${valueText(spec?.kind ?? 'text', now, currency)}` : `${prefix}${name}`;
  return `${prefix}${name} ${valueText(spec?.kind ?? 'text', was, currency)} → ${valueText(spec?.kind ?? 'text', now, currency)}`;
}

/** "renewal rate of adopters range 80%..90%", or "… range removed". */
function rangeLabel(before: Snapshot, after: Snapshot, key: string, name: string): string {
  const kind = specFor(before.inputs, key)?.kind ?? 'text';
  const range = rangeAt(after.inputs, after.ranges, key);
  if (!range) return rangeAt(before.inputs, before.ranges, key) ? `${name}: range removed` : name;
  return `${name} range ${rangeText(range, (x) => valueText(kind, x, before.inputs.general.currency))}`;
}

/** What changed between two sets of scenarios, as the sheet's buttons say it. */
function scenarioChange(before: Snapshot, next: Snapshot['scenarios']): string {
  const was = before.scenarios.scenarios, now = next.scenarios;
  const added = now.find((s) => !was.some((w) => w.id === s.id));
  if (added) return `new scenario ${quote(added.name)}`;
  const removed = was.find((w) => !now.some((s) => s.id === w.id));
  if (removed) return `delete scenario ${quote(removed.name)}`;
  const renamed = now.find((s) => was.some((w) => w.id === s.id && w.name !== s.name));
  if (renamed) return `rename scenario to ${quote(renamed.name)}`;
  if (next.activeId !== before.scenarios.activeId) return next.activeId === null ? 'show the base' : `show ${quote(now.find((s) => s.id === next.activeId)?.name)}`;
  for (const s of now) {
    const w = was.find((x) => x.id === s.id);
    if (!w || w.overrides === s.overrides) continue;
    const key = [...new Set([...Object.keys(w.overrides), ...Object.keys(s.overrides)])].find((k) => JSON.stringify(w.overrides[k]) !== JSON.stringify(s.overrides[k]));
    if (key === undefined) continue;
    const spec = specFor(before.inputs, key);
    const name = lower(spec?.label ?? key);
    const value = s.overrides[key];
    return `${s.name}: ${value === undefined ? `stop overriding ${name}` : `${name} ${valueText(spec?.kind ?? 'text', value, before.inputs.general.currency)}`}`;
  }
  return 'scenarios';
}

const segmentName = (s: Snapshot, id: string): string | undefined => s.inputs.segments?.find((x) => x.id === id)?.name;

const plural = (n: number, one: string, many: string) => (n === 1 ? one : `${n} ${many}`);

export function describeAction(action: Action, before: Snapshot, after: Snapshot): string {
  const { inputs } = before;
  switch (action.type) {
    case 'enter': return entryLabel(before, after, action.key, action.text);
    case 'enterMany': return action.entries.length === 1
      ? entryLabel(before, after, action.entries[0]!.key, action.entries[0]!.text)
      : `${action.source === 'pasted' ? 'paste of ' : ''}${action.entries.length} cells`; // typed: a fill or Delete on a selection
    case 'addLane': return `add ${plural(after.inputs.lanes.length - inputs.lanes.length, 'a lane', 'lanes')}`;
    case 'removeLane': return `remove lane ${quote(inputs.lanes.find((l) => l.id === action.id)?.name)}`;
    case 'setLever': {
      const lane = inputs.lanes[action.laneIndex];
      const lever = (l: string | null | undefined) => (l ? optionLabel(l) : 'none');
      return `lever of ${quote(lane?.name)} ${lever(lane?.lever)} → ${lever(action.lever)}`;
    }
    case 'addYear': return `add ${plural(after.inputs.acquisition.newCustomersByYear.length - inputs.acquisition.newCustomersByYear.length, 'a year', 'years')} of new logos`;
    case 'removeLastYear': return `remove year ${inputs.acquisition.newCustomersByYear.length} of new logos`;
    case 'addFunnelStage': return `add ${plural(after.inputs.acquisition.funnel.length - inputs.acquisition.funnel.length, 'a funnel stage', 'funnel stages')}`;
    case 'removeFunnelStage': return `remove funnel stage ${quote(inputs.acquisition.funnel[action.index]?.name)}`;
    case 'addCohort': return 'add a cohort';
    case 'removeCohort': return `remove cohort ${quote(inputs.base?.cohorts[action.index]?.name)}`;
    case 'setScenarios': return scenarioChange(before, action.scenarios);
    case 'switchScenario': return action.id === null ? 'show the base' : `show ${quote(before.scenarios.scenarios.find((s) => s.id === action.id)?.name)}`;
    case 'deleteScenario': return `delete scenario ${quote(before.scenarios.scenarios.find((s) => s.id === action.id)?.name)}`;
    case 'setOverride': {
      const scenario = before.scenarios.scenarios.find((s) => s.id === action.scenarioId);
      const name = lower(specFor(inputs, action.key)?.label ?? action.key);
      return `${scenario?.name ?? 'scenario'}: ${action.value === undefined ? `stop overriding ${name}` : `${name} ${valueText(specFor(inputs, action.key)?.kind ?? 'text', action.value, inputs.general.currency)}`}`;
    }
    case 'setValue': {
      const spec = specFor(inputs, action.key);
      const name = lower(spec?.label ?? action.key);
      const shown = (v: unknown) => (Array.isArray(v) ? v.map((x) => valueText(spec?.kind ?? 'text', x, inputs.general.currency)).join(' → ') : valueText(spec?.kind ?? 'text', v, inputs.general.currency));
      return `${name} ${shown(getInput(inputs, action.key))} → ${shown(action.value)}`;
    }
    case 'applySuggestion': return action.what;
    case 'setRange': return rangeLabel(before, after, action.key, lower(specFor(inputs, action.key)?.label ?? action.key));
    case 'setSimulation': {
      const [a, b] = [before.simulation, action.simulation];
      if (a.samples !== b.samples) return `samples ${a.samples} → ${b.samples}`;
      if (a.seed !== b.seed) return `seed ${a.seed} → ${b.seed}`;
      return 'targets of the ranges';
    }
    case 'addSegment': return `add segment ${quote(after.inputs.segments?.[after.inputs.segments.length - 1]?.name)}`;
    case 'renameSegment': return `rename segment ${quote(segmentName(before, action.id))} to ${quote(segmentName(after, action.id))}`;
    case 'moveSegment': return `move segment ${quote(segmentName(before, action.id))} to position ${action.to + 1}`;
    case 'removeSegment': return `remove segment ${quote(segmentName(before, action.id))}`;
    case 'setSegmentOverride': {
      const spec = specFor(inputs, action.key);
      const name = lower(spec?.label ?? action.key);
      return `${segmentName(before, action.id) ?? 'segment'}: ${action.value === undefined ? `${name} back to the model's` : `${name} ${valueText(spec?.kind ?? 'text', action.value, inputs.general.currency)}`}`;
    }
    case 'setCohortSegment': return `segment of cohort ${quote(inputs.base?.cohorts[action.index]?.name)} → ${quote(segmentName(before, action.segment))}`;
    case 'pasteSegmentTable': {
      const added = (after.inputs.segments?.length ?? 0) - (inputs.segments?.length ?? 0);
      return `paste of a segment table (${plural(Math.max(1, action.block.length - 1), 'one row', 'rows')}${added > 0 ? `, ${plural(added, 'a new segment', 'new segments')}` : ''})`;
    }
    case 'setSignals': return action.what;
  }
}
