// One table of a sheet, on AG Grid Community, behaving like a spreadsheet:
// typing starts an edit, F2 edits in place, Escape cancels, Enter commits and
// moves down, Tab/Shift+Tab walk the sheet, arrows move (and continue into the
// next table at an edge). Range selection, copy, paste and fill are built here
// on the grid API, once for every sheet (Community has none of them): see
// range-selection.ts.
import { useEffect, useMemo, useRef, type ClipboardEvent } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { CellClassParams, CellFocusedEvent, CellMouseOverEvent, ColDef, FocusGridInnerElementParams, GetRowIdParams, GridReadyEvent, RowClassParams, SuppressKeyboardEventParams, ValueGetterParams, ValueSetterParams } from 'ag-grid-community';
import { documentStore } from '../store/document-store';
import { specFor } from '@shared/document/index';
import { CellView } from './CellView';
import { arrowOut, claimSelection, enterGrid, registerNavGrid, tabFrom, tryPendingFocus, type NavGrid } from './grid-navigation';
import { gridTheme } from './grid-theme';
import type { GridCell, GridColumn, GridRow } from './grid-types';
import { RangeSelection, cellText, type GrowRows } from './range-selection';
import { parseTsv } from '../editing/paste-block';

const cellOf = (row: GridRow | undefined, colId: string): GridCell | undefined => row?.cells[colId];

function cellClass(p: CellClassParams<GridRow>): string[] {
  const cell = cellOf(p.data, p.colDef.colId ?? '');
  const classes = [`cell-${cell?.type ?? 'empty'}`];
  const kind = cell?.type === 'input' ? specFor(documentStore.getState().inputs, cell.key)?.kind : undefined;
  if (cell?.type === 'value' || (cell?.type === 'input' && kind !== 'text' && kind !== 'enum')) classes.push('cell-number');
  return classes;
}

// Grid options are module constants or stable callbacks: AG Grid's React wrapper
// treats a new object or function as a changed option, and a new defaultColDef
// rebuilds every column of every table on each store update (~8% of an edit's
// main-thread time when they were inline literals).
const DEFAULT_COL_DEF: ColDef<GridRow> = { sortable: false, resizable: true, suppressHeaderMenuButton: true, suppressMovable: true, wrapHeaderText: true, autoHeaderHeight: true };
const rowId = (p: GetRowIdParams<GridRow>) => p.data.id;
const rowClass = (p: RowClassParams<GridRow>) => (p.data?.style ? `row-${p.data.style}` : undefined);

const ARROWS: Record<string, [number, number]> = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowRight: [0, 1], ArrowLeft: [0, -1] };

export interface SheetGridProps {
  /** accessible name of the table */
  label: string;
  columns: GridColumn[];
  rows: GridRow[];
  /** fixed height for long tables; omitted, the grid grows to fit its rows */
  height?: number;
  /** as wide as its columns (fixed-width columns only), not the whole section */
  fit?: boolean;
  /** rows a paste may add (lanes, years, funnel stages): offered when a block overflows the table */
  grow?: GrowRows;
  /**
   * A table that grows when a block is pasted past its last row (the existing
   * customers): the input under column `colId` of the `n`-th row past the end, or null.
   */
  keyPastEnd?: (n: number, colId: string) => string | null;
  /**
   * Every header fits on one line (months, short names): no wrapping, so the
   * grid need not measure each header (a forced layout per header cell).
   */
  oneLineHeaders?: boolean;
  /** a pasted block the table takes whole (a segment table): true when it did, else the block is pasted cell by cell */
  pasteBlock?: (block: string[][]) => boolean;
}

