// The ranges run (spec §11) the Ranges view and the Board Report show: the
// analysis worker samples the model in steps of about 25 ms and streams its
// progress; Cancel abandons the run at the next step. Only the newest request
// reaches the page (a 'cancel' lane). A run is for one set of inputs (the model
// shown: the base or the active scenario), ranges and settings; asking again for
// the same set reuses it, or stays cancelled until the user runs it again.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { completeYears, outputKeys, parseRanges, validateInputs, type InputRange, type ModelInputs, type SimulationSettings } from '@shared/index';
import type { RangeEntry } from '@shared/document/index';
import type { LatestLane } from '../workers/core-client';
import type { AnalysisCalls, RangesOutcome } from '../workers/core-calls';
import { analysisClient } from '../workers/worker-clients';

export type RangesStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface RangesRunArgs {
  inputs: ModelInputs;
  ranges: readonly RangeEntry[];
  simulation: SimulationSettings;
}

export interface RangesState {
  status: RangesStatus;
  /** what the run in flight or shown is for (compared by identity: the document shares unchanged objects) */
  args: RangesRunArgs | null;
  done: number;
  total: number;
  outcome: RangesOutcome | null;
  /** the problem that stops a run (a range that no longer fits the model), or the worker's error */
  error: string | null;
}

export const rangesStore = createStore<RangesState>()(() => ({ status: 'idle', args: null, done: 0, total: 0, outcome: null, error: null }));
export const useRanges = <T,>(selector: (s: RangesState) => T): T => useStore(rangesStore, selector);

let lane: LatestLane<AnalysisCalls, 'ranges'> | null = null;
const ensureLane = () => (lane ??= analysisClient().latest('ranges', 'cancel'));

const sameArgs = (a: RangesRunArgs | null, b: RangesRunArgs): boolean =>
  !!a && a.inputs === b.inputs && a.ranges === b.ranges && a.simulation === b.simulation;

/** The ranges checked against the model shown; a message naming each that no longer fits. */
export function checkedRanges(args: RangesRunArgs): { ok: true; ranges: InputRange[]; simulation: SimulationSettings } | { ok: false; message: string } {
  const parsed = parseRanges(args.inputs, args.ranges, args.simulation);
  if (!parsed.ok) return { ok: false, message: parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ') };
  return parsed;
}

/** Run for these arguments unless the run shown (or in flight, or cancelled) is already for them; `force` runs again. */
export function ensureRanges(args: RangesRunArgs, force = false): void {
  const s = rangesStore.getState();
  if (!force && sameArgs(s.args, args) && s.status !== 'idle') return;
  if (args.ranges.length === 0) { lane?.stop(); rangesStore.setState({ status: 'idle', args, outcome: null, error: null, done: 0, total: 0 }); return; }
  if (validateInputs(args.inputs).length) { lane?.stop(); rangesStore.setState({ status: 'error', args, error: 'the model has invalid inputs: fix the marked cells first', done: 0 }); return; }
  const checked = checkedRanges(args);
  if (!checked.ok) { lane?.stop(); rangesStore.setState({ status: 'error', args, error: checked.message, done: 0 }); return; }
  // The previous outcome stays on screen (marked as out of date) until this run finishes.
  rangesStore.setState({ status: 'running', args, done: 0, total: checked.simulation.samples, error: null });
  const outputs = outputKeys(completeYears(args.inputs.general.horizonMonths));
  ensureLane().request({ inputs: args.inputs, ranges: checked.ranges, simulation: checked.simulation, outputs }, (e) => {
    if (e.kind === 'progress') rangesStore.setState({ done: e.progress.done, total: e.progress.total });
    else if (e.kind === 'error') rangesStore.setState({ status: 'error', error: e.error });
    else if (e.result) rangesStore.setState({ status: 'done', outcome: e.result, done: e.result.report.samples });
  });
}

/** Cancel: the worker stops at its next step; the last finished outcome stays, marked as not this model's. */
export function cancelRanges(): void {
  lane?.stop();
  if (rangesStore.getState().status === 'running') rangesStore.setState({ status: 'cancelled' });
}

/** The outcome shown is for exactly these arguments (not an earlier model's). */
export const isCurrent = (s: RangesState, args: RangesRunArgs): boolean => s.status === 'done' && sameArgs(s.args, args) && s.outcome !== null;
