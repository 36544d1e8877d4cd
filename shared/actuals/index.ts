// Actuals (spec §9): a billing export read into exact monthly figures, and the
// plan inputs those figures support. Pure: readers take text chunks or bytes.
export { CsvActualsReader, readActualsCsv, readActualsCsvBytes } from './read-csv';
export * from './limits';
export { readActualsXlsx } from './read-xlsx';
export { problemLine, MAX_PROBLEMS_KEPT, type ActualsProblem, type ActualsRead, type DataQuality } from './collect';
export { computeActuals, type ActualsResult, type ActualsCohort } from './compute';
export { actualsJson, actualsSheet, figuresOf, type ActualsJson, type ActualsFigures } from './json';
export type { Book } from './book';
export { calibrate, seedBase, applySeed, applySuggestion, suggestionEffect, type Calibration, type Suggestion, type BaseSeed, type Basis } from './calibrate';
export { defaultLaneTarget, ACTUALS_LANE_ID, type LaneTarget } from './lane-target';
export { planVsActual, VARIANCE_MEASURES, type VarianceMonth, type VarianceMeasure } from './variance';
export { convertExport, suggestMapping, actualsOf, longCsv, monthHeader, type ConvertResult } from './shapes/convert';
export { parseMapping, parseOptions, defaultOptions, SHAPES, SHAPE_FIELDS, type Mapping, type ConvertOptions, type Shape } from './shapes/mapping';
export { PRESETS, PRESET_OPTIONS, FIELD_HEADERS, type Preset } from './shapes/presets';
export type { Converted, LeftOut, ShapeProblem } from './shapes/convert-types';
export { utf8TextOf } from './utf8';
