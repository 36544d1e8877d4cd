// The catalogue entry for a canonical key, cached per inputs object (inputSpecs
// builds the whole list, and the grid asks for it cell by cell).
import { inputSpecs, type InputSpec, type ModelInputs } from '../../../shared/index';

const cache = new WeakMap<ModelInputs, Map<string, InputSpec>>();

export function specsByKey(inputs: ModelInputs): Map<string, InputSpec> {
  let map = cache.get(inputs);
  if (!map) {
    const all = inputSpecs(inputs);
    map = new Map(all.map((s) => [s.key, s]));
    // Lanes whose id is not usable as a key are addressed by position (lanes[2].acv).
    inputs.lanes.forEach((lane, i) => {
      for (const s of all) {
        const prefix = `lanes.${lane.id}.`;
        if (s.key.startsWith(prefix)) map!.set(`lanes[${i}].${s.key.slice(prefix.length)}`, s);
      }
    });
    cache.set(inputs, map);
  }
  return map;
}

export const specFor = (inputs: ModelInputs, key: string): InputSpec | undefined => specsByKey(inputs).get(key);
