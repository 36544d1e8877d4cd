// A sheet's cell values read straight from its XML, for the Actuals sheet
// (issue 19): its cohort table alone can hold 720,600 values (1,200 monthly
// cohorts), past what ExcelJS can build a cell object for within the reader's
// memory cap, so the pre-scan keeps the part and this reads it into one map of
// plain values (tens of bytes a cell). The XML has passed the pre-scan's
// tokenizer already; this reads it with the same one.
import { decodeAddress } from './cell-ranges';
import { walkXml } from './xml-tags';

export type CellValue = number | string | null;

export interface SheetCells {
  /** the last row with a cell */
  readonly rowCount: number;
  value(row: number, col: number): CellValue;
}

/** The shared-string table: each `<si>`'s text, rich-text runs joined (phonetic runs left out). */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let phonetic = false;
  walkXml(xml, 'the shared strings', ({ local }) => {
    if (local === 'si') out.push('');
    else if (local === 'rPh') phonetic = true;
  }, new Set(['t', 'rPh']), (local, text) => {
    if (local === 'rPh') phonetic = false;
    else if (!phonetic && out.length) out[out.length - 1] += text;
  });
  return out;
}

const KEY_ROWS = 16_384;

/** Every cell with a value: numbers as numbers, shared, inline and formula strings as text, booleans TRUE/FALSE, errors as their code. */
export function readSheetCells(xml: string, strings: readonly string[], where: string): SheetCells {
  const values = new Map<number, CellValue>();
  let row = 0, col = 0, rowCount = 0;
  let type = 'n', key = -1, text: string | null = null;
  walkXml(xml, where, ({ local, attrs }) => {
    if (local === 'row') {
      const r = Number(attrs.get('r'));
      row = Number.isInteger(r) && r >= 1 ? r : row + 1;
      col = 0;
    } else if (local === 'c') {
      const a = decodeAddress(attrs.get('r') ?? '');
      if (a.row !== undefined) row = a.row;
      col = a.col ?? col + 1;
      type = attrs.get('t') ?? 'n';
      key = row * KEY_ROWS + col;
      text = null;
    } else if (local === 'is') text = '';
  }, new Set(['v', 't', 'c']), (local, t) => {
    if (local === 't') { if (text !== null) text += t; return; }
    if (local === 'v') text = t;
    if (local !== 'c' || text === null) return;
    const v: CellValue = type === 's' ? strings[Number(text)] ?? ''
      : type === 'b' ? (text.trim() === '1' ? 'TRUE' : 'FALSE')
      : type === 'str' || type === 'inlineStr' || type === 'e' || type === 'd' ? text
      : text.trim() === '' ? null : Number(text);
    if (v === null) return;
    values.set(key, v);
    if (row > rowCount) rowCount = row;
  });
  return { rowCount, value: (r, c) => values.get(r * KEY_ROWS + c) ?? null };
}
