// Rectangular selections as a spreadsheet has them (issue 11 §8), pure so the
// rules are unit-tested without a grid: the rectangle between an anchor and the
// active end, a pasted block repeated over a larger selection, fill down/right,
// and the status bar's Sum / Average / Count.

export interface CellPos { row: number; col: number }
export interface Rect { top: number; left: number; bottom: number; right: number }

export const rectOf = (a: CellPos, b: CellPos): Rect => ({
  top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col),
});
export const inRect = (r: Rect, row: number, col: number): boolean => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
export const rectRows = (r: Rect): number => r.bottom - r.top + 1;
export const rectCols = (r: Rect): number => r.right - r.left + 1;
export const rectSize = (r: Rect): number => rectRows(r) * rectCols(r);

/**
 * Excel's paste into a selection: a block whose rows and columns each divide the
 * selection's is repeated to fill it; otherwise it is pasted once at the top left.
 */
export function tileBlock(block: readonly (readonly string[])[], target: Rect): string[][] {
  const rows = block.length;
  const cols = Math.max(0, ...block.map((r) => r.length));
  if (rows === 0 || cols === 0) return [];
  const h = rectRows(target);
  const w = rectCols(target);
  if (h * w <= rows * cols || h % rows !== 0 || w % cols !== 0) return block.map((r) => [...r]);
  return Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, c) => block[r % rows]![c % cols] ?? ''));
}

export interface FillEntry { row: number; col: number; from: CellPos }

/** Fill down copies the top row of the selection into the rows below; fill right the left column to the right. */
export function fillCells(r: Rect, direction: 'down' | 'right'): FillEntry[] {
  const out: FillEntry[] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) {
      const from = direction === 'down' ? { row: r.top, col } : { row, col: r.left };
      if (from.row !== row || from.col !== col) out.push({ row, col, from });
    }
  }
  return out;
}

export interface SelectionStats { sum: number; average: number | null; count: number; numbers: number }

/** Excel's status bar: Count of non-empty cells; Sum and Average of the numbers among them. */
export function selectionStats(values: readonly (number | string | null | undefined)[]): SelectionStats {
  let sum = 0;
  let numbers = 0;
  let count = 0;
  for (const v of values) {
    if (v === null || v === undefined || v === '') continue;
    count++;
    if (typeof v === 'number' && Number.isFinite(v)) { sum += v; numbers++; }
  }
  return { sum: Number.parseFloat(sum.toPrecision(12)), average: numbers ? Number.parseFloat((sum / numbers).toPrecision(12)) : null, count, numbers };
}
