// The first sheet of an .xlsx billing export (§9). The bytes pass the same
// pre-scan as a Bowtie workbook (zip-bomb and absurd-number limits, check-bytes.ts)
// before ExcelJS sees them, and every other sheet is handed over empty.
import type * as ExcelJSNs from 'exceljs';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { inspectWorkbookBytes } from '../workbook/check-bytes';
import { ExcelJS } from '../workbook/write-workbook';
import { ActualsCollector, findColumns, type ActualsRead } from './collect';
import { numberText, type MonthIndex } from './values';

const EMPTY_SHEET = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>');

/** The part path of the workbook's first sheet (in tab order). */
function firstSheetPath(files: Record<string, Uint8Array>): string | null {
  const wbXml = files['xl/workbook.xml'], rels = files['xl/_rels/workbook.xml.rels'];
  if (!wbXml || !rels) return null;
  const first = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec(strFromU8(wbXml))?.[1];
  for (const m of strFromU8(rels).matchAll(/<Relationship\b[^>]*>/g)) {
    if (/\bId="([^"]+)"/.exec(m[0])?.[1] !== first) continue;
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    return target ? `xl/${target.replace(/^\/?xl\//, '')}` : null;
  }
  return null;
}

/** A cell as text, the way it shows: rich text joined, a formula's value, a hyperlink's text. */
function cellText(v: ExcelJSNs.CellValue): string | Date | number | undefined {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return String(v).toUpperCase();
  const o = v as unknown as Record<string, unknown>;
  if ('richText' in o) return (o.richText as { text: string }[]).map((t) => t.text).join('');
  if ('formula' in o || 'sharedFormula' in o) return cellText((o.result ?? '') as ExcelJSNs.CellValue);
  if ('text' in o) return cellText(o.text as ExcelJSNs.CellValue);
  if ('error' in o) return String(o.error);
  return String(v);
}

const asText = (v: string | Date | number | undefined): string | undefined =>
  v === undefined ? undefined : typeof v === 'number' ? numberText(v) : v instanceof Date ? v.toISOString() : v;

/** A month cell: text YYYY-MM, or a date (Excel turns a typed 2024-01 into 1 Jan 2024). */
const asMonth = (v: string | Date | number | undefined): string | MonthIndex | undefined =>
  v instanceof Date ? (Number.isNaN(v.getTime()) ? 'an invalid date' : v.getUTCFullYear() * 12 + v.getUTCMonth()) : typeof v === 'number' ? numberText(v) : v;

export async function readActualsXlsx(bytes: Uint8Array): Promise<ActualsRead> {
  const unreadable = (error: string): ActualsRead => ({ ok: false, kind: 'unreadable', error });
  const inspected = inspectWorkbookBytes(bytes, 'all');
  if ('error' in inspected) return unreadable(inspected.error);
  const first = firstSheetPath(inspected.files);
  if (!first || !inspected.files[first]) return unreadable('the workbook has no sheet');
  const only: Record<string, Uint8Array> = {};
  for (const [path, data] of Object.entries(inspected.files)) {
    if (/^xl\/(drawings|media)\//.test(path) || /^xl\/worksheets\/_rels\//.test(path)) continue;
    only[path] = /^xl\/worksheets\/[^/]+\.xml$/.test(path) && path !== first ? EMPTY_SHEET : data;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(zipSync(only, { level: 0 }) as unknown as ExcelJSNs.Buffer);
  } catch (e) {
    return unreadable(`not a readable .xlsx workbook (${(e as Error).message})`);
  }
  const ws = wb.worksheets.find((w) => w.rowCount > 0) ?? wb.worksheets[0];
  if (!ws || ws.actualRowCount === 0) return unreadable('the file is empty: its first sheet has no rows');
  let collector: ActualsCollector | null = null;
  let headerError: string | null = null;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (headerError) return;
    const values = row.values as ExcelJSNs.CellValue[]; // 1-based
    if (!collector) {
      // The first row with anything in it is the header.
      const found = findColumns(Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => String(asText(cellText(values[i + 1]!)) ?? '')));
      if ('error' in found) headerError = found.error;
      else collector = new ActualsCollector(found);
      return;
    }
    const c = collector;
    const cell = (i: number) => cellText(values[i + 1]);
    const cells = [cell(c.columns.customer), cell(c.columns.month), cell(c.columns.amount)];
    if (cells.every((x) => x === '' || x === undefined)) { c.blankLines++; return; }
    c.row(r, asText(cells[0]), asMonth(cells[1]), asText(cells[2]));
  });
  if (headerError) return unreadable(headerError);
  if (!collector) return unreadable('the file is empty: its first sheet has no rows');
  return (collector as ActualsCollector).finish();
}
