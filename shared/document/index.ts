// The document and its edits (issue 18): one key grammar, one list of limits, the
// parsing of typed entries, and every change as an action applied by one reducer
// with undo over patches. Outside shared/, import it from here.
export { applyEntries, type CellEntry } from './apply-entries';
export { blankCohort, closedMonth, cohortsOf, growBaseFor, parseBaseEntry, setCohortField, withCohorts } from './base-entries';
export { defaultValue } from './defaults';
export type { BowtieDocument, ImportedFile, ImportMapping, PendingEntry, RangeEntry, Snapshot } from './document';
export { blankLane, blankStage, freshLaneId, leverSuggestion } from './edits';
export { parseEntry, parseMoney, parseRate, type Entry, type EntryContext, type EntrySource, type EntrySpec } from './entry';
export { describeAction, diff, HISTORY_LIMIT, reduce, replay, revert, sameValue, valueText, type Action, type ActionType, type Change, type Step } from './actions';
export * from './keys';
export { DOCUMENT_LIMITS, modelYears } from './limits';
export { isRangeText, parseRangeText, suggestedRange, rangeAt, rangeKeyOf, rangeText, splitRangeText, withRange, type RangeOutcome } from './range-entry';
export { isRampText, normalizeRamp, parseRampable, parseRampText, setYearValue } from './ramp-entry';
export { addSegment, freshSegmentId, isSegmentOverrideKey, logoShareSums, MAX_SEGMENTS, readSegmentTable, SEGMENT_SHARES_PATH, type SegmentTable, type SegmentTableRead } from './segment-edits';
export { segmentsOf } from '../model/segments';
export { clearOverride, overriddenEverywhere } from '../model/segments';
export { importMappingsExtras, importMappingsFromExtras } from '../workbook/import-mappings';
