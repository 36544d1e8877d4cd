// Every change to the document as data: serialisable (JSON in, JSON out), so an
// edit can be logged, replayed, sent to a worker or named in the undo button.
// One reducer (`reduce`, below) applies them: (snapshot, action) → snapshot,
// pure; the same snapshot back means the action changed nothing (no undo step).
import type { SignalSettings } from '../accounts/signals';
import type { Lever, ModelInputs, SegmentOverride } from '../model/inputs';
import { deleteScenario, setOverride, switchScenario, type OverrideValue, type ScenarioSet } from '../model/scenarios';
import { applyEntries, type CellEntry } from './apply-entries';
import type { SimulationSettings } from '../core/ranges';
import type { RangeEntry, Snapshot } from './document';
import { withRange } from './range-entry';
import { addCohort, addFunnelStage, addLane, addYear, removeCohort, removeFunnelStage, removeLane, removeLastYear, setLever } from './edits';
import type { EntrySource } from './entry';
import { getInput, setInput } from './keys';
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
