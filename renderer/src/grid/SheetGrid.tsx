// One table of a sheet, on AG Grid Community, behaving like a spreadsheet:
// typing starts an edit, F2 edits in place, Escape cancels, Enter commits and
// moves down, Tab/Shift+Tab walk the sheet's inputs, arrows move. Paste and copy
// are built here on the grid API (Community has no clipboard module).
import { useEffect, useMemo, useRef, type ClipboardEvent } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellClassParams, ColDef, GridReadyEvent, SuppressKeyboardEventParams, ValueGetterParams, ValueSetterParams } from 'ag-grid-community';
import { editText } from '../format/format';
import { formatFigure } from '../../../shared/index';
import { mapBlock, parseTsv, toTsv } from '../editing/paste-block';
import { documentStore } from '../store/document-store';
import { readInput, specFor } from '../store/input-specs';
import { CellView } from './CellView';
import { registerNavGrid, tabFrom, type NavGrid } from './grid-navigation';
import { gridTheme } from './grid-theme';
import type { GridCell, GridColumn, GridRow } from './grid-types';

const cellOf = (row: GridRow | undefined, colId: string): GridCell | undefined => row?.cells[colId];

/** The text a cell gives to the editor (F2) and to Copy. */
function cellText(cell: GridCell | undefined): string {
  if (!cell) return '';
  const s = documentStore.getState();
  switch (cell.type) {
    case 'input': {
      const pending = s.invalid[cell.key];
      if (pending) return pending.text;
      return editText(specFor(s.inputs, cell.key)?.kind ?? 'text', readInput(s.inputs, cell.key));
    }
    case 'value': return typeof cell.value === 'number' ? String(cell.value) : formatFigure(cell.value, cell.format, s.inputs.general.currency);
    case 'label': return cell.text;
    case 'note': return s.invalid[cell.key]?.message ?? cell.text ?? '';
    case 'button': return '';
    case 'select': return cell.value(s.inputs);
  }
}

function cellClass(p: CellClassParams<GridRow>): string[] {
  const cell = cellOf(p.data, p.colDef.colId ?? '');
  const classes = [`cell-${cell?.type ?? 'empty'}`];
  if (cell?.type === 'value' || (cell?.type === 'input' && specFor(documentStore.getState().inputs, cell.key)?.kind !== 'text' && specFor(documentStore.getState().inputs, cell.key)?.kind !== 'enum')) classes.push('cell-number');
  return classes;
}

export interface SheetGridProps {
  /** accessible name of the table */
  label: string;
  columns: GridColumn[];
  rows: GridRow[];
  /** fixed height for long tables; omitted, the grid grows to fit its rows */
  height?: number;
  /** as wide as its columns (fixed-width columns only), not the whole section */
  fit?: boolean;
  /**
   * A table that grows when a block is pasted past its last row (the existing
   * customers): the input under column `colId` of the `n`-th row past the end, or null.
   */
  keyPastEnd?: (n: number, colId: string) => string | null;
}

export function SheetGrid({ label, columns, rows, height, fit, keyPastEnd }: SheetGridProps) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const navRef = useRef<NavGrid | null>(null);
  const unregister = useRef<(() => void) | null>(null);
  useEffect(() => () => unregister.current?.(), []);

  const columnKey = JSON.stringify(columns);
  const columnDefs = useMemo<ColDef<GridRow>[]>(() => columns.map((c) => ({
    colId: c.id,
    headerName: c.header,
    headerTooltip: c.headerTooltip,
    width: c.width,
    minWidth: c.minWidth ?? 60,
    flex: c.flex,
    pinned: c.pinned,
    headerClass: c.align === 'right' ? 'header-right' : undefined,
    editable: (p) => cellOf(p.data, c.id)?.type === 'input',
    valueGetter: (p: ValueGetterParams<GridRow>) => {
      const cell = cellOf(p.data, c.id);
      // AG Grid repaints a cell only when this value changes: a button that
      // appears, goes or is relabelled (a renamed lane) must change it too.
      return cell?.type === 'button' ? `button:${cell.ariaLabel}:${cell.disabled ? 'off' : 'on'}` : cell?.type === 'select' ? `select:${cell.ariaLabel}` : cellText(cell);
    },
    valueSetter: (p: ValueSetterParams<GridRow>) => {
      const cell = cellOf(p.data, c.id);
      if (cell?.type === 'input') documentStore.getState().enter(cell.key, p.newValue === null || p.newValue === undefined ? '' : String(p.newValue));
      return false; // the store repaints the cell
    },
    cellRenderer: CellView,
    cellClass,
    suppressKeyboardEvent: (p: SuppressKeyboardEventParams<GridRow>) => {
      if (p.event.key !== 'Tab' || p.event.type !== 'keydown' || !navRef.current) return false;
      p.event.preventDefault();
      const { node, column } = p;
      if (p.editing) p.api.stopEditing();
      tabFrom(navRef.current, node.rowIndex ?? 0, column.getColId(), p.event.shiftKey);
      return true;
    },
  })), [columnKey]);

  const onGridReady = (e: GridReadyEvent<GridRow>) => {
    if (!wrapRef.current) return;
    navRef.current = { el: wrapRef.current, api: e.api };
    unregister.current = registerNavGrid(navRef.current);
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    const api = navRef.current?.api;
    if (!api || api.getEditingCells().length > 0) return; // a cell editor pastes into itself
    const focused = api.getFocusedCell();
    const text = e.clipboardData.getData('text/plain');
    if (!focused || !text) return;
    e.preventDefault();
    const cols = api.getAllDisplayedColumns();
    const anchor = { row: focused.rowIndex, col: cols.indexOf(focused.column) };
    const rowCount = api.getDisplayedRowCount();
    const entries = mapBlock(parseTsv(text), anchor, (r, c) => {
      const col = cols[c];
      if (col && r >= rowCount) return keyPastEnd?.(r - rowCount, col.getColId()) ?? null;
      const cell = col ? cellOf(api.getDisplayedRowAtIndex(r)?.data, col.getColId()) : undefined;
      return cell?.type === 'input' ? cell.key : null;
    });
    if (entries.length > 0) documentStore.getState().enterMany(entries);
  };

  const onCopy = (e: ClipboardEvent<HTMLDivElement>) => {
    const api = navRef.current?.api;
    if (!api || api.getEditingCells().length > 0) return;
    const focused = api.getFocusedCell();
    if (!focused) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', toTsv([[cellText(cellOf(api.getDisplayedRowAtIndex(focused.rowIndex)?.data, focused.column.getColId()))]]));
  };

  return (
    <div ref={wrapRef} className="sheet-grid" role="group" aria-label={label} style={{ ...(height ? { height } : {}), ...(fit ? { width: columns.reduce((w, c) => w + (c.width ?? c.minWidth ?? 100), height ? 18 : 2) /* room for the vertical scrollbar */, maxWidth: '100%' } : {}) }} onPaste={onPaste} onCopy={onCopy}>
      <AgGridReact<GridRow>
        theme={gridTheme}
        rowData={rows}
        columnDefs={columnDefs}
        getRowId={(p) => p.data.id}
        getRowClass={(p) => (p.data?.style ? `row-${p.data.style}` : undefined)}
        domLayout={height ? 'normal' : 'autoHeight'}
        defaultColDef={{ sortable: false, resizable: true, suppressHeaderMenuButton: true, suppressMovable: true, wrapHeaderText: true, autoHeaderHeight: true }}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        suppressDragLeaveHidesColumns
        onGridReady={onGridReady}
      />
    </div>
  );
}
