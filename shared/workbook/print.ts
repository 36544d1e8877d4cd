// The workbook for a reader on paper (issue 12 item 7), applied to every visible
// sheet after it is written:
// - columns as wide as their text (a long title or note that spills into empty
//   cells to its right does not widen its column);
// - A4, landscape when the sheet is wider than a portrait page, the main table's
//   header row repeated on every page, a print area;
// - fit to one page wide only while that keeps the text at 9 pt or more (the
//   sheets are written in 11 pt); a wider sheet prints across pages with its
//   first column repeated instead of being shrunk out of legibility.
import type * as ExcelJS from 'exceljs';
import { COLORS } from './styles';
import { fitText, OFFICE_LIMITS } from './office-limits';

/** The body font size the sheets are written in, and the smallest a printout may shrink it to. */
const BODY_PT = 11;
const MIN_PT = 9;
/** A4 width in points, and the side margins (inches): 0.5, or 0.35 for a sheet that should print one page wide if it can. */
const A4_PORTRAIT_PT = 8.27 * 72;
const A4_LANDSCAPE_PT = 11.69 * 72;
const SIDE_IN = 0.5;
const NARROW_SIDE_IN = 0.35;
const MAX_WIDTH = 60;
const MIN_WIDTH = 6;

/** Excel column width (characters of the default font) → points. */
const widthPt = (w: number) => (Math.trunc(w * 7 + 5) * 3) / 4;

/** How many characters a cell shows, as its format prints it. */
function shownLength(cell: ExcelJS.Cell): number {
  const v = cell.value as unknown;
  // a formula shows its result; one cached as '' (a warning that is blank) has none in ExcelJS
  const raw = v !== null && typeof v === 'object' && 'formula' in v ? (v as { result?: unknown }).result
    : v !== null && typeof v === 'object' && 'result' in (v) ? (v).result
    : v !== null && typeof v === 'object' && 'richText' in (v) ? (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('')
    : v;
  if (raw === null || raw === undefined) return 0;
  if (typeof raw === 'number') {
    const fmt = cell.numFmt ?? '';
    if (fmt.includes('%')) return 9;
    if (/,,|,"|"[KMB]"/.test(fmt)) return 10; // $25.0M
    const digits = Math.round(Math.abs(raw)).toLocaleString('en-US').length;
    const decimals = /\.(0+)/.exec(fmt)?.[1]?.length ?? 0;
    const unit = /"([^"]*)"/.exec(fmt)?.[1]?.length ?? 0;
    return digits + (decimals ? decimals + 1 : 0) + unit + 3; // sign or parentheses and a currency sign
  }
  return (typeof raw === 'string' ? raw : typeof raw === 'boolean' ? String(raw) : raw instanceof Date ? raw.toString() : JSON.stringify(raw) ?? '').length;
}

const isHeader = (cell: ExcelJS.Cell) => (cell.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb === COLORS.headerFill;

/**
 * `keepWidths` (the Board Report, which sizes its charts to its columns and must
 * print one page wide): never narrower than the sheet set, headers wrap to four
 * lines, and words with nothing to their right (a band name) spill at any length.
 */
export function fitColumns(ws: ExcelJS.Worksheet, opts: { keepWidths?: boolean } = {}): void {
  const headerLines = opts.keepWidths ? 4 : 3;
  const spillFrom = opts.keepWidths ? 0 : 24;
  const need = new Map<number, number>();
  const merged = new Set<string>();
  for (const range of Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges ?? {})) merged.add(range);
  ws.eachRow((row) => {
    row.eachCell((cell, col) => {
      if (cell.isMerged) return;
      let len = shownLength(cell);
      if (!len) return;
      const text = typeof cell.value === 'string' || (opts.keepWidths === true && typeof (cell.value as { result?: unknown } | null)?.result === 'string');
      // Headers and wrapped text wrap: their longest word must fit, and three lines are fine.
      if (isHeader(cell) || cell.alignment?.wrapText) len = Math.max(...String(cell.text).split(/\s+/).map((w) => w.length), Math.ceil(len / headerLines));
      // A title or note with nothing to its right spills over: it does not set the width.
      else if (text && len > spillFrom && ((row as unknown as { findCell(c: number): ExcelJS.Cell | undefined }).findCell(col + 1)?.value ?? null) === null) return;
      const size = (cell.font?.size ?? BODY_PT) / BODY_PT;
      const bold = cell.font?.bold ? 1.1 : 1;
      need.set(col, Math.max(need.get(col) ?? 0, len * size * bold + 2));
    });
  });
  for (const [col, w] of need) {
    const column = ws.getColumn(col);
    // Never narrower than its text; a deliberately wide column may stay wide up to a point.
    column.width = opts.keepWidths && column.width
      ? Math.max(column.width, Math.min(MAX_WIDTH, Math.ceil(w)))
      : Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(w), Math.min(column.width ?? 0, Math.ceil(w) + 4)));
  }
  fitHeaderRows(ws);
}

