// What the sheets show and edit: the base, or while a scenario is shown, the
// base with its overrides (issue 11 §7: Assumptions shows the active scenario's
// values, and typing there changes what is shown). Cached per (inputs, scenarios).
import { activeScenario, applyScenario, getInput, type ModelInputs, type ScenarioSet } from '@shared/index';
import type { Snapshot } from '@shared/document/index';

const cache = new WeakMap<ScenarioSet, WeakMap<ModelInputs, ModelInputs>>();

export function viewInputs(s: Pick<Snapshot, 'inputs' | 'scenarios'>): ModelInputs {
  const scenario = activeScenario(s.scenarios);
  if (!scenario) return s.inputs;
  let byInputs = cache.get(s.scenarios);
  if (!byInputs) { byInputs = new WeakMap(); cache.set(s.scenarios, byInputs); }
  let view = byInputs.get(s.inputs);
  if (!view) { view = applyScenario(s.inputs, scenario).inputs; byInputs.set(s.inputs, view); }
  return view;
}

/** The base value under an override of the active scenario, or undefined when the cell shows the base. */
export function overriddenBase(s: Pick<Snapshot, 'inputs' | 'scenarios'>, key: string): { base: unknown; scenario: string } | undefined {
  const scenario = activeScenario(s.scenarios);
  if (!scenario || !Object.prototype.hasOwnProperty.call(scenario.overrides, key)) return undefined;
  return { base: getInput(s.inputs, key), scenario: scenario.name };
}
