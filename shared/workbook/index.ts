// The workbook file format (issue #3): write, pre-check and read .xlsx files.
export type { WorkbookRange, WorkbookRanges, WorkbookDocument, WorkbookExtras, KnownSensitivity, WorkbookRead, WorkbookProblem, BoardImage, ScenarioComparison, ComparisonFormat, ActualsSheet } from './types';
export { writeWorkbook, InvalidModelError } from './write-workbook';
export { readWorkbook } from './read-workbook';
export { checkWorkbookBytes, LIMITS, READER_PARTS } from './check-bytes';
export { SCHEMA_VERSION } from './sheets/metadata';
export { SHEETS, nameOfKey } from './names';
export { importMappingsExtras, importMappingsFromExtras, IMPORT_MAPPINGS_KEY } from './import-mappings';
