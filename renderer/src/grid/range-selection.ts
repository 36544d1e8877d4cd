// Range selection, copy, paste, clear and fill for one SheetGrid (issue 11 §8),
// on AG Grid Community's API, which has none of these: the rectangle lives here
// (anchor and active end), is drawn by classes on the rendered cells like
// Excel's (tint and a border around it), and feeds the status bar's Sum /
// Average / Count. Every change goes through the document store as one step.
import type { GridApi } from 'ag-grid-community';
import { count, formatFigure, moneyExact, optionLabel, percent, type FigureFormat } from '@shared/index';
import { editText } from '../format/format';
import { parseTsv, toTsv } from '../editing/paste-block';
import { fillCells, inRect, rectOf, rectSize, selectionStats, tileBlock, type CellPos, type Rect } from '../editing/range';
import { documentStore, type CellEntry } from '../store/document-store';
import { defaultText } from '../store/input-defaults';
import { rangeAt, readInput, specFor } from '@shared/document/index';
import { cellRangeText } from './range-text';
import { viewInputs } from '../store/view-inputs';
import { setSelectionSummary, setStatus, showDialog } from '../store/ui-store';
import type { GridCell, GridRow } from './grid-types';

/** Rows a paste may add to a table (lanes, years, funnel stages). */
export interface GrowRows {
  /** "lane" / "lanes" */
  noun: [string, string];
  /** the table's rows that hold items, from row 0 */
  rows: number;
  max: number;
  add(n: number): void;
}

/** What a cell gives to Copy and to F2: inputs as typed (85%), computed cells as shown. */
export function cellText(cell: GridCell | undefined, forCopy = true): string {
  if (!cell) return '';
  const s = documentStore.getState();
  switch (cell.type) {
    case 'input': {
      const pending = s.invalid[cell.key];
      if (pending) return pending.text;
      const kind = specFor(s.inputs, cell.key)?.kind ?? 'text';
      const range = rangeAt(s.inputs, s.ranges, cell.key);
      if (range) return cellRangeText(kind, range);
      const value = readInput(viewInputs(s), cell.key);
      return kind === 'enum' && typeof value === 'string' ? optionLabel(value) : editText(kind, value);
    }
    case 'value': {
      if (cell.value === null) return '';
      // Money copies whole ($2,970,000, which Excel reads as a number), not the
      // three significant figures the cell shows ($2.97M, which Excel keeps as text).
      const format = forCopy && cell.format === 'money' ? 'moneyExact' : cell.format;
      const shown = formatFigure(cell.value, format, s.inputs.general.currency);
      // A zero flow shows as a dash; Excel should get the number.
      return forCopy && cell.value === 0 && /^[–—-]$/.test(shown) ? '0' : shown;
    }
    case 'label': return cell.text;
    case 'note': return s.invalid[cell.key]?.message ?? cell.text ?? '';
    case 'button': return '';
    case 'select': return cell.value(viewInputs(s));
  }
}

/** The unit a number is in, so Sum / Average never add a rate to money (issue 23.9). */
function unitOf(formatOrKind: string | undefined): string {
  switch (formatOrKind) {
    case 'percent': case 'rate': return 'percent';
    case 'money': case 'moneyExact': case 'accounting': return 'money';
    default: return formatOrKind ?? 'number';
  }
}

/** The number a cell holds, for Sum / Average, how to show it, and its unit. */
function cellNumber(cell: GridCell | undefined): { value: number | string | null; format?: FigureFormat; unit?: string } {
  if (!cell) return { value: null };
  const s = documentStore.getState();
  if (cell.type === 'value') return { value: cell.value, format: cell.format, unit: unitOf(cell.format) };
  if (cell.type === 'input') {
    const v = readInput(viewInputs(s), cell.key);
    const kind = specFor(s.inputs, cell.key)?.kind;
    return { value: typeof v === 'number' || typeof v === 'string' ? v : null, format: kind === 'rate' ? 'percent' : kind === 'money' ? 'money' : kind === 'count' ? 'count' : undefined, unit: unitOf(kind) };
  }
  if (cell.type === 'label') return { value: cell.text || null };
  return { value: null };
}

