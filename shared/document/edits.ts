// Edits of the model's structure that are not a typed cell: lanes, years of new
// logos, funnel stages, the installed base's rows and a lane's lever. Pure
// snapshot → snapshot, each capped by DOCUMENT_LIMITS and applied by the reducer
// (reduce.ts) as one undo step; unit-tested without React.
import { LEVER_TABLE, type FunnelStage, type Lane, type Lever } from '../model/inputs';
import type { Snapshot } from './document';
import { blankCohort, cohortsOf, withCohorts } from './base-entries';
import { shiftIndexedMarks } from './keys';
import { DOCUMENT_LIMITS } from './limits';

/** The lane "Add lane" appends: attach 0, so no figure moves until the user fills it in (as a new funnel stage converts 100%). */
export function blankLane(id: string, position: number): Lane {
  return { id, name: `New lane ${position}`, anchor: 'adoption', windowStart: 0, windowEnd: 0, attachRate: 0, acv: 10000, grossMargin: 0.7 };
}

export function freshLaneId(lanes: readonly Lane[]): string {
  for (let n = lanes.length + 1; ; n++) if (!lanes.some((l) => l.id === `lane${n}`)) return `lane${n}`;
}

/** The stage "Add stage" appends. */
export function blankStage(position: number): FunnelStage {
  return { name: `New stage ${position}`, rate: 1 };
}

/** `count` blank lanes, stopping at the model's limit. */
export function addLane(snap: Snapshot, count = 1): Snapshot {
  const lanes = [...snap.inputs.lanes];
  for (let n = 0; n < count && lanes.length < DOCUMENT_LIMITS.lanes; n++) lanes.push(blankLane(freshLaneId(lanes), lanes.length + 1));
  if (lanes.length === snap.inputs.lanes.length) return snap;
  return { ...snap, inputs: { ...snap.inputs, lanes } };
}

/** The lane with this id goes, and the marks on it (by id, or by position for lanes addressed as lanes[i]); later positions move up. */
export function removeLane(snap: Snapshot, id: string): Snapshot {
  const { inputs, invalid } = snap;
  const at = inputs.lanes.findIndex((l) => l.id === id);
  if (at < 0) return snap;
  const byId = Object.fromEntries(Object.entries(invalid).filter(([k]) => !k.startsWith(`lanes.${id}.`)));
  // ranges name lanes by id (range-entry.ts): the lane's go with it
  const ranges = snap.ranges.some((r) => r.key.startsWith(`lanes.${id}.`)) ? snap.ranges.filter((r) => !r.key.startsWith(`lanes.${id}.`)) : snap.ranges;
  return { ...snap, inputs: { ...inputs, lanes: inputs.lanes.filter((_, i) => i !== at) }, invalid: shiftIndexedMarks(byId, 'lanes', at), ranges };
}

/** Another year of new logos, starting at the last year's figure; at most the model's years. */
export function addYear(snap: Snapshot, count = 1): Snapshot {
  const years = snap.inputs.acquisition.newCustomersByYear;
  const n = Math.min(count, DOCUMENT_LIMITS.years - years.length);
  if (n <= 0) return snap;
  const added = Array.from({ length: n }, () => years[years.length - 1] ?? 0);
  return { ...snap, inputs: { ...snap.inputs, acquisition: { ...snap.inputs.acquisition, newCustomersByYear: [...years, ...added] } } };
}

/** Drop the last year of new logos; year 1 always stays. */
export function removeLastYear(snap: Snapshot): Snapshot {
  const years = snap.inputs.acquisition.newCustomersByYear;
  if (years.length <= 1) return snap;
  const acquisition = { ...snap.inputs.acquisition, newCustomersByYear: years.slice(0, -1) };
  return { ...snap, inputs: { ...snap.inputs, acquisition }, invalid: shiftIndexedMarks(snap.invalid, 'acquisition.newCustomersByYear', years.length - 1) };
}

/** Stages after the last, converting 100% so no figure moves until edited; at most the model's stages. */
export function addFunnelStage(snap: Snapshot, count = 1): Snapshot {
  const funnel = snap.inputs.acquisition.funnel;
  const n = Math.min(Math.max(1, count), DOCUMENT_LIMITS.funnelStages - funnel.length);
  if (n <= 0) return snap;
  const added = Array.from({ length: n }, (_, i) => blankStage(funnel.length + 1 + i));
  return { ...snap, inputs: { ...snap.inputs, acquisition: { ...snap.inputs.acquisition, funnel: [...funnel, ...added] } } };
}

export function removeFunnelStage(snap: Snapshot, index: number): Snapshot {
  const funnel = snap.inputs.acquisition.funnel;
  if (index < 0 || index >= funnel.length) return snap;
  const acquisition = { ...snap.inputs.acquisition, funnel: funnel.filter((_, i) => i !== index) };
  return { ...snap, inputs: { ...snap.inputs, acquisition }, invalid: shiftIndexedMarks(snap.invalid, 'acquisition.funnel', index) };
}

export function addCohort(snap: Snapshot): Snapshot {
  const cohorts = cohortsOf(snap.inputs);
  if (cohorts.length >= DOCUMENT_LIMITS.baseCohorts) return snap;
  return { ...snap, inputs: withCohorts(snap.inputs, [...cohorts, blankCohort(cohorts.length + 1)]) };
}

export function removeCohort(snap: Snapshot, index: number): Snapshot {
  const cohorts = cohortsOf(snap.inputs);
  if (index < 0 || index >= cohorts.length) return snap;
  return { ...snap, inputs: withCohorts(snap.inputs, cohorts.filter((_, i) => i !== index)), invalid: shiftIndexedMarks(snap.invalid, 'base.cohorts', index) };
}

/** Months from a time to value in days (seed 002 gives days; windows are whole months). */
const months = (days: number): number => Math.max(0, Math.round(days / (365 / 12)));

/** What a lever suggests for a lane: its typical margin and a purchase window from its time to value. */
export function leverSuggestion(lever: Lever): { grossMargin: number; windowStart: number; windowEnd: number } {
  const row = LEVER_TABLE[lever];
  return { grossMargin: row.grossMargin, windowStart: months(row.timeToValueDays[0]), windowEnd: months(row.timeToValueDays[1]) };
}

/**
 * Choose a lane's lever (null: none). The margin and the window take the lever's
 * suggestion unless the user has overridden them: a field is replaced only when it
 * still holds the previous lever's suggestion, or the lane had no lever.
 */
export function setLever(snap: Snapshot, laneIndex: number, lever: Lever | null): Snapshot {
  const lane = snap.inputs.lanes[laneIndex];
  if (!lane || (lane.lever ?? null) === lever) return snap;
  const next: Lane = { ...lane };
  if (lever === null) delete next.lever;
  else {
    next.lever = lever;
    const was = lane.lever ? leverSuggestion(lane.lever) : null;
    const s = leverSuggestion(lever);
    if (!was || lane.grossMargin === was.grossMargin) next.grossMargin = s.grossMargin;
    if (!was || (lane.windowStart === was.windowStart && lane.windowEnd === was.windowEnd)) { next.windowStart = s.windowStart; next.windowEnd = s.windowEnd; }
  }
  const lanes = snap.inputs.lanes.map((l, i) => (i === laneIndex ? next : l));
  return { ...snap, inputs: { ...snap.inputs, lanes } };
}
