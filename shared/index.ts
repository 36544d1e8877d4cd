// The core's one narrow API: everything the renderer, its worker, the workbook
// code and the CLI need. Callers import from here, so the core can move (into a
// worker, say) without touching them.
export * from './model/inputs';
export * from './model/catalog';
export * from './model/keys';
export { parseModel, validateInputs, MAX_BASE_COHORTS } from './model/validate';
export * from './model/scenarios';
export * from './model/ramps';
export { plausibilityWarnings, nrrWarning, type PlausibilityWarning } from './model/plausibility';
export { computeExact, computeModel, toNumbers, monthLabel, needsCalendar, type DeepNumber } from './core/compute';
export { baseShares } from './core/calendar';
export { impliedAdopterShare } from './core/base-share';
export type * from './core/result';
export { JOURNEY_PATHS, type JourneyPath } from './core/journey';
export { completeYears, yearsTouched } from './core/years';
export { computeFigure, figureChoices, figureReads, type FigureKey, type FigureInfo } from './core/figures';
export { computeSensitivity, defaultTwoWay, twoWayRow, twoWayTable, twoWayBase, tornado, biggestDrag, driverRange, STAGES, type Stage, type TwoWaySpec, type TwoWayTable, type TornadoBar, type DragResult, type Sensitivity } from './core/sensitivity';
export { axisSpecs, defaultAxisValues, specFits, sameTwoWaySpec, twoWaySpecToJson, twoWaySpecFromJson, twoWaySpecFromExtras, MAX_AXIS_VALUES, type TwoWaySpecJson } from './core/sensitivity-spec';
export { summarize, type CalcSummary } from './core/summary';
export { nrrBand, NRR_BANDS, doublingTimeYears, valueOfNrrPoint, INCREMENTAL_MARGIN_FLOOR } from './core/bands';
export { D, type Dec } from './core/decimal';
// How figures are shown and named, for every caller (the renderer's grid and
// KPI strip too), without pulling in the charts: the one figure formatter, the
// figure names, the verdicts and the bowtie's to-scale shape.
export * from './report/format';
export * from './report/labels';
export * from './report/band-reason';
export * from './report/verdicts';
export * from './report/bowtie';
// What it takes (spec §10, §11): goal seek, ranges and their random numbers.
export { goalSeek, seekInterval, type SeekRequest, type SeekAnswer, type SeekResult } from './core/goal-seek';
export { resolveOutput, outputKeys, outputValue, type OutputRef } from './core/outputs';
export { resolveInput, currentValue, withInput, type WhatIfInput } from './core/what-if-keys';
export { mulberry32, latinHypercube, percentile } from './core/random';
export { parseRanges, parseTarget, runRanges, RangeRun, rangeDrivers, rangeValue, mostLikely, spread, defaultSimulation, MAX_RANGES, SAMPLES_MIN, SAMPLES_MAX, SEED_MAX, type InputRange, type RangeTarget, type SimulationSettings, type RangesReport, type Spread, type Driver } from './core/ranges';
export { inFloat } from './core/decimal';
