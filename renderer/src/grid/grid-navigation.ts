// Keyboard movement across a sheet's tables (issue 4, issue 11 §9). Tab and
// Shift+Tab walk the sheet in reading order, as a workbook's unlocked cells:
// every input of every table (computed cells and labels skipped) and, between
// tables, the sheet's own buttons (+ Add lane…), so each is reachable; past the
// last stop Tab leaves the sheet for what follows it (the sheet tabs). Arrow
// keys at a table's edge continue in the next table. Escape from anywhere
// outside a table brings focus back to the last cell used on the sheet.
import type { GridApi } from 'ag-grid-community';
import type { GridRow } from './grid-types';

export interface NavGrid {
  el: HTMLElement;
  api: GridApi<GridRow>;
  /** clears this grid's range selection (another grid took it) */
  clearSelection?: () => void;
}

const grids = new Set<NavGrid>();
let lastCell: { grid: NavGrid; rowIndex: number; colId: string } | null = null;

export function registerNavGrid(g: NavGrid): () => void {
  grids.add(g);
  return () => {
    grids.delete(g);
    if (lastCell?.grid === g) lastCell = null;
  };
}

/** A grid took focus or a selection: the others drop theirs, as a sheet has one selection. */
export function claimSelection(owner: NavGrid, rowIndex: number, colId: string): void {
  lastCell = { grid: owner, rowIndex, colId };
  for (const g of grids) if (g !== owner) g.clearSelection?.();
}

