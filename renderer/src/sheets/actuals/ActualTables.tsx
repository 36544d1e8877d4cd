// The monthly actual bridge as a read-only table (the same SheetGrid the ARR
// Bridge sheet uses): months across, flows down, outflows negative so each
// column adds up as printed; trailing-12 retention under it.
import { useMemo } from 'react';
import type { FigureFormat } from '@shared/index';
import type { ActualsSheet } from '@shared/workbook/index';
import { SheetGrid } from '../../grid/SheetGrid';
import type { GridCell, GridColumn, GridRow } from '../../grid/grid-types';

interface Line { id: string; label: string; value: (a: ActualsSheet, t: number) => number | null; format?: FigureFormat; style?: GridRow['style'] }

const neg = (x: number) => (x === 0 ? 0 : -x);
const LINES: Line[] = [
  { id: 'opening', label: 'Opening ARR', value: (a, t) => a.opening[t]! },
  { id: 'new', label: '+ New', value: (a, t) => a.new[t]! },
  { id: 'reactivation', label: '+ Reactivation', value: (a, t) => a.reactivation[t]! },
  { id: 'expansion', label: '+ Expansion', value: (a, t) => a.expansion[t]! },
  { id: 'contraction', label: '− Contraction', value: (a, t) => neg(a.contraction[t]!) },
  { id: 'churn', label: '− Churn', value: (a, t) => neg(a.churn[t]!) },
  { id: 'closing', label: 'Closing ARR', value: (a, t) => a.closing[t]!, style: 'total' },
  { id: 'customers', label: 'Customers (ARR > 0)', value: (a, t) => a.customers[t]!, format: 'count', style: 'subtle' },
  { id: 'nrr12', label: 'NRR, trailing 12 months', value: (a, t) => a.nrr12[t] ?? null, format: 'percent' },
  { id: 'grr12', label: 'GRR, trailing 12 months', value: (a, t) => a.grr12[t] ?? null, format: 'percent' },
  { id: 'logoRetention12', label: 'Logo retention, trailing 12 months', value: (a, t) => a.logoRetention12[t] ?? null, format: 'percent' },
];

const ROWS_PER_BATCH = 4;
/** The table's rows come in this many batches, one per task (see ActualBridgeTable). */
export const BRIDGE_ROW_BATCHES = Math.ceil(LINES.length / ROWS_PER_BATCH);
export const BRIDGE_TABLE_HEIGHT = LINES.length * 25 + 52;

/**
 * `rowBatches`: how many batches of rows to show. The sheet makes the grid
 * empty first, then gives it its rows a few per task: AG Grid builds a row's
 * cells at ~0.5–1 ms each, too much for one task with the rest of the sheet.
 */
export function ActualBridgeTable({ sheet, rowBatches = BRIDGE_ROW_BATCHES }: { sheet: ActualsSheet; rowBatches?: number }) {
  const columns = useMemo<GridColumn[]>(() => [
    { id: 'label', header: 'Actual ARR bridge', width: 250, pinned: 'left' },
    ...sheet.months.map((m): GridColumn => ({ id: m, header: m, width: 108, align: 'right' })),
  ], [sheet]);
  const rows = useMemo<GridRow[]>(() => LINES.map((line) => {
    const cells: Record<string, GridCell> = { label: { type: 'label', text: line.label } };
    sheet.months.forEach((m, t) => { cells[m] = { type: 'value', value: line.value(sheet, t), format: line.format ?? 'accounting', figureKey: `actuals.${m}.${line.id}`, label: `${line.label}, ${m}` }; });
    return { id: line.id, cells, style: line.style };
  }), [sheet]);
  const shown = useMemo(() => rows.slice(0, rowBatches * ROWS_PER_BATCH), [rows, rowBatches]);
  return <SheetGrid label="Monthly actual ARR bridge" columns={columns} rows={shown} height={BRIDGE_TABLE_HEIGHT} oneLineHeaders />;
}
