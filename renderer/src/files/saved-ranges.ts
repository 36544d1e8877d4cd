// The Ranges sheet's figures for a save (issue 21): the run the Ranges view or
// the board page made, when it is for exactly the saved inputs (the base case),
// ranges and settings; else a run in the analysis worker now. A run that fails
// or overruns leaves the sheet saying the figures were not computed; the ranges
// and settings are saved either way.
import { parseRanges, type ModelInputs, type SimulationSettings } from '@shared/index';
import type { RangeEntry } from '@shared/document/index';
import type { WorkbookRanges } from '@shared/workbook/index';
import { rangesStore } from '../store/ranges-store';
import { analysisClient } from '../workers/worker-clients';

const RUN_TIMEOUT_MS = 60_000;

export async function savedRanges(inputs: ModelInputs, ranges: readonly RangeEntry[], simulation: SimulationSettings): Promise<WorkbookRanges> {
  const s = rangesStore.getState();
  const a = s.args;
  if (s.status === 'done' && s.outcome && a && a.inputs === inputs && a.ranges === ranges && a.simulation === simulation) {
    return { ranges, simulation, outcome: { report: s.outcome.report, planArr: s.outcome.planArr } };
  }
  const parsed = parseRanges(inputs, ranges, simulation);
  if (!parsed.ok) return { ranges, simulation, outcome: null };
  try {
    // only the summary is kept: no output's samples are sent back
    const r = await analysisClient().call('ranges', { inputs, ranges: parsed.ranges, simulation: parsed.simulation, outputs: [] }, { timeoutMs: RUN_TIMEOUT_MS });
    return { ranges, simulation, outcome: r ? { report: r.report, planArr: r.planArr } : null };
  } catch (e) {
    console.error('the Ranges sheet is saved without its figures:', e);
    return { ranges, simulation, outcome: null };
  }
}
