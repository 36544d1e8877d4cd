// Writing one cell: a live formula with the core's value cached beside it, or a
// plain value. Undefined figures (null in the core) are cached as "—", which is
// also what the formulas return for them, so viewers that never recalculate and
// engines that do show the same thing.
import type * as ExcelJS from 'exceljs';
import type { Dec } from '../index';

export type Cached = Dec | number | string | boolean | null;

export const DASH = '—';

export function cachedValue(x: Cached): number | string {
  if (x === null) return DASH;
  if (typeof x === 'number' || typeof x === 'string') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  return x.toNumber();
}

/** A cached figure as a plain number (null for undefined figures and text). */
export function numberOf(x: Cached): number | null {
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return null;
  return typeof x === 'number' ? x : x.toNumber();
}

export function putFormula(ws: ExcelJS.Worksheet, row: number, col: number, formula: string, cached: Cached, numFmt?: string): ExcelJS.Cell {
  const c = ws.getCell(row, col);
  c.value = { formula, result: cachedValue(cached) };
  if (numFmt) c.numFmt = numFmt;
  return c;
}

export function putValue(ws: ExcelJS.Worksheet, row: number, col: number, value: Cached, numFmt?: string): ExcelJS.Cell {
  const c = ws.getCell(row, col);
  // Strings always go in as strings: a name like "=HYPERLINK(…)" stays text.
  c.value = cachedValue(value);
  if (numFmt) c.numFmt = numFmt;
  return c;
}
