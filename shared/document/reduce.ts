// The one reducer: (snapshot, action) → snapshot, pure. The same snapshot back
// means the action changed nothing (no undo step).
import { deleteScenario, setOverride, switchScenario } from '../model/scenarios';
import type { Action } from './actions';
import { applyEntries } from './apply-entries';
import type { Snapshot } from './document';
import { addCohort, addFunnelStage, addLane, addYear, removeCohort, removeFunnelStage, removeLane, removeLastYear, setLever } from './edits';

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
    case 'applySuggestion': return action.inputs === snap.inputs ? snap : { ...snap, inputs: action.inputs };
  }
}
