// Edits of the model's structure that are not a typed cell: the installed base's
// rows and a lane's lever. Pure snapshot → snapshot, so each is one undo step
// through `documentStore.apply` and unit-tested without React.
import { LEVER_TABLE, MAX_BASE_COHORTS, type Lane, type Lever } from '../../../shared/index';
import type { Snapshot } from './apply-entries';
import { blankCohort, cohortsOf, withCohorts } from './base-entries';
import { shiftIndexedMarks } from './document-store';

export function addCohort(snap: Snapshot): Snapshot {
  const cohorts = cohortsOf(snap.inputs);
  if (cohorts.length >= MAX_BASE_COHORTS) return snap;
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