function showNumber(x: number, format: FigureFormat | undefined, currency: string): string {
  if (format === 'percent') return percent(x);
  if (format === 'money' || format === 'moneyExact' || format === 'accounting') return moneyExact(x, currency);
  if (format === 'count') return count(x);
  return String(Number.parseFloat(x.toPrecision(10)));
}

const EDGE = ['range-selected', 'range-top', 'range-bottom', 'range-left', 'range-right', 'range-anchor'];

export class RangeSelection {
  private anchor: CellPos | null = null;
  private end: CellPos | null = null;
  private dragging = false;
  private keepOnFocus = false;
  private pendingPaste: { block: string[][]; at: CellPos } | null = null;
  private ownsSummary = false;
  onClaim: (row: number, colId: string) => void = () => {};

  constructor(
    private readonly el: HTMLElement,
    private readonly api: GridApi<GridRow>,
    private readonly grow: () => GrowRows | undefined,
    private readonly label: string,
    /** where a row pasted past the end goes, for a table that adds rows as they are typed (existing customers) */
    private readonly keyPastEnd: () => ((n: number, colId: string) => string | null) | undefined = () => undefined,
  ) {}

  private readonly stopDrag = () => { this.dragging = false; };

  attach() { this.el.addEventListener('mousedown', this.mouseDownNative, true); }

  dispose() {
    this.el.removeEventListener('mousedown', this.mouseDownNative, true);
    document.removeEventListener('mouseup', this.stopDrag);
    if (this.ownsSummary) setSelectionSummary(null);
  }

  private cols() { return this.api.getAllDisplayedColumns(); }
  private colIndex(colId: string) { return this.cols().findIndex((c) => c.getColId() === colId); }
  private cellAt(row: number, col: number): GridCell | undefined {
    const c = this.cols()[col];
    return c ? this.api.getDisplayedRowAtIndex(row)?.data?.cells[c.getColId()] : undefined;
  }

  /** The selection, or the focused cell alone. */
  rect(): Rect | null {
    if (this.anchor && this.end) return rectOf(this.anchor, this.end);
    const f = this.api.getFocusedCell();
    if (!f) return null;
    const col = this.cols().indexOf(f.column as never);
    return col < 0 ? null : rectOf({ row: f.rowIndex, col }, { row: f.rowIndex, col });
  }

  /**
   * A native mousedown on the table, seen before AG Grid's own handlers (which
   * move focus, in an order of events we do not rely on): a click sets the
   * anchor, Shift+click the active end, and a drag follows the mouse.
   */
  readonly mouseDownNative = (e: MouseEvent) => {
    if (e.button !== 0) return;
    const cellEl = (e.target as HTMLElement | null)?.closest<HTMLElement>('.ag-cell[col-id]');
    const rowEl = cellEl?.closest('.ag-row[row-index]');
    if (!cellEl || !rowEl) return;
    const pos = { row: Number(rowEl.getAttribute('row-index')), col: this.colIndex(cellEl.getAttribute('col-id') ?? '') };
    if (pos.col < 0) return;
    if (e.shiftKey) {
      if (!this.anchor) { const r = this.rect(); this.anchor = r ? { row: r.top, col: r.left } : pos; }
      this.end = pos;
      e.preventDefault(); // no text selection
    } else {
      this.anchor = pos;
      this.end = pos;
      this.dragging = true;
      document.addEventListener('mouseup', this.stopDrag, { once: true });
    }
    this.keepOnFocus = true;
    this.changed();
  };

  mouseOver(row: number, colId: string) {
    if (!this.dragging || !this.anchor) return;
    const pos = { row, col: this.colIndex(colId) };
    if (this.end && this.end.row === pos.row && this.end.col === pos.col) return;
    this.end = pos;
    this.changed();
  }

  focused(row: number, colId: string) {
    if (this.keepOnFocus || this.dragging) { this.keepOnFocus = false; this.onClaim(row, colId); this.changed(); return; }
    const pos = { row, col: this.colIndex(colId) };
    this.anchor = pos;
    this.end = pos;
    this.onClaim(row, colId);
    this.changed();
  }

