// Cell addresses and ranges read exactly as ExcelJS 4.4 reads them (its
// utils/col-cache.js decodeAddress, decode and decodeEx, and the row reader's
// parseInt), so the pre-scan bounds the numbers ExcelJS will loop over rather
// than what a stricter reading would see. ExcelJS is lenient: it skips
// characters it does not know, so `$a$1` is row 1 with no column.

export interface Address { row: number | undefined; col: number | undefined }

/** ExcelJS's decodeAddress, without its cache and its column-letter exception (columns past 16,384 are reported instead). */
export function decodeAddress(value: string): Address {
  let hasCol = false, hasRow = false, col = 0, row = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (!hasRow && ch >= 65 && ch <= 90) { hasCol = true; col = col * 26 + ch - 64; }
    else if (ch >= 48 && ch <= 57) { hasRow = true; row = row * 10 + ch - 48; }
    else if (hasRow && hasCol && ch !== 36) break;
  }
  return { row: hasRow ? row : undefined, col: hasCol ? col : undefined };
}

export interface Span { top: number; left: number; bottom: number; right: number }

/**
 * A range as ExcelJS's decode/decodeEx reads it (`Sheet!A1:B2`, `A1`): its
 * corners, or null when ExcelJS would loop over nothing (a corner without a row
 * or column makes its bounds NaN). A single address is a 1×1 span.
 */
export function decodeRange(value: string): Span | null {
  const reference = /(?:(?:(?:'((?:[^']|'')*)')|([^'^ !]*))!)?(.*)/.exec(value)![3]!;
  const parts = reference.split(':');
  const a = decodeAddress(parts[0]!);
  const b = parts.length > 1 ? decodeAddress(parts[1]!) : a;
  if (a.row === undefined || a.col === undefined || b.row === undefined || b.col === undefined) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

export const spanCells = (s: Span) => (s.bottom - s.top + 1) * (s.right - s.left + 1);

/** ExcelJS reads row numbers, sheet ids and column spans with parseInt. */
export const parseIntLikeExcelJS = (s: string | undefined) => (s === undefined ? undefined : parseInt(s, 10));

/** ExcelJS's defined-name text → ranges (defined-name-xform.js extractRanges), keeping the ones it would drop as invalid too. */
export function definedNameRanges(text: string): string[] {
  const ranges: string[] = [];
  let quotesOpened = false;
  let last = '';
  for (const item of text.split(',')) {
    if (!item) continue;
    const quotes = (item.match(/'/g) ?? []).length;
    if (!quotes) {
      if (quotesOpened) last += `${item},`;
      else ranges.push(item);
      continue;
    }
    const even = quotes % 2 === 0;
    if (!quotesOpened && even) ranges.push(item);
    else if (quotesOpened && !even) { quotesOpened = false; ranges.push(last + item); last = ''; }
    else { quotesOpened = true; last += `${item},`; }
  }
  return ranges;
}
