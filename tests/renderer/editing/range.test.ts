import { describe, expect, it } from 'vitest';
import { fillCells, rectOf, selectionStats, tileBlock } from '../../../renderer/src/editing/range';

describe('range selection', () => {
  it('is the rectangle between anchor and end, whichever way it was dragged', () => {
    expect(rectOf({ row: 3, col: 1 }, { row: 1, col: 4 })).toEqual({ top: 1, bottom: 3, left: 1, right: 4 });
  });
  it('repeats a pasted block over a selection whose size is a multiple of it, as Excel does', () => {
    expect(tileBlock([['1', '2']], { top: 0, left: 0, bottom: 2, right: 3 })).toEqual([['1', '2', '1', '2'], ['1', '2', '1', '2'], ['1', '2', '1', '2']]);
    expect(tileBlock([['a'], ['b']], { top: 5, left: 2, bottom: 8, right: 2 })).toEqual([['a'], ['b'], ['a'], ['b']]);
  });
  it('pastes once when the selection is not a multiple of the block, or is smaller', () => {
    expect(tileBlock([['a'], ['b']], { top: 0, left: 0, bottom: 2, right: 0 })).toEqual([['a'], ['b']]);
    expect(tileBlock([['a', 'b'], ['c', 'd']], { top: 0, left: 0, bottom: 0, right: 0 })).toEqual([['a', 'b'], ['c', 'd']]);
  });
  it('fills down from the top row and right from the left column', () => {
    expect(fillCells({ top: 0, left: 0, bottom: 2, right: 1 }, 'down')).toEqual([
      { row: 1, col: 0, from: { row: 0, col: 0 } }, { row: 1, col: 1, from: { row: 0, col: 1 } },
      { row: 2, col: 0, from: { row: 0, col: 0 } }, { row: 2, col: 1, from: { row: 0, col: 1 } },
    ]);
    expect(fillCells({ top: 4, left: 1, bottom: 4, right: 3 }, 'right')).toEqual([
      { row: 4, col: 2, from: { row: 4, col: 1 } }, { row: 4, col: 3, from: { row: 4, col: 1 } },
    ]);
  });
  it('counts non-empty cells and sums / averages the numbers among them', () => {
    expect(selectionStats([0.1, 0.2, 'Modules', null, 0.3])).toEqual({ sum: 0.6, average: 0.2, count: 4, numbers: 3 });
    expect(selectionStats(['a', ''])).toEqual({ sum: 0, average: null, count: 1, numbers: 0 });
  });
});
