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

/** A cell no column of §9 can hold, with why (issue 19: `#N/A` and TRUE once became customer names). */
interface Refused { refused: (column: string) => string }
type Cell = string | Date | number | Refused | undefined;
const isRefused = (v: Cell): v is Refused => typeof v === 'object' && !(v instanceof Date);

/** A cell as text, the way it shows: rich text joined, a formula's value, a hyperlink's text. */
function cellText(v: ExcelJSNs.CellValue): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return { refused: (c) => `the cell holds the logical value ${String(v).toUpperCase()}, not a ${c}` };
  const o = v as unknown as Record<string, unknown>;
  if ('richText' in o) return (o.richText as { text: string }[]).map((t) => t.text).join('');
  if ('formula' in o || 'sharedFormula' in o) return cellText((o.result ?? '') as ExcelJSNs.CellValue);
  if ('text' in o) return cellText(o.text as ExcelJSNs.CellValue);
  if ('error' in o) return { refused: (c) => `the cell holds the error ${String(o.error).slice(0, 20)}, not a ${c}; fix the formula or export values` };
  return JSON.stringify(v);
}

const asText = (v: string | Date | number | undefined): string | undefined =>
  v === undefined ? undefined : typeof v === 'number' ? numberText(v) : v instanceof Date ? v.toISOString() : v;

/**
 * An amount cell: a number as Excel shows it, to 15 significant digits (=0.1+0.2 is stored as
 * 0.30000000000000004 and shown as 0.3), then read by §9's rules like text.
 */
const asAmount = (v: string | Date | number | undefined): string | undefined =>
  typeof v === 'number' ? numberText(Number(v.toPrecision(15))) : asText(v);

/** Months a spreadsheet date may fall in: Excel's dates start in 1900, and a month is written with four digits. */
const FIRST_DATE_YEAR = 1900, LAST_DATE_YEAR = 9999;

/** A month cell: text YYYY-MM, or a date (Excel turns a typed 2024-01 into 1 Jan 2024). */
const asMonth = (v: string | Date | number | undefined): string | MonthIndex | Refused | undefined => {
  if (!(v instanceof Date)) return typeof v === 'number' ? numberText(v) : v;
  const y = v.getUTCFullYear();
  if (Number.isNaN(y)) return 'an invalid date';
  if (y < FIRST_DATE_YEAR || y > LAST_DATE_YEAR) return { refused: () => `the cell holds a date in the year ${y}; a month must fall in ${FIRST_DATE_YEAR}–${LAST_DATE_YEAR}` };
  return y * 12 + v.getUTCMonth();
};

/** The first sheet with rows of an untrusted .xlsx (pre-scanned; the other sheets handed over empty), or why not. */
export async function firstSheetOf(bytes: Uint8Array): Promise<{ sheet: ExcelJSNs.Worksheet } | { error: string }> {
  const inspected = inspectWorkbookBytes(bytes, 'all');
  if ('error' in inspected) return { error: inspected.error };
  const first = firstSheetPath(inspected.files);
  if (!first || !inspected.files[first]) return { error: 'the workbook has no sheet' };
  const only: Record<string, Uint8Array> = {};
  for (const [path, data] of Object.entries(inspected.files)) {
    if (/^xl\/(drawings|media)\//.test(path) || /^xl\/worksheets\/_rels\//.test(path)) continue;
    only[path] = /^xl\/worksheets\/[^/]+\.xml$/.test(path) && path !== first ? EMPTY_SHEET : data;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(zipSync(only, { level: 0 }) as unknown as ExcelJSNs.Buffer);
  } catch (e) {
    return { error: `not a readable .xlsx workbook (${(e as Error).message})` };
  }
  const ws = wb.worksheets.find((w) => w.rowCount > 0) ?? wb.worksheets[0];
  if (!ws || ws.actualRowCount === 0) return { error: 'the file is empty: its first sheet has no rows' };
  return { sheet: ws };
}

/** A cell as the text an import reads: a number as Excel shows it (15 digits), a date as YYYY-MM-DD, an error or logical value as its own words (refused by any number or word rule). */
export function xlsxCellText(v: ExcelJSNs.CellValue): string {
  const c = cellText(v);
  if (c === undefined) return '';
  if (isRefused(c)) return typeof v === 'boolean' ? String(v).toUpperCase() : `#ERROR ${JSON.stringify((v as unknown as { error?: unknown }).error ?? '')}`;
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? 'an invalid date' : c.toISOString().slice(0, 10);
  return asAmount(c) ?? '';
}

export async function readActualsXlsx(bytes: Uint8Array): Promise<ActualsRead> {
  const unreadable = (error: string): ActualsRead => ({ ok: false, kind: 'unreadable', error });
  const loaded = await firstSheetOf(bytes);
  if ('error' in loaded) return unreadable(loaded.error);
  const ws = loaded.sheet;
  let collector: ActualsCollector | null = null;
  let headerError: string | null = null;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (headerError) return;
    const values = row.values as ExcelJSNs.CellValue[]; // 1-based
    if (!collector) {
      // The first row with anything in it is the header.
      const found = findColumns(Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => { const v = cellText(values[i + 1]); return isRefused(v) ? '' : String(asText(v) ?? ''); }));
      if ('error' in found) headerError = found.error;
      else collector = new ActualsCollector(found);
      return;
    }
    const c = collector;
    const cell = (i: number) => cellText(values[i + 1]);
    const { customer, month, amount } = c.columns;
    const cells = [cell(customer), cell(month), cell(amount)];
    if (cells.every((x) => x === '' || x === undefined)) { c.blankLines++; return; }
    const [name, m, a] = cells as [Cell, Cell, Cell];
    const monthCell = isRefused(m) ? m : asMonth(m);
    const refused = ([[customer, name, 'customer name'], [month, monthCell, 'month'], [amount, a, 'number']] as const)
      .flatMap(([col, v, what]) => (v !== undefined && isRefused(v) ? [[col, v.refused(what)] as const] : []));
    if (refused.length) c.refuseRow(r, refused);
    else c.row(r, asText(name as string | number | Date | undefined), monthCell as string | MonthIndex | undefined, asAmount(a as string | number | Date | undefined));
  });
  if (headerError) return unreadable(headerError);
  if (!collector) return unreadable('the file is empty: its first sheet has no rows');
  return (collector as ActualsCollector).finish();
}