  /** Shift+arrow: move the active end, keeping the anchor (the focused cell stays where it is). */
  extendBy(dRow: number, dCol: number) {
    const r = this.rect();
    if (!r) return;
    if (!this.anchor || !this.end) { this.anchor = { row: r.top, col: r.left }; this.end = { ...this.anchor }; }
    const rows = this.api.getDisplayedRowCount();
    const cols = this.cols().length;
    this.end = { row: Math.min(rows - 1, Math.max(0, this.end.row + dRow)), col: Math.min(cols - 1, Math.max(0, this.end.col + dCol)) };
    this.api.ensureIndexVisible(this.end.row);
    this.changed();
  }

  clear() {
    if (!this.anchor) return;
    this.anchor = null;
    this.end = null;
    this.paint();
    if (this.ownsSummary) { this.ownsSummary = false; setSelectionSummary(null); }
  }

  rowsChanged() {
    const rows = this.api.getDisplayedRowCount();
    if (this.anchor && this.end && (this.anchor.row >= rows || this.end.row >= rows)) { this.anchor = null; this.end = null; }
    const pending = this.pendingPaste;
    if (pending) { this.pendingPaste = null; this.apply(pending.block, pending.at); }
    // rows a paste added have arrived: sum the whole block, and draw it once
    // AG Grid has rendered the new rows' cells (after this event)
    this.changed();
    requestAnimationFrame(() => this.paint());
  }

  private changed() {
    this.paint();
    this.summarize();
  }

  /** Draw the rectangle: a tint on each cell, a border on its outer edges (Excel's look). */
  paint() {
    const r = this.anchor && this.end ? rectOf(this.anchor, this.end) : null;
    const multi = r !== null && rectSize(r) > 1;
    const cols = new Map(this.cols().map((c, i) => [c.getColId(), i]));
    this.el.classList.toggle('has-range', multi);
    for (const cellEl of this.el.querySelectorAll<HTMLElement>('.ag-row[row-index] .ag-cell[col-id]')) {
      const row = Number(cellEl.closest('.ag-row')!.getAttribute('row-index'));
      const col = cols.get(cellEl.getAttribute('col-id') ?? '') ?? -1;
      const on = multi && inRect(r, row, col);
      cellEl.classList.remove(...EDGE);
      if (!on) continue;
      cellEl.classList.add('range-selected');
      if (row === r.top) cellEl.classList.add('range-top');
      if (row === r.bottom) cellEl.classList.add('range-bottom');
      if (col === r.left) cellEl.classList.add('range-left');
      if (col === r.right) cellEl.classList.add('range-right');
    }
  }

