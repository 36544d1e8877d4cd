// The latest model result for the document's current inputs, computed in the
// worker. Sheets read figures from here; the core is the only source of them.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { activeScenario, effectiveInputs, type ModelInputs, type ModelResult } from '@shared/index';
import { documentStore } from './document-store';
import type { ModelCalls } from '../workers/core-calls';
import type { LaneEvent } from '../workers/core-client';
import { modelClient } from '../workers/worker-clients';

export interface ModelState {
  result: ModelResult<number> | null;
  /** the inputs `result` was computed from */
  inputs: ModelInputs | null;
  error: string | null;
  /** worker time of the last computation, for the status bar */
  ms: number | null;
  /** the active scenario's name when the figures show one, else null (the base) */
  scenario: string | null;
  /** why the active scenario cannot be computed (its problems by key); the figures stay on the last result */
  scenarioProblems: string[];
}

export const modelStore = createStore<ModelState>()(() => ({ result: null, inputs: null, error: null, ms: null, scenario: null, scenarioProblems: [] }));

export function useModel<T>(selector: (s: ModelState) => T): T {
  return useStore(modelStore, selector);
}

/** Start the worker and recompute whenever the document's inputs change. */
export function startModelWorker(): () => void {
  const model = modelClient();
  // At most one recompute in flight; edits made meanwhile collapse into the newest,
  // and a result for inputs that have since changed is dropped, never shown.
  const recompute = model.latest('compute', 'queue');
  const publish = (e: LaneEvent<ModelCalls['compute'], ModelInputs>) => {
    if (e.kind === 'result') modelStore.setState({ result: e.result.result, inputs: e.args, error: null, ms: e.result.ms });
    else if (e.kind === 'error') modelStore.setState({ error: e.error, inputs: e.args });
  };
  // The figures show the active scenario over the base (issue 6); with none, the base.
  const request = () => {
    const { inputs, scenarios } = documentStore.getState();
    const applied = effectiveInputs(inputs, scenarios);
    const name = activeScenario(scenarios)?.name ?? null;
    modelStore.setState({ scenario: name, scenarioProblems: applied.problems.map((p) => `${p.path}: ${p.message}`) });
    if (applied.problems.length === 0) recompute.request(applied.inputs, publish);
  };
  request();
  const unsubscribe = documentStore.subscribe((s, prev) => {
    if (s.inputs !== prev.inputs || s.scenarios !== prev.scenarios) request();
  });
  return () => { unsubscribe(); model.terminate(); };
}
