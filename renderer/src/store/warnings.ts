// Valid but unusual inputs (issue 11 §2), computed once per inputs object: the
// grid asks cell by cell, the status bar for the list.
import { plausibilityWarnings, type ModelInputs, type PlausibilityWarning } from '@shared/index';

const cache = new WeakMap<ModelInputs, Map<string, PlausibilityWarning>>();

export function warningsOf(inputs: ModelInputs): Map<string, PlausibilityWarning> {
  let map = cache.get(inputs);
  if (!map) {
    map = new Map(plausibilityWarnings(inputs).map((w) => [w.key, w]));
    cache.set(inputs, map);
  }
  return map;
}

export const warningFor = (inputs: ModelInputs, key: string): string | undefined => warningsOf(inputs).get(key)?.message;
