// Every change to the document as data: serialisable (JSON in, JSON out), so an
// edit can be logged, replayed, sent to a worker or named in the undo button.
// One reducer (reduce.ts) applies them.
import type { Lever, ModelInputs } from '../model/inputs';
import type { OverrideValue, ScenarioSet } from '../model/scenarios';
import type { CellEntry } from './apply-entries';
import type { EntrySource } from './entry';

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
  /** the actuals' calibration (spec §9): the inputs a worker computed from the book, a suggestion or the plan's start */
  | { type: 'applySuggestion'; what: string; inputs: ModelInputs };

export type ActionType = Action['type'];
