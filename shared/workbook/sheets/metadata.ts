// The hidden metadata sheet: schema version, app version and the app's own JSON
// (scenarios, settings), split over cells because one cell holds 32,767 characters.
import type * as ExcelJS from 'exceljs';
import { SHEETS } from '../names';

export const SCHEMA_VERSION = 1;
const CHUNK = 30000;

export const META_ROWS = { schema: 1, app: 2, savedAt: 3, extras: 4 } as const;

export function writeMetadata(wb: ExcelJS.Workbook, appVersion: string, savedAt: Date, extras: Record<string, unknown>): void {
  const ws = wb.getWorksheet(SHEETS.meta)!;
  ws.state = 'hidden';
  ws.getCell(META_ROWS.schema, 1).value = 'schemaVersion';
  ws.getCell(META_ROWS.schema, 2).value = SCHEMA_VERSION;
  ws.getCell(META_ROWS.app, 1).value = 'appVersion';
  ws.getCell(META_ROWS.app, 2).value = appVersion;
  ws.getCell(META_ROWS.savedAt, 1).value = 'savedAt';
  ws.getCell(META_ROWS.savedAt, 2).value = savedAt.toISOString();
  ws.getCell(META_ROWS.extras, 1).value = 'extras (JSON, continued along the row)';
  const json = JSON.stringify(extras);
  for (let i = 0, c = 2; i < json.length || c === 2; i += CHUNK, c++) ws.getCell(META_ROWS.extras, c).value = json.slice(i, i + CHUNK);
}
