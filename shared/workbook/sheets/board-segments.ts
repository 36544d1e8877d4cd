// The Board Report sheet's segment block (issue 24 item 6): NRR and GRR by segment,
// the mix of ARR by year end and the segment that drags NRR most, from the same
// shared/report/board-segments.ts the app draws. Values computed by Bowtie at save
// time (the segments' live formulas are the workbook's segment sheets' job).
import type * as ExcelJS from 'exceljs';
import type { ModelInputs } from '../../model/inputs';
import { toNumbers, type Dec, type ModelResult } from '../../index';
import { boardSegments } from '../../report/board-segments';
import { excelNumberFormat } from '../../report/format';
import { putValue } from '../cells';
import { headers, note, section } from '../styles';

/** Writes the block from `row` on; returns the next free row (`row` itself without segments). */
export function writeBoardSegments(ws: ExcelJS.Worksheet, row: number, m: ModelInputs, result: ModelResult<Dec>): number {
  if (!result.segments) return row;
  const block = boardSegments(m, toNumbers(result));
  if (!block) return row;
  const cur = m.general.currency;
  const years = block.rows[0]?.mix.length ?? 0;
  section(ws, row++, 1, `By segment: NRR and GRR in year ${block.year}, share of ARR at each year end`);
  headers(ws, row++, 1, ['Segment', 'New logos, year 1', `NRR, year ${block.year}`, `GRR, year ${block.year}`, ...Array.from({ length: years }, (_, i) => `ARR share, Y${i + 1}`)]);
  const put = (r: number, c: number, v: number | null, f: 'percent' | 'money') => {
    putValue(ws, r, c, v, excelNumberFormat(f, v, cur)).alignment = { horizontal: 'right' };
  };
  for (const s of block.rows) {
    ws.getCell(row, 1).value = s.name;
    if (block.drag?.id === s.id) ws.getCell(row, 1).font = { bold: true };
    put(row, 2, s.logoShare.value, 'percent');
    put(row, 3, s.nrr.value, 'percent');
    put(row, 4, s.grr.value, 'percent');
    s.mix.forEach((f, i) => put(row, 5 + i, f.value, 'percent'));
    row++;
  }
  ws.getCell(row, 1).value = 'Company';
  ws.getCell(row, 1).font = { bold: true };
  put(row, 2, 1, 'percent');
  put(row, 3, block.company.nrr.value, 'percent');
  put(row, 4, block.company.grr.value, 'percent');
  for (let i = 0; i < years; i++) put(row, 5 + i, 1, 'percent');
  row++;
  ws.getCell(row++, 1).value = block.drag ? block.drag.sentence : `No segment falls short of the company's year-${block.year} NRR.`;
  note(ws, row++, 1, 'Segment figures are values computed by Bowtie at save time.');
  return row + 1;
}