/** Lines a header of `text` takes in a column `width` characters wide, wrapped at its words (a word longer than a line is broken). */
function headerLines(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  let lines = 0, used = room;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (used + 1 + word.length <= room) { used += 1 + word.length; continue; }
    lines += Math.ceil(word.length / room);
    used = word.length - (Math.ceil(word.length / room) - 1) * room;
  }
  return Math.max(1, lines);
}

/** Header rows as tall as their wrapped labels ("Conversion to next stage" on two lines); a row already taller stays so. */
export function fitHeaderRows(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row) => {
    let lines = 1;
    row.eachCell((cell, col) => {
      if (!isHeader(cell) || cell.isMerged) return;
      lines = Math.max(lines, headerLines(String(cell.text), ws.getColumn(col).width ?? 9));
    });
    if (lines > 1) row.height = Math.max(row.height ?? 15, lines * 13 + 4);
  });
}

/** The header row of the sheet's longest table, when that table runs over a page: the one to repeat on every printed page. */
function mainHeaderRow(ws: ExcelJS.Worksheet, lastRow: number): number | null {
  const headerRows: number[] = [];
  ws.eachRow((row, r) => { if (r <= lastRow && (isHeader(row.getCell(1)) || isHeader(row.getCell(2)))) headerRows.push(r); });
  let best: number | null = null, bestLen = 0;
  headerRows.forEach((r) => {
    // the table runs until its first empty row
    let len = 0;
    while (r + len + 1 <= lastRow && ws.getRow(r + len + 1).cellCount > 0 && !headerRows.includes(r + len + 1)) len++;
    if (len > bestLen) { best = r; bestLen = len; }
  });
  return bestLen > 30 ? best : null;
}

/** `footer`: the text printed at the foot of each page (plain text: the codes are added here). */
/** `lastCol`: the last column a reader needs on paper (Assumptions' canonical keys are for Bowtie). */
/** `narrow`: side margins of 0.35 in, so a sheet just wider than a page (the Board Report with three scenarios) still prints one page wide. */
/** `fitWidth`: one page wide whatever the width (the Board Report, the board pack's first page: it sizes its columns to stay at 9 pt or more). */
/** `lastRow`: the last printed row (the Board Report's charts cover rows without cells below its last). */
/** A sheet that set its own print area (the Journey's top tables, the ARR Bridge's annual bridge) is laid out for that area. */
export function setUpPrinting(ws: ExcelJS.Worksheet, footer: string, opts: { lastCol?: number; lastRow?: number; narrow?: boolean; fitWidth?: boolean } = {}): void {
  const side = opts.narrow ? NARROW_SIDE_IN : SIDE_IN;
  const own = opts.lastCol === undefined ? /^\$?A\$?1:\$?([A-Z]+)\$?(\d+)$/.exec(ws.pageSetup?.printArea ?? '') : null;
  const lastCol = Math.max(1, opts.lastCol ?? (own ? colNumber(own[1]!) : ws.columnCount));
  const lastRow = Math.max(1, opts.lastRow ?? (own ? Number(own[2]) : ws.rowCount));
  let total = 0;
  for (let c = 1; c <= lastCol; c++) total += widthPt(ws.getColumn(c).width ?? 9);
  const landscape = total > A4_PORTRAIT_PT - 2 * side * 72;
  const page = (landscape ? A4_LANDSCAPE_PT : A4_PORTRAIT_PT) - 2 * side * 72;
  const fits = opts.fitWidth === true || total * (MIN_PT / BODY_PT) <= page;
  const header = mainHeaderRow(ws, lastRow);
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: fits, fitToWidth: fits ? 1 : 0, fitToHeight: 0,
    horizontalCentered: !landscape,
    margins: { left: side, right: side, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    // a sheet that set its own print area (the Board Report's, which covers its charts) keeps it
    // absolute rows written here: ExcelJS adds only the columns' `$`, and LibreOffice ignores a print area with relative rows
    printArea: opts.lastCol ? `A$1:${colName(lastCol)}$${lastRow}` : ws.pageSetup?.printArea ?? `A$1:${colName(lastCol)}$${lastRow}`,
    printTitlesRow: header ? `${header}:${header}` : ws.pageSetup?.printTitlesRow,
    ...(fits ? {} : { printTitlesColumn: 'A:A' }),
  };
  if (!fits) ws.pageSetup.scale = 100;
  ws.headerFooter = { ...ws.headerFooter, oddFooter: footerCodes(footer) };
}

/** The footer's codes: `text` on the left (its `&` doubled, cut to fit Office's 255 characters), the page number on the right. */
export function footerCodes(text: string): string {
  const codes = (t: string) => `&L&9${t.replace(/&/g, '&&')}&R&9Page &P of &N`;
  let t = text;
  for (let max = [...text].length; codes(t).length > OFFICE_LIMITS.headerFooter; max--) t = fitText(text, max);
  return codes(t);
}

function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
