// Cell styles shared by the sheets. Inputs follow the finance convention the issue
// asks for: blue font on a light fill, so a reader sees at once what may be edited.
import type * as ExcelJS from 'exceljs';

/**
 * Number formats of the working sheets (flows in whole currency units, as the
 * app's grids show them). Negatives in parentheses, as in the app. Headline
 * figures (Board Report, Metrics) take the shared formatter's per-value formats
 * instead (excelNumberFormat in shared/report/format.ts).
 */
export const FMT = {
  money: '#,##0;(#,##0);0',
  moneyCents: '#,##0.00;(#,##0.00);0.00',
  percent: '0.0%;(0.0%);0.0%',
  percentInput: '0.0##%',
  ratio: '0.00"×";(0.00"×");0.00"×"',
  months: '0.0" months"',
  years: '0.0" years"',
  count: '#,##0.0',
  integer: '0',
  factor: '0.000000',
  general: 'General',
} as const;

export const COLORS = {
  inputFont: 'FF0000FF',
  inputFill: 'FFFFF8DC',
  headerFill: 'FF1F3A5F',
  headerFont: 'FFFFFFFF',
  sectionFont: 'FF1F3A5F',
  subtleFont: 'FF7F7F7F',
  bandFill: 'FFEAF1F8',
  flagFont: 'FFC00000',
} as const;

export const inputFont: Partial<ExcelJS.Font> = { color: { argb: COLORS.inputFont } };
export const inputFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: COLORS.inputFill } };
export const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: COLORS.headerFill } };
export const bandFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: COLORS.bandFill } };
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
export const inputBorder: Partial<ExcelJS.Borders> = { top: thin, bottom: thin, left: thin, right: thin };

/** A sheet title in row 1 and a grey subtitle in row 2. */
export function title(ws: ExcelJS.Worksheet, text: string | { formula: string; result: string }, subtitle?: string): void {
  const t = ws.getCell(1, 1);
  t.value = text;
  t.font = { bold: true, size: 16, color: { argb: COLORS.sectionFont } };
  ws.getRow(1).height = 24;
  if (subtitle) {
    const s = ws.getCell(2, 1);
    s.value = subtitle;
    s.font = { italic: true, color: { argb: COLORS.subtleFont } };
  }
}

export function section(ws: ExcelJS.Worksheet, row: number, col: number, text: string): void {
  const c = ws.getCell(row, col);
  c.value = text;
  c.font = { bold: true, size: 12, color: { argb: COLORS.sectionFont } };
}

/** Column headers: white bold text on the dark band, wrapped. */
export function headers(ws: ExcelJS.Worksheet, row: number, col: number, labels: readonly string[]): void {
  labels.forEach((label, i) => {
    const c = ws.getCell(row, col + i);
    c.value = label;
    c.font = { bold: true, color: { argb: COLORS.headerFont } };
    c.fill = headerFill;
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: i === 0 ? 'left' : 'center' };
  });
}

export function note(ws: ExcelJS.Worksheet, row: number, col: number, text: string): void {
  const c = ws.getCell(row, col);
  c.value = text;
  c.font = { italic: true, size: 9, color: { argb: COLORS.subtleFont } };
}
