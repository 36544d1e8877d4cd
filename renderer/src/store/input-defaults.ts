// The default of any input, for Delete on a selection (issue 11 §8: Delete
// restores the selected inputs to their defaults). Lanes, years and funnel
// stages beyond the default model take the values "+ Add …" gives them.
import { DEFAULT_LANES, defaultInputs, getInput, type ModelInputs } from '../../../shared/index';
import { editText } from '../format/format';
import { blankLane, blankStage } from './document-store';
import { specFor } from './input-specs';

const DEFAULTS = defaultInputs();

function defaultValue(inputs: ModelInputs, key: string): unknown {
  const lane = /^lanes(?:\.([^.[\]]+)|\[(\d+)\])\.(\w+)$/.exec(key);
  if (lane) {
    const i = lane[2] !== undefined ? Number(lane[2]) : inputs.lanes.findIndex((l) => l.id === lane[1]);
    const current = inputs.lanes[i];
    if (!current) return undefined;
    const base = DEFAULT_LANES.find((l) => l.id === current.id) ?? blankLane(current.id, i + 1);
    return (base as unknown as Record<string, unknown>)[lane[3]!];
  }
  const stage = /^acquisition\.funnel\[(\d+)\]\.(name|rate)$/.exec(key);
  if (stage) {
    const i = Number(stage[1]);
    return (DEFAULTS.acquisition.funnel[i] ?? blankStage(i + 1))[stage[2] as 'name' | 'rate'];
  }
  const year = /^acquisition\.newCustomersByYear\[(\d+)\]$/.exec(key);
  if (year) {
    const list = DEFAULTS.acquisition.newCustomersByYear;
    return list[Number(year[1])] ?? list[list.length - 1];
  }
  return getInput(DEFAULTS, key);
}

/** The text that restores `key` to its default, as the user would type it; null when there is none. */
export function defaultText(inputs: ModelInputs, key: string): string | null {
  const value = defaultValue(inputs, key);
  if (value === undefined) return null;
  return editText(specFor(inputs, key)?.kind ?? 'text', value);
}
