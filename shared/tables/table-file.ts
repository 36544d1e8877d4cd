// An import file (spec §12: CSV or the first sheet of an .xlsx) as a Table,
// what the mapping step shows of it (the header, the first rows, each
// column's distinct values), and the same table handed to a reader with the
// header renamed to the fields the user chose, each row on its own line.
import Papa from 'papaparse';
import type * as ExcelJSNs from 'exceljs';
import { firstSheetOf, xlsxCellText } from '../actuals/read-xlsx';
import { utf8TextOf } from '../actuals/utf8';
import { readTable, type Table, type TableProblem } from './read-table';

export type TableFile = { ok: true; table: Table; problems: TableProblem[] } | { ok: false; error: string };

export const isXlsxName = (name: string) => /\.xlsx$/i.test(name);

/** Reads a CSV (UTF-8) or an .xlsx's first sheet; an .xlsx row's line is its row number. */
export async function readTableFile(name: string, bytes: Uint8Array): Promise<TableFile> {
  if (!isXlsxName(name)) {
    const decoded = utf8TextOf(bytes);
    if ('error' in decoded) return { ok: false, error: decoded.error };
    return readTable(decoded.text, []);
  }
  const loaded = await firstSheetOf(bytes);
  if ('error' in loaded) return { ok: false, error: loaded.error };
  let header: string[] | null = null;
  const rows: Table['rows'] = [];
  loaded.sheet.eachRow({ includeEmpty: false }, (row, r) => {
    const values = row.values as ExcelJSNs.CellValue[]; // 1-based
    const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => xlsxCellText(values[i + 1]).trim());
    if (!header) { header = cells; return; }
    if (cells.every((c) => c === '')) return;
    rows.push({ line: r, cells });
  });
  if (!header) return { ok: false, error: 'the file is empty: its first sheet has no rows' };
  const h: string[] = header;
  const twice = h.map((x) => x.toLowerCase()).find((k, i, all) => k !== '' && all.indexOf(k) !== i);
  if (twice) return { ok: false, error: `the header has two columns named ${twice}; keep one` };
  return { ok: true, table: { header: h, rows }, problems: [] };
}

export interface TablePeek {
  header: string[];
  /** the first rows, text cells */
  rows: string[][];
  totalRows: number;
  /** per column: its distinct values with their counts, most frequent first; null with more than `maxDistinct` */
  distinct: ({ value: string; count: number }[] | null)[];
}

export function peekTable(t: Table, first = 20, maxDistinct = 40): TablePeek {
  const distinct = t.header.map((_, c) => {
    const counts = new Map<string, number>();
    for (const r of t.rows) {
      const v = r.cells[c] ?? '';
      counts.set(v, (counts.get(v) ?? 0) + 1);
      if (counts.size > maxDistinct) return null;
    }
    return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  });
  return { header: t.header, rows: t.rows.slice(0, first).map((r) => r.cells), totalRows: t.rows.length, distinct };
}

/**
 * The table as CSV text with `header` in place of its own, each row on the
 * line it came from (blank lines fill the gaps), so a reader's problems name
 * the file's own lines.
 */
export function tableAsCsv(t: Table, header: readonly string[]): string {
  const parts: string[] = [Papa.unparse([header as string[]], { newline: '\n' })];
  let line = 1;
  for (const r of t.rows) {
    while (line < r.line - 1) { parts.push(''); line++; }
    parts.push(Papa.unparse([r.cells], { newline: '\n' }));
    line = r.line + (r.cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0));
  }
  return parts.join('\n');
}