  private summarize() {
    const r = this.anchor && this.end ? rectOf(this.anchor, this.end) : null;
    if (!r || rectSize(r) < 2) {
      if (this.ownsSummary) { this.ownsSummary = false; setSelectionSummary(null); }
      return;
    }
    const values: (number | string | null)[] = [];
    let format: FigureFormat | undefined;
    const units = new Set<string>();
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const { value, format: f, unit } = cellNumber(this.cellAt(row, col));
        values.push(value);
        if (typeof value === 'number') { if (units.size === 0) format = f; units.add(unit ?? 'number'); }
      }
    }
    const stats = selectionStats(values);
    const currency = documentStore.getState().inputs.general.currency;
    // 30% + $15,000 is no number at all: say so rather than add them.
    const mixed = units.size > 1;
    this.ownsSummary = true;
    setSelectionSummary({
      count: stats.count,
      sum: !stats.numbers ? null : mixed ? 'mixed units' : showNumber(stats.sum, format, currency),
      average: stats.average === null || mixed ? null : showNumber(stats.average, format, currency),
    });
  }

  copyText(): string | null {
    const r = this.rect();
    if (!r) return null;
    const rows: string[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const cells: string[] = [];
      for (let col = r.left; col <= r.right; col++) cells.push(cellText(this.cellAt(row, col)));
      rows.push(cells);
    }
    return toTsv(rows);
  }

  paste(text: string) {
    const r = this.rect();
    if (!r) return;
    const block = tileBlock(parseTsv(text), r);
    if (block.length === 0) return;
    const at = { row: r.top, col: r.left };
    const grow = this.grow();
    const extra = grow ? at.row + block.length - grow.rows : 0;
    if (grow && extra > 0 && at.row < grow.rows + 1) {
      const room = Math.max(0, grow.max - grow.rows);
      const adding = Math.min(extra, room);
      if (adding > 0) {
        const [one, many] = grow.noun;
        const nouns = (n: number) => `${n} ${n === 1 ? one : many}`;
        showDialog({
          title: `Add ${many} for the pasted rows?`,
          intro: `The pasted block has ${nouns(extra)} more than the ${this.label} table holds.`
            + (adding < extra ? ` At most ${grow.max} ${many} fit, so ${extra - adding} row${extra - adding === 1 ? '' : 's'} would still be left out.` : ''),
          lines: [],
          actions: [
            { label: `Add ${nouns(adding)}`, primary: true, run: () => { this.pendingPaste = { block, at }; grow.add(adding); } },
            { label: 'Paste without them', run: () => this.apply(block, at) },
          ],
        });
        return;
      }
    }
    this.apply(block, at);
  }

  private apply(block: string[][], at: CellPos) {
    const rows = this.api.getDisplayedRowCount();
    const cols = this.cols().length;
    const entries: CellEntry[] = [];
    let outside = 0;
    let locked = 0;
    let lastRow = Math.min(rows - 1, at.row + block.length - 1);
    block.forEach((cells, dr) => cells.forEach((text, dc) => {
      const row = at.row + dr;
      const col = at.col + dc;
      const pastEnd = row >= rows && col < cols ? this.keyPastEnd()?.(row - rows, this.cols()[col]!.getColId()) : undefined;
      // a row added by the paste (existing customers) is part of the pasted block
      if (pastEnd) { entries.push({ key: pastEnd, text }); lastRow = Math.max(lastRow, row); return; }
      if (row >= rows || col >= cols) { outside++; return; }
      const cell = this.cellAt(row, col);
      if (cell?.type === 'input') entries.push({ key: cell.key, text });
      else if (text.trim() !== '') locked++;
    }));
    if (entries.length > 0) documentStore.getState().enterMany(entries, 'pasted');
    const parts = [`Pasted ${entries.length} cell${entries.length === 1 ? '' : 's'}`];
    if (outside) parts.push(`${outside} cell${outside === 1 ? '' : 's'} fell outside the ${this.label} table and ${outside === 1 ? 'was' : 'were'} left out`);
    if (locked) parts.push(`${locked} landed on computed cells or labels and ${locked === 1 ? 'was' : 'were'} left out`);
    setStatus(parts.join('; '));
    // Select what was pasted, as Excel does.
    const last = { row: lastRow, col: Math.min(cols - 1, at.col + Math.max(...block.map((b) => b.length)) - 1) };
    this.anchor = at;
    this.end = last;
    this.changed();
  }

  /** Delete: the selected inputs go back to their defaults, one undo step. */
  restoreDefaults() {
    const r = this.rect();
    if (!r) return;
    const inputs = documentStore.getState().inputs;
    const entries: CellEntry[] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const cell = this.cellAt(row, col);
        if (cell?.type !== 'input') continue;
        const text = defaultText(inputs, cell.key);
        if (text !== null) entries.push({ key: cell.key, text });
      }
    }
    if (entries.length === 0) return;
    documentStore.getState().enterMany(entries, 'typed');
    setStatus(`Restored ${entries.length} input${entries.length === 1 ? '' : 's'} to ${entries.length === 1 ? 'its default' : 'their defaults'}`);
  }

  /** Ctrl+D / Ctrl+R: the top row (left column) into the rest; a single cell takes the one above (left). */
  fill(direction: 'down' | 'right') {
    let r = this.rect();
    if (!r) return;
    if (rectSize(r) === 1) {
      if (direction === 'down' && r.top > 0) r = { ...r, top: r.top - 1 };
      else if (direction === 'right' && r.left > 0) r = { ...r, left: r.left - 1 };
      else return;
    }
    const entries: CellEntry[] = [];
    for (const f of fillCells(r, direction)) {
      const target = this.cellAt(f.row, f.col);
      const source = this.cellAt(f.from.row, f.from.col);
      if (target?.type !== 'input' || !source || (source.type !== 'input' && source.type !== 'value')) continue;
      entries.push({ key: target.key, text: cellText(source) });
    }
    if (entries.length === 0) return;
    documentStore.getState().enterMany(entries, 'typed');
    setStatus(`Filled ${direction} ${entries.length} cell${entries.length === 1 ? '' : 's'}`);
  }
}

