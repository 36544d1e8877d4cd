// Every change to the document as data: serialisable (JSON in, JSON out), so an
// edit can be logged, replayed, sent to a worker or named in the undo button.
// One reducer (`reduce`, below) applies them: (snapshot, action) → snapshot,
// pure; the same snapshot back means the action changed nothing (no undo step).
import type { SignalSettings } from '../accounts/signals';
import type { Lever, ModelInputs } from '../model/inputs';
import { deleteScenario, setOverride, switchScenario, type OverrideValue, type ScenarioSet } from '../model/scenarios';
import { applyEntries, type CellEntry } from './apply-entries';
import type { Snapshot } from './document';
import { addCohort, addFunnelStage, addLane, addYear, removeCohort, removeFunnelStage, removeLane, removeLastYear, setLever } from './edits';
import type { EntrySource } from './entry';
import { getInput, setInput } from './keys';

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
  /** the expansion readiness settings (spec §12, `signals.*`) replaced, named by what changed (the Accounts sheet's weights) */
  | { type: 'setSignals'; what: string; signals: SignalSettings };

export type ActionType = Action['type'];

const withScenarios = (snap: Snapshot, scenarios: Snapshot['scenarios']): Snapshot =>
  scenarios === snap.scenarios ? snap : { ...snap, scenarios };

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
    case 'setSignals': return JSON.stringify(action.signals) === JSON.stringify(snap.inputs.signals) ? snap : { ...snap, inputs: { ...snap.inputs, signals: action.signals } };
  }
}
