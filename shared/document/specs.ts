// The catalogue entry for a canonical key, cached per inputs object (inputSpecs
// builds the whole list, and the grid asks for it cell by cell).
import { inputSpecs, type InputSpec } from '../model/catalog';
import type { ModelInputs, Rampable } from '../model/inputs';
import { MAX_RAMP_YEARS, valueInYear } from '../model/ramps';
import { getInput, parseYearlyKey, yearlyKey } from './keys';

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
    // Each year of a rampable input is a cell of its own (`journey.renewal.rate[1]`).
    for (const [key, s] of [...map]) {
      if (!s.rampable) continue;
      for (let i = 0; i < MAX_RAMP_YEARS; i++) map.set(yearlyKey(key, i), { ...s, key: yearlyKey(key, i), label: `${s.label}, year ${i + 1}`, rampable: false });
    }
    cache.set(inputs, map);
  }
  return map;
}

export const specFor = (inputs: ModelInputs, key: string): InputSpec | undefined => specsByKey(inputs).get(key);

/** An input's value by key; a yearly key (`…rate[1]`) reads that year's value of a ramp or a constant. */
export function readInput(inputs: ModelInputs, key: string): unknown {
  const yearly = parseYearlyKey(key);
  if (!yearly) return getInput(inputs, key);
  const x = getInput(inputs, yearly.key);
  return typeof x === 'number' || Array.isArray(x) ? valueInYear(x as Rampable, yearly.index + 1) : undefined;
}
