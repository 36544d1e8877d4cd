// What a ranges run is for: the model on screen (the base or the active
// scenario), the document's ranges and simulation settings. Stable while none
// of them changes, so a sheet can ask for the run on every render.
import { useMemo } from 'react';
import { useDocument } from './document-store';
import type { RangesRunArgs } from './ranges-store';
import { useEffectiveInputs } from './scenario-state';

export function useRangesArgs(): RangesRunArgs | null {
  const applied = useEffectiveInputs();
  const ranges = useDocument((s) => s.ranges);
  const simulation = useDocument((s) => s.simulation);
  const inputs = applied.problems.length ? null : applied.inputs;
  return useMemo(() => (inputs ? { inputs, ranges, simulation } : null), [inputs, ranges, simulation]);
}