function ordered(): NavGrid[] {
  return [...grids]
    .filter((g) => g.el.isConnected && !g.api.isDestroyed())
    .sort((a, b) => (a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

type Stop = { kind: 'cell'; grid: NavGrid; rowIndex: number; colId: string } | { kind: 'element'; el: HTMLElement };

function inputs(grid: NavGrid): Stop[] {
  const cols = grid.api.getAllDisplayedColumns();
  const out: Stop[] = [];
  const n = grid.api.getDisplayedRowCount();
  for (let r = 0; r < n; r++) {
    const data = grid.api.getDisplayedRowAtIndex(r)?.data;
    cols.forEach((col) => {
      if (data?.cells[col.getColId()]?.type === 'input') out.push({ kind: 'cell', grid, rowIndex: r, colId: col.getColId() });
    });
  }
  return out;
}

const TABBABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

const visible = (el: HTMLElement) => el.offsetParent !== null || el.getClientRects().length > 0;

/** Elements Tab reaches outside any table, in document order. */
function tabbables(root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => !el.closest('.sheet-grid') && !el.closest('dialog:not([open])') && visible(el));
}

/** The sheet's stops in reading order: tables' inputs, and the buttons between them. */
function stops(panel: HTMLElement | null): Stop[] {
  const list = ordered();
  const elements = panel ? tabbables(panel) : [];
  const out: Stop[] = [];
  let e = 0;
  for (const grid of list) {
    while (e < elements.length && elements[e]!.compareDocumentPosition(grid.el) & Node.DOCUMENT_POSITION_FOLLOWING) out.push({ kind: 'element', el: elements[e++]! });
    out.push(...inputs(grid));
  }
  while (e < elements.length) out.push({ kind: 'element', el: elements[e++]! });
  return out;
}

const panelOf = (el: HTMLElement): HTMLElement | null => el.closest<HTMLElement>('.sheet-panel');

function go(stop: Stop) {
  if (stop.kind === 'cell') focusCell(stop.grid, stop.rowIndex, stop.colId);
  else stop.el.focus();
}

/** Leave the sheet: the first tabbable after it (forwards) or before it (backwards). */
function leaveSheet(panel: HTMLElement | null, backwards: boolean): void {
  const all = tabbables();
  const anchor = panel ?? ordered()[0]?.el;
  if (!anchor) return;
  const outside = all.filter((el) => !anchor.contains(el));
  const target = backwards
    ? [...outside].reverse().find((el) => el.compareDocumentPosition(anchor) & Node.DOCUMENT_POSITION_FOLLOWING)
    : outside.find((el) => anchor.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  target?.focus();
}

/** Move focus to the next (or previous) stop after the given cell; past either end, focus leaves the sheet. */
export function tabFrom(from: NavGrid, rowIndex: number, colId: string, backwards: boolean): void {
  const panel = panelOf(from.el);
  const all = stops(panel);
  const col = (g: NavGrid, id: string) => g.api.getAllDisplayedColumns().findIndex((c) => c.getColId() === id);
  const list = ordered();
  const here = [list.indexOf(from), rowIndex, col(from, colId)];
  // Position of each stop relative to the current cell: elements sit between tables.
  const before = (s: Stop): boolean => {
    if (s.kind === 'element') return !!(s.el.compareDocumentPosition(from.el) & Node.DOCUMENT_POSITION_FOLLOWING);
    const o = [list.indexOf(s.grid), s.rowIndex, col(s.grid, s.colId)];
    return o[0]! - here[0]! < 0 || (o[0] === here[0] && (o[1]! - here[1]! < 0 || (o[1] === here[1] && o[2]! < here[2]!)));
  };
  const same = (s: Stop) => s.kind === 'cell' && s.grid === from && s.rowIndex === rowIndex && s.colId === colId;
  const target = backwards ? [...all].reverse().find((s) => before(s) && !same(s)) : all.find((s) => !before(s) && !same(s));
  if (target) go(target);
  else leaveSheet(panel, backwards);
}

/** Tabbing into a table from outside: its first input (or last, from below). */
export function enterGrid(grid: NavGrid, fromBottom: boolean): boolean {
  const list = inputs(grid);
  const stop = fromBottom ? list[list.length - 1] : list[0];
  if (!stop) return false;
  go(stop);
  return true;
}

/** An arrow key at a table's edge: the next table down (or back up), same column as near as it has. */
export function arrowOut(from: NavGrid, colId: string, direction: 1 | -1): boolean {
  const list = ordered();
  const next = list[list.indexOf(from) + direction];
  if (!next) return false;
  const fromCols = from.api.getAllDisplayedColumns();
  const cols = next.api.getAllDisplayedColumns();
  const at = Math.min(fromCols.findIndex((c) => c.getColId() === colId), cols.length - 1);
  const target = cols[Math.max(0, at)];
  const rows = next.api.getDisplayedRowCount();
  if (!target || rows === 0) return false;
  focusCell(next, direction === 1 ? 0 : rows - 1, target.getColId());
  return true;
}

export function focusCell(grid: NavGrid, rowIndex: number, colId: string): void {
  grid.api.ensureIndexVisible(rowIndex);
  grid.api.ensureColumnVisible(colId);
  grid.el.scrollIntoView({ block: 'nearest' });
  grid.api.setFocusedCell(rowIndex, colId);
}

/** Focus the first input of the sheet (Ctrl+Home in a workbook). */
export function focusFirstInput(): boolean {
  const first = ordered().flatMap(inputs)[0];
  if (first) go(first);
  return !!first;
}

/** Escape outside a table, or a sheet change: back to the last cell used on the sheet, else its first input or cell. */
export function focusSheet(): boolean {
  if (lastCell && lastCell.grid.el.isConnected && !lastCell.grid.api.isDestroyed()) {
    focusCell(lastCell.grid, lastCell.rowIndex, lastCell.colId);
    return true;
  }
  if (focusFirstInput()) return true;
  const first = ordered()[0];
  const col = first?.api.getAllDisplayedColumns()[0];
  if (first && col && first.api.getDisplayedRowCount() > 0) { focusCell(first, 0, col.getColId()); return true; }
  return false;
}

/** Focus the input with this key once its table shows it (a new lane's name). */
let pendingFocus: string | null = null;
export function focusInputWhenShown(key: string): void {
  pendingFocus = key;
  requestAnimationFrame(() => tryPendingFocus());
}
export function tryPendingFocus(): void {
  if (!pendingFocus) return;
  for (const g of ordered()) {
    for (const s of inputs(g)) {
      if (s.kind !== 'cell') continue;
      const cell = g.api.getDisplayedRowAtIndex(s.rowIndex)?.data?.cells[s.colId];
      if (cell?.type === 'input' && cell.key === pendingFocus) {
        pendingFocus = null;
        go(s);
        return;
      }
    }
  }
}
