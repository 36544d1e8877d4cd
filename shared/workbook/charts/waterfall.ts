// A waterfall as Excel and LibreOffice can both draw it (Excel 2016's own
// waterfall is a `cx:chart`, which LibreOffice and Excel 2010 do not read): a
// stacked column chart over a working table of live formulas. Each step's
// amount refers to the figure it shows; an invisible base lifts each increase
// or decrease to where the running total stands.
import type * as ExcelJS from 'exceljs';
import { a1 } from '../names';
import { putFormula, putValue } from '../cells';
import { headers } from '../styles';
import { cellRange, numberRange } from './index';
import type { ChartDefinition } from './chart-xml';

export interface WaterfallStep {
  label: string;
  /** the formula of the step's amount (a total: the level itself) */
  formula: string;
  /** the amount the formula's cell caches */
  value: number;
  kind: 'total' | 'up' | 'down';
}

export const WATERFALL_COLORS = { total: '1F3A5F', up: '17877B', down: 'B83A2E' } as const;

/** Columns of the working table, after its step labels. */
const COLS = ['Amount', 'Base (not drawn)', 'Total', 'Increase', 'Decrease'] as const;

/** Rows the table takes: its header and one per step. */
export const waterfallRows = (steps: readonly WaterfallStep[]): number => steps.length + 1;

/**
 * Writes the working table with its header at (row, col), 1-based, and returns the
 * chart over it. `format`: the cells' and labels' Excel format (its first section);
 * a step's zero in the columns it does not use is hidden.
 */
export function waterfallChart(ws: ExcelJS.Worksheet, row: number, col: number, title: string, steps: readonly WaterfallStep[], format: string): ChartDefinition {
  const body = format.split(';')[0]!;
  const shown = `${body};(${body});`;
  headers(ws, row, col, ['Step', ...COLS]);
  const [amount, base, total, up, down] = [1, 2, 3, 4, 5].map((k) => col + k) as [number, number, number, number, number];
  let running = 0;
  steps.forEach((s, i) => {
    const r = row + 1 + i;
    putValue(ws, r, col, s.label);
    putFormula(ws, r, amount, s.formula, s.value, shown);
    const prev = i === 0 ? '0' : `${a1(base, r - 1)}+${a1(total, r - 1)}+${a1(up, r - 1)}`;
    const A = a1(amount, r);
    const put = (c: number, on: boolean, formula: string, v: number) => (on ? putFormula(ws, r, c, formula, v, shown) : putValue(ws, r, c, 0, shown));
    put(base, s.kind !== 'total', s.kind === 'down' ? `${prev}-${A}` : prev, s.kind === 'down' ? running - s.value : running);
    put(total, s.kind === 'total', A, s.value);
    put(up, s.kind === 'up', A, s.value);
    put(down, s.kind === 'down', A, s.value);
    running = s.kind === 'total' ? s.value : s.kind === 'up' ? running + s.value : running - s.value;
  });
  const last = row + steps.length;
  // labels sit inside the stacked bars: white on the fill
  const series = (name: string, c: number, color: string | null, labels: boolean) => ({ name, values: numberRange(ws, row + 1, c, last, c), color, ...(labels ? { labels: shown, labelColor: 'FFFFFF' } : {}) });
  return {
    kind: 'column', stacked: true, title, axisFormat: body,
    categories: cellRange(ws, row + 1, col, last, col),
    series: [
      series('Base', base, null, false),
      series('Total', total, WATERFALL_COLORS.total, true),
      series('Increase', up, WATERFALL_COLORS.up, true),
      series('Decrease', down, WATERFALL_COLORS.down, true),
    ],
  };
}
