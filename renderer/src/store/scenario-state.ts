// Scenario state lives in the document store (so it is saved, undone and reopened
// with the workbook); this is the narrow API the three analysis sheets use.
import { useMemo } from 'react';
import { effectiveInputs, type AppliedScenario, type ScenarioSet } from '@shared/index';
import { documentStore, useDocument } from './document-store';

export const useScenarioSet = (): ScenarioSet => useDocument((s) => s.scenarios);

/** One undoable change to the scenarios. */
export function updateScenarios(change: (set: ScenarioSet) => ScenarioSet): void {
  const s = documentStore.getState();
  const next = change(s.scenarios);
  if (next !== s.scenarios) s.setScenarios(next);
}

/** The inputs the app computes: the active scenario over the base. */
export function useEffectiveInputs(): AppliedScenario {
  const inputs = useDocument((s) => s.inputs);
  const set = useScenarioSet();
  return useMemo(() => effectiveInputs(inputs, set), [inputs, set]);
}
