// The default of any input, for Delete on a selection (issue 11 §8: Delete
// restores the selected inputs to their defaults). Lanes, years and funnel
// stages beyond the default model take the values "+ Add …" gives them.
import { DEFAULT_LANES, defaultInputs, type ModelInputs } from '../model/inputs';
import { blankLane, blankStage } from './edits';
import { getInput, laneIndexOf, parsed } from './keys';

const DEFAULTS = defaultInputs();

/** The value `key` had in a new model; undefined when it has none. */
export function defaultValue(inputs: ModelInputs, key: string): unknown {
  const k = parsed(key);
  const t = k?.target;
  if (!k || k.segment !== null || k.year !== null) return getInput(DEFAULTS, key);
  if (t?.kind === 'lane') {
    const i = laneIndexOf(inputs, k);
    const current = i === null ? undefined : inputs.lanes[i];
    if (!current) return undefined;
    const base = DEFAULT_LANES.find((l) => l.id === current.id) ?? blankLane(current.id, i! + 1);
    return (base as unknown as Record<string, unknown>)[t.field];
  }
  if (t?.kind === 'stage') return (DEFAULTS.acquisition.funnel[t.index] ?? blankStage(t.index + 1))[t.field];
  if (t?.kind === 'newLogos') {
    const list = DEFAULTS.acquisition.newCustomersByYear;
    return list[t.index] ?? list[list.length - 1];
  }
  return getInput(DEFAULTS, key);
}
