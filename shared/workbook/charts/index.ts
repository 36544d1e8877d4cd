// Native Excel charts for any sheet (issue 22). A sheet writer describes a chart
// over cells it has written and adds it with one call:
//
//   charts.add(ws, { col: 0, row: 40, toCol: 6, toRow: 55 }, {
//     kind: 'column', title: 'ARR at year end', axisFormat: '$#,##0,,"M"',
//     categories: cellRange(ws, 5, 2, 5, 11), series: [{ name: 'ARR', values: numberRange(ws, 6, 2, 6, 11), color: '1F3A5F' }],
//   });
//
// The ranges read the values their cells cache (the core's figures), so the
// chart's caches are the sheet's own; write the cells first. `writeWorkbook`
// hands the collected charts to the package step (chart-parts.ts), which writes
// the parts ExcelJS cannot.
import type * as ExcelJS from 'exceljs';
import { a1, onSheet } from '../names';
import type { ChartAnchor, PlacedChart } from './chart-parts';
import type { ChartDefinition, ChartRange } from './chart-xml';

export type { ChartAnchor, PlacedChart } from './chart-parts';
export type { ChartDefinition, ChartKind, ChartRange, ChartSeries } from './chart-xml';

/** The charts a save adds, in the order they were added. */
export class WorkbookCharts {
  readonly placed: PlacedChart[] = [];
  add(ws: ExcelJS.Worksheet, anchor: ChartAnchor, chart: ChartDefinition): void {
    this.placed.push({ sheet: ws.name, anchor, chart });
  }
}

/** A cell's cached value: a formula's result or the value itself (ExcelJS hands a result of 0 back as none). */
export function cachedOf(cell: ExcelJS.Cell): unknown {
  const v = cell.value as unknown;
  if (v !== null && typeof v === 'object' && 'formula' in v) return (v as { result?: unknown }).result ?? 0;
  return v;
}

/** The rectangle from (r1, c1) to (r2, c2), 1-based, as a chart refers to it, read row by row. */
function range<T extends number | string>(ws: ExcelJS.Worksheet, r1: number, c1: number, r2: number, c2: number, pick: (v: unknown) => T | null): ChartRange<T> {
  const cache: (T | null)[] = [];
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) cache.push(pick(cachedOf(ws.getCell(r, c))));
  return { ref: onSheet(ws.name, `${a1(c1, r1, true)}:${a1(c2, r2, true)}`), cache };
}

/** Numbers (text such as "—" and blanks are gaps). */
export const numberRange = (ws: ExcelJS.Worksheet, r1: number, c1: number, r2: number, c2: number): ChartRange<number> =>
  range(ws, r1, c1, r2, c2, (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null));

/** Category labels: each cell's text (a number as its digits). */
export const cellRange = (ws: ExcelJS.Worksheet, r1: number, c1: number, r2: number, c2: number): ChartRange<string> =>
  range(ws, r1, c1, r2, c2, (v) => (v === null || v === undefined ? null : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null));
