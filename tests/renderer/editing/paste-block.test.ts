import { describe, expect, it } from 'vitest';
import { mapBlock, parseTsv, toTsv } from '../../../renderer/src/editing/paste-block';

describe('clipboard blocks', () => {
  it('parses Excel tab-separated text, trailing newline and quoted cells', () => {
    expect(parseTsv('35%\t42,000\r\n20%\t18,000\r\n')).toEqual([['35%', '42,000'], ['20%', '18,000']]);
    expect(parseTsv('"a\tb"\t"say ""hi"""\n')).toEqual([['a\tb', 'say "hi"']]);
    expect(parseTsv('85%')).toEqual([['85%']]);
    expect(parseTsv(toTsv([['x\ty', 'z']]))).toEqual([['x\ty', 'z']]);
  });
  it('lays a block row and column wise from the anchor, skipping cells that are not inputs', () => {
    const grid = [['a', null, 'c'], ['d', 'e', 'f']];
    const keyAt = (r: number, c: number) => grid[r]?.[c] ?? null;
    expect(mapBlock([['1', '2', '3'], ['4', '5', '6']], { row: 0, col: 0 }, keyAt)).toEqual([
      { key: 'a', text: '1' }, { key: 'c', text: '3' }, { key: 'd', text: '4' }, { key: 'e', text: '5' }, { key: 'f', text: '6' },
    ]);
    expect(mapBlock([['1', '2'], ['3', '4']], { row: 1, col: 2 }, keyAt)).toEqual([{ key: 'f', text: '1' }]);
  });
});