export function SheetGrid({ label, columns, rows, height, fit, grow, keyPastEnd, oneLineHeaders, pasteBlock }: SheetGridProps) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const navRef = useRef<NavGrid | null>(null);
  const rangeRef = useRef<RangeSelection | null>(null);
  const growRef = useRef(grow);
  growRef.current = grow;
  const pasteRef = useRef(pasteBlock);
  pasteRef.current = pasteBlock;
  const pastEndRef = useRef(keyPastEnd);
  pastEndRef.current = keyPastEnd;
  const unregister = useRef<(() => void) | null>(null);
  useEffect(() => () => { unregister.current?.(); rangeRef.current?.dispose(); }, []);

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
    ...(c.wrap ? { wrapText: true, autoHeight: true } : {}),
    ...(oneLineHeaders ? { wrapHeaderText: false, autoHeaderHeight: false } : {}),
    editable: (p) => cellOf(p.data, c.id)?.type === 'input',
    valueGetter: (p: ValueGetterParams<GridRow>) => {
      const cell = cellOf(p.data, c.id);
      // AG Grid repaints a cell only when this value changes: a button that
      // appears, goes or is relabelled (a renamed lane) must change it too.
      return cell?.type === 'button' ? `button:${cell.ariaLabel}:${cell.disabled ? 'off' : 'on'}` : cell?.type === 'select' ? `select:${cell.ariaLabel}` : cellText(cell, false);
    },
    valueSetter: (p: ValueSetterParams<GridRow>) => {
      const cell = cellOf(p.data, c.id);
      if (cell?.type === 'input') documentStore.getState().enter(cell.key, p.newValue === null || p.newValue === undefined ? '' : String(p.newValue));
      return false; // the store repaints the cell
    },
    cellRenderer: CellView,
    cellClass,
    suppressKeyboardEvent: (p: SuppressKeyboardEventParams<GridRow>) => {
      const e = p.event;
      const nav = navRef.current;
      const range = rangeRef.current;
      if (e.type !== 'keydown' || !nav || !range) return false;
      const row = p.node.rowIndex ?? 0;
      const colId = p.column.getColId();
      if (e.key === 'Tab') {
        e.preventDefault();
        if (p.editing) p.api.stopEditing();
        tabFrom(nav, row, colId, e.shiftKey);
        return true;
      }
      if (p.editing) return false;
      const mod = e.ctrlKey || e.metaKey;
      const arrow = ARROWS[e.key];
      if (arrow && e.shiftKey && !mod) { e.preventDefault(); range.extendBy(arrow[0], arrow[1]); return true; }
      if (arrow && !mod && !e.shiftKey && arrow[0] !== 0) {
        // Up/Down past a table's edge continue in the table above / below.
        const last = p.api.getDisplayedRowCount() - 1;
        const atEdge = (arrow[0] === 1 && row === last) || (arrow[0] === -1 && row === 0);
        if (atEdge && arrowOut(nav, colId, arrow[0] as 1 | -1)) { e.preventDefault(); return true; }
        return false;
      }
      if (e.key === 'Delete' && !mod) { e.preventDefault(); range.restoreDefaults(); return true; }
      if (mod && !e.altKey && (e.key === 'd' || e.key === 'D')) { e.preventDefault(); range.fill('down'); return true; }
      if (mod && !e.altKey && (e.key === 'r' || e.key === 'R')) { e.preventDefault(); range.fill('right'); return true; }
      if ((e.key === 'Enter' || e.key === ' ') && !mod) {
        const cell = cellOf(p.data, colId);
        if (cell?.type === 'button') { e.preventDefault(); if (!cell.disabled) cell.onClick(); return true; }
      }
      return false;
    },
  })), [columnKey, oneLineHeaders]);

  // The grid's callbacks read refs, so one set serves every render (see DEFAULT_COL_DEF).
  const labelRef = useRef(label);
  labelRef.current = label;
  const handlers = useMemo(() => ({
    onGridReady: (e: GridReadyEvent<GridRow>) => {
      if (!wrapRef.current) return;
      const range = new RangeSelection(wrapRef.current, e.api, () => growRef.current, labelRef.current, () => pastEndRef.current);
      rangeRef.current = range;
      range.attach();
      navRef.current = { el: wrapRef.current, api: e.api, clearSelection: () => range.clear() };
      range.onClaim = (row, colId) => claimSelection(navRef.current!, row, colId);
      unregister.current = registerNavGrid(navRef.current);
      tryPendingFocus();
    },
    focusGridInnerElement: (p: FocusGridInnerElementParams<GridRow>) => (navRef.current ? enterGrid(navRef.current, p.fromBottom) : false),
    onCellMouseOver: (ev: CellMouseOverEvent<GridRow>) => rangeRef.current?.mouseOver(ev.rowIndex ?? 0, ev.column.getColId()),
    onCellFocused: (ev: CellFocusedEvent<GridRow>) => { if (typeof ev.rowIndex === 'number' && ev.column && typeof ev.column !== 'string') rangeRef.current?.focused(ev.rowIndex, ev.column.getColId()); },
    onRowDataUpdated: () => { rangeRef.current?.rowsChanged(); tryPendingFocus(); },
    repaint: () => rangeRef.current?.paint(),
  }), []);

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    const api = navRef.current?.api;
    if (!api || api.getEditingCells().length > 0) return; // a cell editor pastes into itself
    const text = e.clipboardData.getData('text/plain');
    if (!text || !api.getFocusedCell()) return;
    e.preventDefault();
    if (pasteRef.current?.(parseTsv(text))) return;
    rangeRef.current?.paste(text);
  };

  const onCopy = (e: ClipboardEvent<HTMLDivElement>) => {
    const api = navRef.current?.api;
    if (!api || api.getEditingCells().length > 0) return;
    const tsv = rangeRef.current?.copyText();
    if (tsv === undefined || tsv === null) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', tsv);
  };

  return (
    <div ref={wrapRef} className="sheet-grid" role="group" aria-label={label} style={{ ...(height ? { height, contain: 'size layout' } : {}), ...(fit ? { width: columns.reduce((w, c) => w + (c.width ?? c.minWidth ?? 100), height ? 18 : 2) /* room for the vertical scrollbar */, maxWidth: '100%' } : {}) }} onPaste={onPaste} onCopy={onCopy}>
      <AgGridReact<GridRow>
        theme={gridTheme}
        rowData={rows}
        columnDefs={columnDefs}
        getRowId={rowId}
        getRowClass={rowClass}
        domLayout={height ? 'normal' : 'autoHeight'}
        defaultColDef={DEFAULT_COL_DEF}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        suppressDragLeaveHidesColumns
        onGridReady={handlers.onGridReady}
        focusGridInnerElement={handlers.focusGridInnerElement}
        onCellMouseOver={handlers.onCellMouseOver}
        onCellFocused={handlers.onCellFocused}
        onRowDataUpdated={handlers.onRowDataUpdated}
        onModelUpdated={handlers.repaint}
        onBodyScroll={handlers.repaint}
        onVirtualColumnsChanged={handlers.repaint}
      />
    </div>
  );
}
