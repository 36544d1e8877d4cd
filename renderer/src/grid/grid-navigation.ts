// Tab and Shift+Tab walk every input of a sheet in reading order, across its
// grids, as in a workbook's unlocked cells: computed cells and labels are
// skipped and the last input of one table leads to the first of the next.
import type { GridApi } from 'ag-grid-community';
import type { GridRow } from './grid-types';

export interface NavGrid {
  el: HTMLElement;
  api: GridApi<GridRow>;
}

const grids = new Set<NavGrid>();

export function registerNavGrid(g: NavGrid): () => void {
  grids.add(g);
  return () => { grids.delete(g); };
}

function ordered(): NavGrid[] {
  return [...grids]
    .filter((g) => g.el.isConnected && !g.api.isDestroyed())
    .sort((a, b) => (a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

interface Pos { grid: NavGrid; rowIndex: number; colId: string; order: [number, number, number] }

function inputs(grid: NavGrid, gi: number): Pos[] {
  const cols = grid.api.getAllDisplayedColumns();
  const out: Pos[] = [];
  const n = grid.api.getDisplayedRowCount();
  for (let r = 0; r < n; r++) {
    const data = grid.api.getDisplayedRowAtIndex(r)?.data;
    cols.forEach((col, c) => {
      if (data?.cells[col.getColId()]?.type === 'input') out.push({ grid, rowIndex: r, colId: col.getColId(), order: [gi, r, c] });
    });
  }
  return out;
}

const cmp = (a: [number, number, number], b: [number, number, number]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Move focus to the next (or previous) input after the given cell; stays put at either end. */
export function tabFrom(from: NavGrid, rowIndex: number, colId: string, backwards: boolean): void {
  const list = ordered();
  const gi = list.indexOf(from);
  if (gi < 0) return;
  const col = from.api.getAllDisplayedColumns().findIndex((c) => c.getColId() === colId);
  const here: [number, number, number] = [gi, rowIndex, col];
  const all = list.flatMap(inputs);
  const target = backwards
    ? [...all].reverse().find((p) => cmp(p.order, here) < 0)
    : all.find((p) => cmp(p.order, here) > 0);
  if (!target) return;
  focusCell(target.grid, target.rowIndex, target.colId);
}

export function focusCell(grid: NavGrid, rowIndex: number, colId: string): void {
  grid.api.ensureIndexVisible(rowIndex);
  grid.api.ensureColumnVisible(colId);
  grid.el.scrollIntoView({ block: 'nearest' });
  grid.api.setFocusedCell(rowIndex, colId);
}

/** Focus the first input of the sheet (Ctrl+Home in a workbook). */
export function focusFirstInput(): void {
  const list = ordered();
  const first = list.flatMap(inputs)[0];
  if (first) focusCell(first.grid, first.rowIndex, first.colId);
}
