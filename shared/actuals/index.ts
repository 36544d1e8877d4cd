// Actuals (spec §9): a billing export read into exact monthly figures, and the
// plan inputs those figures support. Pure: readers take text chunks or bytes.
export { CsvActualsReader, readActualsCsv, readActualsCsvBytes } from './read-csv';
export * from './limits';
export { readActualsXlsx } from './read-xlsx';
export { findColumns, problemLine, MAX_PROBLEMS_KEPT, type ActualsProblem, type ActualsRead, type DataQuality } from './collect';
export { computeActuals, type ActualsResult, type ActualsCohort } from './compute';
export { actualsJson, actualsResultOf, actualsSheet, figuresOf, type ActualsJson, type ActualsFigures } from './json';
export type { Book } from './book';
export { calibrate, seedBase, applySeed, applySuggestion, suggestionEffect, type Calibration, type Suggestion, type BaseSeed, type Basis } from './calibrate';
export { defaultLaneTarget, ACTUALS_LANE_ID, type LaneTarget } from './lane-target';
export { planVsActual, varianceTotals, VARIANCE_MEASURES, type VarianceMonth, type VarianceMeasure, type VarianceTotals } from './variance';
export { convertExport, convertTable, mappingFor, suggestMapping, actualsOf, longCsv, monthHeader, type ConvertResult } from './shapes/convert';
export { parseMapping, parseOptions, defaultOptions, SHAPES, SHAPE_FIELDS, LINE_KINDS, INTERVALS, type Mapping, type ConvertOptions, type Shape } from './shapes/mapping';
export { PRESETS, PRESET_OPTIONS, FIELD_HEADERS, type Preset } from './shapes/presets';
export type { Converted, LeftOut, ShapeProblem } from './shapes/convert-types';
export { utf8TextOf } from './utf8';
// Accounts and pipeline files (spec §12) are read like billing exports: CSV or an .xlsx's first sheet.
export { readTableFile, peekTable, tableAsCsv, isXlsxName, type TablePeek, type TableFile } from '../tables/table-file';
export type { TableProblem } from '../tables/read-table';
export { explainCustomer, LEFT_OUT_WORDS, type CustomerDrill, type DrillLine, type DrillMonth, type MonthChange } from './shapes/explain';
export { previewTable, detectPreset, mappingFits, type ExportPreview, type PreviewCustomer } from './shapes/preview';
export { readTable, type Table } from '../tables/read-table';
